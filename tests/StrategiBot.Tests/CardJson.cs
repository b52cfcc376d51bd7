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

    public static JsonObject Button(Activity activity, string title) =>
        Elements(Card(activity)).Single(e => e["type"]?.GetValue<string>() is { } type && type.StartsWith("Action.", StringComparison.Ordinal) && e["title"]?.GetValue<string>() == title);

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
}
