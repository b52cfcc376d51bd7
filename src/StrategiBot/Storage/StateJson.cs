using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using StrategiBot.Checklists;
using StrategiBot.Conversation;
using StrategiBot.Feedback;
using StrategiBot.Planning;

namespace StrategiBot.Storage;

/// <summary>How state records are written: source-generated, camelCase, so stored JSON is readable in the database.</summary>
internal static class StateJson
{
    public static string Serialize<T>(T value) where T : class => JsonSerializer.Serialize(value, TypeInfo<T>());

    public static T Deserialize<T>(string json) where T : class =>
        JsonSerializer.Deserialize(json, TypeInfo<T>())
        ?? throw new JsonException($"A stored {typeof(T).Name} record is empty.");

    // Records the app stores are source-generated; anything else (tests' own records) falls back to reflection.
    private static JsonTypeInfo<T> TypeInfo<T>() =>
        StateJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? (JsonTypeInfo<T>)Fallback.GetTypeInfo(typeof(T));

    private static readonly JsonSerializerOptions Fallback = new(StateJsonContext.Default.Options)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ConversationState))]
[JsonSerializable(typeof(UserState))]
[JsonSerializable(typeof(PlanDraft))]
[JsonSerializable(typeof(FeedbackLog))]
[JsonSerializable(typeof(ChecklistProgress))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
