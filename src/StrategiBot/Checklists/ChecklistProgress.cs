using StrategiBot.Storage;

namespace StrategiBot.Checklists;

/// <summary>One user's ticks on one checklist, stored whole under the user's pseudonymous key.</summary>
internal sealed record ChecklistProgress
{
    /// <summary>The ids of the ticked items, in the checklist's order.</summary>
    public IReadOnlyList<string> Ticked { get; init; } = [];

    public DateTimeOffset? UpdatedAt { get; init; }

    public static StateKey<ChecklistProgress> Key(string userKey, string organisationId, string checklistId) =>
        new("checklist", $"{userKey}/{organisationId}/{checklistId}");
}
