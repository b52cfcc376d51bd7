using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using StrategiBot.Cli;
using StrategiBot.Packaging;
using StrategiBot.Tests.EndToEnd;

namespace StrategiBot.Tests.Packaging;

public sealed class PackageCommandTests
{
    private static readonly string GoldenManifest = Path.Combine(NodeScript.RepoRoot, "tests", "StrategiBot.Tests", "Packaging", "manifest.golden.json");

    [Fact]
    public async Task The_zip_holds_exactly_the_manifest_the_icons_and_the_referenced_localization()
    {
        using var scratch = new ScratchFolder();
        var zipFile = scratch.File("strategibot.zip");

        var (exit, _, error) = await RunAsync(TestPackage.Arguments(zipFile));

        Assert.True(exit == 0, error);
        using var zip = ZipFile.OpenRead(zipFile);
        var manifest = JsonNode.Parse(Read(zip, "manifest.json"))!;
        var expected = new[] { "manifest.json", manifest["icons"]!["color"]!.GetValue<string>(), manifest["icons"]!["outline"]!.GetValue<string>() }
            .Concat(manifest["localizationInfo"]!["additionalLanguages"]!.AsArray().Select(l => l!["file"]!.GetValue<string>()))
            .Order(StringComparer.Ordinal);
        Assert.Equal(["color.png", "en.json", "manifest.json", "outline.png"], expected);
        Assert.Equal(expected, zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        Assert.Equal(File.ReadAllBytes(Path.Combine(TestPackage.ManifestFolder, "color.png")), ReadBytes(zip, "color.png"));
    }

    [Fact]
    public void The_packaged_manifest_matches_its_golden_file()
    {
        // The review of a manifest change is this file's diff. UPDATE_GOLDEN=1 rewrites it, as it does the cards.
        var packaged = Encoding.UTF8.GetString(TestPackage.Build().Single(f => f.Name == AppPackager.ManifestFile).Content);
        if (Cards.GoldenFiles.Updating)
        {
            File.WriteAllText(GoldenManifest, packaged);
        }
        Assert.Equal(File.ReadAllText(GoldenManifest).ReplaceLineEndings("\n"), packaged.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Tokens_are_filled_everywhere_and_defaults_follow_the_given_values()
    {
        var manifest = TestPackage.Packaged(AppPackager.ManifestFile);
        var english = TestPackage.Packaged("en.json");

        Assert.Equal(TestPackage.AppId, manifest["id"]!.GetValue<string>());
        Assert.Equal(TestPackage.BotId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal(["strategibot.ostre-toten.example"], manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal("https://strategibot.ostre-toten.example/", manifest["developer"]!["privacyUrl"]!.GetValue<string>());
        Assert.Equal("StrategiBot", english["name.short"]!.GetValue<string>());
        Assert.DoesNotContain("{{", manifest.ToJsonString() + english.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(TestPackage.AppId, ManifestTokens.Resolve(new Dictionary<string, string> { ["APP_ID"] = TestPackage.AppId })["BOT_ID"]);
    }

    [Theory]
    [InlineData("not-a-guid", "is not a GUID")]
    [InlineData("{3f2b8c1e-5a7d-4e91-b0c4-6d8e2f1a9b70}", "is not a GUID")]
    [InlineData("", "is not a GUID")]
    public async Task An_app_id_that_is_not_a_GUID_is_refused(string appId, string message)
    {
        using var scratch = new ScratchFolder();
        var zipFile = scratch.File("app.zip");

        var (exit, _, error) = await RunAsync(["--app-id", appId, "--out", zipFile]);

        Assert.NotEqual(0, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains(appId, error, StringComparison.Ordinal);
        Assert.False(File.Exists(zipFile));
    }

    [Fact]
    public async Task A_bot_id_that_is_not_a_GUID_is_refused()
    {
        using var scratch = new ScratchFolder();

        var (exit, _, error) = await RunAsync(["--app-id", TestPackage.AppId, "--bot-id", "28:bot", "--out", scratch.File("app.zip")]);

        Assert.Equal(1, exit);
        Assert.Contains("bot id '28:bot' is not a GUID", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://strategibot.kommune.no/")]
    [InlineData("bad host with spaces")]
    [InlineData("strategibot.kommune.no/api")]
    public async Task A_host_that_is_not_a_host_name_is_refused(string host)
    {
        using var scratch = new ScratchFolder();
        var zipFile = scratch.File("app.zip");

        var (exit, _, error) = await RunAsync(["--app-id", TestPackage.AppId, "--host", host, "--out", zipFile]);

        Assert.Equal(1, exit);
        Assert.Contains($"The host '{host}' is not a host name", error, StringComparison.Ordinal);
        Assert.False(File.Exists(zipFile));
    }

    [Fact]
    public async Task An_out_path_that_is_a_folder_or_empty_is_refused_without_a_crash()
    {
        using var scratch = new ScratchFolder();
        var folder = scratch.Path;

        var (folderExit, _, folderError) = await RunAsync(["--app-id", TestPackage.AppId, "--out", folder]);
        var (emptyExit, _, emptyError) = await RunAsync(["--app-id", TestPackage.AppId, "--out", ""]);

        Assert.Equal(2, folderExit);
        Assert.Contains("is a folder; give the zip file's name", folderError, StringComparison.Ordinal);
        Assert.Equal(2, emptyExit);
        Assert.Contains("--out are required", emptyError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_options_and_unknown_options_exit_with_2()
    {
        Assert.Equal(2, (await RunAsync(["--out", "x.zip"])).Exit);
        Assert.Equal(2, (await RunAsync(["--app-id", TestPackage.AppId])).Exit);
        var (exit, _, error) = await RunAsync(["--app-id", TestPackage.AppId, "--out", "x.zip", "--colour", "blue"]);
        Assert.Equal(2, exit);
        Assert.Contains("--colour", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_a_value_is_refused_with_its_place()
    {
        var (exit, error) = await PackageEditedAsync("manifest.json", m => m["developer"]!["mpnId"] = "{{PARTNER_ID}}");

        Assert.Equal(1, exit);
        Assert.Contains("/developer/mpnId: {{PARTNER_ID}}", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manifest_that_fails_the_schema_is_refused_with_the_path_and_keyword()
    {
        var (exit, error) = await PackageEditedAsync("manifest.json", m =>
        {
            m["accentColor"] = "blue";
            m["bots"]![0]!["scopes"] = new JsonArray("personal", "everywhere");
        });

        Assert.Equal(1, exit);
        Assert.Contains("manifest.json fails the Teams schema", error, StringComparison.Ordinal);
        Assert.Contains("/accentColor: pattern:", error, StringComparison.Ordinal);
        Assert.Contains("/bots/0/scopes/1: enum:", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("number")]
    [InlineData("path")]
    public async Task A_manifest_version_that_is_not_a_plain_version_is_refused_before_it_picks_a_schema(string kind)
    {
        var (exit, error) = await PackageEditedAsync("manifest.json", m =>
            m["manifestVersion"] = kind == "number" ? JsonValue.Create(1.30) : JsonValue.Create("../../1.30"));

        Assert.Equal(1, exit);
        Assert.Contains("manifestVersion must be a string like \"1.30\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_localization_file_that_fails_its_schema_is_refused()
    {
        var (exit, error) = await PackageEditedAsync("en.json", l => l["name.short"] = new string('x', 31));

        Assert.Equal(1, exit);
        Assert.Contains("en.json fails the Teams schema", error, StringComparison.Ordinal);
        Assert.Contains("/name.short: maxLength:", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("outline.png", "color.png", "The outline icon outline.png: is 192×192 pixels, must be 32×32")]
    [InlineData("color.png", "outline.png", "The color icon color.png: is 32×32 pixels, must be 192×192")]
    public async Task An_icon_of_the_wrong_size_is_refused(string target, string source, string message)
    {
        using var copy = TestPackage.Copy();
        File.Copy(Path.Combine(TestPackage.ManifestFolder, source), copy.File(target), overwrite: true);

        var (exit, _, error) = await RunAsync([.. TestPackage.Arguments(copy.File("app.zip")), "--manifest", copy.Path]);

        Assert.Equal(1, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_schema_package_names_the_install_command()
    {
        using var scratch = new ScratchFolder();
        foreach (var file in Directory.GetFiles(TestPackage.ManifestFolder))
        {
            File.Copy(file, scratch.File(Path.GetFileName(file)));
        }

        var (exit, _, error) = await RunAsync([.. TestPackage.Arguments(scratch.File("app.zip")), "--manifest", scratch.Path]);

        Assert.Equal(1, exit);
        Assert.Contains("npm ci --prefix manifest", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_input_gives_the_same_bytes()
    {
        using var scratch = new ScratchFolder();
        Assert.Equal(0, (await RunAsync(TestPackage.Arguments(scratch.File("a.zip")))).Exit);
        Assert.Equal(0, (await RunAsync(TestPackage.Arguments(scratch.File("b.zip")))).Exit);

        Assert.Equal(File.ReadAllBytes(scratch.File("a.zip")), File.ReadAllBytes(scratch.File("b.zip")));
    }

    [Fact]
    public void Package_is_a_verb() => Assert.True(CommandLine.IsCommand(["package", "--app-id", TestPackage.AppId]));

    /// <summary>Packages a copy of manifest/ with one JSON file changed; a refused package leaves no zip behind.</summary>
    private static async Task<(int Exit, string Error)> PackageEditedAsync(string fileName, Action<JsonNode> edit)
    {
        using var copy = TestPackage.Copy();
        var document = JsonNode.Parse(File.ReadAllText(copy.File(fileName)))!;
        edit(document);
        File.WriteAllText(copy.File(fileName), document.ToJsonString());

        var (exit, _, error) = await RunAsync([.. TestPackage.Arguments(copy.File("app.zip")), "--manifest", copy.Path]);

        Assert.Equal(exit == 0, File.Exists(copy.File("app.zip")));
        return (exit, error);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string[] args)
    {
        TestPackage.RequireSchemas();
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await PackageCommand.RunAsync(args, output, error, [NodeScript.RepoRoot]);
        return (exit, output.ToString(), error.ToString());
    }

    private static string Read(ZipArchive zip, string name) => Encoding.UTF8.GetString(ReadBytes(zip, name));

    private static byte[] ReadBytes(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
