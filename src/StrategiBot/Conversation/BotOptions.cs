namespace StrategiBot.Conversation;

/// <summary>The <c>Bot</c> configuration section.</summary>
internal sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>The organisation whose strategy the bot answers from (a content pack id).</summary>
    public string Organisation { get; set; } = "ostre-toten";

    /// <summary>How long one turn may run before it is abandoned; the channel waits about 15 seconds.</summary>
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>Messages longer than this are not processed; the user is asked to shorten them.</summary>
    public int MaxMessageLength { get; set; } = 4000;

    /// <summary>
    /// The secret the pseudonymous user keys are computed with (<see cref="UserKeys"/>), at least 32
    /// characters, kept outside the database (an app setting or Key Vault reference). Changing it starts
    /// everyone afresh: saved ticks, plan drafts and welcomes belong to the old keys.
    /// </summary>
    public string? UserKeySecret { get; set; }
}
