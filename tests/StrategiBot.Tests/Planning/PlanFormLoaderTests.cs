using StrategiBot.Content;
using StrategiBot.Conversation;
using StrategiBot.Planning;
using StrategiBot.Tests.Retrieval;

namespace StrategiBot.Tests.Planning;

/// <summary>The shipped plan form follows the strategy's template; a broken form file names its file and line.</summary>
public sealed class PlanFormLoaderTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>, IDisposable
{
    private const string Valid = "id: p\ntitle: T\nsources: [vedlegg-2-kommunikasjonsplan-mal-1]\ngroups:\n  - heading: H\n    fields:\n      - {id: navn, label: Navn, required: true}\n";

    private readonly TempFolder _temp = new("strategibot-forms");

    [Fact]
    public void Ostre_Toten_has_the_plan_from_Vedlegg_2_and_3_and_no_other_organisation_borrows_it()
    {
        var forms = PlanFormLoader.LoadAll(Path.Combine(RepositoryContent.Root, "dialogs"), fixture.Knowledge.Packs);

        var form = Assert.Single(forms);
        Assert.Equal(("ostre-toten", "kommunikasjonsplan"), (form.OrganisationId, form.Id));
        Assert.Equal(["vedlegg-2-kommunikasjonsplan-mal-1", "vedlegg-3-kommunikasjonsplan-mal-2", "vedlegg-1-kommunikasjonskanaler"], form.Sources.Select(s => s.SectionId));
        Assert.Equal(["Innhold", "Målgrupper", "Kanalvalg", "Ansvar", "Tidsplan og frister"], form.Groups.Select(g => g.Heading));
        var strategy = File.ReadAllText(Path.Combine(RepositoryContent.Root, "content", "ostre-toten", "strategy.md"));
        foreach (var label in new[] { "Hva er viktig å kommunisere?", "Hva er målet med kommunikasjonen?", "Er dette en nyhet?", "Hvem MÅ vi kommunisere med, eksternt og internt?", "Hvem BØR vi kommunisere med?", "Hvem KAN vi kommunisere med?", "Hvordan kommuniserer vi i de kanalene vi har valgt?", "Hvem har ansvaret for hva i de ulike delene av kommunikasjonsarbeidet?" })
        {
            Assert.Contains(form.Fields, f => f.Label == label);
            Assert.Contains(label, strategy, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_valid_form_loads()
    {
        var form = PlanFormLoader.Load(_temp.WriteYaml("p", Valid), fixture.Knowledge.Pack("ostre-toten")!);

        Assert.Equal("navn", form.NameField!.Id);
        Assert.True(form.NameField.Required);
        Assert.Equal(string.Empty, form.IntroIn(Language.English));
    }

    [Fact]
    public void An_English_intro_is_shown_to_English_askers_and_the_bokmal_one_to_everyone_else()
    {
        var form = PlanFormLoader.Load(_temp.WriteYaml("p", Valid + "intro: Fyll ut.\nintro-en: Fill in.\n"), fixture.Knowledge.Pack("ostre-toten")!);

        Assert.Equal(("Fyll ut.", "Fill in."), (form.IntroIn(Language.Norwegian), form.IntroIn(Language.English)));
    }

    public static TheoryData<string, string, int> Broken => new()
    {
        { Valid.Replace("title: T", "titel: T", StringComparison.Ordinal), "unknown key 'titel'", 2 },
        { Valid.Replace("vedlegg-2-kommunikasjonsplan-mal-1", "finnes-ikke", StringComparison.Ordinal), "'finnes-ikke' is not a section", 3 },
        { Valid.Replace("required: true", "kind: textarea", StringComparison.Ordinal), "unknown kind 'textarea'", 7 },
        { Valid.Replace("required: true", "required: ja", StringComparison.Ordinal), "required must be true or false", 7 },
        { Valid.Replace("required: true", "kind: choice", StringComparison.Ordinal), "'choices' is required", 7 },
        { Valid.Replace("required: true", "maxLength: 9000", StringComparison.Ordinal), "maxLength must be a number from 1 to 4000", 7 },
        { Valid + "      - {id: navn, label: Igjen}\n", "the field id 'navn' is used twice", 8 },
        { Valid.Replace("{id: navn, label: Navn, required: true}", "{id: navn, label: Navn, kind: multiline}", StringComparison.Ordinal), "at least one one-line text field", 1 },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_form_names_file_and_line(string yaml, string problem, int line)
    {
        var path = _temp.WriteYaml("p", yaml);

        var error = Assert.Throws<ContentException>(() => PlanFormLoader.Load(path, fixture.Knowledge.Pack("ostre-toten")!));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(path + ":", error.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void The_id_must_match_the_file_name()
    {
        var error = Assert.Throws<ContentException>(() => PlanFormLoader.Load(_temp.WriteYaml("q", Valid), fixture.Knowledge.Pack("ostre-toten")!));

        Assert.Contains("must equal the file name 'q'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_id_must_be_lowercase_letters_digits_and_hyphens()
    {
        var path = _temp.WriteYaml("Plan", Valid.Replace("id: p", "id: Plan", StringComparison.Ordinal));

        var error = Assert.Throws<ContentException>(() => PlanFormLoader.Load(path, fixture.Knowledge.Pack("ostre-toten")!));

        Assert.Contains("lowercase letters, digits and hyphens", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
