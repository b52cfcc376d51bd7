using System.Text;
using StrategiBot.Content;
using StrategiBot.Conversation;
using StrategiBot.Retrieval;

namespace StrategiBot.Answering;

/// <summary>What the bot says around a quotation: the lead-in, the source, the way forward.</summary>
internal sealed record ComposedAnswer(Answer Answer, Language Language, string LeadIn, Organisation Organisation, string PlainText);

/// <summary>
/// Words the answer in the asker's language. The quotation itself always stays in the strategy's own
/// Norwegian words: it is what the organisation decided, and a citation must not be paraphrased.
/// </summary>
internal sealed class AnswerComposer(KnowledgeBase knowledge)
{
    public ComposedAnswer Compose(Answer answer, Language? language = null)
    {
        var pack = knowledge.Pack(answer.OrganisationId) ?? throw new ArgumentException($"Unknown organisation '{answer.OrganisationId}'.", nameof(answer));
        var organisation = pack.Organisation;
        var lang = language ?? knowledge.DetectLanguage(answer.Question);
        var english = lang == Language.English;
        var leadIn = answer.Answered
            ? (english, answer.Tentative) switch
            {
                (true, false) => $"This is what {organisation.EnglishName}'s communication strategy says (quoted in Norwegian):",
                (true, true) => $"This is the closest I can find in {organisation.EnglishName}'s communication strategy (quoted in Norwegian):",
                (false, false) => $"Dette sier kommunikasjonsstrategien til {organisation.Name}:",
                (false, true) => $"Dette er det nærmeste jeg finner i kommunikasjonsstrategien til {organisation.Name}:",
            }
            : english
                ? $"{organisation.EnglishName}'s communication strategy does not cover this question."
                : $"Kommunikasjonsstrategien til {organisation.Name} sier ikke noe om dette.";

        var text = new StringBuilder().AppendLine(leadIn).AppendLine();
        if (answer.Answered)
        {
            var best = answer.Citations[0];
            text.AppendLine(best.Text).AppendLine()
                .AppendLine(english ? $"Source: {best.SectionTitle}" : $"Kilde: {best.SectionTitle}");
            if (answer.Citations.Count > 1)
            {
                text.AppendLine().AppendLine(english ? "Also relevant:" : "Se også:");
                for (var i = 1; i < answer.Citations.Count; i++)
                {
                    var further = answer.Citations[i];
                    text.AppendLine("- " + further.SectionTitle + (answer.ContinuesEarlierSection(i) ? ": " + further.Opening(60) : string.Empty));
                }
            }
        }
        else
        {
            if (answer.Suggestions.Count > 0)
            {
                text.AppendLine(english ? "Did you mean:" : "Mente du:");
                foreach (var suggestion in answer.Suggestions)
                {
                    text.AppendLine("- " + suggestion.Title);
                }
                text.AppendLine();
            }
            text.AppendLine(Cards.ContactCards.AskLine(organisation, english));
        }
        return new ComposedAnswer(answer, lang, leadIn, organisation, text.ToString().TrimEnd());
    }
}
