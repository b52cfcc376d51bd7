using StrategiBot.Storage;

namespace StrategiBot.Planning;

/// <summary>
/// A half-filled plan, kept per user (pseudonymous key), organisation and form: every step is stored as
/// it is sent, so the form opens again with what was typed, on any device and after a restart.
/// </summary>
internal sealed record PlanDraft(IReadOnlyDictionary<string, string> Values, DateTimeOffset SavedAt)
{
    /// <summary>The plan was completed; the form then opens empty, and "Endre planen" brings it back.</summary>
    public bool Finished { get; init; }

    /// <summary>The step (from 0) the user last moved to or saved; the form resumes there or at an earlier step that lacks something.</summary>
    public int Step { get; init; }

    /// <summary>
    /// How many times this user has finished a plan on this form. A step card carries the count it was
    /// drawn under, so a card from a plan since finished cannot overwrite the finished one or its edit.
    /// </summary>
    public int Completed { get; init; }

    public static StateKey<PlanDraft> Key(string organisationId, string formId, string userKey) =>
        new("plan-draft", $"{organisationId}/{formId}/{userKey}");
}
