using System.Text.Json;
using System.Text.Json.Serialization;

namespace StrategiBot.Protocol.Schema;

/// <summary>The JSON conventions of the wire: camelCase, nulls omitted, unknown fields tolerated.</summary>
public static class ProtocolJson
{
    /// <summary>Options for reading and writing protocol types.</summary>
    public static JsonSerializerOptions Options => ProtocolJsonContext.Wire.Options;

    /// <summary>Reads an activity; throws <see cref="JsonException"/> on malformed JSON.</summary>
    public static Activity? DeserializeActivity(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, ProtocolJsonContext.Wire.Activity);

    /// <summary>Writes an activity as UTF-8 JSON.</summary>
    public static byte[] Serialize(Activity activity) =>
        JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJsonContext.Wire.Activity);

    /// <summary>Turns any serialisable value into a <see cref="JsonElement"/>.</summary>
    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, Options);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    AllowTrailingCommas = true,
    ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ExpectedReplies))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(TeamsChannelData))]
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The generated context with non-ASCII letters written as themselves: Teams counts message size, and
    /// escaping every æ, ø and å as \uXXXX would triple their share of it. Safe because the JSON never
    /// lands inside HTML.
    /// </summary>
    public static ProtocolJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
