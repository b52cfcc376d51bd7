using StrategiBot.Checklists;
using StrategiBot.Dialogs;
using StrategiBot.Planning;

namespace StrategiBot.Conversation;

/// <summary>
/// Which commands an organisation's content gives something to open: the help card lists these, and the
/// Teams package built for the organisation offers only these in its command menu.
/// </summary>
internal sealed class CommandOffers(DialogCatalog dialogs, PlanCatalog plans, ChecklistCatalog checklists)
{
    /// <summary>Whether the organisation has what a command opens: its dialog, a plan template, any checklist.</summary>
    public bool Offers(BotCommand command, string organisationId) =>
        command.DialogId is { } dialog ? dialogs.Find(organisationId, dialog) is not null
        : command == BotCommands.CommunicationPlan ? plans.Find(organisationId, PlanCatalog.CommunicationPlan) is not null
        : command != BotCommands.Checklists || checklists.For(organisationId).Count > 0;
}
