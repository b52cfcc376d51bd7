using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace StrategiBot.Packaging;

/// <summary>Why a package was not built; the message names the file, the JSON path or the token to fix.</summary>
internal sealed class PackagingException(string message) : Exception(message);

/// <summary>A file of the package: its name at the zip's root and its bytes.</summary>
internal sealed record PackageFile(string Name, byte[] Content);

/// <summary>
/// How a command of the manifest is listed for the organisation a package is for: its description in the
/// manifest's language and in English, each null to keep the one written in <c>manifest/</c>.
/// </summary>
internal sealed record CommandListing(string? Description = null, string? EnglishDescription = null);

/// <summary>
/// Builds the Teams app package from <c>manifest/</c>: fills the tokens, validates the manifest and its
/// localization files against the official schemas of the manifest's version (from the npm package
/// <c>@microsoft/app-manifest</c> installed in <c>manifest/node_modules</c>), checks the icons, and returns
/// exactly the files the manifest references.
/// </summary>
internal static partial class AppPackager
{
    public const string ManifestFile = "manifest.json";
    public const string SchemaPackage = "@microsoft/app-manifest";
    public const int ColorIconSize = 192;
    public const int OutlineIconSize = 32;

    private static readonly JsonSerializerOptions Output = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The folder holding the schemas of one manifest version, inside an npm install in <paramref name="manifestFolder"/>.</summary>
    public static string SchemaFolder(string manifestFolder, string manifestVersion) =>
        Path.Combine(manifestFolder, "node_modules", "@microsoft", "app-manifest", "build", "json-schemas", "teams", $"v{manifestVersion}");

    /// <param name="listing">
    /// How the organisation the package is for lists the command of a title ("sosiale medier"), or null
    /// when it does not offer it; the command lists keep only those, and the localization files follow.
    /// Every command is kept as written when not given.
    /// </param>
    public static IReadOnlyList<PackageFile> Build(string manifestFolder, IReadOnlyDictionary<string, string> tokens, Func<string, CommandListing?>? listing = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (!tokens.TryGetValue("APP_ID", out var appId) || !Guid.TryParseExact(appId, "D", out _))
        {
            throw new PackagingException($"The app id '{appId}' is not a GUID (like 00000000-0000-0000-0000-000000000000).");
        }
        if (tokens.TryGetValue("BOT_ID", out var botId) && !Guid.TryParseExact(botId, "D", out _))
        {
            throw new PackagingException($"The bot id '{botId}' is not a GUID (the bot's Microsoft App ID).");
        }
        // The host becomes a valid domain and the default web addresses: "https://x/" would give "https://https://x//".
        if (tokens.TryGetValue("HOST_NAME", out var host) && Uri.CheckHostName(host) is not (UriHostNameType.Dns or UriHostNameType.IPv4))
        {
            throw new PackagingException($"The host '{host}' is not a host name (like strategibot.kommune.no, without https:// or a path).");
        }
        if (tokens.TryGetValue("APP_VERSION", out var version) && !VersionPattern().IsMatch(version))
        {
            throw new PackagingException($"The version '{version}' is not of the form x.y.z (like 1.0.0).");
        }

        var manifest = ReadJson(manifestFolder, ManifestFile, tokens);
        // The version picks the schema folder, so it must be a plain x.y before it goes into a path.
        var manifestVersion = manifest["manifestVersion"] is JsonValue versionValue
            && versionValue.TryGetValue<string>(out var declared) && ManifestVersionPattern().IsMatch(declared)
            ? declared
            : throw new PackagingException($"{ManifestFile}: manifestVersion must be a string like \"1.30\".");
        var schemas = SchemaFolder(manifestFolder, manifestVersion);
        var kept = listing is null ? null : KeepCommands(manifest, listing);
        Validate(manifest, LoadSchema(schemas, "MicrosoftTeams.schema.json"), ManifestFile);

        var files = new List<PackageFile> { new(ManifestFile, Serialize(manifest)) };
        files.AddRange(Icons(manifestFolder, manifest));
        JsonSchema? localizationSchema = null;
        foreach (var (file, languageTag) in LocalizationFiles(manifest))
        {
            var localization = ReadJson(manifestFolder, file, tokens);
            if (kept is not null)
            {
                localization = RenumberCommands(localization.AsObject(), kept, languageTag.StartsWith("en", StringComparison.OrdinalIgnoreCase));
            }
            localizationSchema ??= LoadSchema(schemas, "MicrosoftTeams.Localization.schema.json");
            Validate(localization, localizationSchema, file);
            files.Add(new(file, Serialize(localization)));
        }
        var duplicate = files.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new PackagingException($"{ManifestFile}: '{duplicate.Key}' is used for two different files.");
        }
        return files;
    }

    /// <summary>Writes the files into a zip at the root, with fixed timestamps so the same input gives the same bytes.</summary>
    public static void WriteZip(IReadOnlyList<PackageFile> files, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var file in files)
        {
            var entry = zip.CreateEntry(file.Name, CompressionLevel.Optimal);
            entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            using var stream = entry.Open();
            stream.Write(file.Content);
        }
    }

    /// <summary>Parses a schema; fails with the command that installs it when the npm package is missing.</summary>
    public static JsonSchema LoadSchema(string schemaFolder, string fileName)
    {
        var path = Path.Combine(schemaFolder, fileName);
        if (!File.Exists(path))
        {
            throw new PackagingException(
                $"The Teams schema {path} is missing. Install {SchemaPackage} with: npm ci --prefix manifest " +
                "(from the repository root), or check that manifestVersion names a version the package ships.");
        }
        return JsonSchema.Parse(File.ReadAllText(path));
    }

    private static JsonNode ReadJson(string folder, string fileName, IReadOnlyDictionary<string, string> tokens)
    {
        var path = Path.Combine(folder, CheckRelative(fileName));
        if (!File.Exists(path))
        {
            throw new PackagingException($"{fileName}: no such file in {folder}.");
        }
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new PackagingException($"{fileName}: not valid JSON ({ex.Message}).");
        }
        if (node is not JsonObject)
        {
            throw new PackagingException($"{fileName}: must hold a JSON object.");
        }
        var unfilled = ManifestTokens.Fill(node, tokens);
        if (unfilled.Count > 0)
        {
            throw new PackagingException(
                $"{fileName}: tokens without a value: {string.Join("; ", unfilled)}. " +
                $"Known tokens: {string.Join(", ", ManifestTokens.All.Select(t => t.Name))}.");
        }
        return node;
    }

    /// <summary>
    /// Removes the commands the organisation does not offer from every command list, gives the others the
    /// organisation's descriptions, and returns, per command the manifest had, its new position in its list
    /// and its listing (absent: removed).
    /// </summary>
    private static Dictionary<(int Bot, int List, int Command), (int Position, CommandListing Listing)> KeepCommands(JsonNode manifest, Func<string, CommandListing?> listing)
    {
        var kept = new Dictionary<(int, int, int), (int, CommandListing)>();
        var bots = manifest["bots"]?.AsArray() ?? [];
        for (var b = 0; b < bots.Count; b++)
        {
            var lists = bots[b]?["commandLists"]?.AsArray() ?? [];
            for (var l = 0; l < lists.Count; l++)
            {
                if (lists[l]?["commands"] is not JsonArray commands)
                {
                    continue;
                }
                var all = commands.ToList();
                commands.Clear();
                for (var c = 0; c < all.Count; c++)
                {
                    var listed = all[c]?["title"]?.GetValue<string>() is { } title ? listing(title) : new CommandListing();
                    if (listed is not null)
                    {
                        kept[(b, l, c)] = (commands.Count, listed);
                        if (listed.Description is { } description)
                        {
                            all[c]!["description"] = description;
                        }
                        commands.Add(all[c]);
                    }
                }
            }
        }
        return kept;
    }

    /// <summary>
    /// A localization file addresses commands by position ("bots[0].commandLists[1].commands[3].title"): the
    /// entries of removed commands go, the others move to their command's new position, in the same order,
    /// an English file with the organisation's English description.
    /// </summary>
    private static JsonObject RenumberCommands(JsonObject localization, Dictionary<(int Bot, int List, int Command), (int Position, CommandListing Listing)> kept, bool english)
    {
        var renumbered = new JsonObject();
        foreach (var (key, value) in localization.ToList())
        {
            localization.Remove(key);
            var match = CommandKeyPattern().Match(key);
            if (!match.Success)
            {
                renumbered[key] = value;
                continue;
            }
            var (bot, list, command) = (Index(match, 1), Index(match, 2), Index(match, 3));
            if (kept.TryGetValue((bot, list, command), out var entry))
            {
                var field = match.Groups[4].Value;
                renumbered[$"bots[{bot}].commandLists[{list}].commands[{entry.Position}].{field}"] =
                    english && field == "description" && entry.Listing.EnglishDescription is { } described ? described : value;
            }
        }
        return renumbered;

        static int Index(Match match, int group) => int.Parse(match.Groups[group].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Validate(JsonNode document, JsonSchema schema, string fileName)
    {
        using var parsed = JsonDocument.Parse(document.ToJsonString());
        var errors = schema.Validate(parsed.RootElement);
        if (errors.Count > 0)
        {
            throw new PackagingException(
                $"{fileName} fails the Teams schema:\n" + string.Join("\n", errors.Take(20).Select(e => $"  {e}")) +
                (errors.Count > 20 ? $"\n  … and {errors.Count - 20} more" : ""));
        }
    }

    /// <summary>The localization files the manifest names, each with its language tag.</summary>
    private static IEnumerable<(string File, string LanguageTag)> LocalizationFiles(JsonNode manifest)
    {
        var info = manifest["localizationInfo"];
        if (info?["defaultLanguageFile"]?.GetValue<string>() is { } defaultFile)
        {
            yield return (defaultFile, info["defaultLanguageTag"]?.GetValue<string>() ?? "");
        }
        foreach (var language in info?["additionalLanguages"]?.AsArray() ?? [])
        {
            if (language?["file"]?.GetValue<string>() is { } file)
            {
                yield return (file, language["languageTag"]?.GetValue<string>() ?? "");
            }
        }
    }

    private static IEnumerable<PackageFile> Icons(string folder, JsonNode manifest)
    {
        var icons = manifest["icons"]!;
        yield return Icon(folder, icons["color"]!.GetValue<string>(), "color", ColorIconSize, whiteOnTransparent: false);
        yield return Icon(folder, icons["outline"]!.GetValue<string>(), "outline", OutlineIconSize, whiteOnTransparent: true);
        if (icons["color32x32"]?.GetValue<string>() is { } small)
        {
            yield return Icon(folder, small, "color32x32", OutlineIconSize, whiteOnTransparent: false);
        }
    }

    private static PackageFile Icon(string folder, string fileName, string role, int size, bool whiteOnTransparent)
    {
        var path = Path.Combine(folder, CheckRelative(fileName));
        if (!File.Exists(path))
        {
            throw new PackagingException($"The {role} icon {fileName} is missing in {folder}.");
        }
        var bytes = File.ReadAllBytes(path);
        if (IconProblem(bytes, size, whiteOnTransparent) is { } problem)
        {
            throw new PackagingException($"The {role} icon {fileName}: {problem}.");
        }
        return new PackageFile(fileName, bytes);
    }

    /// <summary>
    /// What Teams' schema asks of an icon: a PNG of the given size; for the outline icon, white on a transparent
    /// background (every pixel white, at any opacity, or fully transparent). Null when it is fine.
    /// </summary>
    public static string? IconProblem(byte[] png, int size, bool whiteOnTransparent)
    {
        PngImage image;
        try
        {
            image = PngImage.Read(png);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            return $"cannot be read as a PNG ({ex.Message})";
        }
        if (image.Width != size || image.Height != size)
        {
            return $"is {image.Width}×{image.Height} pixels, must be {size}×{size}";
        }
        if (!whiteOnTransparent)
        {
            return null;
        }
        var transparent = 0;
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var (r, g, b, a) = image[x, y];
                if (a == 0)
                {
                    transparent++;
                }
                else if (r != 255 || g != 255 || b != 255)
                {
                    return $"pixel ({x},{y}) is #{r:X2}{g:X2}{b:X2}, must be white or fully transparent";
                }
            }
        }
        return transparent == 0 ? "has no transparent pixel, must be white on a transparent background" : null;
    }

    private static string CheckRelative(string fileName)
    {
        if (fileName.Length == 0 || Path.IsPathRooted(fileName) || fileName.Contains('/', StringComparison.Ordinal) || fileName.Contains('\\', StringComparison.Ordinal))
        {
            throw new PackagingException($"'{fileName}' must be a file name in the manifest folder (the package is flat).");
        }
        return fileName;
    }

    private static byte[] Serialize(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString(Output) + "\n");

    [GeneratedRegex(@"^bots\[([0-9]+)\]\.commandLists\[([0-9]+)\]\.commands\[([0-9]+)\]\.(\w+)\z")]
    private static partial Regex CommandKeyPattern();

    [GeneratedRegex(@"^[0-9]+\.[0-9]+\.[0-9]+$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^[0-9]+\.[0-9]+\z")]
    private static partial Regex ManifestVersionPattern();
}
