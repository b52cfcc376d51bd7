namespace StrategiBot.Answering;

/// <summary>The <c>Answering</c> configuration section.</summary>
internal sealed class AnsweringOptions
{
    public const string Section = "Answering";

    /// <summary>
    /// The confidence (see <c>RetrievalResult.Confidence</c>) below which the bot says the strategy does not
    /// cover the question instead of quoting it. Raising it refuses more; lowering it answers more.
    /// </summary>
    public float MinConfidence { get; set; } = 0.30f;
}
