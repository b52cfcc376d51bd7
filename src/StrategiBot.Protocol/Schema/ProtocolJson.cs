using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace StrategiBot.Protocol.Schema;

/// <summary>The JSON conventions of the wire: camelCase, nulls omitted, unknown fields tolerated.</summary>
public static class ProtocolJson
{
    /// <summary>Options for reading and writing protocol types.</summary>
    public static JsonSerializerOptions Options => ProtocolJsonContext.Wire.Options;

    /// <summary>
    /// Reads an activity; throws <see cref="JsonException"/> on malformed JSON, which includes a string that is
    /// not valid Unicode anywhere in it. Null entries in its lists are left out.
    /// </summary>
    public static Activity? DeserializeActivity(ReadOnlySpan<byte> utf8Json)
    {
        EnsureValidStrings(utf8Json);
        return JsonSerializer.Deserialize(utf8Json, ProtocolJsonContext.Wire.Activity) is { } activity
            ? activity with
            {
                Attachments = WithoutNulls(activity.Attachments),
                Entities = WithoutNulls(activity.Entities),
                MembersAdded = WithoutNulls(activity.MembersAdded),
                MembersRemoved = WithoutNulls(activity.MembersRemoved),
                ReactionsAdded = WithoutNulls(activity.ReactionsAdded),
                ReactionsRemoved = WithoutNulls(activity.ReactionsRemoved),
            }
            : null;
    }

    /// <summary>Writes an activity as UTF-8 JSON.</summary>
    public static byte[] Serialize(Activity activity) =>
        JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJsonContext.Wire.Activity);

    /// <summary>Turns any serialisable value into a <see cref="JsonElement"/>.</summary>
    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, Options);

    /// <summary>
    /// The serializer refuses a lone surrogate (<c>"\ud83d"</c>) or bytes that are not UTF-8 only in the
    /// fields it reads as strings; in <c>value</c>, <c>channelData</c> and unknown fields they would wait as
    /// <see cref="JsonElement"/>s and throw <see cref="InvalidOperationException"/> when a feature reads them.
    /// </summary>
    private static void EnsureValidStrings(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        while (reader.Read())
        {
            if (reader.TokenType is (JsonTokenType.String or JsonTokenType.PropertyName) && !IsValidUnicode(ref reader))
            {
                var before = utf8Json[..(int)reader.TokenStartIndex];
                throw new JsonException(
                    "A string is not valid Unicode (a lone surrogate, or bytes that are not UTF-8).",
                    path: null,
                    lineNumber: before.Count((byte)'\n'),
                    bytePositionInLine: before.Length - before.LastIndexOf((byte)'\n') - 1);
            }
        }
    }

    private static bool IsValidUnicode(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return Utf8.IsValid(reader.ValueSpan);
        }
        try
        {
            // Unescaping checks the escapes and the bytes between them alike.
            reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    // A null entry says nothing, and every reader of these lists would otherwise have to step around it.
    private static IReadOnlyList<T>? WithoutNulls<T>(IReadOnlyList<T>? items) where T : class =>
        items is null || !items.Any(i => i is null) ? items : [.. items.Where(i => i is not null)];
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
