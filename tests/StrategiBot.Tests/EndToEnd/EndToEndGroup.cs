namespace StrategiBot.Tests.EndToEnd;

/// <summary>
/// End-to-end tests start browsers and node processes; on a two-core machine they run alone, after the
/// parallel unit tests, so their timeouts measure the bot and not CPU contention.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndGroup
{
    public const string Name = "EndToEnd";
}
