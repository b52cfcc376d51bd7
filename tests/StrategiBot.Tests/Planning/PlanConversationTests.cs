using System.Text.Json;
using StrategiBot.Conversation;
using StrategiBot.Planning;
using StrategiBot.Protocol.Schema;
using StrategiBot.Storage;
using StrategiBot.Tests.Conversation;

namespace StrategiBot.Tests.Planning;

/// <summary>
/// The communication-plan builder as a user meets it through <c>/api/messages</c>: open, fill in, get told
/// what is missing without losing anything, save a draft, resume it (also after a restart), finish.
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
    [InlineData("communication plan")]
    [InlineData("Jeg må lage en kommunikasjonsplan for et prosjekt")]
    public async Task The_command_or_a_phrase_opens_the_form_with_the_templates_questions(string text)
    {
        await using var app = new BotApplication();

        var form = Assert.Single(await SayAsync(app, text));

        var cardText = ConversationScriptTests.CardText(form);
        Assert.Contains("Kommunikasjonsplan", cardText, StringComparison.Ordinal);
        Assert.Contains("Bygger på Vedlegg 2: Mal for enkel kommunikasjonsplan – alternativ 1", cardText, StringComparison.Ordinal);
        Assert.Equal("Hva er viktig å kommunisere? *", CardJson.Input(form, "plan.budskap")["label"]!.GetValue<string>());
        Assert.Equal("Hvem BØR vi kommunisere med?", CardJson.Input(form, "plan.malgruppe-bor")["label"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_question_about_plans_is_still_answered_from_the_strategy()
    {
        await using var app = new BotApplication();

        var reply = Assert.Single(await SayAsync(app, "Hvem har ansvaret for kommunikasjonsplaner?"));

        Assert.Throws<InvalidOperationException>(() => CardJson.Input(reply, "plan.budskap"));
    }

    [Fact]
    public async Task Required_fields_are_validated_on_the_card()
    {
        await using var app = new BotApplication();

        var form = Assert.Single(await SayAsync(app, "kommunikasjonsplan"));

        var budskap = CardJson.Input(form, "plan.budskap");
        Assert.True(budskap["isRequired"]!.GetValue<bool>());
        Assert.Equal("Fyll ut «Hva er viktig å kommunisere?».", budskap["errorMessage"]!.GetValue<string>());
        Assert.Equal(2000, budskap["maxLength"]!.GetValue<int>());
        var kanaler = CardJson.Input(form, "plan.kanaler");
        Assert.True(kanaler["isMultiSelect"]!.GetValue<bool>());
        Assert.True(kanaler["isRequired"]!.GetValue<bool>());
        Assert.Null(CardJson.Input(form, "plan.malgruppe-kan")["isRequired"]);
        Assert.Equal("none", CardJson.Button(form, "Tøm skjemaet")["associatedInputs"]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_fields_are_named_and_what_was_typed_is_kept()
    {
        await using var app = new BotApplication();
        var form = Assert.Single(await SayAsync(app, "kommunikasjonsplan"));
        var partial = new Dictionary<string, string> { ["plan.prosjekt"] = "Ny barnehage", ["plan.budskap"] = "Åpner i august", ["plan.kanaler"] = "nettsider" };

        var again = Assert.Single(await SubmitAsync(app, CardJson.Press(form, "Lag planen", partial)));

        var text = ConversationScriptTests.CardText(again);
        Assert.Contains("Planen er ikke ferdig ennå. Fyll ut «Hva er målet med kommunikasjonen?», «Hvem MÅ vi kommunisere med, eksternt og internt?» og «Hvem har ansvaret for hva i de ulike delene av kommunikasjonsarbeidet?».", text, StringComparison.Ordinal);
        Assert.Equal("Åpner i august", CardJson.Input(again, "plan.budskap")["value"]!.GetValue<string>());
        Assert.Equal("nettsider", CardJson.Input(again, "plan.kanaler")["value"]!.GetValue<string>());
        Assert.Equal("Ny barnehage", (await DraftAsync(app))!.Values["prosjekt"]);
    }

    [Fact]
    public async Task Too_long_text_is_named_with_its_length_and_kept()
    {
        await using var app = new BotApplication();
        var form = Assert.Single(await SayAsync(app, "kommunikasjonsplan"));
        var tooLong = new string('x', 151);

        var again = Assert.Single(await SubmitAsync(app, CardJson.Press(form, "Lag planen", new Dictionary<string, string>(Complete) { ["plan.prosjekt"] = tooLong })));

        Assert.Contains("Gjør kortere: «Navn på prosjektet» (151 tegn, høyst 150).", ConversationScriptTests.CardText(again), StringComparison.Ordinal);
        Assert.Equal(tooLong, CardJson.Input(again, "plan.prosjekt")["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_saved_draft_is_resumed_when_the_form_is_opened_again()
    {
        await using var app = new BotApplication();
        var form = Assert.Single(await SayAsync(app, "kommunikasjonsplan"));

        var saved = Assert.Single(await SubmitAsync(app, CardJson.Press(form, "Lagre utkast", new Dictionary<string, string> { ["plan.budskap"] = "Halvferdig budskap" })));
        var reopened = Assert.Single(await SayAsync(app, "kommunikasjonsplan", conversationId: "a:another-device"));

        Assert.Contains("Utkastet er lagret", saved.Text, StringComparison.Ordinal);
        Assert.Contains("Jeg fant utkastet ditt fra", ConversationScriptTests.CardText(reopened), StringComparison.Ordinal);
        Assert.Equal("Halvferdig budskap", CardJson.Input(reopened, "plan.budskap")["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Starting_over_empties_the_form_and_forgets_the_draft()
    {
        await using var app = new BotApplication();
        var form = Assert.Single(await SayAsync(app, "kommunikasjonsplan"));
        await SubmitAsync(app, CardJson.Press(form, "Lagre utkast", new Dictionary<string, string> { ["plan.budskap"] = "Noe" }));

        var emptied = Assert.Single(await SubmitAsync(app, CardJson.Press(form, "Tøm skjemaet")));

        Assert.Contains("Skjemaet er tømt", ConversationScriptTests.CardText(emptied), StringComparison.Ordinal);
        Assert.Null(CardJson.Input(emptied, "plan.budskap")["value"]);
        Assert.Null(await DraftAsync(app));
    }

    [Fact]
    public async Task A_complete_plan_comes_back_as_a_card_and_as_plain_text()
    {
        await using var app = new BotApplication();
        var form = Assert.Single(await SayAsync(app, "kommunikasjonsplan"));

        var replies = await SubmitAsync(app, CardJson.Press(form, "Lag planen", Complete));

        Assert.Equal(2, replies.Count);
        var card = ConversationScriptTests.CardText(replies[0]);
        Assert.Contains("Ny barnehage på Lena", card, StringComparison.Ordinal);
        Assert.Contains("Målgrupper", card, StringComparison.Ordinal);
        Assert.Contains("Egne nettsider, Intranett (internt), Media (redaksjonell omtale)", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Hvem KAN vi kommunisere med?", card, StringComparison.Ordinal);
        Assert.DoesNotContain("ColumnSet", CardJson.Card(replies[0]).ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("plain", replies[1].TextFormat);
        Assert.Null(replies[1].Attachments);
        Assert.StartsWith("KOMMUNIKASJONSPLAN: Ny barnehage på Lena\n", replies[1].Text!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("\nKANALVALG\nKanaler\nEgne nettsider, Intranett (internt), Media (redaksjonell omtale)\n", replies[1].Text!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.True((await DraftAsync(app))!.Finished);
    }

    [Fact]
    public async Task After_a_finished_plan_the_form_opens_empty_and_the_plan_can_be_edited()
    {
        await using var app = new BotApplication();
        var form = Assert.Single(await SayAsync(app, "kommunikasjonsplan"));
        var plan = (await SubmitAsync(app, CardJson.Press(form, "Lag planen", Complete)))[0];

        var fresh = Assert.Single(await SayAsync(app, "kommunikasjonsplan"));
        var edited = Assert.Single(await SubmitAsync(app, CardJson.Press(plan, "Endre planen")));

        Assert.Null(CardJson.Input(fresh, "plan.prosjekt")["value"]);
        Assert.Equal("Ny barnehage på Lena", CardJson.Input(edited, "plan.prosjekt")["value"]!.GetValue<string>());
        Assert.False((await DraftAsync(app))!.Finished);
    }

    [Fact]
    public async Task A_draft_survives_a_restart_of_the_bot()
    {
        using var database = new TempFolder("plan-restart");
        await using (var before = new BotApplication(settings: database.SqliteSettings()))
        {
            var form = Assert.Single(await SayAsync(before, "kommunikasjonsplan"));
            await SubmitAsync(before, CardJson.Press(form, "Lagre utkast", new Dictionary<string, string> { ["plan.mal"] = "Flere søkere" }));
        }
        await using var after = new BotApplication(settings: database.SqliteSettings());

        var reopened = Assert.Single(await SayAsync(after, "kommunikasjonsplan"));

        Assert.Equal("Flere søkere", CardJson.Input(reopened, "plan.mal")["value"]!.GetValue<string>());
    }

    public static TheoryData<string> BadSubmissions => new()
    {
        """{"plan":"kommunikasjonsplan"}""",
        """{"plan":{"form":"no-such-form","action":"submit"}}""",
        """{"plan":{"form":"kommunikasjonsplan","action":"explode"}}""",
        """{"plan":{"form":"kommunikasjonsplan"}}""",
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
        var value = JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["plan"] = new { form = "kommunikasjonsplan", action = "submit" },
            ["plan.prosjekt"] = 42,
            ["plan.budskap"] = "Beholdes",
            ["plan.kanaler"] = "nettsider,brevdue",
        });

        var again = Assert.Single(await SubmitAsync(app, value));

        var text = ConversationScriptTests.CardText(again);
        Assert.Contains("Jeg kunne ikke lese svaret på «Navn på prosjektet» og «Kanaler»", text, StringComparison.Ordinal);
        Assert.Equal("Beholdes", CardJson.Input(again, "plan.budskap")["value"]!.GetValue<string>());
        Assert.Equal("nettsider", CardJson.Input(again, "plan.kanaler")["value"]!.GetValue<string>());
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

    private static async Task<PlanDraft?> DraftAsync(BotApplication app)
    {
        var userKey = UserKeys.For(Teams.PersonalMessage(""))!;
        return await app.Store.GetAsync(PlanDraft.Key("ostre-toten", "kommunikasjonsplan", userKey), CancellationToken.None);
    }

    private static Task<IReadOnlyList<Activity>> SayAsync(BotApplication app, string text, string conversationId = "a:personal-1") =>
        app.ExchangeAsync(Teams.PersonalMessage(text, conversationId: conversationId) with { Id = Guid.NewGuid().ToString("N") });

    private static Task<IReadOnlyList<Activity>> SubmitAsync(BotApplication app, JsonElement value) => app.ExchangeAsync(Teams.CardSubmission(value));
}
