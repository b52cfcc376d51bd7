using Microsoft.Extensions.Options;
using StrategiBot.Retrieval;

namespace StrategiBot.Answering;

/// <summary>Turns retrieval results into answers: cite when confident, otherwise say so honestly.</summary>
internal sealed class Answerer(KnowledgeBase knowledge, IOptions<AnsweringOptions> options)
{
    public KnowledgeBase Knowledge => knowledge;

    /// <summary>The same answering over other knowledge (<c>eval --held-out</c>).</summary>
    public Answerer With(KnowledgeBase other) => new(other, options);

    public Answer Answer(string question, string organisationId) => Answered(question, organisationId).Answer;

    /// <summary>The answer, and the search it came from (none for a section named by its title).</summary>
    public (Answer Answer, RetrievalResult? Search) Answered(string question, string organisationId)
    {
        if (knowledge.Pack(organisationId) is null)
        {
            throw new ArgumentException($"Unknown organisation '{organisationId}'. Known: {string.Join(", ", knowledge.Packs.Select(p => p.Organisation.Id))}.", nameof(organisationId));
        }
        if (knowledge.SectionTitled(question, organisationId) is { } section
            && knowledge.PassagesOf(section, organisationId, MaxCitations) is { Count: > 0 } passages)
        {
            // A section named by its title (a "Mente du" button, or typed) is shown as it is, not searched for:
            // a bare heading is too short a question to clear the confidence threshold.
            return (new Answer(question, organisationId, Answered: true, Confidence: 1f, [.. passages.Select(Cite)], []), null);
        }
        var result = knowledge.Search(question, organisationId);
        return (FromResult(result, result.Confidence), result);
    }

    /// <summary>
    /// Below this the nearest sections are not offered as "Mente du": of the 662 questions of the sets not
    /// stored in the content, the 138 under 0.05 are all unanswerable (and no typo copy of an answerable one
    /// falls there), most off the strategy's subject (holiday pay, parking) or much like a question it is known
    /// not to answer; the suggestions would only be noise.
    /// </summary>
    private const float MinSuggestionConfidence = 0.05f;

    /// <summary>The best passage and as many further ones as a search offers.</summary>
    private const int MaxCitations = 1 + KnowledgeBase.MaxFurther;

    private static Citation Cite(Passage passage) =>
        new(passage.OrganisationId, passage.Section.Id, passage.Section.FullTitle, passage.Text);

    /// <summary>The answer a search gives at a confidence (the search's own, or another model's when fitting one).</summary>
    public Answer FromResult(RetrievalResult result, float confidence)
    {
        var aboveThreshold = confidence >= options.Value.MinConfidence;
        // Far below the threshold the question is about something else, whatever word it shares with a passage.
        var oneWordFound = result.NamesAWordOfTheBestPassage && confidence >= MinSuggestionConfidence;
        var answered = result.Passages.Count > 0 && !result.AsksForADetail && (aboveThreshold || oneWordFound);
        var citations = answered
            ? result.Passages.Select(p => Cite(p.Passage)).ToList()
            : [];
        var suggestions = answered || confidence < MinSuggestionConfidence
            ? []
            : result.NearestSections.Select(s => new SectionSuggestion(s.Id, s.FullTitle)).ToList();
        return new Answer(result.Question, result.OrganisationId, answered, confidence, citations, suggestions)
        {
            Tentative = answered && (confidence < options.Value.HedgeBelow || !aboveThreshold),
        };
    }
}
