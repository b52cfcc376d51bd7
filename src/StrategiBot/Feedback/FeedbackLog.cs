using StrategiBot.Storage;

namespace StrategiBot.Feedback;

/// <summary>
/// The "Var dette nyttig?" votes of one organisation, stored whole so the communication department can
/// export them (<c>feedback</c> on the command line). Newest last; the oldest drop off beyond the cap.
/// </summary>
internal sealed record FeedbackLog(IReadOnlyList<FeedbackEntry> Entries)
{
    /// <summary>Enough for months of votes in one municipality while keeping the record small to rewrite.</summary>
    public const int MaxEntries = 5000;

    public static StateKey<FeedbackLog> Key(string organisationId) => new("feedback", organisationId);

    /// <summary>Adds a vote; a user voting again on the same question and section changes their vote.</summary>
    public FeedbackLog With(FeedbackEntry entry)
    {
        var entries = Entries.Where(e => !e.SameSubject(entry)).Append(entry).ToList();
        return new FeedbackLog(entries.Count > MaxEntries ? entries[^MaxEntries..] : entries);
    }
}

/// <summary>
/// One vote. <see cref="UserKey"/> is the pseudonymous key (a hash), never the user's id or name;
/// <see cref="Question"/> is what the user asked (or the dialog and outcome), kept for the department.
/// </summary>
internal sealed record FeedbackEntry(string UserKey, string Source, string Question, string? SectionId, bool Helpful, DateTimeOffset At)
{
    public bool SameSubject(FeedbackEntry other) =>
        UserKey == other.UserKey && Source == other.Source && Question == other.Question && SectionId == other.SectionId;
}
