using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using StrategiBot.Protocol.Schema;

namespace StrategiBot.Cards;

/// <summary>
/// A Universal Action (<c>Action.Execute</c>): a verb such as <c>checklist.save</c> and its data (the action's
/// <c>data</c> merged with the card's input values). It arrives as an <c>adaptiveCard/action</c> invoke in
/// Teams, or as the <c>value</c> of a message when a client without Universal Actions sent the
/// <c>Action.Submit</c> fallback (then the verb travels in the data as <c>verb</c>).
/// </summary>
internal sealed record UniversalAction(string Verb, JsonElement Data, bool Automatic)
{
    /// <summary>The invoke name Teams uses for <c>Action.Execute</c> and for card refresh.</summary>
    public const string InvokeName = "adaptiveCard/action";

    /// <summary>The key that carries the verb in an <c>Action.Submit</c> fallback's data.</summary>
    public const string VerbKey = "verb";

    /// <summary>Whether the client renders <c>Action.Execute</c>: Teams does; Web Chat and the Emulator do not.</summary>
    public static bool Supported(Activity activity) =>
        string.Equals(activity.ChannelId, "msteams", StringComparison.OrdinalIgnoreCase);

    /// <summary>A string from the data, or null when absent or not a string.</summary>
    public string? Text(string key) => Data.StringProperty(key);

    /// <summary>
    /// Reads <c>value: {action: {type: "Action.Execute", verb, data}, trigger}</c>; anything else is malformed
    /// and <paramref name="problem"/> says what, for the error response.
    /// </summary>
    public static bool TryParseInvoke(Activity activity, [NotNullWhen(true)] out UniversalAction? action, [NotNullWhen(false)] out string? problem)
    {
        action = null;
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            problem = "The invoke has no value object.";
            return false;
        }
        if (!value.TryGetProperty("action", out var execute) || execute.ValueKind != JsonValueKind.Object)
        {
            problem = "value.action is missing or not an object.";
            return false;
        }
        if (execute.StringProperty("type") != "Action.Execute")
        {
            problem = "value.action.type must be 'Action.Execute'.";
            return false;
        }
        if (execute.StringProperty("verb") is not { } verb || string.IsNullOrWhiteSpace(verb))
        {
            problem = "value.action.verb is missing.";
            return false;
        }
        var data = execute.TryGetProperty("data", out var d) ? d : default;
        if (data.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null))
        {
            problem = "value.action.data must be an object.";
            return false;
        }
        var automatic = value.StringProperty("trigger") == "automatic";
        action = new UniversalAction(verb, data.ValueKind == JsonValueKind.Object ? data : EmptyObject, automatic);
        problem = null;
        return true;
    }

    /// <summary>The same action from an <c>Action.Submit</c> fallback: the verb is in the data.</summary>
    public static UniversalAction? FromSubmit(JsonElement value) =>
        value.StringProperty(VerbKey) is { Length: > 0 } name
            ? new UniversalAction(name, value, Automatic: false)
            : null;

    /// <summary>
    /// A button for <paramref name="verb"/>: <c>Action.Execute</c> with an <c>Action.Submit</c> fallback where the
    /// client has Universal Actions (Teams), plain <c>Action.Submit</c> elsewhere (Web Chat, Emulator).
    /// </summary>
    public static JsonObject Button(string title, string verb, JsonObject data, bool universal)
    {
        var submitData = (JsonObject)data.DeepClone();
        submitData[VerbKey] = verb;
        var submit = AdaptiveCards.Submit(title, submitData);
        if (!universal)
        {
            return submit;
        }
        return new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = title,
            ["verb"] = verb,
            ["data"] = data.DeepClone(),
            ["fallback"] = submit,
        };
    }

    /// <summary>
    /// Makes Teams ask the bot for this card per viewer (<c>trigger: automatic</c>), so each person in a
    /// group chat sees their own state. Teams refreshes automatically for at most 60 listed users.
    /// </summary>
    public static void AddRefresh(JsonObject card, string title, string verb, JsonObject data, IEnumerable<string> userIds) =>
        card["refresh"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["title"] = title, ["verb"] = verb, ["data"] = data.DeepClone() },
            ["userIds"] = new JsonArray([.. userIds.Where(u => u.Length > 0).Distinct(StringComparer.Ordinal).Take(MaxRefreshUsers).Select(u => JsonValue.Create(u))]),
        };

    public const int MaxRefreshUsers = 60;

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();
}

/// <summary>
/// Answers to an <c>adaptiveCard/action</c> invoke. The HTTP status is always 200; the outcome is the body's
/// <c>statusCode</c> and <c>type</c>, which is what Teams reads.
/// </summary>
internal static class InvokeResponses
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string ErrorType = "application/vnd.microsoft.error";
    public const string MessageType = "application/vnd.microsoft.activity.message";

    /// <summary>The card that replaces the one the action came from (for the user who acted).</summary>
    public static InvokeResponse Card(JsonObject card) => Body(200, CardType, card);

    /// <summary>A short message Teams shows the user who acted, leaving the card as it is.</summary>
    public static InvokeResponse Message(string text) => Body(200, MessageType, JsonValue.Create(text));

    /// <summary>An error Teams shows on the card: 400 for a malformed or unsupported action, 500 for our failure.</summary>
    public static InvokeResponse Error(int statusCode, string code, string message) =>
        Body(statusCode, ErrorType, new JsonObject { ["code"] = code, ["message"] = message });

    public static InvokeResponse BadRequest(string message) => Error(400, "BadRequest", message);

    public static InvokeResponse NotSupported(string message) => Error(400, "NotSupported", message);

    private static InvokeResponse Body(int statusCode, string type, JsonNode value) => new(
        200,
        JsonSerializer.SerializeToElement(new JsonObject { ["statusCode"] = statusCode, ["type"] = type, ["value"] = value }));
}
