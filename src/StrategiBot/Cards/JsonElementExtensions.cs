using System.Text.Json;

namespace StrategiBot.Cards;

/// <summary>Reading what a card posted back, where any value may have any shape.</summary>
internal static class JsonElementExtensions
{
    /// <summary>A string property, or null when the element is not an object or the property is absent or not a string.</summary>
    public static string? StringProperty(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
