namespace StrategiBot;

/// <summary>
/// The app's log events, grouped by feature: 1xx turns, 2xx conversation, 3xx dialogs, 5xx checklists and
/// Universal Actions, 60x plans, 62x feedback, 9xx host.
/// Never message text or personal data; conversation and activity ids come from the endpoint's scope.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Error, Message = "A turn of type {ActivityType} failed; the user got an apology and the dialog state was cleared")]
    public static partial void TurnFailed(ILogger logger, string activityType, Exception exception);

    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "Could not recover from a failed turn")]
    public static partial void RecoveryFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "The connector refused the bot in this conversation; marked as blocked")]
    public static partial void ConversationBlocked(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "A message was delivered again while or after another delivery of it was handled; not answered twice")]
    public static partial void DuplicateMessage(ILogger logger);

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Sent the welcome card in a {ConversationType} conversation")]
    public static partial void Welcomed(ILogger logger, string conversationType);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "A card submission matched no known card")]
    public static partial void UnknownCardSubmission(ILogger logger);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Declined a message of {Length} characters")]
    public static partial void MessageTooLong(ILogger logger, int length);

    [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "Invoke '{Name}' is not implemented")]
    public static partial void InvokeIgnored(ILogger logger, string name);

    [LoggerMessage(EventId = 204, Level = LogLevel.Information, Message = "Answered a question: covered={Covered}, confidence={Confidence:F2}, section={SectionId}")]
    public static partial void Answered(ILogger logger, bool covered, float confidence, string sectionId);

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Started dialog {DialogId}")]
    public static partial void DialogStarted(ILogger logger, string dialogId);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Dialog {DialogId} reached outcome {OutcomeId}")]
    public static partial void DialogFinished(ILogger logger, string dialogId, string outcomeId);

    [LoggerMessage(EventId = 302, Level = LogLevel.Information, Message = "Dialog {DialogId} was cancelled")]
    public static partial void DialogCancelled(ILogger logger, string dialogId);

    [LoggerMessage(EventId = 303, Level = LogLevel.Information, Message = "A button of dialog {DialogId} no longer matches the open question")]
    public static partial void StaleDialogButton(ILogger logger, string dialogId);

    [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "Opened checklist {ChecklistId}")]
    public static partial void ChecklistOpened(ILogger logger, string checklistId);

    [LoggerMessage(EventId = 501, Level = LogLevel.Information, Message = "Saved checklist {ChecklistId}: {Ticked} of {Total} ticked")]
    public static partial void ChecklistSaved(ILogger logger, string checklistId, int ticked, int total);

    [LoggerMessage(EventId = 502, Level = LogLevel.Information, Message = "Reset checklist {ChecklistId}")]
    public static partial void ChecklistReset(ILogger logger, string checklistId);

    [LoggerMessage(EventId = 503, Level = LogLevel.Information, Message = "Rejected a Universal Action: {Reason}")]
    public static partial void UniversalActionRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 504, Level = LogLevel.Information, Message = "Refused to save checklist {ChecklistId}: the card showed another user's ticks")]
    public static partial void ChecklistSaveRefused(ILogger logger, string checklistId);

    [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "Opened plan form {FormId}, resuming a draft: {Resumed}")]
    public static partial void PlanOpened(ILogger logger, string formId, bool resumed);

    [LoggerMessage(EventId = 601, Level = LogLevel.Information, Message = "Saved a draft of plan form {FormId} with {FieldCount} fields filled")]
    public static partial void PlanDraftSaved(ILogger logger, string formId, int fieldCount);

    [LoggerMessage(EventId = 602, Level = LogLevel.Information, Message = "A step of plan form {FormId} came back with {ProblemCount} problems; the values were kept")]
    public static partial void PlanIncomplete(ILogger logger, string formId, int problemCount);

    [LoggerMessage(EventId = 603, Level = LogLevel.Information, Message = "Completed plan form {FormId}")]
    public static partial void PlanCompleted(ILogger logger, string formId);

    [LoggerMessage(EventId = 604, Level = LogLevel.Information, Message = "A plan submission named no known form or action")]
    public static partial void PlanSubmissionRejected(ILogger logger);

    [LoggerMessage(EventId = 605, Level = LogLevel.Debug, Message = "Plan form {FormId}: step {Step} saved, showing step {Next}")]
    public static partial void PlanStepSaved(ILogger logger, string formId, int step, int next);

    [LoggerMessage(EventId = 606, Level = LogLevel.Information, Message = "The plan form was asked for in a group chat or channel; pointed to the personal chat")]
    public static partial void PlanRedirectedToPersonalChat(ILogger logger);

    [LoggerMessage(EventId = 620, Level = LogLevel.Information, Message = "Stored feedback from {Source} on section {SectionId}: helpful={Helpful}")]
    public static partial void FeedbackStored(ILogger logger, string source, string sectionId, bool helpful);

    [LoggerMessage(EventId = 621, Level = LogLevel.Information, Message = "A feedback submission was malformed; nothing stored")]
    public static partial void FeedbackRejected(ILogger logger);

    [LoggerMessage(EventId = 900, Level = LogLevel.Warning, Message = "Authentication is disabled: no MicrosoftAppId is configured (Development only). Outbound calls go only to loopback service URLs.")]
    public static partial void DevelopmentMode(ILogger logger);

    [LoggerMessage(EventId = 901, Level = LogLevel.Warning, Message = "Bot:UserKeySecret is not set: the pseudonymous user keys are a plain hash of each user's id, which anyone holding the database and the directory can reverse. Set it to a random secret of 32 characters or more, kept outside the database.")]
    public static partial void UserKeysWithoutSecret(ILogger logger);

    [LoggerMessage(EventId = 902, Level = LogLevel.Warning, Message = "content/{OrganisationId}/organisation.yaml gives no e-mail, phone or url for its contact: when the strategy is silent, the bot sends people to {ContactUnit} with no way to reach it. Add contact.email, contact.phone or contact.url.")]
    public static partial void ContactWithoutReach(ILogger logger, string organisationId, string contactUnit);
}
