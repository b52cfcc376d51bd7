namespace StrategiBot.Hosting;

/// <summary>
/// Which environment the app runs in when nobody says. <c>dotnet run</c> builds Debug, and a developer
/// trying the bot expects local development mode; a published Release build defaults to Production, where
/// an empty app id stops the start. A launch profile would do the same for <c>dotnet run</c>, but the SDK
/// prints its "Using launch settings" line on standard output, which breaks <c>ask --jsonl</c>.
/// </summary>
internal static class DefaultEnvironment
{
    public static string? For(string[] args)
    {
        var named = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT");
        if (!string.IsNullOrEmpty(named) || args.Any(a => a.StartsWith("--environment", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
#if DEBUG
        return Environments.Development;
#else
        return null;
#endif
    }
}
