using StrategiBot.Conversation;

namespace StrategiBot.Tests.Conversation;

public sealed class BotCommandsTests
{
    [Theory]
    [InlineData("sjekklister", "sjekklister")]
    [InlineData("Vis meg sjekklistene!", "sjekklistene")]
    [InlineData("hei, vis meg alle sjekklistene", "sjekklistene")]
    [InlineData("Kan du vise meg sjekklistene?", "sjekklistene")]
    [InlineData("show me the checklists please", "checklists")]
    [InlineData("Hi StrategiBot, show me all your checklists", "checklists")]
    [InlineData("hei StrategiBot", "hei")]
    [InlineData("@StrategiBot", "hei")]
    [InlineData("god morgen, hjelp", "hjelp")]
    [InlineData("hei takk", "takk")]
    [InlineData("gi meg en kommunikasjonsplan", "kommunikasjonsplan")]
    [InlineData("Hei! Kan du vise meg sjekklistene?", "sjekklistene")]
    [InlineData("Hei StrategiBot: hjelp", "hjelp")]
    [InlineData("Hei. presse", "presse")]
    // Nothing but request words, or words that only start like them, stay as they are.
    [InlineData("hei", "hei")]
    [InlineData("vis meg", "vis meg")]
    [InlineData("the", "the")]
    [InlineData("visning av bilder", "visning av bilder")]
    [InlineData("Hei, kan jeg dele bilder fra jobben?", "kan jeg dele bilder fra jobben")]
    public void The_command_is_read_without_greeting_name_and_request_words(string text, string expected)
    {
        Assert.Equal(expected, BotCommands.CommandText(text));
    }

    [Theory]
    [InlineData("vis meg sjekklistene", "checklists", false)]
    [InlineData("show me the checklists", "checklists", true)]
    [InlineData("hei, hjelp", "help", false)]
    [InlineData("hi", "help", true)]
    [InlineData("hello StrategiBot", "help", true)]
    [InlineData("Hei, vis meg presse", "press", false)]
    [InlineData("show me press", "press", true)]
    [InlineData("sosiale medium", "social-media", false)]
    public void A_wrapped_command_is_found_with_the_language_it_was_typed_in(string text, string id, bool english)
    {
        var command = BotCommands.Find(text);

        Assert.Equal(id, command?.Id);
        Assert.Equal(english ? Language.English : Language.Norwegian, command!.LanguageOf(BotCommands.CommandText(text)));
    }

    [Theory]
    [InlineData("vis meg hvordan jeg svarer pressen")]
    [InlineData("hei, hva sier strategien om Facebook?")]
    [InlineData("show me the rules for social media")]
    public void A_question_wrapped_the_same_way_is_no_command(string text)
    {
        Assert.Null(BotCommands.Find(text));
    }
}
