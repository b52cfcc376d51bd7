namespace StrategiBot.Dialogs;

/// <summary>The <c>Dialogs</c> configuration section.</summary>
internal sealed class DialogOptions
{
    public const string Section = "Dialogs";

    /// <summary>A dialog left alone this long is forgotten; the next message starts afresh.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
