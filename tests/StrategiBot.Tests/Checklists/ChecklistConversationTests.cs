using System.Net;
using System.Text.Json;
using StrategiBot.Checklists;
using StrategiBot.Conversation;
using StrategiBot.Protocol.Schema;
using StrategiBot.Storage;
using StrategiBot.Tests.Conversation;
using StrategiBot.Tests.Dialogs;
using StrategiBot.Tests.Retrieval;

namespace StrategiBot.Tests.Checklists;

/// <summary>
/// Checklists through the real HTTP pipeline: messages (expectReplies) and Teams' <c>adaptiveCard/action</c>
/// invokes, whose answer is the refreshed card in the HTTP response.
/// </summary>
public sealed class ChecklistConversationTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    private const string Publish = "for-du-publiserer";
    private const string Kari = "29:kari";
    private const string Ola = "29:ola";

    private ChecklistDefinition Checklist(string id, string org = "ostre-toten") =>
        DialogLoaderTests.ShippedChecklists(fixture).Single(c => c.OrganisationId == org && c.Id == id);

    /// <summary>The progress line for <paramref name="done"/> ticks, counted against the loaded checklist.</summary>
    private string Progress(int done, string id = Publish) =>
        ChecklistCards.ProgressText(done, Checklist(id).Items.Count);

    [Theory]
    [InlineData("sjekklister", "Sjekklister")]
    [InlineData("Sjekkliste", "Sjekklister")]
    [InlineData("checklists", "Checklists")]
    [InlineData("vis meg sjekklistene", "Sjekklister")]
    [InlineData("Hei, kan du vise meg alle sjekklistene?", "Sjekklister")]
    [InlineData("show me the checklists", "Checklists")]
    [InlineData("Hi StrategiBot, show me all your checklists please", "Checklists")]
    public async Task The_command_lists_the_organisations_checklists_with_a_button_each(string text, string heading)
    {
        await using var app = new BotApplication();

        var card = Card(Single(await app.ExchangeAsync(Teams.PersonalMessage(text))));

        Assert.Equal(heading, card.GetProperty("body")[0].GetProperty("text").GetString());
        var opened = card.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("data").GetProperty("checklist").GetString()).ToList();
        Assert.Equal(DialogLoaderTests.ShippedChecklists(fixture).Where(c => c.OrganisationId == "ostre-toten").Select(c => c.Id), opened);
    }

    [Fact]
    public async Task Another_organisation_lists_its_own()
    {
        await using var app = new BotApplication(settings: new Dictionary<string, string?> { ["Bot:Organisation"] = "lorenskog" });

        var text = ConversationScriptTests.CardText(Single(await app.ExchangeAsync(Teams.PersonalMessage("sjekklister"))));

        Assert.Contains("Nyttige tips", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Valg av kanal", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sjekkliste før jeg publiserer", "Sjekklister")]
    [InlineData("checklist before I post", "Checklists")]
    public async Task A_checklist_the_organisation_does_not_have_gets_the_list_of_those_it_has(string text, string heading)
    {
        // Tynset has only the press checklist.
        await using var app = new BotApplication(settings: new Dictionary<string, string?> { ["Bot:Organisation"] = "tynset" });

        var card = Card(Single(await app.ExchangeAsync(Teams.PersonalMessage(text))));

        Assert.Equal(heading, card.GetProperty("body")[0].GetProperty("text").GetString());
        var button = Assert.Single(card.GetProperty("actions").EnumerateArray());
        Assert.Equal("journalisten-ringer", button.GetProperty("data").GetProperty("checklist").GetString());
    }

    [Theory]
    [InlineData("sjekkliste før jeg publiserer", Publish)]
    [InlineData("Har du en sjekkliste for sosiale medier?", Publish)]
    [InlineData("sjekkliste journalist", "journalisten-ringer")]
    [InlineData("sjekkliste for valg av kanal", "valg-av-kanal")]
    [InlineData("sjekkliste før jeg sender ut", "nyttige-tips")]
    public async Task A_phrase_opens_the_right_checklist(string text, string expected)
    {
        await using var app = new BotApplication();

        var card = Card(Single(await app.ExchangeAsync(Teams.PersonalMessage(text))));

        Assert.Equal(Checklist(expected).Title, card.GetProperty("body")[1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task In_Teams_the_card_uses_Universal_Actions_and_refreshes_for_the_user()
    {
        await using var app = new BotApplication();

        var card = Card(Single(await app.ExchangeAsync(Teams.MessageFrom(Kari, "sjekkliste før jeg publiserer"))));

        var actions = card.GetProperty("actions").EnumerateArray().ToList();
        // Reset wipes the saved ticks, so it sits behind a confirmation.
        Assert.Equal(["Action.Execute", "Action.ShowCard"], actions.Select(a => a.GetProperty("type").GetString()));
        var confirm = Assert.Single(actions[1].GetProperty("card").GetProperty("actions").EnumerateArray());
        Assert.Equal(["checklist.save", "checklist.reset"], new[] { actions[0], confirm }.Select(a => a.GetProperty("verb").GetString()));
        // Clients without Universal Actions use the fallback, which carries the verb in its data.
        Assert.All([actions[0], confirm], a => Assert.Equal(a.GetProperty("verb").GetString(), a.GetProperty("fallback").GetProperty("data").GetProperty("verb").GetString()));
        var refresh = card.GetProperty("refresh");
        Assert.Equal("checklist.refresh", refresh.GetProperty("action").GetProperty("verb").GetString());
        Assert.Equal([Kari], refresh.GetProperty("userIds").EnumerateArray().Select(u => u.GetString()));
        Assert.Contains(Progress(0), Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ticking_saves_and_answers_with_the_refreshed_card()
    {
        await using var app = new BotApplication();

        var (status, body) = await InvokeAsync(app, Teams.CardAction("checklist.save", Ticks(Publish, "samtykke", "faktafeil"), Kari));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.GetProperty("type").GetString());
        var card = body.GetProperty("value");
        Assert.Contains(Progress(2), Text(card), StringComparison.Ordinal);
        Assert.Equal(["item-samtykke", "item-faktafeil"], Toggled(card));
        Assert.DoesNotContain(Checklist(Publish).Done, Text(card), StringComparison.Ordinal);
        var stored = await app.Store.GetAsync(ProgressKey(app, Kari, Publish), CancellationToken.None);
        Assert.Equal(["samtykke", "faktafeil"], stored!.Ticked);
    }

    [Fact]
    public async Task Reopening_on_another_device_shows_the_saved_ticks()
    {
        await using var app = new BotApplication();
        await InvokeAsync(app, Teams.CardAction("checklist.save", Ticks(Publish, "samtykke", "fornavn", "ironi"), Kari));

        var card = Card(Single(await app.ExchangeAsync(Teams.MessageFrom(Kari, "sjekkliste før jeg publiserer", conversationId: "a:other-device"))));

        Assert.Contains(Progress(3), Text(card), StringComparison.Ordinal);
        Assert.Equal(["item-samtykke", "item-ironi", "item-fornavn"], Toggled(card));
    }

    [Fact]
    public async Task When_every_item_is_ticked_the_card_says_so()
    {
        await using var app = new BotApplication();
        var checklist = Checklist("nyttige-tips");

        var (_, body) = await InvokeAsync(app, Teams.CardAction("checklist.save", Ticks(checklist.Id, [.. checklist.Items.Select(i => i.Id)]), Kari));

        var text = Text(body.GetProperty("value"));
        Assert.Contains($"{checklist.Items.Count} av {checklist.Items.Count}", text, StringComparison.Ordinal);
        Assert.Contains(checklist.Done, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_clears_the_ticks()
    {
        await using var app = new BotApplication();
        await InvokeAsync(app, Teams.CardAction("checklist.save", Ticks(Publish, "samtykke"), Kari));

        var (_, body) = await InvokeAsync(app, Teams.CardAction("checklist.reset", new { checklist = Publish }, Kari));

        Assert.Contains(Progress(0), Text(body.GetProperty("value")), StringComparison.Ordinal);
        Assert.Contains("nullstilt", Text(body.GetProperty("value")), StringComparison.Ordinal);
        Assert.Empty(Toggled(body.GetProperty("value")));
        Assert.Empty((await app.Store.GetAsync(ProgressKey(app, Kari, Publish), CancellationToken.None))!.Ticked);
    }

    [Fact]
    public async Task In_a_group_chat_the_shared_card_shows_no_ones_ticks_and_each_person_gets_their_own()
    {
        await using var app = new BotApplication();
        var checklist = Checklist(Publish);
        await InvokeAsync(app, Teams.CardAction("checklist.save", Ticks(Publish, "samtykke", "faktafeil"), Kari));

        var shared = Card(Single(await app.ExchangeAsync(Teams.MessageFrom(Kari, "sjekkliste før jeg publiserer", inGroup: true))));

        // Everyone in the chat sees this card: nothing of Kari's, nothing anyone could save.
        Assert.Empty(Toggled(shared));
        Assert.DoesNotContain(Elements(shared), e => e.TryGetProperty("type", out var t) && t.GetString() == "Input.Toggle");
        Assert.Contains($"{checklist.Items.Count} punkter", Text(shared), StringComparison.Ordinal);
        var show = Assert.Single(shared.GetProperty("actions").EnumerateArray());
        Assert.Equal("Action.Execute", show.GetProperty("type").GetString());
        Assert.Equal("checklist.refresh", show.GetProperty("verb").GetString());
        Assert.Equal("checklist.refresh", show.GetProperty("fallback").GetProperty("data").GetProperty("verb").GetString());
        var refresh = shared.GetProperty("refresh");
        Assert.Equal("checklist.refresh", refresh.GetProperty("action").GetProperty("verb").GetString());
        Assert.Equal([Kari], refresh.GetProperty("userIds").EnumerateArray().Select(u => u.GetString()));

        // Teams refreshes the card for Kari; Ola presses "Vis mine avkryssinger". Each answer goes to one person.
        var (_, forKari) = await InvokeAsync(app, Teams.CardAction("checklist.refresh", new { checklist = Publish }, Kari, inGroup: true, trigger: "automatic"));
        var (_, forOla) = await InvokeAsync(app, Teams.CardAction("checklist.refresh", new { checklist = Publish }, Ola, inGroup: true));
        var kariCard = forKari.GetProperty("value");
        var olaCard = forOla.GetProperty("value");
        Assert.Equal(["item-samtykke", "item-faktafeil"], Toggled(kariCard));
        Assert.Empty(Toggled(olaCard));
        Assert.Contains(Progress(0), Text(olaCard), StringComparison.Ordinal);
        Assert.Equal([Ola], olaCard.GetProperty("refresh").GetProperty("userIds").EnumerateArray().Select(u => u.GetString()));

        // Ola saves his own card, then presses "Lagre" on a card drawn for Kari: that one writes nothing.
        await InvokeAsync(app, Teams.CardAction("checklist.save", Submitted(olaCard, "fornavn"), Ola, inGroup: true));
        var (_, refused) = await InvokeAsync(app, Teams.CardAction("checklist.save", Submitted(kariCard, "ironi"), Ola, inGroup: true));

        Assert.Contains("Ingenting ble lagret", Text(refused.GetProperty("value")), StringComparison.Ordinal);
        Assert.Equal(["item-fornavn"], Toggled(refused.GetProperty("value")));
        Assert.Equal(["samtykke", "faktafeil"], (await app.Store.GetAsync(ProgressKey(app, Kari, Publish), CancellationToken.None))!.Ticked);
        Assert.Equal(["fornavn"], (await app.Store.GetAsync(ProgressKey(app, Ola, Publish), CancellationToken.None))!.Ticked);
    }

    [Fact]
    public async Task In_a_group_chat_a_save_from_a_card_that_names_no_owner_writes_nothing()
    {
        await using var app = new BotApplication();

        // What an older shared card sent: the poster's toggles, with no owner.
        var (_, body) = await InvokeAsync(app, Teams.CardAction("checklist.save", Ticks(Publish, "samtykke"), Ola, inGroup: true));

        Assert.Empty(Toggled(body.GetProperty("value")));
        Assert.Null(await app.Store.GetAsync(ProgressKey(app, Ola, Publish), CancellationToken.None));
    }

    [Theory]
    [InlineData("checklist.refresh")]
    [InlineData("checklist.save")]
    [InlineData("checklist.reset")]
    public async Task In_a_group_chat_an_Action_Submit_press_gets_the_shared_card_without_the_pressers_ticks(string verb)
    {
        await using var app = new BotApplication();
        var checklist = Checklist(Publish);
        await InvokeAsync(app, Teams.CardAction("checklist.save", Ticks(Publish, "samtykke"), Kari));

        // What an older client sends for a button's Action.Submit fallback: the verb in the data, as a message.
        var pressed = JsonSerializer.SerializeToElement(new { checklist = Publish, verb });
        var reply = Card(Single(await app.ExchangeAsync(Teams.CardSubmission(pressed, Kari, sharedIn: "groupChat"))));

        Assert.DoesNotContain(Elements(reply), e => e.TryGetProperty("type", out var t) && t.GetString() == "Input.Toggle");
        Assert.DoesNotContain("er sjekket", Text(reply), StringComparison.Ordinal);
        Assert.Contains($"{checklist.Items.Count} punkter", Text(reply), StringComparison.Ordinal);
        Assert.Equal([Kari], reply.GetProperty("refresh").GetProperty("userIds").EnumerateArray().Select(u => u.GetString()));
    }

    [Fact]
    public async Task In_a_group_chat_an_Action_Submit_save_from_the_pressers_own_card_is_kept_and_not_shown()
    {
        await using var app = new BotApplication();
        var (_, own) = await InvokeAsync(app, Teams.CardAction("checklist.refresh", new { checklist = Publish }, Kari, inGroup: true));

        // The fallback of Kari's own "Lagre": the same data, owner tag and all, with the verb in it.
        var saved = JsonSerializer.SerializeToElement(new Dictionary<string, string>(Submitted(own.GetProperty("value"), "fornavn")) { ["verb"] = "checklist.save" });
        var reply = Card(Single(await app.ExchangeAsync(Teams.CardSubmission(saved, Kari, sharedIn: "groupChat"))));

        Assert.Empty(Toggled(reply));
        Assert.DoesNotContain("er sjekket", Text(reply), StringComparison.Ordinal);
        Assert.Equal(["fornavn"], (await app.Store.GetAsync(ProgressKey(app, Kari, Publish), CancellationToken.None))!.Ticked);
    }

    [Fact]
    public async Task A_card_refresh_writes_no_conversation_state()
    {
        await using var app = new BotApplication();
        var refresh = Teams.CardAction("checklist.refresh", new { checklist = Publish }, Kari, inGroup: true, trigger: "automatic");

        var (_, body) = await InvokeAsync(app, refresh);

        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Null(await app.Store.GetAsync(ConversationState.Key(refresh.Conversation!.Id!), CancellationToken.None));
    }

    [Fact]
    public async Task An_unknown_verb_gets_the_documented_error_response()
    {
        await using var app = new BotApplication();

        var (status, body) = await InvokeAsync(app, Teams.CardAction("plan.nothing", new { checklist = Publish }));

        Assert.Equal(HttpStatusCode.OK, status);
        AssertError(body, "NotSupported");
    }

    [Fact]
    public async Task An_unknown_checklist_verb_is_not_supported_either()
    {
        await using var app = new BotApplication();

        var (_, body) = await InvokeAsync(app, Teams.CardAction("checklist.burn", new { checklist = Publish }));

        AssertError(body, "NotSupported");
    }

    public static TheoryData<string?> MalformedValues => new()
    {
        null,
        "\"just text\"",
        "{}",
        """{"action":"Action.Execute"}""",
        """{"action":{"type":"Action.Submit","verb":"checklist.save","data":{}}}""",
        """{"action":{"type":"Action.Execute","data":{"checklist":"for-du-publiserer"}}}""",
        """{"action":{"type":"Action.Execute","verb":"checklist.save","data":[1,2]}}""",
        """{"action":{"type":"Action.Execute","verb":"checklist.save","data":{}}}""",
        """{"action":{"type":"Action.Execute","verb":"checklist.save","data":{"checklist":"finnes-ikke"}}}""",
        """{"action":{"type":"Action.Execute","verb":"checklist.save","data":{"checklist":42}}}""",
    };

    [Theory]
    [MemberData(nameof(MalformedValues))]
    public async Task A_malformed_value_gets_a_bad_request_error_response_never_a_500(string? value)
    {
        await using var app = new BotApplication();

        var (status, body) = await InvokeAsync(app, Teams.Invoke(value is null ? null : JsonDocument.Parse(value).RootElement.Clone()));

        Assert.Equal(HttpStatusCode.OK, status);
        AssertError(body, "BadRequest");
    }

    [Fact]
    public async Task An_error_Teams_may_show_is_in_bokmal_and_says_what_to_do()
    {
        await using var app = new BotApplication();

        var (_, gone) = await InvokeAsync(app, Teams.CardAction("checklist.save", new { checklist = "finnes-ikke" }));
        var (_, malformed) = await InvokeAsync(app, Teams.Invoke(JsonSerializer.SerializeToElement(new { action = "Action.Execute" })));

        Assert.Equal("Denne sjekklisten finnes ikke lenger. Skriv «sjekklister» for å se dem som finnes.", gone.GetProperty("value").GetProperty("message").GetString());
        // The parser's English detail ("value.action is missing ...") is for the log, not the user.
        Assert.DoesNotContain("value.", malformed.GetProperty("value").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_invokes_are_still_not_implemented()
    {
        await using var app = new BotApplication();

        using var response = await app.PostAsync(Teams.Invoke(JsonSerializer.SerializeToElement(new { }), name: "task/fetch"));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Without_Universal_Actions_a_submit_saves_and_a_new_card_shows_the_state()
    {
        await using var app = new BotApplication();
        var opened = Card(Single(await app.ExchangeAsync(WebChat("sjekkliste før jeg publiserer"))));
        var actions = opened.GetProperty("actions").EnumerateArray().ToList();
        var confirm = Assert.Single(actions[1].GetProperty("card").GetProperty("actions").EnumerateArray());
        Assert.All([actions[0], confirm], a => Assert.Equal("Action.Submit", a.GetProperty("type").GetString()));
        Assert.False(opened.TryGetProperty("refresh", out _));

        // What Web Chat posts for "Lagre": the button's data merged with the card's inputs.
        var submitted = JsonSerializer.SerializeToElement(Submitted(opened, "samtykke"));
        var reply = Card(Single(await app.ExchangeAsync(WebChat("") with { Text = null, Value = submitted })));

        Assert.Contains(Progress(1), Text(reply), StringComparison.Ordinal);
        Assert.Contains("Lagret.", Text(reply), StringComparison.Ordinal);
        Assert.Equal(["item-samtykke"], Toggled(reply));
    }

    [Fact]
    public async Task A_submitted_unknown_checklist_gets_a_polite_note()
    {
        await using var app = new BotApplication();

        var reply = Single(await app.ExchangeAsync(Teams.PersonalMessage("") with
        {
            Text = null,
            Value = JsonSerializer.SerializeToElement(new { checklist = "finnes-ikke", verb = "checklist.save" }),
        }));

        Assert.Contains("finnes ikke lenger", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dialog_outcome_offers_its_checklist_and_the_button_opens_it()
    {
        await using var app = new BotApplication();

        var (button, checklistId) = await ChecklistOutcomeAsync(app, english: false);

        Assert.Equal(checklistId, button.GetProperty("data").GetProperty("checklist").GetString());
        var opened = await PressAsync(app, button);
        Assert.Equal("Journalisten ringer", opened.GetProperty("body")[1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task An_English_phrase_opens_the_checklist_in_English_and_its_buttons_keep_English()
    {
        await using var app = new BotApplication();
        var english = Checklist(Publish).English!;

        var card = Card(Single(await app.ExchangeAsync(Teams.MessageFrom(Kari, "checklist before I post"))));

        Assert.Equal(english.Title, card.GetProperty("body")[1].GetProperty("text").GetString());
        Assert.Contains(ChecklistCards.ProgressText(0, english.Items.Count, Language.English), Text(card), StringComparison.Ordinal);
        Assert.Contains(english.Items[0].Text, Text(card), StringComparison.Ordinal);
        // The rule itself is the strategy's bokmål, and the card says so.
        Assert.Contains(english.Items[0].Source.Text, Text(card), StringComparison.Ordinal);
        Assert.Contains("Source (quoted in Norwegian)", Text(card), StringComparison.Ordinal);
        var save = card.GetProperty("actions")[0];
        Assert.Equal("Save", save.GetProperty("title").GetString());
        Assert.Equal("en", save.GetProperty("data").GetProperty("language").GetString());
        Assert.Equal("Update", card.GetProperty("refresh").GetProperty("action").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Saving_from_an_English_card_answers_in_English_and_stores_the_same_ticks()
    {
        await using var app = new BotApplication();
        var data = Ticks(Publish, "samtykke", "faktafeil");
        data["language"] = "en";

        var (_, body) = await InvokeAsync(app, Teams.CardAction("checklist.save", data, Kari));

        var text = Text(body.GetProperty("value"));
        Assert.Contains("Saved.", text, StringComparison.Ordinal);
        Assert.Contains(ChecklistCards.ProgressText(2, Checklist(Publish).Items.Count, Language.English), text, StringComparison.Ordinal);
        var stored = await app.Store.GetAsync(ProgressKey(app, Kari, Publish), CancellationToken.None);
        Assert.Equal(["samtykke", "faktafeil"], stored!.Ticked);
        // The same ticks show on the bokmål card: language is how the list is drawn, not whose list it is.
        var norwegian = Card(Single(await app.ExchangeAsync(Teams.MessageFrom(Kari, "sjekkliste før jeg publiserer"))));
        Assert.Contains(Progress(2), Text(norwegian), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_English_list_opens_English_checklists()
    {
        await using var app = new BotApplication();
        var list = Card(Single(await app.ExchangeAsync(Teams.PersonalMessage("checklists"))));
        var button = list.GetProperty("actions")[0];
        var checklist = Checklist(button.GetProperty("data").GetProperty("checklist").GetString()!);
        Assert.Equal("Checklist: " + checklist.English!.Title, button.GetProperty("title").GetString());

        var opened = await PressAsync(app, button);

        Assert.Equal(checklist.English.Title, opened.GetProperty("body")[1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task An_English_dialog_outcome_opens_its_checklist_in_English()
    {
        await using var app = new BotApplication();

        var (button, checklistId) = await ChecklistOutcomeAsync(app, english: true);

        var checklist = Checklist(checklistId);
        Assert.Equal("Checklist: " + checklist.English!.Title, button.GetProperty("title").GetString());
        var opened = await PressAsync(app, button);
        Assert.Equal(checklist.English.Title, opened.GetProperty("body")[1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Ticks_survive_a_restart()
    {
        using var folder = new TempFolder("checklist-restart");
        await using (var before = new BotApplication(settings: folder.SqliteSettings()))
        {
            await InvokeAsync(before, Teams.CardAction("checklist.save", Ticks(Publish, "samtykke", "taushetsplikt"), Kari));
        }
        await using var after = new BotApplication(settings: folder.SqliteSettings());

        var card = Card(Single(await after.ExchangeAsync(Teams.MessageFrom(Kari, "sjekkliste før jeg publiserer"))));

        Assert.Contains(Progress(2), Text(card), StringComparison.Ordinal);
        Assert.Equal(["item-taushetsplikt", "item-samtykke"], Toggled(card));
    }

    /// <summary>
    /// Walks Østre Toten's press dialog, started by a bokmål or an English trigger, along the first path whose
    /// outcome offers a checklist; returns that outcome's checklist button and the checklist it should open.
    /// </summary>
    private async Task<(JsonElement Button, string ChecklistId)> ChecklistOutcomeAsync(BotApplication app, bool english)
    {
        var dialog = DialogLoaderTests.Shipped(fixture).Single(d => d.OrganisationId == "ostre-toten" && d.Id == "kontakt-med-pressen");
        var (choices, outcomeId) = DialogPaths.All(dialog).First(p => dialog.Outcomes[p.Outcome].Checklist is not null);
        var trigger = english ? dialog.Triggers.First(t => fixture.Knowledge.DetectLanguage(t) == Language.English) : "presse";
        var last = await app.ExchangeAsync(Teams.PersonalMessage(trigger) with { Id = "m0" });
        foreach (var (_, number, _) in choices)
        {
            last = await app.ExchangeAsync(Teams.PersonalMessage(number.ToString(System.Globalization.CultureInfo.InvariantCulture)) with { Id = Guid.NewGuid().ToString("N") });
        }
        var button = Card(last[^1]).GetProperty("actions").EnumerateArray().First(a => a.GetProperty("data").TryGetProperty("checklist", out _));
        return (button, dialog.Outcomes[outcomeId].Checklist!.Id);
    }

    /// <summary>Presses an Action.Submit button as a client without Universal Actions does; returns the card it gets.</summary>
    private static async Task<JsonElement> PressAsync(BotApplication app, JsonElement button) =>
        Card(Single(await app.ExchangeAsync(Teams.PersonalMessage("") with
        {
            Text = null,
            Value = JsonSerializer.SerializeToElement(button.GetProperty("data")),
        })));

    private static Dictionary<string, string> Ticks(string checklist, params string[] items)
    {
        var data = new Dictionary<string, string> { ["checklist"] = checklist };
        foreach (var item in items)
        {
            data["item-" + item] = "true";
        }
        return data;
    }

    /// <summary>
    /// What a client sends for "Lagre" on <paramref name="card"/>: the button's data merged with every toggle
    /// as drawn, and <paramref name="tick"/> switched on.
    /// </summary>
    private static Dictionary<string, string> Submitted(JsonElement card, params string[] tick)
    {
        var save = card.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("title").GetString() == "Lagre");
        var data = save.GetProperty("data")
            .EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        foreach (var toggle in Elements(card).Where(e => e.TryGetProperty("type", out var t) && t.GetString() == "Input.Toggle"))
        {
            var id = toggle.GetProperty("id").GetString()!;
            data[id] = tick.Contains(id["item-".Length..]) ? "true" : toggle.GetProperty("value").GetString()!;
        }
        return data;
    }

    private static StateKey<ChecklistProgress> ProgressKey(BotApplication app, string userId, string checklist) =>
        ChecklistProgress.Key(app.UserKeyOf(Teams.MessageFrom(userId, "x")), "ostre-toten", checklist);

    private static Activity WebChat(string text) => Teams.PersonalMessage(text) with
    {
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = "webchat",
        From = new ChannelAccount { Id = "dl_web-user" },
        ChannelData = null,
    };

    private static async Task<(HttpStatusCode Status, JsonElement Body)> InvokeAsync(BotApplication app, Activity invoke)
    {
        using var response = await app.PostAsync(invoke);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone());
    }

    private static void AssertError(JsonElement body, string code)
    {
        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.GetProperty("type").GetString());
        Assert.Equal(code, body.GetProperty("value").GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("value").GetProperty("message").GetString()));
    }

    private static Activity Single(IReadOnlyList<Activity> replies) => Assert.Single(replies);

    private static JsonElement Card(Activity activity) => Assert.Single(activity.Attachments!).Content!.Value;

    private static Activity Wrap(JsonElement card) => new() { Attachments = [new Attachment { Content = card }] };

    private static string Text(JsonElement card) => ConversationScriptTests.CardText(Wrap(card));

    /// <summary>The ids of the toggles the card shows as ticked, in card order.</summary>
    private static List<string> Toggled(JsonElement card) =>
        [.. Elements(card).Where(e => e.TryGetProperty("type", out var t) && t.GetString() == "Input.Toggle" && e.GetProperty("value").GetString() == "true")
            .Select(e => e.GetProperty("id").GetString()!)];

    private static IEnumerable<JsonElement> Elements(JsonElement node) => node.ValueKind switch
    {
        JsonValueKind.Object => [node, .. node.EnumerateObject().SelectMany(p => Elements(p.Value))],
        JsonValueKind.Array => node.EnumerateArray().SelectMany(Elements),
        _ => [],
    };
}
