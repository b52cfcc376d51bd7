using System.Text.Json;
using StrategiBot.Cards;
using StrategiBot.Conversation;
using StrategiBot.Protocol.Schema;
using StrategiBot.Storage;
using StrategiBot.Tests.Protocol.Authentication;
using StrategiBot.Tests.Retrieval;

namespace StrategiBot.Tests.Conversation;

/// <summary>User says / bot replies, through the real HTTP pipeline with expectReplies.</summary>
public sealed class ConversationScriptTests
{
    [Theory]
    [InlineData("hjelp", "Dette kan jeg hjelpe deg med")]
    [InlineData("Hjelp!", "Dette kan jeg hjelpe deg med")]
    [InlineData("/hjelp", "Dette kan jeg hjelpe deg med")]
    [InlineData("help", "What I can help with")]
    [InlineData("", "Dette kan jeg hjelpe deg med")]
    [InlineData("\u200bhjelp", "Dette kan jeg hjelpe deg med")]
    [InlineData("hjelp\u00a0meg", "Dette kan jeg hjelpe deg med")]
    [InlineData("help  me", "What I can help with")]
    [InlineData("Hei!", "Dette kan jeg hjelpe deg med")]
    [InlineData("hello", "What I can help with")]
    [InlineData("what can you do?", "What I can help with")]
    [InlineData("Hvem er du?", "Dette kan jeg hjelpe deg med")]
    [InlineData("hei, hjelp", "Dette kan jeg hjelpe deg med")]
    [InlineData("Hei StrategiBot!", "Dette kan jeg hjelpe deg med")]
    [InlineData("StrategiBot", "Dette kan jeg hjelpe deg med")]
    [InlineData("hi", "What I can help with")]
    [InlineData("Hi StrategiBot, help please", "What I can help with")]
    [InlineData("<p>hjelp</p>", "Dette kan jeg hjelpe deg med")]
    [InlineData("Hei :)", "Dette kan jeg hjelpe deg med")]
    [InlineData("God dag", "Dette kan jeg hjelpe deg med")]
    [InlineData("halla", "Dette kan jeg hjelpe deg med")]
    [InlineData("Hei, hva er det du kan?", "Dette kan jeg hjelpe deg med")]
    [InlineData("Hallo, jeg trenger hjelp", "Dette kan jeg hjelpe deg med")]
    [InlineData("Hi there!", "What I can help with")]
    [InlineData("Good morning! What can you do?", "What I can help with")]
    public async Task Help_lists_what_the_bot_can_do(string text, string heading)
    {
        await using var app = new BotApplication();

        var reply = Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage(text)));

        Assert.Contains(heading, CardText(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("takk", "Bare hyggelig")]
    [InlineData("Tusen takk!", "Bare hyggelig")]
    [InlineData("thanks", "You're welcome")]
    [InlineData("Thank you!", "You're welcome")]
    [InlineData("ok", "Greit!")]
    [InlineData("takk for hjelpa", "Bare hyggelig")]
    [InlineData("ok, takk", "Bare hyggelig")]
    [InlineData("takk, det var nyttig", "Bare hyggelig")]
    [InlineData("thank you so much", "You're welcome")]
    [InlineData("got it", "Good.")]
    [InlineData("👍", "Spør meg gjerne om noe, eller skriv «hjelp».")]
    [InlineData("ha det", "Ha det bra!")]
    [InlineData("nei", "Trykk 👍 eller 👎 under et svar")]
    [InlineData("No.", "Press 👍 or 👎 under an answer")]
    [InlineData("Bye!", "Bye!")]
    [InlineData("Hallo? Er du der?", "Jeg er her! Jeg er en bot")]
    [InlineData("Er du en robot?", "Jeg er her! Jeg er en bot")]
    [InlineData("Er du ein robot?", "Jeg er her! Jeg er en bot")]
    [InlineData("Are you a bot?", "I'm here! I'm a bot")]
    [InlineData("🤔!!", "Spør meg gjerne om noe, eller skriv «hjelp».")]
    [InlineData("<img alt=\"👍\" itemtype=\"http://schema.skype.com/Emoji\" src=\"x.png\">", "Spør meg gjerne om noe, eller skriv «hjelp».")]
    [InlineData("takk <img alt=\"😁\" itemtype=\"http://schema.skype.com/Emoji\" src=\"x.png\">", "Bare hyggelig")]
    public async Task Thanks_and_acknowledgements_get_a_short_reply_not_a_refusal(string text, string expected)
    {
        await using var app = new BotApplication();

        var reply = CardText(Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage(text))));

        Assert.Contains(expected, reply, StringComparison.Ordinal);
        Assert.DoesNotContain("sier ikke noe om", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hva sier strategien om Facebook?")]
    [InlineData("asdfghjkl")]
    public async Task Every_personal_message_gets_an_answer(string text)
    {
        await using var app = new BotApplication();

        var reply = Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage(text)));

        Assert.False(string.IsNullOrWhiteSpace(reply.Text) && reply.Attachments is null);
    }

    [Fact]
    public async Task A_question_gets_the_cited_passage_with_its_section()
    {
        await using var app = new BotApplication();

        var reply = Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage("Kan jeg kommentere en personalsak i media?")));

        var text = CardText(reply);
        Assert.Contains("Dette sier kommunikasjonsstrategien til Østre Toten kommune", text, StringComparison.Ordinal);
        Assert.Contains("Personalsaker skal ikke kommenteres i media.", text, StringComparison.Ordinal);
        Assert.Contains("Kilde: Vedlegg 4: Kjøreregler for kontakt med pressen", text, StringComparison.Ordinal);
        // The chat list and the notification tell answers apart by their section and opening words.
        Assert.StartsWith("Vedlegg 4: Kjøreregler for kontakt med pressen: «", reply.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_English_question_is_answered_in_English_quoting_the_Norwegian_text()
    {
        await using var app = new BotApplication();

        var reply = Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage("Can I comment on a personnel case to the press?")));

        var text = CardText(reply);
        Assert.Contains("This is what Østre Toten municipality's communication strategy says", text, StringComparison.Ordinal);
        Assert.Contains("Source:", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_the_strategy_does_not_cover_is_answered_honestly_with_a_way_forward()
    {
        await using var app = new BotApplication();

        var reply = Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage("Hvor mange feriedager har jeg i år?")));

        var text = CardText(reply);
        Assert.Contains("sier ikke noe om dette", text, StringComparison.Ordinal);
        Assert.Contains("Spør kommunikasjonsavdelingen", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_did_you_mean_button_after_an_English_question_shows_the_section_in_English()
    {
        await using var app = new BotApplication();

        var refused = Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage("How should we use LinkedIn?")));
        var title = SuggestedTitles(refused).First();
        var shown = Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage(title)));
        await app.ExchangeAsync(Teams.PersonalMessage("Hvor mange feriedager har jeg i år?"));
        var shownAfterNorwegian = Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage(title)));

        Assert.Contains("Did you mean", CardText(refused), StringComparison.Ordinal);
        Assert.Contains("communication strategy says", CardText(shown), StringComparison.Ordinal);
        Assert.Contains("Source:", CardText(shown), StringComparison.Ordinal);
        Assert.Contains("Kilde:", CardText(shownAfterNorwegian), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_follow_up_in_no_language_is_answered_in_the_conversations_language()
    {
        await using var app = new BotApplication();
        var beforeAnything = CardText(Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage("ok") with { Id = "m0" })));

        await app.ExchangeAsync(Teams.PersonalMessage("Can I post photos from work on social media?") with { Id = "m1" });
        var followUp = CardText(Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage("Facebook?") with { Id = "m2" })));
        var acknowledged = CardText(Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage("ok") with { Id = "m3" })));
        var norwegianAgain = CardText(Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage("Hva med taushetsplikt?") with { Id = "m4" })));
        var norwegianFollowUp = CardText(Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage("Facebook?") with { Id = "m5" })));

        Assert.Contains("Greit!", beforeAnything, StringComparison.Ordinal);
        Assert.Contains("communication strategy", followUp, StringComparison.Ordinal);
        Assert.Contains("Good.", acknowledged, StringComparison.Ordinal);
        Assert.Contains("kommunikasjonsstrategien", norwegianAgain, StringComparison.Ordinal);
        Assert.Contains("kommunikasjonsstrategien", norwegianFollowUp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task English_commands_keep_the_conversation_in_English()
    {
        await using var app = new BotApplication();

        await app.ExchangeAsync(Teams.PersonalMessage("checklists") with { Id = "m1" });
        var acknowledged = CardText(Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage("ok") with { Id = "m2" })));
        await app.ExchangeAsync(Teams.PersonalMessage("help") with { Id = "m3" });
        var followUp = CardText(Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage("Facebook?") with { Id = "m4" })));
        // A Norwegian command word (also what the Teams command menu sends) follows the conversation.
        var press = CardText(Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage("media") with { Id = "m5" })));

        Assert.Contains("Good.", acknowledged, StringComparison.Ordinal);
        Assert.Contains("communication strategy", followUp, StringComparison.Ordinal);
        Assert.Contains("What is your role in the municipality?", press, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_question_is_answered_as_corrected_and_other_updates_are_not()
    {
        await using var app = new BotApplication();
        Activity Update(string eventType) => Teams.PersonalMessage("Kan jeg kommentere en personalsak i media?") with
        {
            Type = ActivityTypes.MessageUpdate,
            ChannelData = JsonSerializer.SerializeToElement(new { tenant = new { id = Teams.TenantId }, eventType }),
        };

        var edited = await app.ExchangeAsync(Update("editMessage"));
        var undeleted = await app.ExchangeAsync(Update("undeleteMessage"));

        Assert.Contains("Personalsaker skal ikke kommenteres i media.", CardText(Assert.Single(edited)), StringComparison.Ordinal);
        Assert.Empty(undeleted);
    }

    [Fact]
    public async Task An_edit_carries_the_id_of_the_message_it_changes_and_is_answered_all_the_same()
    {
        await using var app = new BotApplication();
        var typed = Teams.PersonalMessage("Kan jeg kommentere en personalsak i avisa?");
        await app.ExchangeAsync(typed);

        var edited = await app.ExchangeAsync(typed with
        {
            Type = ActivityTypes.MessageUpdate,
            Text = "Kan jeg kommentere en personalsak i media?",
            ChannelData = JsonSerializer.SerializeToElement(new { tenant = new { id = Teams.TenantId }, eventType = "editMessage" }),
        });

        Assert.Contains("Personalsaker skal ikke kommenteres i media.", string.Join("\n", edited.Select(CardText)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_delivered_twice_is_answered_once_and_a_further_edit_again()
    {
        await using var app = new BotApplication();
        var typed = Teams.PersonalMessage("Kan jeg kommentere en personalsak i avisa?");
        await app.ExchangeAsync(typed);
        Activity Edit(string text) => typed with
        {
            Type = ActivityTypes.MessageUpdate,
            Text = text,
            ChannelData = JsonSerializer.SerializeToElement(new { tenant = new { id = Teams.TenantId }, eventType = "editMessage" }),
        };

        var first = await app.ExchangeAsync(Edit("Kan jeg kommentere en personalsak i media?"));
        var again = await app.ExchangeAsync(Edit("Kan jeg kommentere en personalsak i media?"));
        var further = await app.ExchangeAsync(Edit("Kan jeg kommentere en personalsak på Facebook?"));

        Assert.NotEmpty(first);
        Assert.Empty(again);
        Assert.NotEmpty(further);
    }

    [Fact]
    public async Task One_English_loanword_is_answered_in_English_without_making_the_conversation_English()
    {
        await using var app = new BotApplication();

        var loanword = CardText(Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage("feedback") with { Id = "m1" })));
        var checklists = CardText(Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage("sjekklister") with { Id = "m2" })));

        Assert.Contains("communication strategy", loanword, StringComparison.Ordinal);
        Assert.Contains("Sjekklister", checklists, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_norwegian_command_in_a_fresh_conversation_is_answered_in_bokmal()
    {
        await using var app = new BotApplication();

        var press = CardText(Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage("journalist"))));

        Assert.Contains("Hvilken rolle har du i kommunen?", press, StringComparison.Ordinal);
    }

    /// <summary>What the "Mente du" buttons send (imBack values).</summary>
    private static IEnumerable<string> SuggestedTitles(Activity activity) =>
        activity.Attachments!.SelectMany(a => Descendants(a.Content!.Value))
            .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("type", out var type) && type.GetString() == "imBack")
            .Select(e => e.GetProperty("value").GetString()!);

    private static IEnumerable<JsonElement> Descendants(JsonElement element)
    {
        yield return element;
        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => element.EnumerateArray(),
            _ => Enumerable.Empty<JsonElement>(),
        };
        foreach (var descendant in children.SelectMany(Descendants))
        {
            yield return descendant;
        }
    }

    [Fact]
    public async Task The_help_card_gives_the_organisations_own_example_question()
    {
        await using var app = new BotApplication(settings: new Dictionary<string, string?> { ["Bot:Organisation"] = "klaebu" });

        var reply = Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage("hjelp")));

        Assert.Contains("Skal e-poster fra innbyggere arkiveres?", CardText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_far_from_the_strategy_gets_no_did_you_mean_but_the_way_forward()
    {
        await using var app = new BotApplication();

        var reply = Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage("Hvor mange feriedager har jeg i år?")));

        Assert.Empty(SuggestedTitles(reply));
        Assert.Contains("Spør kommunikasjonsavdelingen", CardText(reply), StringComparison.Ordinal);
    }

    /// <summary>The help card's example is the first question many people copy: it must get its answer, unhedged, not a dialog or a refusal.</summary>
    [Theory]
    [InlineData("ostre-toten")]
    [InlineData("trondheim")]
    [InlineData("tynset")]
    [InlineData("klaebu")]
    [InlineData("lorenskog")]
    public async Task The_help_cards_example_gets_a_confident_cited_answer(string org)
    {
        await using var app = new BotApplication(settings: new Dictionary<string, string?> { ["Bot:Organisation"] = org });
        var organisation = RepositoryContent.Packs.Single(p => p.Organisation.Id == org).Organisation;

        var norwegian = CardText(Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage(organisation.ExampleQuestion!))));
        var english = CardText(Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage(organisation.ExampleQuestionEnglish!))));

        Assert.Contains("Dette sier kommunikasjonsstrategien", norwegian, StringComparison.Ordinal);
        Assert.Contains("Kilde:", norwegian, StringComparison.Ordinal);
        Assert.Contains("communication strategy says", english, StringComparison.Ordinal);
        Assert.Contains("Source:", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_help_card_lists_only_what_the_organisation_has()
    {
        await using var app = new BotApplication(settings: new Dictionary<string, string?> { ["Bot:Organisation"] = "tynset" });

        var help = CardText(Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage("hjelp"))));

        Assert.Contains("presse", help, StringComparison.Ordinal);
        Assert.DoesNotContain("**ytringsfrihet**", help, StringComparison.Ordinal);
        Assert.DoesNotContain("**kommunikasjonsplan**", help, StringComparison.Ordinal);
        // Tynset's only checklist is for the press: the card names it instead of promising one for posting.
        Assert.Contains("**sjekklister**: «Journalisten ringer»", help, StringComparison.Ordinal);
        Assert.DoesNotContain("publiserer", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_help_card_names_the_organisations_checklists_in_the_askers_language()
    {
        await using var app = new BotApplication();

        var help = CardText(Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage("help"))));

        Assert.Contains("**checklists**: “Before you publish”, “A journalist calls”", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_English_plan_request_where_there_is_no_template_is_answered_in_English()
    {
        await using var app = new BotApplication(settings: new Dictionary<string, string?> { ["Bot:Organisation"] = "tynset" });

        var reply = CardText(Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage("communication plan"))));

        Assert.Contains("has no template for a communication plan", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_organisation_setting_decides_whose_strategy_answers()
    {
        await using var app = new BotApplication(settings: new Dictionary<string, string?> { ["Bot:Organisation"] = "klaebu" });

        var reply = Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage("Hvem uttaler seg til mediene?")));

        Assert.Contains("Klæbu kommune", CardText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_organisation_stops_the_start_naming_the_key()
    {
        await using var app = new BotApplication(settings: new Dictionary<string, string?> { ["Bot:Organisation"] = "atlantis" });

        var error = await app.StartFailureAsync();

        Assert.Contains("Bot:Organisation 'atlantis'", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hva sier strategien om Facebook?")]
    // Colleagues greeting each other, or a command word in passing, are not for the bot.
    [InlineData("hei")]
    [InlineData("presse")]
    // Close to what a button posts, but typed: a button posts exactly "hjelp" or a section's full title.
    [InlineData("Hjelp!")]
    [InlineData("Åpen")]
    [InlineData("Krisekommunikasjon")]
    public async Task In_a_group_chat_the_bot_stays_quiet_unless_mentioned(string text)
    {
        await using var app = new BotApplication();

        var replies = await app.ExchangeAsync(Teams.GroupMessage(text, mentionBot: false));

        Assert.Empty(replies);
    }

    [Theory]
    // The welcome card's "Vis hjelp" and a "Mente du" button post their text (imBack), which carries no mention.
    [InlineData("hjelp", "Dette kan jeg hjelpe deg med")]
    [InlineData("Vedlegg › Vedlegg 4: Kjøreregler for kontakt med pressen", "Kilde: Vedlegg 4: Kjøreregler for kontakt med pressen")]
    public async Task In_a_group_chat_the_text_a_button_posts_is_answered_without_a_mention(string text, string expected)
    {
        await using var app = new BotApplication();

        var reply = Assert.Single(await app.ExchangeAsync(Teams.GroupMessage(text, mentionBot: false)));

        Assert.Contains(expected, CardText(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("groupChat")]
    [InlineData("channel")]
    public async Task When_mentioned_in_a_group_the_bot_answers_the_text_without_its_mention(string conversationType)
    {
        await using var app = new BotApplication();

        var reply = Assert.Single(await app.ExchangeAsync(Teams.GroupMessage("hjelp", mentionBot: true, conversationType)));

        Assert.Contains("Dette kan jeg hjelpe deg med", CardText(reply), StringComparison.Ordinal);
        Assert.Contains("nevne meg", CardText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mention_entity_without_text_is_still_removed_from_the_text()
    {
        await using var app = new BotApplication();
        var message = Teams.GroupMessage("hjelp", mentionBot: true) with
        {
            Entities = [new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = Teams.BotId, Name = "StrategiBot" } }],
        };

        var reply = Assert.Single(await app.ExchangeAsync(message));

        Assert.Contains("Dette kan jeg hjelpe deg med", CardText(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sosiale  medier")]
    [InlineData("sosiale\u00a0medier")]
    [InlineData("sosiale\u202fmedier")]
    [InlineData("\u200bsosiale medier")]
    [InlineData("sosiale\u200c medier\u200d")]
    [InlineData("\ufeffsosiale\tmedier\r\n")]
    [InlineData("<p>sosiale medier</p>")]
    [InlineData("<div>sosiale<br>medier</div>")]
    [InlineData("Hei, vis meg sosiale medier takk")]
    public async Task Commands_are_recognised_through_odd_spaces_markup_and_the_words_around_them(string text)
    {
        await using var app = new BotApplication();

        var reply = Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage(text)));

        Assert.Contains("Sosiale medier: kan jeg legge ut dette?", CardText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_no_break_space_entity_after_the_mention_is_read_as_a_space()
    {
        await using var app = new BotApplication();
        var message = Teams.GroupMessage("hjelp", mentionBot: true);

        var reply = Assert.Single(await app.ExchangeAsync(message with { Text = "<at>StrategiBot</at>&nbsp;hjelp" }));

        Assert.Contains("Dette kan jeg hjelpe deg med", CardText(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ostre-toten", "kommunikasjonsstrategi: ytringsfrihet, sosiale medier og hvem som uttaler seg til pressen.")]
    [InlineData("trondheim", "kommunikasjonsstrategi: ytringsfrihet og hvem som uttaler seg til pressen.")]
    [InlineData("tynset", "kommunikasjonsstrategi: sosiale medier og hvem som uttaler seg til pressen.")]
    [InlineData("lorenskog", "kommunikasjonsstrategi: sosiale medier og hvem som uttaler seg til pressen.")]
    public async Task The_welcome_names_only_what_the_organisations_strategy_speaks_of(string org, string expected)
    {
        await using var app = new BotApplication(settings: new Dictionary<string, string?> { ["Bot:Organisation"] = org });

        var welcome = CardText(Assert.Single(await app.ExchangeAsync(Teams.BotInstalledPersonal())));

        Assert.Contains(expected, welcome, StringComparison.Ordinal);
    }

    /// <summary>
    /// Someone whose Teams speaks English is welcomed in English when they install the bot for themselves, and
    /// its button asks for the English help; a group chat or team keeps the Norwegian welcome, whoever added it.
    /// </summary>
    [Theory]
    [InlineData("en-US", false, "Hi, I'm StrategiBot")]
    [InlineData("en-GB", false, "Hi, I'm StrategiBot")]
    [InlineData("EN", false, "Hi, I'm StrategiBot")]
    [InlineData("nb-NO", false, "Hei, jeg er StrategiBot")]
    [InlineData("nn-NO", false, "Hei, jeg er StrategiBot")]
    [InlineData("sv-SE", false, "Hei, jeg er StrategiBot")]
    [InlineData(null, false, "Hei, jeg er StrategiBot")]
    [InlineData("en-US", true, "Hei, jeg er StrategiBot")]
    public async Task The_welcome_speaks_the_language_of_a_personal_install(string? locale, bool inGroup, string heading)
    {
        await using var app = new BotApplication();
        var install = inGroup ? Teams.BotAddedToTeam() : Teams.BotInstalledPersonal();

        var welcome = Assert.Single(await app.ExchangeAsync(install with { Locale = locale }));

        Assert.StartsWith(heading, CardText(welcome), StringComparison.Ordinal);
        if (heading.StartsWith("Hi", StringComparison.Ordinal))
        {
            Assert.Contains("freedom of expression, social media and who speaks to the press.", CardText(welcome), StringComparison.Ordinal);
            var help = Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage(CardJson.Button(welcome, "Show help")["data"]!["msteams"]!["value"]!.GetValue<string>())));
            Assert.Contains("What I can help with", CardText(help), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_welcome_for_a_strategy_silent_on_all_three_topics_promises_none()
    {
        var welcome = HelpCards.Welcome(topics: HelpCards.WelcomeTopics(["Vi skal kommunisere godt."]));

        Assert.Contains("kommunikasjonsstrategi, med svar fra strategien selv.", welcome.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_personal_install_is_welcomed_once_although_Teams_announces_it_twice()
    {
        await using var app = new BotApplication();

        var first = await app.ExchangeAsync(Teams.BotInstalledPersonal());
        var second = await app.ExchangeAsync(Teams.BotAddedToConversation());
        var again = await app.ExchangeAsync(Teams.BotInstalledPersonal() with { Action = "add-upgrade" });

        Assert.Contains("Hei, jeg er StrategiBot", CardText(Assert.Single(first)), StringComparison.Ordinal);
        Assert.Empty(second);
        Assert.Empty(again);
    }

    [Fact]
    public async Task An_app_upgrade_neither_welcomes_again_nor_blocks_the_conversation()
    {
        await using var app = new BotApplication();
        await app.ExchangeAsync(Teams.BotInstalledPersonal());

        var removing = await app.ExchangeAsync(Teams.BotInstalledPersonal() with { Action = "remove-upgrade" });
        var between = await app.Store.GetAsync(ConversationState.Key("a:personal-1"), CancellationToken.None);
        var adding = await app.ExchangeAsync(Teams.BotInstalledPersonal() with { Action = "add-upgrade" });

        Assert.Empty(removing);
        Assert.False(between!.IsBlocked);
        Assert.Empty(adding);
    }

    [Fact]
    public async Task Someone_who_removes_the_bot_and_adds_it_again_is_welcomed_again_once()
    {
        var clock = new ManualClock(Installed);
        await using var app = new BotApplication { Clock = clock };
        await app.ExchangeAsync(Teams.BotInstalledPersonal() with { Timestamp = clock.GetUtcNow() });

        clock.Advance(TimeSpan.FromMinutes(5));
        var removed = await app.ExchangeAsync(Teams.BotInstalledPersonal() with { Action = "remove", Timestamp = clock.GetUtcNow() });
        clock.Advance(TimeSpan.FromMinutes(1));
        var reinstalled = await app.ExchangeAsync(Teams.BotInstalledPersonal() with { Timestamp = clock.GetUtcNow() });
        var announcedAgain = await app.ExchangeAsync(Teams.BotAddedToConversation() with { Timestamp = clock.GetUtcNow() });

        Assert.Empty(removed);
        Assert.Contains("Hei, jeg er StrategiBot", CardText(Assert.Single(reinstalled)), StringComparison.Ordinal);
        Assert.Empty(announcedAgain);
    }

    [Fact]
    public async Task A_removal_that_arrives_after_the_bot_was_added_again_changes_nothing()
    {
        var clock = new ManualClock(Installed);
        await using var app = new BotApplication { Clock = clock };
        await app.ExchangeAsync(Teams.BotInstalledPersonal() with { Timestamp = clock.GetUtcNow() });
        clock.Advance(TimeSpan.FromMinutes(5));
        var removedAt = clock.GetUtcNow();
        await app.ExchangeAsync(Teams.BotInstalledPersonal() with { Action = "remove", Timestamp = removedAt });
        clock.Advance(TimeSpan.FromMinutes(1));
        await app.ExchangeAsync(Teams.BotInstalledPersonal() with { Timestamp = clock.GetUtcNow() });

        // Teams' second announcement of the removal, sent with the first, delivered after the new welcome.
        clock.Advance(TimeSpan.FromSeconds(10));
        await app.ExchangeAsync(Teams.BotRemoved(Teams.BotAddedToConversation()) with { Timestamp = removedAt });
        var lateAnnouncement = await app.ExchangeAsync(Teams.BotAddedToConversation() with { Timestamp = clock.GetUtcNow() });

        Assert.Empty(lateAnnouncement);
        var user = await app.Store.GetAsync(UserState.Key(app.UserKeyOf(Teams.BotInstalledPersonal())), CancellationToken.None);
        Assert.NotNull(user?.WelcomedAt);
        Assert.False((await app.Store.GetAsync(ConversationState.Key("a:personal-1"), CancellationToken.None))?.IsBlocked);
    }

    [Fact]
    public async Task A_team_that_removes_the_bot_and_adds_it_again_is_welcomed_again()
    {
        var clock = new ManualClock(Installed);
        await using var app = new BotApplication { Clock = clock };
        await app.ExchangeAsync(Teams.BotAddedToTeam() with { Timestamp = clock.GetUtcNow() });

        clock.Advance(TimeSpan.FromMinutes(5));
        await app.ExchangeAsync(Teams.BotRemoved(Teams.BotAddedToTeam()) with { Timestamp = clock.GetUtcNow() });
        clock.Advance(TimeSpan.FromMinutes(1));
        var added = await app.ExchangeAsync(Teams.BotAddedToTeam() with { Timestamp = clock.GetUtcNow() });

        Assert.Contains("@StrategiBot hjelp", CardText(Assert.Single(added)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_team_keeps_its_welcome_when_an_old_removal_arrives_late()
    {
        var clock = new ManualClock(Installed);
        await using var app = new BotApplication { Clock = clock };
        var removedAt = clock.GetUtcNow().AddMinutes(-1);
        await app.ExchangeAsync(Teams.BotAddedToTeam() with { Timestamp = clock.GetUtcNow() });

        clock.Advance(TimeSpan.FromSeconds(20));
        await app.ExchangeAsync(Teams.BotRemoved(Teams.BotAddedToTeam()) with { Timestamp = removedAt });
        var announcedAgain = await app.ExchangeAsync(Teams.BotAddedToTeam() with { Timestamp = clock.GetUtcNow() });

        Assert.Empty(announcedAgain);
        Assert.False((await app.Store.GetAsync(ConversationState.Key(Teams.BotAddedToTeam().Conversation!.Id!), CancellationToken.None))?.IsBlocked);
    }

    [Fact]
    public async Task The_welcome_and_a_removal_compare_by_the_channels_clock_not_the_bots()
    {
        // The bot's clock runs ten minutes ahead of Teams': a removal sent after the welcome is still after it.
        var clock = new ManualClock(Installed.AddMinutes(10));
        await using var app = new BotApplication { Clock = clock };
        await app.ExchangeAsync(Teams.BotInstalledPersonal() with { Timestamp = Installed });

        await app.ExchangeAsync(Teams.BotInstalledPersonal() with { Action = "remove", Timestamp = Installed.AddMinutes(2) });
        var reinstalled = await app.ExchangeAsync(Teams.BotInstalledPersonal() with { Timestamp = Installed.AddMinutes(3) });

        Assert.Single(reinstalled);
    }

    private static readonly DateTimeOffset Installed = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Each_user_gets_their_own_welcome()
    {
        await using var app = new BotApplication();

        var kari = await app.ExchangeAsync(Teams.BotInstalledPersonal("29:kari"));
        var ola = await app.ExchangeAsync(Teams.BotInstalledPersonal("29:ola") with
        {
            From = new ChannelAccount { Id = "29:ola", AadObjectId = "00000000-0000-0000-0000-0000000000aa" },
            Conversation = new ConversationAccount { Id = "a:personal-ola", ConversationType = "personal", TenantId = Teams.TenantId },
        });

        Assert.Single(kari);
        Assert.Single(ola);
    }

    [Fact]
    public async Task A_team_gets_one_welcome_and_members_joining_later_get_none()
    {
        await using var app = new BotApplication();

        var installed = await app.ExchangeAsync(Teams.BotAddedToTeam());
        var members = Enumerable.Range(0, 50).Select(i => new ChannelAccount { Id = $"29:member-{i}" }).ToArray();
        var joined = await app.ExchangeAsync(Teams.BotAddedToTeam() with { MembersAdded = members });

        Assert.Contains("@StrategiBot hjelp", CardText(Assert.Single(installed)), StringComparison.Ordinal);
        Assert.Empty(joined);
    }

    [Fact]
    public async Task A_message_over_the_length_limit_is_declined_politely()
    {
        await using var app = new BotApplication();

        var reply = Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage(new string('x', 5000))));

        Assert.Contains("for lang", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_card_submission_gets_a_polite_note()
    {
        await using var app = new BotApplication();
        var submit = Teams.PersonalMessage("") with { Text = null, Value = JsonSerializer.SerializeToElement(new { verb = "nothing-we-know" }) };

        var reply = Assert.Single(await app.ExchangeAsync(submit));

        Assert.Contains("kjenner igjen", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_the_bot_marks_the_conversation_and_a_new_message_unblocks_it()
    {
        await using var app = new BotApplication();
        await app.ExchangeAsync(Teams.BotInstalledPersonal() with { Action = "remove" });
        var removed = await app.Store.GetAsync(ConversationState.Key("a:personal-1"), CancellationToken.None);

        await app.ExchangeAsync(Teams.PersonalMessage("hei"));
        var back = await app.Store.GetAsync(ConversationState.Key("a:personal-1"), CancellationToken.None);

        Assert.True(removed!.IsBlocked);
        Assert.False(back!.IsBlocked);
        Assert.Equal(Teams.ServiceUrl, back.Reference!.ServiceUrl);
        Assert.Equal(Teams.TenantId, back.Reference.TenantId);
    }

    internal static string CardText(Activity activity)
    {
        var texts = new List<string>();
        if (activity.Text is not null)
        {
            texts.Add(activity.Text);
        }
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (attachment.Content is { } content)
            {
                Collect(content, texts);
            }
        }
        return string.Join("\n", texts);
    }

    private static void Collect(JsonElement element, List<string> texts)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name is "text" or "title" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        texts.Add(property.Value.GetString()!);
                    }
                    else
                    {
                        Collect(property.Value, texts);
                    }
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, texts);
                }
                break;
        }
    }
}
