using System.Text.Json;
using System.Text.Json.Nodes;
using StrategiBot.Packaging;
using StrategiBot.Tests.EndToEnd;
using Xunit.Abstractions;

namespace StrategiBot.Tests.Packaging;

/// <summary>
/// ajv with draft-04 support, compiling the official schemas from @microsoft/app-manifest, judges the
/// packaged manifest and its localization file; and our C# validator must reach the same verdict, with the
/// same failing paths and keywords, on them and on a set of broken variants.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class ManifestSchemaOracleTests(ITestOutputHelper output)
{
    private static readonly TimeSpan OracleTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Each variant changes the packaged manifest in one way; most break it, a few stay valid.</summary>
    private static readonly IReadOnlyList<(string Name, Action<JsonObject> Change)> ManifestVariants =
    [
        ("as packaged", _ => { }),
        ("app id not a GUID", m => m["id"] = "strategibot"),
        ("bot id with a trailing line break", m => m["bots"]![0]!["botId"] = TestPackage.BotId + "\n"),
        ("privacy URL missing", m => m["developer"]!.AsObject().Remove("privacyUrl")),
        ("unknown top-level property", m => m["colour"] = "blue"),
        ("schema URI without a scheme", m => m["$schema"] = "/MicrosoftTeams.schema.json"),
        ("accent colour by name", m => m["accentColor"] = "blue"),
        ("unknown bot scope", m => m["bots"]![0]!["scopes"] = new JsonArray("personal", "everywhere")),
        ("scopes as a string", m => m["bots"]![0]!["scopes"] = "personal"),
        ("short name over 30 characters", m => m["name"]!["short"] = new string('S', 31)),
        ("four command lists", m => m["bots"]![0]!["commandLists"]!.AsArray().Add(m["bots"]![0]!["commandLists"]![0]!.DeepClone())),
        ("thirteen commands in a list", m =>
        {
            var commands = m["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray();
            while (commands.Count < 13)
            {
                commands.Add(new JsonObject { ["title"] = $"kommando {commands.Count}" });
            }
        }),
        ("a command without a title", m => m["bots"]![0]!["commandLists"]![1]!["commands"]!.AsArray().Add(new JsonObject { ["description"] = "uten tittel" })),
        ("older manifest version", m => m["manifestVersion"] = "1.24"),
        ("ftp website", m => m["developer"]!["websiteUrl"] = "ftp://example.no/"),
        ("$schema not a URI", m => m["$schema"] = "MicrosoftTeams.schema.json"),
        ("the same language twice", m => m["localizationInfo"]!["additionalLanguages"]!.AsArray().Add(m["localizationInfo"]!["additionalLanguages"]![0]!.DeepClone())),
        ("supportsFiles as a string", m => m["bots"]![0]!["supportsFiles"] = "no"),
        ("no feature in the features list", m => m["description"]!["features"] = new JsonArray()),
        ("a bad language tag", m => m["localizationInfo"]!["defaultLanguageTag"] = "norsk_bokmål"),
        ("permissions beyond the enum", m => m["permissions"] = new JsonArray("identity", "readEverything")),
        // The composition keywords: oneOf, anyOf, if/then.
        ("copilot agents of neither kind", m => m["copilotAgents"] = new JsonObject()),
        ("element relationships with no relationship", m => m["elementRelationshipSet"] = new JsonObject()),
        ("MCP authorization without its reference id", m => m["agentConnectors"] = JsonNode.Parse(
            """[{"id":"c","displayName":"Arkiv","toolSource":{"remoteMcpServer":{"mcpServerUrl":"https://mcp.example.no/","authorization":{"type":"OAuthPluginVault"}}}}]""")),
        ("valid: MCP authorization with its reference id", m => m["agentConnectors"] = JsonNode.Parse(
            """[{"id":"c","displayName":"Arkiv","toolSource":{"remoteMcpServer":{"mcpServerUrl":"https://mcp.example.no/","authorization":{"type":"OAuthPluginVault","referenceId":"r"}}}}]""")),
        ("valid: default install scope", m => m["defaultInstallScope"] = "personal"),
        ("valid: identity permission", m => m["permissions"] = new JsonArray("identity")),
    ];

    private static readonly IReadOnlyList<(string Name, Action<JsonObject> Change)> LocalizationVariants =
    [
        ("as packaged", _ => { }),
        ("empty short name", l => l["name.short"] = ""),
        ("short name 'null'", l => l["name.short"] = "null"),
        ("short name over 30 characters", l => l["name.short"] = new string('S', 31)),
        ("unknown key", l => l["name.medium"] = "StrategiBot"),
        ("thirteenth command", l => l["bots[0].commandLists[0].commands[12].title"] = "kommando"),
        ("full description missing", l => l.Remove("description.full")),
        ("command title as a number", l => l["bots[0].commandLists[0].commands[0].title"] = 7),
    ];

    [Fact]
    public async Task The_packaged_manifest_and_localization_pass_the_official_schema()
    {
        var verdict = await JudgeAsync(
        [
            Item("manifest", TestPackage.Packaged(AppPackager.ManifestFile)),
            Item("localization", TestPackage.Packaged("en.json")),
        ], "manifest-packaged.json");

        Assert.Equal(ManifestPackageVersion(), verdict.GetProperty("package").GetString());
        foreach (var result in verdict.GetProperty("results").EnumerateArray())
        {
            Assert.True(result.GetProperty("valid").GetBoolean(), $"ajv rejects item {result.GetProperty("index")}: {result.GetProperty("errors")}");
        }
    }

    [Fact]
    public async Task Our_validator_agrees_with_ajv_on_the_manifest_and_its_variants()
    {
        var manifestSchema = TestPackage.Schema("MicrosoftTeams.schema.json");
        var localizationSchema = TestPackage.Schema("MicrosoftTeams.Localization.schema.json");
        var cases = ManifestVariants.Select(v => (v.Name, Kind: "manifest", Document: Changed(AppPackager.ManifestFile, v.Change)))
            .Concat(LocalizationVariants.Select(v => (v.Name, Kind: "localization", Document: Changed("en.json", v.Change))))
            .ToList();

        var verdict = await JudgeAsync([.. cases.Select(c => Item(c.Kind, c.Document))], "manifest-variants.json");

        var results = verdict.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(cases.Count, results.Count);
        var disagreements = new List<string>();
        var invalid = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var ajv = results[i].GetProperty("errors").EnumerateArray()
                .Select(e => $"{e.GetProperty("instancePath").GetString()} {e.GetProperty("keyword").GetString()}")
                .Order(StringComparer.Ordinal).ToList();
            using var document = JsonDocument.Parse(cases[i].Document.ToJsonString());
            var ours = (cases[i].Kind == "manifest" ? manifestSchema : localizationSchema).Validate(document.RootElement)
                .Select(e => $"{e.InstancePath} {e.Keyword}")
                .Order(StringComparer.Ordinal).ToList();
            invalid += results[i].GetProperty("valid").GetBoolean() ? 0 : 1;
            output.WriteLine($"{cases[i].Kind} / {cases[i].Name}: ajv [{string.Join(", ", ajv)}], ours [{string.Join(", ", ours)}]");
            if (!ajv.SequenceEqual(ours))
            {
                disagreements.Add($"{cases[i].Kind} / {cases[i].Name}: ajv [{string.Join(", ", ajv)}] but ours [{string.Join(", ", ours)}]");
            }
        }

        Assert.True(disagreements.Count == 0, "Our validator and ajv disagree:\n" + string.Join("\n", disagreements));
        // The variants are meant to break the documents; a broken-variant set that ajv accepts proves nothing.
        Assert.Equal(cases.Count - 5, invalid);
    }

    private static JsonObject Changed(string fileName, Action<JsonObject> change)
    {
        var document = TestPackage.Packaged(fileName);
        change(document);
        return document;
    }

    private static JsonObject Item(string kind, JsonObject document) => new()
    {
        ["kind"] = kind,
        ["version"] = TestPackage.ManifestVersion,
        ["document"] = document.DeepClone(),
    };

    private static string ManifestPackageVersion() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestPackage.ManifestFolder, "package.json")))!["devDependencies"]![AppPackager.SchemaPackage]!.GetValue<string>();

    private async Task<JsonElement> JudgeAsync(IReadOnlyList<JsonObject> items, string fileName)
    {
        NodeScript.RequirePackages("ajv", "ajv-draft-04", "ajv-formats", AppPackager.SchemaPackage);
        var verdict = await NodeScript.JudgeAsync("manifest-schema.js", items, fileName, OracleTimeout);
        output.WriteLine($"Judged documents: {NodeScript.ArtifactPath(fileName)}");
        return verdict;
    }
}
