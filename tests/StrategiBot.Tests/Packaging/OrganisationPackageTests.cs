using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using StrategiBot.Cli;
using StrategiBot.Conversation;
using StrategiBot.Packaging;
using StrategiBot.Tests.EndToEnd;

namespace StrategiBot.Tests.Packaging;

/// <summary>
/// <c>package --org ID</c>: the command menu Teams shows offers what that organisation's content has. Tynset
/// has a press dialog and one checklist, but no dialogs on social media or freedom of expression and no
/// plan template, so typing those would only get a search of its strategy.
/// </summary>
public sealed class OrganisationPackageTests
{
    [Fact]
    public async Task A_package_for_an_organisation_offers_only_the_commands_its_content_opens()
    {
        await using var app = new BotApplication();
        using var scratch = new ScratchFolder();

        var (exit, output, error) = await RunAsync(app, [.. TestPackage.Arguments(scratch.File("tynset.zip")), "--org", "tynset"]);

        Assert.True(exit == 0, error);
        Assert.Contains("For Tynset kommune (tynset); its command menu: hjelp, presse, sjekklister.", output, StringComparison.Ordinal);
        var (manifest, english) = Unzip(scratch.File("tynset.zip"));
        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();
        Assert.Equal(3, lists.Count);
        for (var l = 0; l < lists.Count; l++)
        {
            var commands = lists[l]!["commands"]!.AsArray();
            Assert.Equal(["hjelp", "presse", "sjekklister"], commands.Select(c => c!["title"]!.GetValue<string>()));
            Assert.Equal(BotCommands.Press.Description, commands[1]!["description"]!.GetValue<string>());
            // The English entries moved with their commands: position 1 is the press command in English too.
            Assert.Equal(["help", "press", "checklists"], Enumerable.Range(0, commands.Count).Select(c => english[$"bots[0].commandLists[{l}].commands[{c}].title"]!.GetValue<string>()));
            // Its one checklist, named, rather than the general promise of checklists for posting and sending out.
            Assert.Equal("Sjekklister: «Journalisten ringer»", commands[2]!["description"]!.GetValue<string>());
            Assert.Equal("Checklists: “A journalist calls”", english[$"bots[0].commandLists[{l}].commands[2].description"]!.GetValue<string>());
        }
        Assert.Equal(3 * 3 * 2, english.Count(p => p.Key.StartsWith("bots[", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_default_organisation_and_its_full_menu_come_from_the_configuration()
    {
        await using var app = new BotApplication();
        using var scratch = new ScratchFolder();

        var (exit, output, error) = await RunAsync(app, TestPackage.Arguments(scratch.File("app.zip")));

        Assert.True(exit == 0, error);
        Assert.Contains("For Østre Toten kommune (ostre-toten); its command menu: hjelp, presse, sosiale medier, ytringsfrihet, sjekklister, kommunikasjonsplan.", output, StringComparison.Ordinal);
        // Østre Toten offers every command: its menu is the manifest's, with its own checklists named.
        var (manifest, english) = Unzip(scratch.File("app.zip"));
        var written = TestPackage.Packaged(AppPackager.ManifestFile)["bots"]![0]!["commandLists"]!.AsArray();
        var packaged = manifest["bots"]![0]!["commandLists"]!.AsArray();
        Assert.Equal(written.Select(l => l!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()).ToList()),
            packaged.Select(l => l!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()).ToList()));
        Assert.Equal("Sjekklister: «Før du publiserer», «Journalisten ringer», «Før du sender noe ut», «Valg av kanal og utforming av informasjon»",
            packaged[0]!["commands"]![4]!["description"]!.GetValue<string>());
        // The four English titles run past the 128 characters Teams takes: the general description stays.
        Assert.Equal(BotCommands.Checklists.EnglishDescription, english["bots[0].commandLists[0].commands[4].description"]!.GetValue<string>());
        Assert.Equal(BotCommands.Press.Description, packaged[0]!["commands"]![1]!["description"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Klæbu kommune", "klaebu")]
    [InlineData("LORENSKOG", "lorenskog")]
    public async Task An_organisation_may_be_named_as_people_write_it(string named, string id)
    {
        await using var app = new BotApplication();
        using var scratch = new ScratchFolder();

        var (exit, output, error) = await RunAsync(app, [.. TestPackage.Arguments(scratch.File("app.zip")), "--org", named]);

        Assert.True(exit == 0, error);
        Assert.Contains($"({id})", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_organisation_writes_no_package_and_names_the_known_ones()
    {
        await using var app = new BotApplication();
        using var scratch = new ScratchFolder();

        var (exit, _, error) = await RunAsync(app, [.. TestPackage.Arguments(scratch.File("app.zip")), "--org", "bergen"]);

        Assert.Equal(2, exit);
        Assert.Equal("Unknown organisation 'bergen'. Known: klaebu, lorenskog, ostre-toten, trondheim, tynset.", error.Trim());
        Assert.False(File.Exists(scratch.File("app.zip")));
    }

    /// <summary>Run as an operator runs it: the package for a deployment whose setting names no content pack.</summary>
    [Fact]
    public async Task A_configured_organisation_without_a_content_pack_is_named_as_the_setting_to_fix()
    {
        TestPackage.RequireSchemas();
        using var scratch = new ScratchFolder();

        var (exit, _, error) = await AppProcess.RunAsync(["package", .. TestPackage.Arguments(scratch.File("app.zip")), "--Bot:Organisation=bergen"]);

        Assert.Equal(2, exit);
        Assert.Equal("Bot:Organisation names no content pack. Known: klaebu, lorenskog, ostre-toten, trondheim, tynset.", error.Trim());
        Assert.False(File.Exists(scratch.File("app.zip")));
    }

    [Fact]
    public async Task A_configuration_override_is_not_taken_for_an_unknown_option()
    {
        await using var app = new BotApplication();
        using var scratch = new ScratchFolder();

        var (exit, _, error) = await RunAsync(app, [.. TestPackage.Arguments(scratch.File("app.zip")), "--Bot:Organisation=trondheim"]);

        Assert.True(exit == 0, error);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(BotApplication app, string[] args)
    {
        TestPackage.RequireSchemas();
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await PackageCommand.RunAsync(args, output, error, [NodeScript.RepoRoot], PackageOrganisations.From(app.Services));
        return (exit, output.ToString(), error.ToString());
    }

    private static (JsonObject Manifest, JsonObject English) Unzip(string zipFile)
    {
        using var zip = ZipFile.OpenRead(zipFile);
        return (Read(zip, AppPackager.ManifestFile), Read(zip, "en.json"));

        static JsonObject Read(ZipArchive zip, string name)
        {
            using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
            return JsonNode.Parse(reader.ReadToEnd())!.AsObject();
        }
    }
}
