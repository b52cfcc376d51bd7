using Microsoft.Extensions.Options;
using StrategiBot.Answering;
using StrategiBot.Cards;
using StrategiBot.Protocol.Hosting;
using StrategiBot.Protocol.Schema;

namespace StrategiBot.Conversation;

/// <summary>
/// What a message means: a card submission, a command, or free text. In group chats and channels the bot
/// speaks only when spoken to (mentioned); in a personal chat every message gets an answer.
/// </summary>
internal sealed class MessageRouter(
    Answerer answerer,
    AnswerComposer composer,
    IOptions<BotOptions> options,
    ILogger<MessageRouter> logger)
{
    public async Task OnMessageAsync(TurnContext turn, CancellationToken ct)
    {
        var activity = turn.Activity;
        var isGroup = activity.IsGroupConversation();
        if (isGroup && !activity.MentionsRecipient())
        {
            return;
        }

        var text = activity.GetTextWithoutBotMention();
        var language = LanguageDetector.Detect(text);

        if (activity.Value is { ValueKind: System.Text.Json.JsonValueKind.Object } && text.Length == 0)
        {
            // Card submissions arrive as messages with a value; none of the bot's cards post one yet.
            Log.UnknownCardSubmission(logger);
            await turn.SendAsync(activity.CreateReply(Replies.UnknownCardAction(language)), ct);
            return;
        }

        if (text.Length > options.Value.MaxMessageLength)
        {
            Log.MessageTooLong(logger, text.Length);
            await turn.SendAsync(activity.CreateReply(Replies.TooLong(language, options.Value.MaxMessageLength)), ct);
            return;
        }

        var command = text.Length == 0 ? BotCommands.Help : BotCommands.Find(text);
        if (command == BotCommands.Help)
        {
            var helpLanguage = BotCommands.Normalise(text).StartsWith("help", StringComparison.Ordinal) ? Language.English : language;
            await turn.SendAsync(AdaptiveCards.ToActivity(HelpCards.Help(helpLanguage, isGroup), helpLanguage == Language.English ? "Help" : "Hjelp"), ct);
            return;
        }

        var answer = answerer.Answer(text, options.Value.Organisation);
        Log.Answered(logger, answer.Answered, answer.Confidence, (answer.Citations.Count > 0 ? answer.Citations[0].SectionId : "-"));
        var composed = composer.Compose(answer, language);
        await turn.SendAsync(AdaptiveCards.ToActivity(AnswerCard.Build(composed), composed.LeadIn), ct);
    }

    public Task OnInvokeAsync(TurnContext turn, CancellationToken ct)
    {
        // Invokes this bot does not implement are left unanswered, which the endpoint turns into 501.
        Log.InvokeIgnored(logger, turn.Activity.Name ?? "(none)");
        return Task.CompletedTask;
    }
}
