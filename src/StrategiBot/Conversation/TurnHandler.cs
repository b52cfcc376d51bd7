using Microsoft.Extensions.Options;
using StrategiBot.Cards;
using StrategiBot.Protocol.Connector;
using StrategiBot.Protocol.Hosting;
using StrategiBot.Protocol.Schema;
using StrategiBot.Retrieval;
using StrategiBot.Storage;

namespace StrategiBot.Conversation;

/// <summary>
/// The bot's turn: the one error boundary, then routing by activity type. Everything a turn does to state
/// goes through <see cref="IStateStore"/>; nothing about users lives in this singleton.
/// </summary>
internal sealed class TurnHandler(
    MessageRouter messages,
    KnowledgeBase knowledge,
    IStateStore store,
    UserKeys users,
    IOptions<BotOptions> options,
    TimeProvider clock,
    ILogger<TurnHandler> logger) : IBot
{
    public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.TurnTimeout);
        var ct = timeout.Token;
        var conversationId = turn.Activity.Conversation?.Id;
        string? claimed = null;
        try
        {
            if (!IsCardAction(turn.Activity))
            {
                var (isNew, messageId) = await RememberConversationAsync(turn, ct);
                if (!isNew)
                {
                    Log.DuplicateMessage(logger);
                    return;
                }
                claimed = messageId;
            }
            await RouteAsync(turn, ct);
        }
        catch (ConversationBlockedException ex)
        {
            Log.ConversationBlocked(logger, ex);
            if (conversationId is not null)
            {
                await store.UpdateAsync(ConversationState.Key(conversationId), s => (s ?? new()) with { IsBlocked = true }, CancellationToken.None);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.TurnFailed(logger, turn.Activity.Type ?? "(none)", ex);
            await RecoverAsync(turn);
        }
        catch when (claimed is not null && conversationId is not null)
        {
            // The channel gave up on this delivery before it was answered and will send the message again:
            // that copy is the one to answer, so the id is no longer claimed.
            await store.UpdateAsync(ConversationState.Key(conversationId), s => (s ?? new()) with
            {
                RecentMessageIds = [.. (s?.RecentMessageIds ?? []).Where(id => !string.Equals(id, claimed, StringComparison.Ordinal))],
            }, CancellationToken.None);
            throw;
        }
    }

    private Task RouteAsync(TurnContext turn, CancellationToken ct) => turn.Activity.Type switch
    {
        ActivityTypes.Message => messages.OnMessageAsync(turn, ct),
        ActivityTypes.ConversationUpdate => OnConversationUpdateAsync(turn, ct),
        ActivityTypes.InstallationUpdate => OnInstallationUpdateAsync(turn, ct),
        ActivityTypes.Invoke => messages.OnInvokeAsync(turn, ct),
        // A question corrected after it was sent ("jounalist" -> "journalist") deserves the answer to the
        // corrected text, given like any message (in a group chat only if the edit still mentions the bot).
        ActivityTypes.MessageUpdate when IsEditedText(turn.Activity) => messages.OnMessageAsync(turn, ct),
        // Reactions, typing, deletions, events and types not invented yet need no answer.
        _ => Task.CompletedTask,
    };

    private static bool IsEditedText(Activity activity) =>
        activity.GetTeamsChannelData()?.EventType == "editMessage" && !string.IsNullOrWhiteSpace(activity.Text);

    private async Task OnConversationUpdateAsync(TurnContext turn, CancellationToken ct)
    {
        var botId = turn.Activity.Recipient?.Id;
        if (turn.Activity.MembersAdded?.Any(m => m.Id == botId) == true)
        {
            await WelcomeAsync(turn, ct);
        }
        if (turn.Activity.MembersRemoved?.Any(m => m.Id == botId) == true)
        {
            await MarkRemovedAsync(turn, ct);
        }
        // Other members joining a team get no greeting: a large team must not be flooded.
    }

    private async Task OnInstallationUpdateAsync(TurnContext turn, CancellationToken ct)
    {
        // Only "add" and "remove" change anything: every new version of the app comes as "remove-upgrade"
        // and "add-upgrade", and the bot stays installed through them.
        var action = turn.Activity.Action;
        if (string.Equals(action, "add", StringComparison.OrdinalIgnoreCase))
        {
            await WelcomeAsync(turn, ct);
        }
        else if (string.Equals(action, "remove", StringComparison.OrdinalIgnoreCase))
        {
            await MarkRemovedAsync(turn, ct);
        }
    }

    /// <summary>
    /// Teams announces an install twice (installationUpdate and conversationUpdate), so the greeting is
    /// claimed in storage first: once per user in personal chat, once per group conversation otherwise.
    /// </summary>
    private async Task WelcomeAsync(TurnContext turn, CancellationToken ct)
    {
        // By the channel's clock, as a removal's timestamp is, so that the two compare (MarkRemovedAsync).
        var now = turn.Activity.Timestamp ?? clock.GetUtcNow();
        bool claimed;
        if (turn.Activity.IsGroupConversation())
        {
            if (turn.Activity.Conversation?.Id is not { } conversationId)
            {
                return;
            }
            claimed = false;
            await store.UpdateAsync(ConversationState.Key(conversationId), s =>
            {
                s ??= new ConversationState();
                claimed = s.WelcomedAt is null;
                return claimed ? s with { WelcomedAt = now } : s;
            }, ct);
        }
        else
        {
            if (users.For(turn.Activity) is not { } userKey)
            {
                return;
            }
            claimed = false;
            await store.UpdateAsync(UserState.Key(userKey), s =>
            {
                s ??= new UserState();
                claimed = s.WelcomedAt is null;
                return claimed ? s with { WelcomedAt = now } : s;
            }, ct);
        }

        if (claimed)
        {
            Log.Welcomed(logger, turn.Activity.Conversation?.ConversationType ?? "personal");
            var organisation = options.Value.Organisation;
            var topics = HelpCards.WelcomeTopics(knowledge.Index.Passages.Where(p => p.OrganisationId == organisation).Select(p => p.Text));
            var isGroup = turn.Activity.IsGroupConversation();
            await turn.SendAsync(AdaptiveCards.ToActivity(HelpCards.Welcome(WelcomeLanguage(turn.Activity.Locale, isGroup), isGroup, topics), "StrategiBot"), ct);
        }
    }

    /// <summary>
    /// Someone who installs the bot for themselves with Teams set to English ("en-US", "en-GB") is welcomed in
    /// English. A group chat or team is shared by everyone in it, so the one who added the bot does not decide
    /// its language: it gets the Norwegian welcome with its English line.
    /// </summary>
    internal static Language WelcomeLanguage(string? locale, bool isGroup) =>
        !isGroup && locale is { } l && (l.Equals("en", StringComparison.OrdinalIgnoreCase) || l.StartsWith("en-", StringComparison.OrdinalIgnoreCase))
            ? Language.English
            : Language.Norwegian;

    /// <summary>
    /// The app is gone from the conversation. Whoever adds it again chose to, and gets the welcome again: the
    /// group conversation's greeting, or in a personal chat the user's (the guard against Teams' double
    /// announcement of one install stays, since both announcements come after the removal). Teams announces a
    /// removal twice as well, and one may arrive after the app was added again and welcomed: a removal sent
    /// before the latest welcome is old news, and changes nothing.
    /// </summary>
    private async Task MarkRemovedAsync(TurnContext turn, CancellationToken ct)
    {
        var sentAt = turn.Activity.Timestamp;
        bool SentBefore(DateTimeOffset? welcomedAt) => sentAt is { } sent && welcomedAt is { } welcomed && sent < welcomed;
        var stale = false;
        if (!turn.Activity.IsGroupConversation() && users.For(turn.Activity) is { } userKey)
        {
            await store.UpdateAsync(UserState.Key(userKey), s =>
            {
                s ??= new UserState();
                stale = SentBefore(s.WelcomedAt);
                return stale ? s : s with { WelcomedAt = null };
            }, ct);
        }
        if (!stale && turn.Activity.Conversation?.Id is { } conversationId)
        {
            await store.UpdateAsync(ConversationState.Key(conversationId), s =>
            {
                s ??= new ConversationState();
                return SentBefore(s.WelcomedAt) ? s : s with { IsBlocked = true, WelcomedAt = null };
            }, ct);
        }
    }

    /// <summary>
    /// Teams sends a card action for every press and for every automatic refresh of a card, once per viewer;
    /// the messages in the same conversation keep its reference current, so these write nothing.
    /// </summary>
    private static bool IsCardAction(Activity activity) =>
        activity.Type == ActivityTypes.Invoke && activity.Name == UniversalAction.InvokeName;

    /// <summary>
    /// What identifies one delivery's content: a message's id; for an edit, which carries the id of the message
    /// it changes and may come several times, that id and a digest of the edited text (the text itself is not
    /// kept). Null for everything else, which is never taken for a redelivery.
    /// </summary>
    internal static string? DeliveryKey(Activity activity)
    {
        if (string.IsNullOrEmpty(activity.Id))
        {
            return null;
        }
        if (activity.Type == ActivityTypes.Message)
        {
            return activity.Id;
        }
        if (IsEditedText(activity))
        {
            var digest = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(activity.Text!));
            return $"{activity.Id}/edit/{Convert.ToHexStringLower(digest.AsSpan(0, 8))}";
        }
        return null;
    }

    /// <summary>
    /// Keeps the conversation's reference current, and claims a message's id in the same write. Not new when
    /// another delivery of the message claimed it first: a redelivery, which gets no second answer.
    /// </summary>
    private async Task<(bool IsNew, string? Claimed)> RememberConversationAsync(TurnContext turn, CancellationToken ct)
    {
        var activity = turn.Activity;
        if (activity.Conversation?.Id is not { } conversationId || activity.ServiceUrl is not { } serviceUrl)
        {
            return (true, null);
        }
        var messageId = DeliveryKey(activity);
        var reference = new ConversationReference(
            serviceUrl,
            activity.ChannelId ?? string.Empty,
            conversationId,
            activity.Conversation.ConversationType,
            activity.GetTenantId(),
            activity.Recipient?.Id,
            activity.IsGroupConversation() ? null : activity.From?.Id,
            activity.Locale);
        var now = clock.GetUtcNow();
        var removal = string.Equals(activity.Action, "remove", StringComparison.OrdinalIgnoreCase);
        var addition = string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase)
            || activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true;
        var isNew = true;
        await store.UpdateAsync(ConversationState.Key(conversationId), s =>
        {
            s ??= new ConversationState();
            isNew = messageId is null || !s.RecentMessageIds.Contains(messageId, StringComparer.Ordinal);
            return s with
            {
                Reference = reference,
                LastActivityAt = now,
                // Hearing from the conversation again, or being added to it, means the bot is back in it.
                IsBlocked = s.IsBlocked && !addition && (removal || activity.Type != ActivityTypes.Message),
                RecentMessageIds = isNew && messageId is not null
                    ? [.. s.RecentMessageIds.TakeLast(ConversationState.RecentMessageCapacity - 1), messageId]
                    : s.RecentMessageIds,
            };
        }, ct);
        return (isNew, isNew ? messageId : null);
    }

    private async Task RecoverAsync(TurnContext turn)
    {
        try
        {
            // A dialog running in English apologises in English, whatever the failed message ("2") looks like.
            Language? dialogLanguage = null;
            if (ConversationState.DialogKey(turn.Activity, users) is { } dialogKey)
            {
                await store.UpdateAsync(dialogKey, s =>
                {
                    dialogLanguage = s?.Dialog?.Language;
                    return (s ?? new()) with { Dialog = null };
                }, CancellationToken.None);
            }
            if (IsCardAction(turn.Activity))
            {
                // The card shows the error; the channel still gets HTTP 200, as the protocol expects.
                turn.InvokeResponse = InvokeResponses.Error(500, "InternalError", dialogLanguage == Language.English
                    ? "Something went wrong on my side. Please try again shortly."
                    : "Noe gikk galt hos meg. Prøv igjen om litt.");
            }
            if (turn.Activity.Type is ActivityTypes.Message or ActivityTypes.MessageUpdate)
            {
                var language = dialogLanguage ?? knowledge.DetectLanguage(MessageText.Of(turn.Activity));
                await turn.SendAsync(turn.Activity.CreateReply(Replies.Apology(language)), CancellationToken.None);
            }
        }
        catch (Exception ex)
        {
            Log.RecoveryFailed(logger, ex);
        }
    }
}
