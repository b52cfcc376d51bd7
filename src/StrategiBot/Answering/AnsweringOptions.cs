namespace StrategiBot.Answering;

/// <summary>The <c>Answering</c> configuration section.</summary>
internal sealed class AnsweringOptions
{
    public const string Section = "Answering";

    /// <summary>
    /// The share of the question (weighted by word rarity) the best passage must cover before the bot
    /// answers; below it, the bot says the strategy does not cover the question.
    /// </summary>
    public float MinConfidence { get; set; } = 0.5f;
}
