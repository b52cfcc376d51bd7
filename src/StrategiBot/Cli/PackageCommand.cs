using Microsoft.Extensions.Options;
using StrategiBot.Cards;
using StrategiBot.Checklists;
using StrategiBot.Conversation;
using StrategiBot.Packaging;
using StrategiBot.Retrieval;

namespace StrategiBot.Cli;

/// <summary>
/// <c>package --app-id GUID --out FILE.zip [--org ID] [--bot-id GUID] [--host HOST] …</c>: the Teams app
/// package an administrator uploads, built from <c>manifest/</c> for one organisation (its command menu
/// offers what that organisation's content has) and checked against the official schema first.
/// </summary>
internal static class PackageCommand
{
    public const string Usage =
        "package --app-id GUID --out FILE.zip [--org ID] [--bot-id GUID] [--version X.Y.Z] [--name NAME] [--developer NAME] " +
        "[--host HOST] [--website-url URL] [--privacy-url URL] [--terms-url URL] [--manifest DIR]";

    /// <param name="searchFrom">Folders to look upwards from for <c>manifest/manifest.json</c> when <c>--manifest</c> is not given.</param>
    /// <param name="organisations">The organisations a package can be built for; every command is offered when not given.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IReadOnlyList<string> searchFrom, PackageOrganisations? organisations = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(searchFrom);
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        string? outFile = null;
        string? manifestFolder = null;
        string? organisationId = null;
        for (var i = 0; i < args.Length; i++)
        {
            var (option, inlineValue) = CommandLine.SplitOption(args[i]);
            // "--Bot:Organisation=x" or "--Content:Folder=x" configures the app the package is built for.
            if (inlineValue is not null && option.Contains(':', StringComparison.Ordinal))
            {
                continue;
            }
            var token = ManifestTokens.All.FirstOrDefault(t => t.Option == option);
            if (token is null && option is not ("--out" or "--manifest" or "--org"))
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
                case "--org":
                    organisationId = value;
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

        PackagedOrganisation? organisation = null;
        if (organisations is not null && (organisation = organisations.Find(organisationId)) is null)
        {
            // Without --org it is Bot:Organisation that names no content pack.
            await error.WriteLineAsync(organisationId is null
                ? $"Bot:Organisation names no content pack. Known: {string.Join(", ", organisations.Ids)}."
                : $"Unknown organisation '{organisationId}'. Known: {string.Join(", ", organisations.Ids)}.");
            return 2;
        }

        var tokens = ManifestTokens.Resolve(given);
        IReadOnlyList<PackageFile> files;
        try
        {
            files = AppPackager.Build(manifestFolder, tokens, organisation?.Listing);
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
        if (organisation is not null)
        {
            await output.WriteLineAsync($"For {organisation.Name} ({organisation.Id}); its command menu: {string.Join(", ", organisation.Commands)}.");
        }
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

/// <summary>The organisations with a content pack, and the one an <c>--org</c> value names (null: the configured one), or null when none does.</summary>
internal sealed record PackageOrganisations(IReadOnlyList<string> Ids, Func<string?, PackagedOrganisation?> Find)
{
    /// <summary>The app's content packs, its configured organisation, and what each one's content offers.</summary>
    public static PackageOrganisations From(IServiceProvider services)
    {
        var knowledge = services.GetRequiredService<KnowledgeBase>();
        var configured = services.GetRequiredService<IOptions<BotOptions>>().Value.Organisation;
        var offers = services.GetRequiredService<CommandOffers>();
        var checklists = services.GetRequiredService<ChecklistCatalog>();
        return new PackageOrganisations(
            [.. knowledge.OrganisationIds],
            named => (named is null ? configured : knowledge.OrganisationNamed(named)) is { } id && knowledge.Pack(id) is { } pack
                ? new PackagedOrganisation(id, pack.Organisation.Name, title => Listing(title, id),
                    [.. BotCommands.All.Where(c => offers.Offers(c, id)).Select(c => c.Title)])
                : null);

        CommandListing? Listing(string title, string id) => BotCommands.Find(title) switch
        {
            // A title the bot does not know as a command is none of the organisation's business: it stays.
            null => new CommandListing(),
            var command when !offers.Offers(command, id) => null,
            // Not every organisation has a checklist for posting or sending out: the menu names its own.
            var command when command == BotCommands.Checklists && checklists.For(id) is var own => new CommandListing(
                ChecklistsDescription([.. own.Select(c => c.TitleFor(Language.Norwegian))], english: false),
                ChecklistsDescription([.. own.Select(c => c.TitleFor(Language.English))], english: true)),
            _ => new CommandListing(),
        };
    }

    /// <summary>The longest description Teams takes for a command.</summary>
    private const int MaxDescription = 128;

    /// <summary>"Sjekklister: «Journalisten ringer»"; the general description when the titles do not fit.</summary>
    private static string? ChecklistsDescription(IReadOnlyList<string> titles, bool english) =>
        (english ? "Checklists: " : "Sjekklister: ") + HelpCards.ChecklistTitles(titles, english) is { Length: <= MaxDescription } described ? described : null;
}

/// <summary>The organisation a package is built for: what its command menu offers.</summary>
/// <param name="Listing">How a command title of the manifest ("sosiale medier") is listed for the organisation; null when it opens nothing there.</param>
/// <param name="Commands">The titles offered, for the report.</param>
internal sealed record PackagedOrganisation(string Id, string Name, Func<string, CommandListing?> Listing, IReadOnlyList<string> Commands);
