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

    /// <summary>
    /// Below this confidence an answer is introduced as the closest passage found rather than as what the
    /// strategy says: on the labelled question sets about half the answers between 0.3 and 0.7 quote the
    /// right passage first, against nearly nine in ten above. At or below <see cref="MinConfidence"/> nothing is hedged.
    /// </summary>
    public float HedgeBelow { get; set; } = 0.70f;
}
