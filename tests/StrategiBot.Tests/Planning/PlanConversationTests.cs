using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using StrategiBot.Conversation;
using StrategiBot.Planning;
using StrategiBot.Protocol.Schema;
using StrategiBot.Storage;
using StrategiBot.Tests.Conversation;
using StrategiBot.Tests.Protocol.Authentication;

namespace StrategiBot.Tests.Planning;

/// <summary>
/// The communication-plan builder as a user meets it through <c>/api/messages</c>: open, fill in step by
/// step, go back, get told what is missing without losing anything, save a draft, resume it (also after a
/// restart), finish. Buttons are pressed with <see cref="CardJson.ClientPress"/>, which sends only what an
/// Adaptive Cards client can send; <see cref="CardJson.Press"/> plays a client that checks nothing.
/// </summary>
public sealed class PlanConversationTests
{
    /// <summary>Every required field of Østre Toten's plan, and a few optional ones, filled in.</summary>
    internal static readonly Dictionary<string, string> Complete = new()
    {
        ["plan.prosjekt"] = "Ny barnehage på Lena",
        ["plan.budskap"] = "Barnehagen åpner 1. august med 120 plasser.",
        ["plan.mal"] = "Foreldre søker plass innen fristen.",
        ["plan.nyhet"] = "ja",
        ["plan.malgruppe-ma"] = "Foreldre med barn under skolealder; ansatte i barnehagene.",
        ["plan.kanaler"] = "nettsider,intranett,media",
        ["plan.ansvar"] = "Kommunalsjef oppvekst; kommunikasjonsavdelingen skriver saken.",
        ["plan.tidsplan"] = "Sak på intranett – 1. mars – Kari",
    };

    [Theory]
    [InlineData("kommunikasjonsplan")]
    [InlineData("Jeg må lage en kommunikasjonsplan for et prosjekt")]
    [InlineData("Hei, kan du hjelpe meg med en kommunikasjonsplan?")]
    public async Task The_command_or_a_phrase_opens_the_first_step_with_the_templates_first_heading(string text)
    {
        await using var app = new BotApplication();

        var form = Assert.Single(await SayAsync(app, text));

        var cardText = ConversationScriptTests.CardText(form);
        Assert.Contains("Kommunikasjonsplan", cardText, StringComparison.Ordinal);
        Assert.Contains("Steg 1 av 5", cardText, StringComparison.Ordinal);
        Assert.Contains("Innhold", cardText, StringComparison.Ordinal);
        Assert.Contains("Bygger på Vedlegg 2: Mal for enkel kommunikasjonsplan – alternativ 1", cardText, StringComparison.Ordinal);
        Assert.Equal("Hva er viktig å kommunisere?", CardJson.Input(form, "plan.budskap")["label"]!.GetValue<string>());
        Assert.Throws<InvalidOperationException>(() => CardJson.Input(form, "plan.malgruppe-bor"));
    }

    [Fact]
    public async Task Asked_for_in_English_the_form_speaks_English_around_the_Norwegian_template_and_a_resumed_draft_too()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2026-03-01T23:30:00Z", CultureInfo.InvariantCulture));
        await using var app = new BotApplication { Clock = clock };

        var first = Assert.Single(await SayAsync(app, "communication plan"));
        await SubmitAsync(app, CardJson.ClientPress(first, "Next", Typed(first)));
        var resumed = Assert.Single(await SayAsync(app, "communication plan", conversationId: "a:another-device"));
        var norwegian = Assert.Single(await SayAsync(app, "kommunikasjonsplan", conversationId: "a:third-device"));

        var text = ConversationScriptTests.CardText(first);
        Assert.Contains("The plan template is in Norwegian, as the strategy writes it", text, StringComparison.Ordinal);
        Assert.Contains("Step 1 of 5", text, StringComparison.Ordinal);
        Assert.Contains("“Next” saves the step and shows the next one.", text, StringComparison.Ordinal);
        Assert.Contains("Based on Vedlegg 2: Mal for enkel kommunikasjonsplan – alternativ 1;", text, StringComparison.Ordinal);
        Assert.Contains("Fill in the plan following the template in the communication strategy", text, StringComparison.Ordinal);
        // The template's own words stay the strategy's.
        Assert.Contains("Innhold", text, StringComparison.Ordinal);
        Assert.Equal("Hva er viktig å kommunisere?", CardJson.Input(first, "plan.budskap")["label"]!.GetValue<string>());
        Assert.Equal("Fill in “Hva er viktig å kommunisere?”.", CardJson.Input(first, "plan.budskap")["errorMessage"]!.GetValue<string>());
        Assert.Equal(["Next", "Save and continue later", "Start over …"], CardJson.Card(first)["actions"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()));
        Assert.Equal("Kommunikasjonsplan, step 1 of 5", first.Summary);
        Assert.Contains("I found your draft from 2 March 2026 and filled it in, so you can go on at step 2. Press “Start over” to begin again.", ConversationScriptTests.CardText(resumed), StringComparison.Ordinal);
        Assert.Contains("Step 2 of 5", ConversationScriptTests.CardText(resumed), StringComparison.Ordinal);
        Assert.DoesNotContain("Norwegian", ConversationScriptTests.CardText(norwegian), StringComparison.Ordinal);
        Assert.Contains("Steg 2 av 5", ConversationScriptTests.CardText(norwegian), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_English_form_answers_its_buttons_in_English_from_first_step_to_finished_plan()
    {
        await using var app = new BotApplication();
        var first = Assert.Single(await SayAsync(app, "communication plan"));

        var unfinished = Assert.Single(await SubmitAsync(app, CardJson.Press(first, "Next", new Dictionary<string, string> { ["plan.prosjekt"] = "New kindergarten", ["plan.budskap"] = "Opens in August" })));
        var tooLong = Assert.Single(await SubmitAsync(app, CardJson.Press(first, "Next", new Dictionary<string, string>(Typed(first)) { ["plan.prosjekt"] = new string('x', 151) })));
        var second = Assert.Single(await SubmitAsync(app, CardJson.ClientPress(first, "Next", Typed(first))));
        var saved = Assert.Single(await SubmitAsync(app, CardJson.ClientPress(second, "Save and continue later", Typed(second))));
        var back = Assert.Single(await SubmitAsync(app, CardJson.ClientPress(second, "Back")));
        var replies = await FillInAsync(app, back, makePlan: "Make the plan", next: "Next");
        var edited = Assert.Single(await SubmitAsync(app, CardJson.ClientPress(replies[0], "Edit the plan")));
        var emptied = Assert.Single(await SubmitAsync(app, CardJson.ClientPress(edited, "Yes, empty the form")));

        Assert.Contains("This step is not finished yet. Fill in “Hva er målet med kommunikasjonen?”. What you have written is kept.", ConversationScriptTests.CardText(unfinished), StringComparison.Ordinal);
        Assert.Contains("Shorten “Navn på prosjektet” (151 characters, at most 150).", ConversationScriptTests.CardText(tooLong), StringComparison.Ordinal);
        Assert.Equal("Your draft is saved. Type “communication plan” when you want to go on, also from another device.", saved.Text);
        Assert.Contains("Step 1 of 5", ConversationScriptTests.CardText(back), StringComparison.Ordinal);
        Assert.Equal(2, replies.Count);
        Assert.Contains("Following the template in Østre Toten municipality's communication strategy", ConversationScriptTests.CardText(replies[0]), StringComparison.Ordinal);
        Assert.Contains("(Following the template in the communication strategy: Vedlegg 2: Mal for enkel kommunikasjonsplan – alternativ 1;", replies[1].Text, StringComparison.Ordinal);
        Assert.Contains("Here is your plan again.", ConversationScriptTests.CardText(edited), StringComparison.Ordinal);
        Assert.Contains("The form is cleared. You can start a new plan.", ConversationScriptTests.CardText(emptied), StringComparison.Ordinal);
        Assert.Null(await DraftAsync(app));
    }

    [Fact]
    public async Task An_English_button_of_another_form_is_answered_in_English()
    {
        await using var app = new BotApplication();

        var reply = Assert.Single(await SubmitAsync(app, Value(new { form = "no-such-form", action = "next", step = 1 }, new() { ["language"] = "en" })));

        Assert.Equal("That button does not belong to a form I know. Type “communication plan” to open the form again.", reply.Text);
    }

    [Fact]
    public async Task A_question_about_plans_is_still_answered_from_the_strategy()
    {
        await using var app = new BotApplication();

        var reply = Assert.Single(await SayAsync(app, "Hvem har ansvaret for kommunikasjonsplaner?"));

        Assert.Throws<InvalidOperationException>(() => CardJson.Input(reply, "plan.budskap"));
    }

    [Fact]
    public async Task Each_step_validates_only_its_own_required_fields_on_the_card()
    {
        await using var app = new BotApplication();

        var first = Assert.Single(await SayAsync(app, "kommunikasjonsplan"));

        var budskap = CardJson.Input(first, "plan.budskap");
        Assert.True(budskap["isRequired"]!.GetValue<bool>());
        Assert.Equal("Fyll ut «Hva er viktig å kommunisere?».", budskap["errorMessage"]!.GetValue<string>());
        Assert.Equal(2000, budskap["maxLength"]!.GetValue<int>());
        Assert.Null(CardJson.Input(first, "plan.nyhet")["isRequired"]);
        Assert.Null(CardJson.Button(first, "Neste")["associatedInputs"]);
        Assert.Equal("none", CardJson.Button(first, "Ja, tøm skjemaet")["associatedInputs"]!.GetValue<string>());
        // Emptying the draft asks first: the button only opens the confirmation.
        Assert.Equal("Action.ShowCard", CardJson.Button(first, "Start på nytt …")["type"]!.GetValue<string>());
        Assert.Throws<InvalidOperationException>(() => CardJson.Button(first, "Tilbake"));
        // A client stops "Neste" and "Lagre og fortsett senere" while this step's required fields are empty ...
        Assert.Throws<InvalidOperationException>(() => CardJson.ClientPress(first, "Neste", new Dictionary<string, string> { ["plan.prosjekt"] = "Ny barnehage" }));
        Assert.Throws<InvalidOperationException>(() => CardJson.ClientPress(first, "Lagre og fortsett senere", new Dictionary<string, string> { ["plan.prosjekt"] = "Ny barnehage" }));
        Assert.Contains("Felt merket * må være fylt ut før du går videre eller lagrer", ConversationScriptTests.CardText(first), StringComparison.Ordinal);

        // ... and lets them through with this step's required fields alone, none of the later steps'.
        var second = Assert.Single(await SubmitAsync(app, CardJson.ClientPress(first, "Neste", Typed(first))));

        Assert.Contains("Steg 2 av 5", ConversationScriptTests.CardText(second), StringComparison.Ordinal);
        Assert.True(CardJson.Input(second, "plan.malgruppe-ma")["isRequired"]!.GetValue<bool>());
        Assert.Null(CardJson.Input(second, "plan.malgruppe-kan")["isRequired"]);
        Assert.Equal("none", CardJson.Button(second, "Tilbake")["associatedInputs"]!.GetValue<string>());
        Assert.Throws<InvalidOperationException>(() => CardJson.Input(second, "plan.budskap"));
    }

    [Fact]
    public async Task Neste_saves_the_step_and_Tilbake_shows_the_one_before_filled_in()
    {
        await using var app = new BotApplication();
        var first = Assert.Single(await SayAsync(app, "kommunikasjonsplan"));

        var second = Assert.Single(await SubmitAsync(app, CardJson.ClientPress(first, "Neste", Typed(first))));
        var draft = await DraftAsync(app);
        var back = Assert.Single(await SubmitAsync(app, CardJson.ClientPress(second, "Tilbake")));

        Assert.Equal("Ny barnehage på Lena", draft!.Values["prosjekt"]);
        Assert.Equal(1, draft.Step);
        Assert.Contains("Steg 1 av 5", ConversationScriptTests.CardText(back), StringComparison.Ordinal);
        Assert.Equal("Foreldre søker plass innen fristen.", CardJson.Input(back, "plan.mal")["value"]!.GetValue<string>());
        Assert.Equal("ja", CardJson.Input(back, "plan.nyhet")["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_fields_from_a_client_that_does_not_check_are_named_and_the_step_comes_back_kept()
    {
        await using var app = new BotApplication();
        var form = Assert.Single(await SayAsync(app, "kommunikasjonsplan"));
        var partial = new Dictionary<string, string> { ["plan.prosjekt"] = "Ny barnehage", ["plan.budskap"] = "Åpner i august", ["plan.nyhet"] = "nei" };

        var again = Assert.Single(await SubmitAsync(app, CardJson.Press(form, "Neste", partial)));

        var text = ConversationScriptTests.CardText(again);
        Assert.Contains("Steg 1 av 5", text, StringComparison.Ordinal);
        Assert.Contains("Dette steget er ikke ferdig ennå. Fyll ut «Hva er målet med kommunikasjonen?». Det du har skrevet, er tatt vare på.", text, StringComparison.Ordinal);
        Assert.Equal("Åpner i august", CardJson.Input(again, "plan.budskap")["value"]!.GetValue<string>());
        Assert.Equal("nei", CardJson.Input(again, "plan.nyhet")["value"]!.GetValue<string>());
        Assert.Equal("Ny barnehage", (await DraftAsync(app))!.Values["prosjekt"]);
    }

    [Fact]
    public async Task Too_long_text_is_named_with_its_length_and_kept()
    {
        await using var app = new BotApplication();
        var form = Assert.Single(await SayAsync(app, "kommunikasjonsplan"));
        var tooLong = new string('x', 151);

        var again = Assert.Single(await SubmitAsync(app, CardJson.Press(form, "Neste", new Dictionary<string, string>(Typed(form)) { ["plan.prosjekt"] = tooLong })));

        Assert.Contains("For lang tekst i «Navn på prosjektet» (151 tegn, høyst 150).", ConversationScriptTests.CardText(again), StringComparison.Ordinal);
        Assert.Equal(tooLong, CardJson.Input(again, "plan.prosjekt")["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_saved_draft_is_resumed_on_another_device_at_the_step_it_was_saved_on()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2026-03-01T23:30:00Z", CultureInfo.InvariantCulture));
        await using var app = new BotApplication { Clock = clock };
        var first = Assert.Single(await SayAsync(app, "kommunikasjonsplan"));
        var second = Assert.Single(await SubmitAsync(app, CardJson.ClientPress(first, "Neste", Typed(first))));

        var saved = Assert.Single(await SubmitAsync(app, CardJson.ClientPress(second, "Lagre og fortsett senere", new Dictionary<string, string>
        {
            ["plan.malgruppe-ma"] = "Foreldre",
            ["plan.malgruppe-bor"] = "Halvferdig tanke om ansatte",
        })));
        var reopened = Assert.Single(await SayAsync(app, "kommunikasjonsplan", conversationId: "a:another-device"));

        Assert.Contains("Utkastet er lagret", saved.Text, StringComparison.Ordinal);
        var text = ConversationScriptTests.CardText(reopened);
        // Saved at 00:30 on 2 March in Norway, which is still 1 March in UTC.
        Assert.Contains("Jeg fant utkastet ditt fra 2. mars 2026", text, StringComparison.Ordinal);
        Assert.Contains("Steg 2 av 5", text, StringComparison.Ordinal);
        Assert.Equal("Halvferdig tanke om ansatte", CardJson.Input(reopened, "plan.malgruppe-bor")["value"]!.GetValue<string>());
        var third = Assert.Single(await SubmitAsync(app, CardJson.ClientPress(reopened, "Neste")));
        Assert.Contains("Steg 3 av 5", ConversationScriptTests.CardText(third), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reopening_resumes_at_the_first_step_with_required_fields_missing()
    {
        await using var app = new BotApplication();
        var first = Assert.Single(await SayAsync(app, "kommunikasjonsplan"));
        var second = Assert.Single(await SubmitAsync(app, CardJson.ClientPress(first, "Neste", Typed(first))));
        var third = Assert.Single(await SubmitAsync(app, CardJson.ClientPress(second, "Neste", Typed(second))));
        await SubmitAsync(app, CardJson.ClientPress(third, "Tilbake"));

        var reopened = Assert.Single(await SayAsync(app, "kommunikasjonsplan"));

        var text = ConversationScriptTests.CardText(reopened);
        Assert.Contains("Steg 3 av 5", text, StringComparison.Ordinal);
        Assert.Contains("Kanalvalg", text, StringComparison.Ordinal);
        Assert.Equal("Foreldre med barn under skolealder; ansatte i barnehagene.", (await DraftAsync(app))!.Values["malgruppe-ma"]);
    }

    [Fact]
    public async Task Starting_over_empties_the_form_and_forgets_the_draft()
    {
        await using var app = new BotApplication();
        var first = Assert.Single(await SayAsync(app, "kommunikasjonsplan"));
        var second = Assert.Single(await SubmitAsync(app, CardJson.ClientPress(first, "Neste", Typed(first))));

        var emptied = Assert.Single(await SubmitAsync(app, CardJson.ClientPress(second, "Ja, tøm skjemaet")));

        var text = ConversationScriptTests.CardText(emptied);
        Assert.Contains("Skjemaet er tømt", text, StringComparison.Ordinal);
        Assert.Contains("Steg 1 av 5", text, StringComparison.Ordinal);
        Assert.Null(CardJson.Input(emptied, "plan.budskap")["value"]);
        Assert.Null(await DraftAsync(app));
    }

    [Fact]
    public async Task A_complete_plan_comes_back_as_a_card_and_as_plain_text()
    {
        await using var app = new BotApplication();

        var replies = await FillInAsync(app, Assert.Single(await SayAsync(app, "kommunikasjonsplan")));

        Assert.Equal(2, replies.Count);
        var card = ConversationScriptTests.CardText(replies[0]);
        Assert.Contains("Ny barnehage på Lena", card, StringComparison.Ordinal);
        Assert.Contains("Målgrupper", card, StringComparison.Ordinal);
        Assert.Contains("Egne nettsider, Intranett (internt), Media (redaksjonell omtale)", card, StringComparison.Ordinal);
        Assert.Contains("Sak på intranett – 1. mars – Kari", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Hvem KAN vi kommunisere med?", card, StringComparison.Ordinal);
        Assert.DoesNotContain("ColumnSet", CardJson.Card(replies[0]).ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("plain", replies[1].TextFormat);
        Assert.Null(replies[1].Attachments);
        Assert.StartsWith("KOMMUNIKASJONSPLAN: Ny barnehage på Lena\n", replies[1].Text!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("\nKANALVALG\nKanaler\nEgne nettsider, Intranett (internt), Media (redaksjonell omtale)\n", replies[1].Text!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.True((await DraftAsync(app))!.Finished);
    }

    [Fact]
    public async Task Typed_answers_are_shown_as_typed_on_the_plan_never_read_as_Markdown()
    {
        const string link = "[klikk her](https://evil.example)";
        const string formatted = "**Viktig**: _alle_ må vite det\n- også de ansatte";
        await using var app = new BotApplication();
        var typed = new Dictionary<string, string>(Complete) { ["plan.prosjekt"] = link, ["plan.budskap"] = formatted };

        var plan = (await FillInAsync(app, Assert.Single(await SayAsync(app, "kommunikasjonsplan")), typed))[0];

        var elements = CardJson.Elements(CardJson.Card(plan)).ToList();
        string Text(JsonObject e) => e["text"]?.GetValue<string>() ?? string.Empty;
        // A TextBlock reads its text as Markdown; a TextRun never does.
        Assert.DoesNotContain(elements, e => e["type"]?.GetValue<string>() == "TextBlock" && (Text(e).Contains("evil.example", StringComparison.Ordinal) || Text(e).Contains("**Viktig**", StringComparison.Ordinal)));
        var runs = elements.Where(e => e["type"]?.GetValue<string>() == "TextRun").Select(Text).ToList();
        Assert.Contains(link, runs);
        Assert.Contains(formatted, runs);
        Assert.Contains("Foreldre søker plass innen fristen.", runs);
        // Notifications and the chat list show the summary outside the card: the form's name, not the project's.
        Assert.Equal("Kommunikasjonsplan", plan.Summary);
    }

    [Fact]
    public async Task Lag_planen_sends_back_an_earlier_step_that_still_misses_a_required_field()
    {
        await using var app = new BotApplication();
        var first = Assert.Single(await SayAsync(app, "kommunikasjonsplan"));
        // A client that does not check could save the first step without the goal.
        await SubmitAsync(app, CardJson.Press(first, "Lagre og fortsett senere", new Dictionary<string, string> { ["plan.prosjekt"] = "Ny barnehage", ["plan.budskap"] = "Åpner i august" }));

        var back = Assert.Single(await SubmitAsync(app, Value(new { form = "kommunikasjonsplan", action = "next", step = 5 }, new() { ["plan.tidsplan"] = "Sak på intranett" })));

        var text = ConversationScriptTests.CardText(back);
        Assert.Contains("Steg 1 av 5", text, StringComparison.Ordinal);
        Assert.Contains("Planen er ikke ferdig ennå: det mangler noe på steg 1. Fyll ut «Hva er målet med kommunikasjonen?».", text, StringComparison.Ordinal);
        Assert.Equal("Sak på intranett", (await DraftAsync(app))!.Values["tidsplan"]);
        Assert.False((await DraftAsync(app))!.Finished);
    }

    [Fact]
    public async Task After_a_finished_plan_the_form_opens_empty_and_the_plan_can_be_edited()
    {
        await using var app = new BotApplication();
        var plan = (await FillInAsync(app, Assert.Single(await SayAsync(app, "kommunikasjonsplan"))))[0];

        var fresh = Assert.Single(await SayAsync(app, "kommunikasjonsplan"));
        var edited = Assert.Single(await SubmitAsync(app, CardJson.ClientPress(plan, "Endre planen")));

        Assert.Null(CardJson.Input(fresh, "plan.prosjekt")["value"]);
        Assert.Contains("Steg 1 av 5", ConversationScriptTests.CardText(edited), StringComparison.Ordinal);
        Assert.Equal("Ny barnehage på Lena", CardJson.Input(edited, "plan.prosjekt")["value"]!.GetValue<string>());
        Assert.False((await DraftAsync(app))!.Finished);
    }

    [Fact]
    public async Task A_step_card_of_a_finished_plan_changes_nothing_while_a_new_form_starts_a_new_plan()
    {
        await using var app = new BotApplication();
        var first = Assert.Single(await SayAsync(app, "kommunikasjonsplan"));
        await FillInAsync(app, first);

        // The first step's card, still in the chat (or on another device), pressed with its fields empty.
        var stale = Assert.Single(await SubmitAsync(app, CardJson.Press(first, "Neste")));

        Assert.Contains("Dette kortet hører til en plan som er ferdig, så det endrer ingenting.", ConversationScriptTests.CardText(stale), StringComparison.Ordinal);
        var kept = (await DraftAsync(app))!;
        Assert.True(kept.Finished);
        Assert.Equal("Ny barnehage på Lena", kept.Values["prosjekt"]);

        var fresh = Assert.Single(await SayAsync(app, "kommunikasjonsplan"));
        var second = Assert.Single(await SubmitAsync(app, CardJson.Press(fresh, "Neste", new Dictionary<string, string>
        {
            ["plan.prosjekt"] = "Nytt bibliotek",
            ["plan.budskap"] = "Åpner i mai",
            ["plan.mal"] = "Alle vet når det åpner",
        })));

        Assert.Contains("Steg 2 av 5", ConversationScriptTests.CardText(second), StringComparison.Ordinal);
        Assert.Equal("Nytt bibliotek", (await DraftAsync(app))!.Values["prosjekt"]);
    }

    [Fact]
    public async Task A_draft_survives_a_restart_of_the_bot_and_the_plan_can_be_finished_after_it()
    {
        using var database = new TempFolder("plan-restart");
        await using (var before = new BotApplication(settings: database.SqliteSettings()))
        {
            var first = Assert.Single(await SayAsync(before, "kommunikasjonsplan"));
            var second = Assert.Single(await SubmitAsync(before, CardJson.ClientPress(first, "Neste", Typed(first))));
            await SubmitAsync(before, CardJson.ClientPress(second, "Lagre og fortsett senere", Typed(second)));
        }
        await using var after = new BotApplication(settings: database.SqliteSettings());

        var reopened = Assert.Single(await SayAsync(after, "kommunikasjonsplan"));
        var replies = await FillInAsync(after, reopened);

        Assert.Contains("Steg 2 av 5", ConversationScriptTests.CardText(reopened), StringComparison.Ordinal);
        Assert.Equal("Foreldre med barn under skolealder; ansatte i barnehagene.", CardJson.Input(reopened, "plan.malgruppe-ma")["value"]!.GetValue<string>());
        Assert.Contains("Foreldre søker plass innen fristen.", replies[^1].Text, StringComparison.Ordinal);
    }

    public static TheoryData<string> BadSubmissions => new()
    {
        """{"plan":"kommunikasjonsplan"}""",
        """{"plan":{"form":"no-such-form","action":"submit"}}""",
        """{"plan":{"form":"kommunikasjonsplan","action":"explode"}}""",
        """{"plan":{"form":"kommunikasjonsplan"}}""",
        """{"plan":{"form":"kommunikasjonsplan","action":"next"}}""",
        """{"plan":{"form":"kommunikasjonsplan","action":"next","step":6}}""",
        """{"plan":{"form":"kommunikasjonsplan","action":"save","step":"2"}}""",
    };

    [Theory]
    [MemberData(nameof(BadSubmissions))]
    public async Task A_submission_for_no_known_form_gets_a_clear_reply(string value)
    {
        await using var app = new BotApplication();

        var reply = Assert.Single(await SubmitAsync(app, JsonDocument.Parse(value).RootElement.Clone()));

        Assert.Contains("hører ikke til et skjema jeg kjenner igjen", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_that_are_not_text_or_not_a_choice_are_named_and_the_rest_kept()
    {
        await using var app = new BotApplication();
        var value = Value(new { form = "kommunikasjonsplan", action = "next", step = 1 }, new()
        {
            ["plan.prosjekt"] = 42,
            ["plan.budskap"] = "Beholdes",
            ["plan.nyhet"] = "ja,nei",
        });

        var again = Assert.Single(await SubmitAsync(app, value));

        var text = ConversationScriptTests.CardText(again);
        Assert.Contains("Jeg kunne ikke lese svaret på «Navn på prosjektet» og «Er dette en nyhet?»", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Fyll ut «Navn på prosjektet»", text, StringComparison.Ordinal);
        Assert.Equal("Beholdes", CardJson.Input(again, "plan.budskap")["value"]!.GetValue<string>());
        Assert.Equal("ja", CardJson.Input(again, "plan.nyhet")["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_organisation_without_a_template_is_told_so_with_its_contact()
    {
        await using var app = new BotApplication(settings: new Dictionary<string, string?> { ["Bot:Organisation"] = "trondheim" });

        var reply = Assert.Single(await SayAsync(app, "kommunikasjonsplan"));

        var text = ConversationScriptTests.CardText(reply);
        Assert.Contains("har ingen mal for kommunikasjonsplan", text, StringComparison.Ordinal);
        Assert.Contains("**Spør nærmeste leder.**", text, StringComparison.Ordinal);
    }

    private const string Secret = "Hemmelig nedleggelse av Lena skole";

    private const string PersonalChatNote = "Kommunikasjonsplanen fyller du ut i en personlig chat med meg, slik at utkastet ditt ikke blir vist for andre. Skriv «kommunikasjonsplan» til meg der.";

    [Theory]
    [InlineData("channel")]
    [InlineData("groupChat")]
    public async Task In_a_shared_conversation_the_command_points_to_the_personal_chat_and_shows_no_draft(string conversationType)
    {
        await using var app = new BotApplication();
        await SaveSecretDraftAsync(app);

        var reply = Assert.Single(await app.ExchangeAsync(Teams.GroupMessage("kommunikasjonsplan", mentionBot: true, conversationType)));

        Assert.Null(reply.Attachments);
        Assert.Equal(PersonalChatNote, reply.Text);
        Assert.Equal(Secret, (await DraftAsync(app))!.Values["prosjekt"]);
    }

    [Fact]
    public async Task In_a_shared_conversation_a_request_in_English_or_in_words_gets_the_note_in_its_language()
    {
        await using var app = new BotApplication();
        await SaveSecretDraftAsync(app);

        var english = Assert.Single(await app.ExchangeAsync(Teams.GroupMessage("communication plan", mentionBot: true, conversationType: "channel")));
        var phrase = Assert.Single(await app.ExchangeAsync(Teams.GroupMessage("Jeg må lage en kommunikasjonsplan for et prosjekt", mentionBot: true)));

        Assert.Equal("You fill in the communication plan in a personal chat with me, so your draft is not shown to others. Type “communication plan” to me there.", english.Text);
        Assert.Contains("personlig chat med meg", phrase.Text, StringComparison.Ordinal);
        Assert.All(new[] { english, phrase }, r => Assert.DoesNotContain(Secret, JsonSerializer.Serialize(r), StringComparison.Ordinal));
    }

    public static TheoryData<string, int?> PlanButtons => new()
    {
        { PlanCards.NextAction, 1 },
        { PlanCards.NextAction, 5 },
        { PlanCards.BackAction, 2 },
        { PlanCards.SaveAction, 2 },
        { PlanCards.EditAction, null },
        { PlanCards.RestartAction, 1 },
    };

    [Theory]
    [MemberData(nameof(PlanButtons))]
    public async Task A_plan_button_pressed_in_a_shared_conversation_shows_and_changes_no_draft(string action, int? step)
    {
        await using var app = new BotApplication();
        await SaveSecretDraftAsync(app);
        var before = await DraftAsync(app);
        var inputs = Complete.ToDictionary(p => p.Key, p => (object)p.Value);

        var reply = Assert.Single(await app.ExchangeAsync(Teams.CardSubmission(Value(new { form = "kommunikasjonsplan", action, step }, inputs), sharedIn: "channel")));

        Assert.Null(reply.Attachments);
        Assert.Equal("Ingenting er lagret eller endret. " + PersonalChatNote, reply.Text);
        var after = await DraftAsync(app);
        Assert.Equal(before!.Values, after!.Values);
        Assert.Equal((before.Step, before.Finished, before.SavedAt), (after.Step, after.Finished, after.SavedAt));
    }

    /// <summary>Anna's first step, saved in her personal chat with a project name no one else may read.</summary>
    private static async Task SaveSecretDraftAsync(BotApplication app)
    {
        var first = Assert.Single(await SayAsync(app, "kommunikasjonsplan"));
        await SubmitAsync(app, CardJson.ClientPress(first, "Lagre og fortsett senere", new Dictionary<string, string>(Typed(first)) { ["plan.prosjekt"] = Secret }));
        Assert.Equal(Secret, (await DraftAsync(app))!.Values["prosjekt"]);
    }

    /// <summary>
    /// What the user types on a step: the values of <paramref name="values"/> (<see cref="Complete"/> unless
    /// given) that belong on its card.
    /// </summary>
    internal static Dictionary<string, string> Typed(Activity step, IReadOnlyDictionary<string, string>? values = null) =>
        (values ?? Complete).Where(p => CardJson.Elements(CardJson.Card(step)).Any(e => e["id"]?.GetValue<string>() == p.Key)).ToDictionary();

    /// <summary>Fills in every step from <paramref name="step"/> on, as a client would, and returns the replies to "Lag planen".</summary>
    private static async Task<IReadOnlyList<Activity>> FillInAsync(BotApplication app, Activity step, IReadOnlyDictionary<string, string>? values = null, string makePlan = "Lag planen", string next = "Neste")
    {
        for (var pressed = 0; pressed < 10; pressed++)
        {
            var last = CardJson.Elements(CardJson.Card(step)).Any(e => e["title"]?.GetValue<string>() == makePlan);
            var replies = await SubmitAsync(app, CardJson.ClientPress(step, last ? makePlan : next, Typed(step, values)));
            if (last)
            {
                return replies;
            }
            step = Assert.Single(replies);
        }
        throw new InvalidOperationException("The form never reached «Lag planen».");
    }

    private static JsonElement Value(object plan, Dictionary<string, object> inputs)
    {
        inputs["plan"] = plan;
        return JsonSerializer.SerializeToElement(inputs);
    }

    private static async Task<PlanDraft?> DraftAsync(BotApplication app)
    {
        var userKey = app.UserKeyOf(Teams.PersonalMessage(""));
        return await app.Store.GetAsync(PlanDraft.Key("ostre-toten", "kommunikasjonsplan", userKey), CancellationToken.None);
    }

    private static Task<IReadOnlyList<Activity>> SayAsync(BotApplication app, string text, string conversationId = "a:personal-1") =>
        app.ExchangeAsync(Teams.PersonalMessage(text, conversationId: conversationId) with { Id = Guid.NewGuid().ToString("N") });

    private static Task<IReadOnlyList<Activity>> SubmitAsync(BotApplication app, JsonElement value) => app.ExchangeAsync(Teams.CardSubmission(value));
}
