using System.Text.Json;
using StrategiBot.Conversation;
using StrategiBot.Planning;

namespace StrategiBot.Tests.Planning;

/// <summary>Reading a step's submitted values and checking them, without a conversation around it.</summary>
public sealed class PlanValidationTests
{
    private static readonly PlanField Name = new("navn", "Navn på prosjektet", null, PlanFieldKind.Text, Required: true, MaxLength: 20, []);
    private static readonly PlanField Notes = new("notater", "Notater", null, PlanFieldKind.Multiline, Required: false, MaxLength: 2000, []);
    private static readonly PlanField Channel = new("kanal", "Kanal", null, PlanFieldKind.Choice, Required: true, MaxLength: 200, [new("nett", "Nettsiden"), new("fb", "Facebook")]);
    private static readonly PlanField Groups = new("grupper", "Målgrupper", null, PlanFieldKind.Choices, Required: false, MaxLength: 200, [new("ansatte", "Ansatte"), new("innbyggere", "Innbyggere")]);
    private static readonly PlanField[] Fields = [Name, Notes, Channel, Groups];

    private static JsonElement Submitted(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    [Fact]
    public void Sent_values_replace_saved_ones_trimmed_and_a_field_sent_empty_is_cleared()
    {
        var saved = new Dictionary<string, string> { ["navn"] = "Gammelt navn", ["notater"] = "Gamle notater", ["annet-steg"] = "beholdes" };

        var (values, problems) = PlanValidation.Read(Fields, Submitted("""{"plan.navn": "  Nytt navn ", "plan.notater": "", "plan.kanal": "fb", "plan.grupper": "ansatte,innbyggere"}"""), saved);

        Assert.Empty(problems);
        Assert.Equal("Nytt navn", values["navn"]);
        Assert.False(values.ContainsKey("notater"));
        Assert.Equal("fb", values["kanal"]);
        Assert.Equal("ansatte,innbyggere", values["grupper"]);
        Assert.Equal("beholdes", values["annet-steg"]);
    }

    [Fact]
    public void A_value_that_is_not_text_keeps_the_saved_one_and_a_choice_keeps_only_known_ids()
    {
        var saved = new Dictionary<string, string> { ["navn"] = "Lagret", ["kanal"] = "nett" };

        var (values, problems) = PlanValidation.Read(Fields, Submitted("""{"plan.navn": 42, "plan.kanal": "ukjent", "plan.grupper": "ansatte,ukjent"}"""), saved);

        Assert.Equal("Lagret", values["navn"]);
        Assert.Equal([Name, Channel, Groups], problems.Select(p => p.Field));
        Assert.All(problems, p => Assert.Equal(PlanProblemKind.Unreadable, p.Kind));
        Assert.Equal("ansatte", values["grupper"]);
        Assert.False(values.ContainsKey("kanal"));
    }

    [Fact]
    public void A_single_choice_sent_with_several_ids_keeps_the_first_and_is_flagged()
    {
        var (values, problems) = PlanValidation.Read([Channel], Submitted("""{"plan.kanal": "nett,fb"}"""), new Dictionary<string, string>());

        Assert.Equal("nett", values["kanal"]);
        Assert.Equal(new PlanProblem(Channel, PlanProblemKind.Unreadable), Assert.Single(problems));
    }

    [Fact]
    public void Missing_required_fields_count_only_when_the_step_must_be_complete_and_long_texts_always()
    {
        var values = new Dictionary<string, string> { ["navn"] = new string('x', 25) };

        var draft = PlanValidation.Check(Fields, values, requireFilled: false);
        var complete = PlanValidation.Check(Fields, values, requireFilled: true);

        Assert.Equal(new PlanProblem(Name, PlanProblemKind.TooLong, 25), Assert.Single(draft));
        Assert.Equal([(Name, PlanProblemKind.TooLong), (Channel, PlanProblemKind.Missing)], complete.Select(x => (x.Field, x.Kind)));
    }

    [Fact]
    public void A_text_longer_than_any_field_accepts_is_cut_so_it_comes_back_to_be_shortened()
    {
        var (values, _) = PlanValidation.Read([Notes], Submitted($$"""{"plan.notater": "{{new string('y', PlanFormLoader.MaxFieldLength + 500)}}"}"""), new Dictionary<string, string>());

        Assert.Equal(PlanFormLoader.MaxFieldLength, values["notater"].Length);
    }

    [Fact]
    public void Problems_are_described_in_bokmal_or_English_grouped_by_kind()
    {
        List<PlanProblem> problems =
        [
            new(Name, PlanProblemKind.Missing),
            new(Channel, PlanProblemKind.Missing),
            new(Notes, PlanProblemKind.TooLong, 2100),
            new(Groups, PlanProblemKind.Unreadable),
        ];

        Assert.Equal(
            "Fyll ut «Navn på prosjektet» og «Kanal». For lang tekst i «Notater» (2100 tegn, høyst 2000). Jeg kunne ikke lese svaret på «Målgrupper»; velg eller skriv det på nytt.",
            PlanValidation.Describe(problems));
        Assert.Equal(
            "Fill in “Navn på prosjektet” and “Kanal”. Shorten “Notater” (2100 characters, at most 2000). I could not read the answer to “Målgrupper”; pick or type it again.",
            PlanValidation.Describe(problems, Language.English));
    }

    [Fact]
    public void The_first_step_with_problems_is_found_across_the_form()
    {
        var form = new PlanForm("ostre-toten", "plan", "Plan", string.Empty, null, [], [],
            [new PlanGroup("Om prosjektet", null, [Name]), new PlanGroup("Kanaler", null, [Channel])]);

        Assert.Equal(1, PlanValidation.FirstStepWithProblems(form, new Dictionary<string, string> { ["navn"] = "Navn" })?.Step);
        Assert.Null(PlanValidation.FirstStepWithProblems(form, new Dictionary<string, string> { ["navn"] = "Navn", ["kanal"] = "nett" }));
    }
}
