namespace StrategiBot.Cli;

/// <summary>
/// The executable's verbs. With no verb (or <c>serve</c>) it runs the bot; other verbs do one job and exit,
/// using the same configuration and content as the server.
/// </summary>
internal static class CommandLine
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> Commands = new(StringComparer.Ordinal)
    {
        ["help"] = _ => Task.FromResult(PrintUsage(Console.Out)),
        ["--help"] = _ => Task.FromResult(PrintUsage(Console.Out)),
        ["-h"] = _ => Task.FromResult(PrintUsage(Console.Out)),
    };

    /// <summary>True when the arguments name a verb other than serving.</summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (Commands.ContainsKey(args[0]) || (!args[0].StartsWith('-') && args[0] != "serve"));

    /// <summary>The arguments for the web host, without a leading <c>serve</c>.</summary>
    public static string[] ServeArguments(string[] args) =>
        args.Length > 0 && args[0] == "serve" ? args[1..] : args;

    public static async Task<int> RunAsync(string[] args)
    {
        if (Commands.TryGetValue(args[0], out var command))
        {
            return await command(args[1..]);
        }
        await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'.");
        PrintUsage(Console.Error);
        return 2;
    }

    private static int PrintUsage(TextWriter writer)
    {
        writer.WriteLine("""
            StrategiBot: a Teams bot for the municipality's communication strategy.

            Usage:
              StrategiBot [serve] [--Key=value ...]   run the bot (default http://localhost:3978/api/messages)
              StrategiBot help                        show this text

            Configuration keys can be given as --Key=value, --Section:Key=value or environment variables (Section__Key).
            """);
        return 0;
    }
}
