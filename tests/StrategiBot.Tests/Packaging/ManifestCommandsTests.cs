using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using StrategiBot.Conversation;
using StrategiBot.Packaging;

namespace StrategiBot.Tests.Packaging;

/// <summary>
/// The commands Teams offers (the manifest's commandLists, Norwegian and English) and the commands the bot
/// understands (<see cref="BotCommands"/>) must be the same list, and each must do something useful.
/// </summary>
public sealed class ManifestCommandsTests
{
    private static readonly string[] Scopes = ["personal", "team", "groupChat"];
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<string, string> ManifestCommands()
    {
        var data = new TheoryData<string, string>();
        foreach (var (scope, title) in Lists(Manifest()).SelectMany(l => l.Commands.Select(c => (l.Scope, c.Title)))
                     .Concat(Lists(Manifest()).SelectMany(l => l.Commands.Select((_, i) => (l.Scope, English(l.Index, i))))))
        {
            data.Add(scope, title);
        }
        return data;
    }

    [Fact]
    public void Every_scope_lists_exactly_the_bots_commands_in_its_order()
    {
        var manifest = Manifest();
        var bot = manifest["bots"]![0]!;

        Assert.Equal(Scopes, bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(Scopes, Lists(manifest).Select(l => l.Scope));
        foreach (var list in Lists(manifest))
        {
            var expected = Offered(list.Scope).Select(c => (c.Title, c.Description)).ToList();
            Assert.True(expected.SequenceEqual(list.Commands),
                $"The {list.Scope} command list in manifest/manifest.json must be BotCommands.Offered, in order:\n" +
                string.Join("\n", expected.Select(c => $"  {{ \"title\": \"{c.Title}\", \"description\": \"{c.Description}\" }}")));
        }
    }

    [Fact]
    public void The_English_command_titles_are_the_bots_English_commands()
    {
        var manifest = Manifest();
        var english = TestPackage.Packaged("en.json");

        foreach (var list in Lists(manifest))
        {
            for (var i = 0; i < list.Commands.Count; i++)
            {
                var command = Offered(list.Scope)[i];
                Assert.Equal(command.EnglishTitle, english[$"bots[0].commandLists[{list.Index}].commands[{i}].title"]?.GetValue<string>());
                Assert.Equal(command.EnglishDescription, english[$"bots[0].commandLists[{list.Index}].commands[{i}].description"]?.GetValue<string>());
            }
        }
        // Nothing localized that the manifest does not have.
        var keys = english.Select(p => p.Key).Where(k => k.StartsWith("bots[", StringComparison.Ordinal)).ToList();
        Assert.Equal(Lists(manifest).Sum(l => l.Commands.Count) * 2, keys.Count);
    }

    [Fact]
    public void Every_command_the_bot_understands_is_typeable_by_its_manifest_titles()
    {
        foreach (var command in BotCommands.All)
        {
            Assert.Same(command, BotCommands.Find(command.Title));
            Assert.Same(command, BotCommands.Find(command.EnglishTitle));
        }
    }

    [Theory]
    [MemberData(nameof(ManifestCommands))]
    public async Task Each_manifest_command_gets_a_useful_reply_in_its_scope(string scope, string title)
    {
        var command = BotCommands.Find(title);
        Assert.NotNull(command);
        await using var app = new BotApplication();
        var message = scope switch
        {
            "personal" => Teams.PersonalMessage(title),
            "team" => Teams.GroupMessage(title, mentionBot: true, conversationType: "channel"),
            _ => Teams.GroupMessage(title, mentionBot: true),
        };

        var replies = await app.ExchangeAsync(message);

        var cards = replies.SelectMany(r => r.Attachments ?? []).Select(a => JsonSerializer.Serialize(a.Content, Readable)).ToList();
        Assert.NotEmpty(cards);
        var everything = string.Join("\n", replies.Select(r => $"{r.Text} {r.Summary}").Concat(cards));
        foreach (var fallback in new[] { "sier ikke noe om dette", "does not cover", "forstod ikke", "Beklager, noe gikk galt", "Sorry, something went wrong", "Dette sier kommunikasjonsstrategien", "This is what" })
        {
            Assert.DoesNotContain(fallback, everything, StringComparison.Ordinal);
        }
        if (command.DialogId is { } dialog)
        {
            Assert.Contains($"\"dialog\":\"{dialog}\"", everything, StringComparison.Ordinal);
        }
        else if (command == BotCommands.Checklists)
        {
            // The organisation's checklists, each with a button that opens it.
            Assert.Contains("\"verb\":\"checklist.open\"", everything, StringComparison.Ordinal);
        }
        else if (command == BotCommands.CommunicationPlan)
        {
            // The plan form, with the button that builds the plan.
            Assert.Contains("\"form\":\"kommunikasjonsplan\"", everything, StringComparison.Ordinal);
        }
        else
        {
            // The help card, which names the other commands.
            Assert.Equal(BotCommands.Help, command);
            Assert.All(Offered(scope).Where(c => c != command && c.DialogId is not null), other =>
                Assert.Contains(title.StartsWith("help", StringComparison.Ordinal) ? other.EnglishTitle : other.Title, everything, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void A_group_chat_or_channel_is_not_offered_the_plan_a_draft_of_which_is_personal()
    {
        Assert.Contains(BotCommands.CommunicationPlan, BotCommands.Offered(shared: false));
        Assert.DoesNotContain(BotCommands.CommunicationPlan, BotCommands.Offered(shared: true));
        Assert.Equal(BotCommands.All.Count - 1, BotCommands.Offered(shared: true).Count);
    }

    private static IReadOnlyList<BotCommand> Offered(string scope) => BotCommands.Offered(shared: scope != "personal");

    private static JsonObject Manifest() => TestPackage.Packaged(AppPackager.ManifestFile);

    private static string English(int list, int command) =>
        TestPackage.Packaged("en.json")[$"bots[0].commandLists[{list}].commands[{command}].title"]!.GetValue<string>();

    private static List<CommandList> Lists(JsonObject manifest) =>
    [
        .. manifest["bots"]![0]!["commandLists"]!.AsArray().Select((list, index) => new CommandList(
            index,
            Assert.Single(list!["scopes"]!.AsArray()!)!.GetValue<string>(),
            [.. list["commands"]!.AsArray().Select(c => (c!["title"]!.GetValue<string>(), c["description"]!.GetValue<string>()))])),
    ];

    private sealed record CommandList(int Index, string Scope, IReadOnlyList<(string Title, string Description)> Commands);
}
