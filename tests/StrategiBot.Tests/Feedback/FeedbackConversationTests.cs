using System.Net;
using System.Text.Json;
using StrategiBot.Cards;
using StrategiBot.Conversation;
using StrategiBot.Feedback;
using StrategiBot.Protocol.Schema;
using StrategiBot.Storage;
using StrategiBot.Tests.Conversation;
using StrategiBot.Tests.Storage;

namespace StrategiBot.Tests.Feedback;

/// <summary>
/// "Var dette nyttig?" and "Spør kommunikasjonsavdelingen" on answer and dialog cards, pressed as a
/// client would (the button's own data posted back through <c>/api/messages</c>).
/// </summary>
public sealed class FeedbackConversationTests
{
    private const string Question = "Kan jeg kommentere en personalsak i media?";

    [Fact]
    public async Task A_thumbs_up_is_stored_with_the_question_and_section_and_thanked()
    {
        await using var app = new BotApplication();
        var answer = Assert.Single(await SayAsync(app, Question));

        var thanks = await VoteAsync(app, answer, "👍 Ja");

        Assert.Equal("Takk for tilbakemeldingen!", thanks);
        var entry = Assert.Single((await LogAsync(app)).Entries);
        Assert.Equal(("answer", Question, "presse-kjoreregler", true), (entry.Source, entry.Question, entry.SectionId, entry.Helpful));
        Assert.Equal(app.UserKeyOf(Teams.CardAction(FeedbackCards.VoteVerb, new { })), entry.UserKey);
        Assert.DoesNotContain("user-1", entry.UserKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_thumbs_down_is_thanked_with_whom_to_ask()
    {
        await using var app = new BotApplication();
        var answer = Assert.Single(await SayAsync(app, Question));

        var text = await VoteAsync(app, answer, "👎 Nei");

        Assert.StartsWith("Takk for at du sa fra. Spør kommunikasjonsavdelingen: Kommunikasjonsavdelingen gir råd", text, StringComparison.Ordinal);
        Assert.False(Assert.Single((await LogAsync(app)).Entries).Helpful);
    }

    [Fact]
    public async Task Voting_again_changes_the_vote_instead_of_counting_twice()
    {
        await using var app = new BotApplication();
        var answer = Assert.Single(await SayAsync(app, Question));

        await VoteAsync(app, answer, "👍 Ja");
        await VoteAsync(app, answer, "👎 Nei");

        Assert.False(Assert.Single((await LogAsync(app)).Entries).Helpful);
    }

    /// <summary>
    /// Every vote goes into one shared log per organisation. Pressed by many people at once against a store
    /// slow enough that they all read the same version, no vote may be lost to the write conflicts.
    /// </summary>
    [Fact]
    public async Task Votes_pressed_at_the_same_time_by_many_people_are_all_kept()
    {
        const int Voters = 40;
        await using var app = new BotApplication { StoreOverride = new SlowReadingStore(new MemoryStateStore()) };
        var answer = Assert.Single(await SayAsync(app, Question));
        var data = CardJson.Button(answer, "👍 Ja")["data"]!;

        var responses = await Task.WhenAll(Enumerable.Range(0, Voters).Select(i => Task.Run(async () =>
        {
            using var response = await app.PostAsync(Teams.CardAction(FeedbackCards.VoteVerb, data.DeepClone(), userId: $"29:voter-{i}"));
            return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        })));

        Assert.All(responses, body => Assert.StartsWith("200 {\"statusCode\":200", body, StringComparison.Ordinal));
        Assert.Equal(Voters, (await LogAsync(app)).Entries.Count);
    }

    [Fact]
    public async Task An_English_answer_asks_and_thanks_in_English()
    {
        await using var app = new BotApplication();
        var answer = Assert.Single(await SayAsync(app, "Who is allowed to talk to the press?"));

        var thanks = await VoteAsync(app, answer, "👍 Yes");

        Assert.Contains("Was this helpful?", ConversationScriptTests.CardText(answer), StringComparison.Ordinal);
        Assert.Equal("Thank you for the feedback!", thanks);
    }

    [Fact]
    public async Task The_answer_card_unfolds_the_contact_on_request()
    {
        await using var app = new BotApplication();

        var answer = Assert.Single(await SayAsync(app, Question));

        var ask = CardJson.Button(answer, "Spør kommunikasjonsavdelingen");
        Assert.Equal("Action.ShowCard", ask["type"]!.GetValue<string>());
        Assert.Contains(CardJson.Elements(ask["card"]!), e => e["text"]?.GetValue<string>() is { } text && text.Contains("Kommunikasjonsavdelingen gir råd, tilrettelegger og støtter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refusal_shows_the_contact_and_still_asks_for_feedback_without_a_section()
    {
        await using var app = new BotApplication();
        var refusal = Assert.Single(await SayAsync(app, "Hvor mange feriedager har jeg i år?"));

        await VoteAsync(app, refusal, "👎 Nei");

        Assert.Contains("sier ikke noe om dette", ConversationScriptTests.CardText(refusal), StringComparison.Ordinal);
        Assert.Contains("**Spør kommunikasjonsavdelingen.**", ConversationScriptTests.CardText(refusal), StringComparison.Ordinal);
        Assert.Null(Assert.Single((await LogAsync(app)).Entries).SectionId);
    }

    [Fact]
    public async Task A_dialog_outcome_asks_for_feedback_on_its_first_rule()
    {
        await using var app = new BotApplication();
        await SayAsync(app, "presse");
        var outcome = Assert.Single(await SayAsync(app, "5"));

        await VoteAsync(app, outcome, "👍 Ja");

        var entry = Assert.Single((await LogAsync(app)).Entries);
        Assert.Equal("dialog", entry.Source);
        Assert.StartsWith("Kontakt med pressen › ", entry.Question, StringComparison.Ordinal);
        Assert.NotNull(entry.SectionId);
    }

    public static TheoryData<string> Malformed => new()
    {
        """{"feedback":"yes"}""",
        """{"feedback":{"helpful":"yes","source":"answer","question":"q"}}""",
        """{"feedback":{"helpful":true,"source":"elsewhere","question":"q"}}""",
        """{"feedback":{"helpful":true,"source":"answer"}}""",
        """{"feedback":{"helpful":true,"source":"answer","question":"q","section":"no-such-section"}}""",
        """{"feedback":{"helpful":true,"source":"answer","question":"q","section":{"a":1}}}""",
        "{\"feedback\":{\"helpful\":true,\"source\":\"answer\",\"question\":\"" + new string('q', FeedbackSubject.MaxQuestionLength + 1) + "\"}}",
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Malformed_feedback_gets_a_clear_reply_and_stores_nothing(string value)
    {
        await using var app = new BotApplication();

        var reply = Assert.Single(await SubmitAsync(app, JsonDocument.Parse(value).RootElement.Clone()));

        Assert.Contains("Jeg klarte ikke å lese den tilbakemeldingen", reply.Text, StringComparison.Ordinal);
        Assert.Null(await app.Store.GetAsync(FeedbackLog.Key("ostre-toten"), CancellationToken.None));
    }

    [Fact]
    public async Task Outside_Teams_a_vote_is_a_submit_thanked_with_a_card()
    {
        await using var app = new BotApplication();
        var answer = Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage(Question) with { ChannelId = "webchat" }));
        Assert.Equal("Action.Submit", CardJson.Button(answer, "👎 Nei")["type"]!.GetValue<string>());

        var reply = Assert.Single(await app.ExchangeAsync(Teams.CardSubmission(CardJson.Press(answer, "👎 Nei")) with { ChannelId = "webchat" }));

        var text = ConversationScriptTests.CardText(reply);
        Assert.Contains("Takk for at du sa fra", text, StringComparison.Ordinal);
        Assert.Contains("**Spør kommunikasjonsavdelingen.** Kommunikasjonsavdelingen gir råd", text, StringComparison.Ordinal);
        Assert.False(Assert.Single((await LogAsync(app)).Entries).Helpful);
    }

    [Fact]
    public async Task An_English_thumbs_down_points_to_the_organisations_own_contact()
    {
        // Trondheim's contact is the line manager, not a communication team.
        await using var app = new BotApplication(settings: new Dictionary<string, string?> { ["Bot:Organisation"] = "trondheim" });
        var answer = Assert.Single(await app.ExchangeAsync(Teams.PersonalMessage("Who speaks to the press?") with { ChannelId = "webchat" }));

        var reply = Assert.Single(await app.ExchangeAsync(Teams.CardSubmission(CardJson.Press(answer, "👎 No")) with { ChannelId = "webchat" }));

        var text = ConversationScriptTests.CardText(reply);
        Assert.Contains("Thank you for telling me. If the answer was not enough, you can get help here:", text, StringComparison.Ordinal);
        Assert.Contains("Ask your line manager", text, StringComparison.Ordinal);
        Assert.DoesNotContain("communication team", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_vote_in_Teams_gets_an_error_response_and_stores_nothing()
    {
        await using var app = new BotApplication();

        using var response = await app.PostAsync(Teams.CardAction(FeedbackCards.VoteVerb, new { feedback = new { helpful = "maybe" } }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.GetProperty("type").GetString());
        Assert.Null(await app.Store.GetAsync(FeedbackLog.Key("ostre-toten"), CancellationToken.None));
    }

    /// <summary>
    /// Presses a vote the way Teams does (an <c>adaptiveCard/action</c> invoke, since the button is an
    /// <c>Action.Execute</c>) and returns the message Teams shows the voter; no card is posted to the chat.
    /// </summary>
    private static async Task<string> VoteAsync(BotApplication app, Activity card, string title)
    {
        var button = CardJson.Button(card, title);
        Assert.Equal("Action.Execute", button["type"]!.GetValue<string>());
        Assert.Equal(FeedbackCards.VoteVerb, button["verb"]!.GetValue<string>());
        var sentBefore = app.Connector.Sent.Count;

        using var response = await app.PostAsync(Teams.CardAction(FeedbackCards.VoteVerb, button["data"]!.DeepClone()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.activity.message", body.GetProperty("type").GetString());
        Assert.Equal(sentBefore, app.Connector.Sent.Count);
        return body.GetProperty("value").GetString()!;
    }

    private static async Task<FeedbackLog> LogAsync(BotApplication app) =>
        (await app.Store.GetAsync(FeedbackLog.Key("ostre-toten"), CancellationToken.None))!;

    private static Task<IReadOnlyList<Activity>> SayAsync(BotApplication app, string text) =>
        app.ExchangeAsync(Teams.PersonalMessage(text) with { Id = Guid.NewGuid().ToString("N") });

    private static Task<IReadOnlyList<Activity>> SubmitAsync(BotApplication app, JsonElement value) => app.ExchangeAsync(Teams.CardSubmission(value));
}
