using System.Text.Json;
using StrategiBot.Conversation;
using StrategiBot.Dialogs;
using StrategiBot.Protocol.Schema;
using StrategiBot.Storage;
using StrategiBot.Tests.Conversation;
using StrategiBot.Tests.Protocol.Connector;
using StrategiBot.Tests.Retrieval;

namespace StrategiBot.Tests.Dialogs;

/// <summary>
/// Conversation scripts through the real HTTP pipeline (expectReplies): every outcome of every shipped
/// dialog, reached by typing the choice numbers after a trigger phrase, and every interruption.
/// </summary>
public sealed class DialogConversationTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    public static TheoryData<string, string> Dialogs
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var dialog in DialogLoaderTests.Shipped(new KnowledgeFixture()))
            {
                data.Add(dialog.OrganisationId, dialog.Id);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Dialogs))]
    public async Task Every_outcome_is_reached_from_a_trigger_and_quotes_its_rules(string org, string dialogId)
    {
        var dialog = DialogLoaderTests.Shipped(fixture).Single(d => d.OrganisationId == org && d.Id == dialogId);
        await using var app = new BotApplication(settings: new Dictionary<string, string?> { ["Bot:Organisation"] = org });
        var conversation = 0;

        foreach (var (choices, outcomeId) in DialogPaths.All(dialog))
        {
            var id = $"a:{dialogId}-{++conversation}";
            var first = await SayAsync(app, dialog.Triggers[0], id);
            Assert.Contains(dialog.Steps[dialog.Start].Question, first, StringComparison.Ordinal);

            var last = first;
            foreach (var (_, number, _) in choices)
            {
                last = await SayAsync(app, number.ToString(System.Globalization.CultureInfo.InvariantCulture), id);
            }

            var outcome = dialog.Outcomes[outcomeId];
            Assert.Contains(outcome.Title, last, StringComparison.Ordinal);
            // A quote shows its paragraph and list items as blocks of their own.
            Assert.All(outcome.Cites, cite => Assert.Contains(cite.Text.Replace('\r', '\n'), last, StringComparison.Ordinal));
            Assert.Null((await app.Store.GetAsync(ConversationState.Key(id), CancellationToken.None))!.Dialog);
        }
    }

    [Theory]
    [MemberData(nameof(Dialogs))]
    public void Every_trigger_starts_its_own_dialog(string org, string dialogId)
    {
        var dialogs = DialogLoaderTests.Shipped(fixture);
        var catalog = new DialogCatalog(dialogs, fixture.Knowledge.Analysis);

        foreach (var trigger in dialogs.Single(d => d.OrganisationId == org && d.Id == dialogId).Triggers)
        {
            Assert.Equal(dialogId, catalog.MatchTrigger(org, fixture.Knowledge.Analysis.AnalyzeMessage(trigger))?.Id);
        }
    }

    [Theory]
    [InlineData("NRK ringte meg om en sak på sykehjemmet", "Hvilken rolle har du i kommunen?")]
    [InlineData("presse", "Hvilken rolle har du i kommunen?")]
    [InlineData("sosiale medier", "Hvor vil du publisere?")]
    [InlineData("ytringsfrihet", "Hvilken rolle har du i kommunen?")]
    [InlineData("Kan eg seie meininga mi i avisa?", "Hvilken rolle har du i kommunen?")]
    [InlineData("journalist", "Hvilken rolle har du i kommunen?")]
    [InlineData("media", "Hvilken rolle har du i kommunen?")]
    [InlineData("press", "What is your role in the municipality?")]
    [InlineData("free speech", "What is your role in the municipality?")]
    [InlineData("social media", "Where do you want to publish?")]
    [InlineData("A reporter is calling me", "What is your role in the municipality?")]
    [InlineData("the newspaper keeps calling me about the flood", "What is your role in the municipality?")]
    [InlineData("journalists called me", "What is your role in the municipality?")]
    public async Task A_situation_or_a_command_starts_the_right_dialog(string text, string question)
    {
        await using var app = new BotApplication();

        Assert.Contains(question, await SayAsync(app, text), StringComparison.Ordinal);
    }

    /// <summary>"kan jeg legge ut dette" and "can I post this" leave one word each ("legge", "post"): a question that merely holds it, or a compound with it, is answered.</summary>
    [Theory]
    [InlineData("Bør jeg sende e-post til alle ansatte når jeg har en nyhet?")]
    [InlineData("Kan jeg bruke e-post til å sende sensitiv informasjon?")]
    [InlineData("Kan jeg bruke stillingstittelen min når jeg skriver et innlegg i avisa som privatperson?")]
    public async Task A_question_holding_a_one_word_trigger_gets_its_answer_not_a_dialog(string question)
    {
        await using var app = new BotApplication();

        var reply = await SayAsync(app, question);

        Assert.DoesNotContain("Hvor vil du publisere?", reply, StringComparison.Ordinal);
        Assert.Contains("Kilde:", reply, StringComparison.Ordinal);
    }

    /// <summary>"sosiale medier" is social media, not the press; and a question about the strategy that names a trigger word is a question.</summary>
    [Theory]
    [InlineData("tynset", "Kan jeg uttale meg i sosiale medier om jobben?")]
    [InlineData("trondheim", "kan jeg uttale meg om jobben i sosiale medier?")]
    [InlineData("lorenskog", "Hva er kommunikasjonsenhetens ansvar ved en mediehenvendelse?")]
    public async Task A_question_that_only_shares_words_with_the_press_dialog_does_not_start_it(string org, string question)
    {
        await using var app = new BotApplication(settings: new Dictionary<string, string?> { ["Bot:Organisation"] = org });

        Assert.DoesNotContain("Hvilken rolle har du", await SayAsync(app, question), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lorenskog", "mediehenvendelse")]
    [InlineData("lorenskog", "hvem svarer media?")]
    public async Task The_press_dialogs_own_phrases_still_start_it(string org, string text)
    {
        await using var app = new BotApplication(settings: new Dictionary<string, string?> { ["Bot:Organisation"] = org });

        Assert.Contains("Hvilken rolle har du", await SayAsync(app, text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kan jeg legge ut dette?", "Hvor vil du publisere?")]
    [InlineData("Can I post this?", "Where do you want to publish?")]
    public async Task A_short_message_that_is_a_one_word_trigger_still_starts_its_dialog(string text, string question)
    {
        await using var app = new BotApplication();

        Assert.Contains(question, await SayAsync(app, text), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Dialogs))]
    public async Task Every_outcome_is_reached_in_English_from_an_English_trigger(string org, string dialogId)
    {
        var dialog = DialogLoaderTests.Shipped(fixture).Single(d => d.OrganisationId == org && d.Id == dialogId);
        var english = Assert.IsType<DialogDefinition>(dialog.English);
        var trigger = dialog.Triggers.First(t => fixture.Knowledge.DetectLanguage(t) == Language.English);
        await using var app = new BotApplication(settings: new Dictionary<string, string?> { ["Bot:Organisation"] = org });
        var conversation = 0;

        foreach (var (choices, outcomeId) in DialogPaths.All(dialog))
        {
            var id = $"a:{dialogId}-en-{++conversation}";
            var first = await SayAsync(app, trigger, id);
            Assert.Contains(english.Steps[dialog.Start].Question, first, StringComparison.Ordinal);
            Assert.Contains("I can walk you through this step by step.", first, StringComparison.Ordinal);
            // How to stop is said once, at the foot of the step.
            Assert.Equal(1, first.Split("“cancel”").Length - 1);

            var last = first;
            foreach (var (_, number, _) in choices)
            {
                last = await SayAsync(app, number.ToString(System.Globalization.CultureInfo.InvariantCulture), id);
            }

            var outcome = english.Outcomes[outcomeId];
            Assert.Contains(outcome.Title, last, StringComparison.Ordinal);
            Assert.Contains(outcome.Guidance, last, StringComparison.Ordinal);
            Assert.Contains("quoted in Norwegian", last, StringComparison.Ordinal);
            // A quote shows its paragraph and list items as blocks of their own.
            Assert.All(outcome.Cites, cite => Assert.Contains(cite.Text.Replace('\r', '\n'), last, StringComparison.Ordinal));
            Assert.DoesNotContain(dialog.Outcomes[outcomeId].Guidance, last, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_dialog_started_in_English_stays_in_English_whatever_the_answers_are_typed_in()
    {
        await using var app = new BotApplication();
        await SayAsync(app, "a journalist is calling me");

        var byNorwegianLabel = await SayAsync(app, "Ansatt");
        var help = await SayAsync(app, "hjelp");
        var unclear = await SayAsync(app, "kanskje");

        Assert.Contains("What does the journalist want to know?", byNorwegianLabel, StringComparison.Ordinal);
        Assert.Contains("You are in the middle of “Contact with the press”", help, StringComparison.Ordinal);
        Assert.Contains("didn't understand that answer", unclear, StringComparison.Ordinal);
        Assert.Equal(Language.English, (await State(app)).Dialog!.Language);
    }

    [Fact]
    public async Task A_redelivered_answer_moves_the_dialog_on_once()
    {
        await using var app = new BotApplication();
        await SayAsync(app, "presse");
        var answer = Teams.PersonalMessage("Ansatt") with { Id = "1763716451999" };

        var first = await app.ExchangeAsync(answer);
        var step = (await State(app)).Dialog!.StepId;
        var again = await app.ExchangeAsync(answer);

        Assert.Contains("Hva vil journalisten vite?", string.Join("\n", first.Select(ConversationScriptTests.CardText)), StringComparison.Ordinal);
        Assert.Empty(again);
        Assert.Equal(step, (await State(app)).Dialog!.StepId);
    }

    [Fact]
    public async Task An_English_label_answers_a_dialog_running_in_bokmal()
    {
        await using var app = new BotApplication();
        await SayAsync(app, "presse");

        var typed = await SayAsync(app, "Employee");

        Assert.Contains("Hva vil journalisten vite?", typed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_English_label_answers_an_English_dialog_and_cancel_ends_it_in_English()
    {
        await using var app = new BotApplication();
        await SayAsync(app, "a journalist is calling me");

        var typed = await SayAsync(app, "Employee");
        var cancelled = await SayAsync(app, "avbryt");

        Assert.Contains("What does the journalist want to know?", typed, StringComparison.Ordinal);
        Assert.Contains("I have ended “Contact with the press”", cancelled, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("private", "photo", "no")]
    [InlineData("Private", "a photo", "nei")]
    [InlineData("privat profil", "bilde", "No!")]
    [InlineData("privately", "nr 1", "two")]
    [InlineData("1)", "nummer en", "option 2")]
    public async Task A_typed_word_of_one_label_answers_in_either_language(string where, string what, string consent)
    {
        await using var app = new BotApplication();
        await SayAsync(app, "can I post this");

        var afterWhere = await SayAsync(app, where);
        var afterWhat = await SayAsync(app, what);
        var outcome = await SayAsync(app, consent);

        Assert.Contains("What do you want to post or do?", afterWhere, StringComparison.Ordinal);
        Assert.Contains("Are there people in the photo or video", afterWhat, StringComparison.Ordinal);
        var english = DialogLoaderTests.Shipped(fixture).Single(d => d.OrganisationId == "ostre-toten" && d.Id == "sosiale-medier").English!;
        var noConsent = english.Steps["bilde-samtykke"].Choices.Single(c => c.Label.StartsWith("No", StringComparison.Ordinal));
        Assert.Contains(english.Outcomes[noConsent.Outcome!].Title, outcome, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("to")]
    [InlineData("nummer to")]
    [InlineData("jeg er enhetsleder eller avdelingsleder")]
    public async Task A_choice_typed_as_a_number_word_or_with_words_around_it_answers_a_bokmal_dialog(string text)
    {
        await using var app = new BotApplication();
        await SayAsync(app, "presse");

        var reply = await SayAsync(app, text);

        var dialog = DialogLoaderTests.Shipped(fixture).Single(d => d.OrganisationId == "ostre-toten" && d.Id == "kontakt-med-pressen");
        var second = dialog.Steps[dialog.Start].Choices[1];
        Assert.Contains(dialog.Steps[second.Next!].Question, reply, StringComparison.Ordinal);
        Assert.DoesNotContain("I didn't understand", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task I_am_just_an_employee_answers_an_English_dialog()
    {
        await using var app = new BotApplication();
        await SayAsync(app, "a journalist is calling me");

        var reply = await SayAsync(app, "I'm just an employee");

        Assert.Contains("What does the journalist want to know?", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pressing_Answer_with_nothing_picked_asks_to_pick_first()
    {
        await using var app = new BotApplication();
        await SayAsync(app, "presse");
        var step = (await State(app)).Dialog!.StepId;

        var reply = await SubmitAsync(app, new { dialog = "kontakt-med-pressen", step });

        Assert.Contains("Velg et svar først", reply, StringComparison.Ordinal);
        Assert.Equal(step, (await State(app)).Dialog!.StepId);
    }

    [Theory]
    // Two labels share it ("On an official municipal account", "We want a new municipal account").
    [InlineData("municipal")]
    // More words than an answer typed from the buttons has.
    [InlineData("is my private profile a good place for this")]
    public async Task A_word_two_labels_share_or_a_sentence_is_not_taken_as_an_answer(string text)
    {
        await using var app = new BotApplication();
        await SayAsync(app, "can I post this");

        var reply = await SayAsync(app, text);

        Assert.DoesNotContain("What do you want to post or do?", reply, StringComparison.Ordinal);
        Assert.Equal("konto", (await State(app)).Dialog!.StepId);
    }

    [Fact]
    public async Task Start_over_on_an_English_outcome_starts_again_in_English()
    {
        await using var app = new BotApplication();
        await SayAsync(app, "a journalist is calling me");

        var restarted = await SubmitAsync(app, new { dialog = "kontakt-med-pressen", language = "en", restart = true });

        Assert.Contains("What is your role in the municipality?", restarted, StringComparison.Ordinal);
        Assert.Equal(Language.English, (await State(app)).Dialog!.Language);
    }

    [Fact]
    public async Task A_button_from_an_old_English_card_gets_an_English_note()
    {
        await using var app = new BotApplication();

        var reply = await SubmitAsync(app, new { dialog = "kontakt-med-pressen", language = "en", step = "rolle", choice = "ansatt" });

        Assert.Contains("belongs to a guide that has ended", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("What should I do if a journalist is calling me?", "I can walk you through this step by step")]
    [InlineData("social media", "I can walk you through this step by step")]
    [InlineData("en journalist ringer meg", "Dette kan jeg hjelpe deg gjennom")]
    [InlineData("The newspaper just called me", "I can walk you through this step by step")]
    [InlineData("A reporter called me about the school closure", "I can walk you through this step by step")]
    [InlineData("VG ringte meg nettopp", "Dette kan jeg hjelpe deg gjennom")]
    public async Task A_dialog_is_introduced_in_the_language_it_was_asked_for_in(string text, string expected)
    {
        await using var app = new BotApplication();

        Assert.Contains(expected, await SayAsync(app, text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("avbryt", "Det er ingenting å avbryte")]
    [InlineData("start på nytt", "Det er ingenting å avbryte")]
    [InlineData("cancel", "There is nothing to cancel")]
    [InlineData("start over", "There is nothing to cancel")]
    public async Task Cancel_without_a_dialog_says_there_is_nothing_to_cancel(string text, string expected)
    {
        await using var app = new BotApplication();

        Assert.Contains(expected, await SayAsync(app, text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_card_says_what_the_guide_is_for_and_later_ones_do_not()
    {
        var dialog = DialogLoaderTests.Shipped(fixture).Single(d => d.OrganisationId == "ostre-toten" && d.Id == "kontakt-med-pressen");
        await using var app = new BotApplication();

        var first = await SayAsync(app, "presse");
        var second = await SayAsync(app, "1");

        Assert.Contains(dialog.Description, first, StringComparison.Ordinal);
        Assert.DoesNotContain(dialog.Description, second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_English_answer_the_dialog_does_not_understand_gets_an_English_note()
    {
        await using var app = new BotApplication();
        await SayAsync(app, "presse");

        var reply = await SayAsync(app, "never mind about that");

        Assert.Contains("didn't understand that answer", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_question_still_gets_a_cited_answer()
    {
        await using var app = new BotApplication();

        var reply = await SayAsync(app, "Kan jeg kommentere en personalsak i media?");

        Assert.Contains("Personalsaker skal ikke kommenteres i media.", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Hvilken rolle", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_ends_the_dialog()
    {
        await using var app = new BotApplication();
        await SayAsync(app, "presse");

        var reply = await SayAsync(app, "avbryt");

        Assert.Contains("avsluttet «Kontakt med pressen»", reply, StringComparison.Ordinal);
        Assert.Null((await State(app)).Dialog);
    }

    [Theory]
    [InlineData("cancel", "I have ended “Kontakt med pressen”")]
    [InlineData("Stop", "I have ended “Kontakt med pressen”")]
    [InlineData("help", "You are in the middle of “Kontakt med pressen”")]
    [InlineData("start over", "Let's start again.")]
    // Letting it go in everyday words ends the dialog too, in the language it was said in.
    [InlineData("never mind", "OK, I have ended “Kontakt med pressen”")]
    [InlineData("glem det", "Greit, jeg avsluttet «Kontakt med pressen»")]
    [InlineData("Drit i det!", "Greit, jeg avsluttet «Kontakt med pressen»")]
    public async Task A_command_in_a_dialog_is_answered_in_the_language_it_was_typed_in(string command, string expected)
    {
        await using var app = new BotApplication();
        await SayAsync(app, "presse");

        var reply = await SayAsync(app, command);

        Assert.Contains(expected, reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_in_the_middle_explains_and_asks_again()
    {
        await using var app = new BotApplication();
        await SayAsync(app, "presse");
        await SayAsync(app, "1");

        var reply = await SayAsync(app, "hjelp");

        Assert.Contains("Du er midt i «Kontakt med pressen»", reply, StringComparison.Ordinal);
        Assert.Contains("Hva vil journalisten vite?", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("start på nytt")]
    [InlineData("byrje på nytt")]
    [InlineData("begynne på nytt")]
    public async Task Start_over_goes_back_to_the_first_question(string restart)
    {
        await using var app = new BotApplication();
        await SayAsync(app, "presse");
        await SayAsync(app, "1");

        var reply = await SayAsync(app, restart);

        Assert.Contains("Hvilken rolle har du i kommunen?", reply, StringComparison.Ordinal);
        Assert.Equal("rolle", (await State(app)).Dialog!.StepId);
    }

    [Fact]
    public async Task A_question_in_the_middle_is_answered_and_the_dialog_offered_again()
    {
        await using var app = new BotApplication();
        await SayAsync(app, "presse");

        var reply = await SayAsync(app, "Kan jeg kommentere en personalsak i media?");

        Assert.Contains("Personalsaker skal ikke kommenteres i media.", reply, StringComparison.Ordinal);
        Assert.Contains("Vil du fortsette der vi var?", reply, StringComparison.Ordinal);
        Assert.Equal("rolle", (await State(app)).Dialog!.StepId);
    }

    [Theory]
    [InlineData("takk")]
    [InlineData("ok")]
    [InlineData("👍")]
    public async Task A_thanks_or_an_emoji_in_the_middle_gets_the_open_question_again(string text)
    {
        await using var app = new BotApplication();
        await SayAsync(app, "presse");

        var reply = await SayAsync(app, text);

        Assert.DoesNotContain("Spør meg gjerne", reply, StringComparison.Ordinal);
        Assert.Contains("Vil du fortsette der vi var?", reply, StringComparison.Ordinal);
        Assert.Contains("Hvilken rolle har du i kommunen?", reply, StringComparison.Ordinal);
        Assert.Equal("rolle", (await State(app)).Dialog!.StepId);
    }

    [Theory]
    [InlineData("9")]
    [InlineData("kanskje")]
    public async Task An_invalid_answer_asks_again_with_the_choices(string answer)
    {
        await using var app = new BotApplication();
        await SayAsync(app, "presse");

        var reply = await SayAsync(app, answer);

        Assert.Contains("Jeg forstod ikke svaret", reply, StringComparison.Ordinal);
        Assert.Contains("1. Ansatt", reply, StringComparison.Ordinal);
        Assert.Equal("rolle", (await State(app)).Dialog!.StepId);
    }

    [Fact]
    public async Task A_typed_label_and_a_button_both_answer()
    {
        await using var app = new BotApplication();
        await SayAsync(app, "presse");

        var typed = await SayAsync(app, "Ansatt");
        var clicked = await SubmitAsync(app, new { dialog = "kontakt-med-pressen", step = "hva-ansatt", choice = FirstChoice("hva-ansatt") });

        Assert.Contains("Hva vil journalisten vite?", typed, StringComparison.Ordinal);
        Assert.DoesNotContain("Hva vil journalisten vite?", clicked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_button_from_an_old_card_changes_nothing()
    {
        await using var app = new BotApplication();
        await SayAsync(app, "presse");
        await SayAsync(app, "1");

        var reply = await SubmitAsync(app, new { dialog = "kontakt-med-pressen", step = "rolle", choice = "ansatt" });

        Assert.Contains("allerede er besvart", reply, StringComparison.Ordinal);
        Assert.Equal("hva-ansatt", (await State(app)).Dialog!.StepId);
    }

    [Fact]
    public async Task A_button_from_a_finished_dialog_gets_a_polite_note()
    {
        await using var app = new BotApplication();

        var reply = await SubmitAsync(app, new { dialog = "kontakt-med-pressen", step = "rolle", choice = "ansatt" });

        Assert.Contains("veiledning som er avsluttet", reply, StringComparison.Ordinal);
        Assert.Null((await app.Store.GetAsync(ConversationState.Key("a:personal-1"), CancellationToken.None))?.Dialog);
    }

    [Fact]
    public async Task A_dialog_left_idle_is_forgotten()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.Parse("2026-11-21T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), autoAdvance: false);
        await using var app = new BotApplication { Clock = clock };
        await SayAsync(app, "presse");

        clock.Advance(new DialogOptions().IdleTimeout + TimeSpan.FromMinutes(1));
        var reply = await SayAsync(app, "1");

        Assert.DoesNotContain("Hva vil journalisten vite?", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restart_of_the_bot_continues_where_the_dialog_was()
    {
        using var folder = new TempFolder("restart");
        await using (var before = new BotApplication(settings: folder.SqliteSettings()))
        {
            await SayAsync(before, "presse");
        }
        await using var after = new BotApplication(settings: folder.SqliteSettings());

        var reply = await SayAsync(after, "1");

        Assert.Contains("Hva vil journalisten vite?", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_group_chat_each_member_walks_through_their_own_dialog()
    {
        await using var app = new BotApplication();
        var start = DialogLoaderTests.Shipped(fixture).Single(d => d.OrganisationId == "ostre-toten" && d.Id == "kontakt-med-pressen");

        var started = await SayInGroupAsync(app, "presse", "29:anna");
        var bobs = await SayInGroupAsync(app, "1", "29:bob");
        var annas = await SayInGroupAsync(app, "1", "29:anna");

        Assert.Contains(start.Steps[start.Start].Question, started, StringComparison.Ordinal);
        // Bob has no dialog open: his "1" is a message of his own, not an answer to Anna's question.
        Assert.DoesNotContain("Hva vil journalisten vite?", bobs, StringComparison.Ordinal);
        Assert.Contains("Hva vil journalisten vite?", annas, StringComparison.Ordinal);
        Assert.Null((await app.Store.GetAsync(ConversationState.Key("19:group-1@thread.v2"), CancellationToken.None))?.Dialog);
    }

    [Fact]
    public async Task In_a_group_chat_a_button_from_another_members_dialog_says_whose_it_may_be()
    {
        await using var app = new BotApplication();
        await SayInGroupAsync(app, "presse", "29:anna");
        var press = Teams.GroupMessage("", mentionBot: false) with
        {
            Id = Guid.NewGuid().ToString("N"),
            Text = null,
            Value = JsonSerializer.SerializeToElement(new { dialog = "kontakt-med-pressen", step = "rolle", choice = FirstChoice("rolle") }),
        };

        var replies = await app.ExchangeAsync(press with { From = press.From! with { Id = "29:bob", AadObjectId = null } });

        Assert.Contains("en annen i samtalen har startet", string.Join("\n", replies.Select(ConversationScriptTests.CardText)), StringComparison.Ordinal);
    }

    private static async Task<string> SayInGroupAsync(BotApplication app, string text, string userId)
    {
        var message = Teams.GroupMessage(text, mentionBot: true) with { Id = Guid.NewGuid().ToString("N") };
        var replies = await app.ExchangeAsync(message with { From = message.From! with { Id = userId, AadObjectId = null } });
        return string.Join("\n", replies.Select(ConversationScriptTests.CardText));
    }

    private string FirstChoice(string step) =>
        DialogLoaderTests.Shipped(fixture).Single(d => d.OrganisationId == "ostre-toten" && d.Id == "kontakt-med-pressen").Steps[step].Choices[0].Id;

    private static async Task<ConversationState> State(BotApplication app) =>
        (await app.Store.GetAsync(ConversationState.Key("a:personal-1"), CancellationToken.None))!;

    private static async Task<string> SayAsync(BotApplication app, string text, string conversationId = "a:personal-1")
    {
        var replies = await app.ExchangeAsync(Teams.PersonalMessage(text, conversationId: conversationId) with { Id = Guid.NewGuid().ToString("N") });
        return string.Join("\n", replies.Select(ConversationScriptTests.CardText));
    }

    private static async Task<string> SubmitAsync(BotApplication app, object value)
    {
        var replies = await app.ExchangeAsync(Teams.PersonalMessage("") with { Id = Guid.NewGuid().ToString("N"), Text = null, Value = JsonSerializer.SerializeToElement(value) });
        return string.Join("\n", replies.Select(ConversationScriptTests.CardText));
    }
}
