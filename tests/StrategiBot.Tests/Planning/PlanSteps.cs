using System.Text.Json;
using StrategiBot.Cards;
using StrategiBot.Planning;
using StrategiBot.Protocol.Schema;
using StrategiBot.Tests.Retrieval;

namespace StrategiBot.Tests.Planning;

/// <summary>
/// The plan form's buttons pressed on the shipped form, for scenarios written before the replies exist:
/// each step sends its own inputs, filled from <see cref="PlanConversationTests.Complete"/>, as a client does.
/// </summary>
internal static class PlanSteps
{
    private static readonly Lazy<PlanForm> Form = new(() =>
        PlanFormLoader.LoadAll(Path.Combine(RepositoryContent.Root, "dialogs"), RepositoryContent.Packs).Single(f => f.Id == PlanCatalog.CommunicationPlan));

    /// <summary>A button on step number <paramref name="step"/> (from 1) with the inputs it sends.</summary>
    public static Activity Submission(string action, int step, Dictionary<string, object> inputs)
    {
        inputs[PlanCards.ValueKey] = new { form = PlanCatalog.CommunicationPlan, action, step };
        return Teams.CardSubmission(JsonSerializer.SerializeToElement(inputs));
    }

    /// <summary>
    /// "Neste" (on the last step "Lag planen") with every input of the step, the empty ones as "", pressed
    /// on a card drawn in English when <paramref name="english"/>.
    /// </summary>
    public static Activity Next(int step, bool english = false)
    {
        var inputs = Form.Value.Groups[step - 1].Fields.ToDictionary(
            f => PlanCards.InputPrefix + f.Id,
            f => (object)(PlanConversationTests.Complete.GetValueOrDefault(PlanCards.InputPrefix + f.Id) ?? string.Empty));
        if (english)
        {
            inputs[CardLanguage.Key] = CardLanguage.English;
        }
        return Submission(PlanCards.NextAction, step, inputs);
    }

    /// <summary>Every step filled in and sent, the last one making the plan.</summary>
    public static IEnumerable<Activity> All(bool english = false) => Enumerable.Range(1, Form.Value.Groups.Count).Select(step => Next(step, english));
}
