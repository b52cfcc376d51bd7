using Microsoft.Extensions.Options;
using StrategiBot.Retrieval;

namespace StrategiBot.Answering;

/// <summary>Turns retrieval results into answers: cite when confident, otherwise say so honestly.</summary>
internal sealed class Answerer(KnowledgeBase knowledge, IOptions<AnsweringOptions> options)
{
    public KnowledgeBase Knowledge => knowledge;

    public Answer Answer(string question, string organisationId)
    {
        if (knowledge.Pack(organisationId) is null)
        {
            throw new ArgumentException($"Unknown organisation '{organisationId}'. Known: {string.Join(", ", knowledge.Packs.Select(p => p.Organisation.Id))}.", nameof(organisationId));
        }
        var result = knowledge.Search(question, organisationId);
        return FromResult(result, result.Confidence);
    }

    /// <summary>The answer a search gives at a confidence (the search's own, or another model's when fitting one).</summary>
    public Answer FromResult(RetrievalResult result, float confidence)
    {
        var answered = result.Passages.Count > 0 && confidence >= options.Value.MinConfidence;
        var citations = answered
            ? result.Passages.Select(p => new Citation(p.Passage.OrganisationId, p.Passage.Section.Id, p.Passage.Section.FullTitle, p.Passage.Text)).ToList()
            : [];
        var suggestions = answered
            ? []
            : result.NearestSections.Select(s => new SectionSuggestion(s.Id, s.FullTitle)).ToList();
        return new Answer(result.Question, result.OrganisationId, answered, confidence, citations, suggestions);
    }
}
