using StrategiBot.Packaging;

namespace StrategiBot.Cli;

/// <summary>
/// <c>package --app-id GUID --out FILE.zip [--bot-id GUID] [--host HOST] …</c>: the Teams app package an
/// administrator uploads, built from <c>manifest/</c> and checked against the official schema first.
/// </summary>
internal static class PackageCommand
{
    public const string Usage =
        "package --app-id GUID --out FILE.zip [--bot-id GUID] [--version X.Y.Z] [--name NAME] [--developer NAME] " +
        "[--host HOST] [--website-url URL] [--privacy-url URL] [--terms-url URL] [--manifest DIR]";

    /// <param name="searchFrom">Folders to look upwards from for <c>manifest/manifest.json</c> when <c>--manifest</c> is not given.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IReadOnlyList<string> searchFrom)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(searchFrom);
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        string? outFile = null;
        string? manifestFolder = null;
        for (var i = 0; i < args.Length; i++)
        {
            var (option, inlineValue) = args[i].IndexOf('=', StringComparison.Ordinal) is var eq and > 0
                ? (args[i][..eq], args[i][(eq + 1)..])
                : (args[i], null);
            var token = ManifestTokens.All.FirstOrDefault(t => t.Option == option);
            if (token is null && option is not ("--out" or "--manifest"))
            {
                await error.WriteLineAsync($"Unknown option '{args[i]}'. Usage: {Usage}");
                return 2;
            }
            var value = inlineValue ?? (i + 1 < args.Length ? args[++i] : null);
            if (value is null)
            {
                await error.WriteLineAsync($"{option} needs a value. Usage: {Usage}");
                return 2;
            }
            switch (option)
            {
                case "--out":
                    outFile = value;
                    break;
                case "--manifest":
                    manifestFolder = value;
                    break;
                default:
                    given[token!.Name] = value;
                    break;
            }
        }
        if (!given.ContainsKey("APP_ID") || string.IsNullOrWhiteSpace(outFile))
        {
            await error.WriteLineAsync($"--app-id and --out are required. Usage: {Usage}");
            return 2;
        }
        if (Directory.Exists(outFile))
        {
            await error.WriteLineAsync($"--out {outFile} is a folder; give the zip file's name, like {Path.Combine(outFile, "strategibot.zip")}.");
            return 2;
        }

        manifestFolder ??= FindManifestFolder(searchFrom);
        if (manifestFolder is null || !File.Exists(Path.Combine(manifestFolder, AppPackager.ManifestFile)))
        {
            await error.WriteLineAsync($"No manifest/{AppPackager.ManifestFile} found; run from the repository or give --manifest DIR.");
            return 2;
        }

        var tokens = ManifestTokens.Resolve(given);
        IReadOnlyList<PackageFile> files;
        try
        {
            files = AppPackager.Build(manifestFolder, tokens);
        }
        catch (PackagingException ex)
        {
            await error.WriteLineAsync($"No package written. {ex.Message}");
            return 1;
        }

        var target = Path.GetFullPath(outFile);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await using var stream = File.Create(target);
            AppPackager.WriteZip(files, stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"No package written: cannot write {target}: {ex.Message}");
            return 1;
        }
        await output.WriteLineAsync($"Wrote {target}: {string.Join(", ", files.Select(f => f.Name))}.");
        var defaulted = ManifestTokens.All.Where(t => !given.ContainsKey(t.Name)).ToList();
        if (defaulted.Count > 0)
        {
            await output.WriteLineAsync("Defaults used (give the option to change them): " +
                string.Join(", ", defaulted.Select(t => $"{t.Option} {tokens[t.Name]}")));
        }
        return 0;
    }

    private static string? FindManifestFolder(IReadOnlyList<string> searchFrom)
    {
        foreach (var start in searchFrom)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "manifest");
                if (File.Exists(Path.Combine(candidate, AppPackager.ManifestFile)))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
