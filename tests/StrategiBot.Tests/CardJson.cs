using System.Text.Json;
using System.Text.Json.Nodes;
using StrategiBot.Protocol.Schema;

namespace StrategiBot.Tests;

/// <summary>Reads a sent card the way a client would: its inputs, and the data a button posts back.</summary>
internal static class CardJson
{
    public static JsonNode Card(Activity activity) =>
        JsonNode.Parse(Assert.Single(activity.Attachments ?? []).Content!.Value.GetRawText())!;

    /// <summary>Every element of the card (body, nested containers, action sets, show-card cards), depth first.</summary>
    public static IEnumerable<JsonObject> Elements(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                    {
                        foreach (var inner in Elements(child))
                        {
                            yield return inner;
                        }
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array.Where(i => i is not null))
                {
                    foreach (var inner in Elements(item!))
                    {
                        yield return inner;
                    }
                }
                break;
        }
    }

    public static JsonObject Input(Activity activity, string id) =>
        Elements(Card(activity)).Single(e => e["id"]?.GetValue<string>() == id);

    /// <summary>The button titled <paramref name="title"/>; an <c>Action.Execute</c>'s fallback is the same button, not another.</summary>
    public static JsonObject Button(Activity activity, string title) =>
        Elements(Card(activity)).Single(e => e["type"]?.GetValue<string>() is { } type && type.StartsWith("Action.", StringComparison.Ordinal)
            && e["title"]?.GetValue<string>() == title
            && !(e.Parent is JsonObject && e.GetPropertyName() == "fallback"));

    /// <summary>What pressing the button posts: its data, plus the given input values as a client merges them.</summary>
    public static JsonElement Press(Activity activity, string title, IReadOnlyDictionary<string, string>? inputs = null)
    {
        var data = Button(activity, title)["data"]!.DeepClone().AsObject();
        foreach (var (id, value) in inputs ?? new Dictionary<string, string>())
        {
            data[id] = value;
        }
        return JsonSerializer.SerializeToElement(data);
    }

    /// <summary>
    /// What an Adaptive Cards 1.5 client posts when the user types <paramref name="typed"/> and presses the
    /// button: with <c>associatedInputs: "none"</c> only its data; otherwise every input of the card (typed or
    /// prefilled, empty ones as ""), and only when every required input has a value, since the client stops
    /// the press otherwise. A script that asks for what no client can send fails here.
    /// </summary>
    public static JsonElement ClientPress(Activity activity, string title, IReadOnlyDictionary<string, string>? typed = null)
    {
        typed ??= new Dictionary<string, string>();
        var button = Button(activity, title);
        var data = button["data"]!.DeepClone().AsObject();
        var inputs = Elements(Card(activity)).Where(e => e["type"]?.GetValue<string>() is { } type && type.StartsWith("Input.", StringComparison.Ordinal)).ToList();
        if (typed.Keys.FirstOrDefault(id => !inputs.Any(i => i["id"]?.GetValue<string>() == id)) is { } stray)
        {
            throw new InvalidOperationException($"The card has no input '{stray}' to type into.");
        }
        if (button["associatedInputs"]?.GetValue<string>() == "none")
        {
            return JsonSerializer.SerializeToElement(data);
        }
        foreach (var input in inputs)
        {
            var id = input["id"]!.GetValue<string>();
            var value = typed.TryGetValue(id, out var text) ? text : input["value"]?.GetValue<string>() ?? string.Empty;
            if (input["isRequired"]?.GetValue<bool>() == true && string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidOperationException($"A client would not send «{title}»: the required input '{id}' is empty.");
            }
            data[id] = value;
        }
        return JsonSerializer.SerializeToElement(data);
    }
}
