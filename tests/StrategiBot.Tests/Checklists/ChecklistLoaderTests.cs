using StrategiBot.Checklists;
using StrategiBot.Content;
using StrategiBot.Conversation;
using StrategiBot.Tests.Dialogs;
using StrategiBot.Tests.Retrieval;

namespace StrategiBot.Tests.Checklists;

/// <summary>The shipped checklists load and quote their organisation's strategy; a broken file names its file and line.</summary>
public sealed class ChecklistLoaderTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>, IDisposable
{
    private readonly TempFolder _folder = new("checklists");

    [Fact]
    public void Every_organisation_has_a_press_checklist_and_the_strategies_with_rules_the_rest()
    {
        var ids = DialogLoaderTests.ShippedChecklists(fixture).Select(c => (c.OrganisationId, c.Id)).ToHashSet();

        foreach (var org in new[] { "ostre-toten", "trondheim", "tynset", "klaebu", "lorenskog" })
        {
            Assert.Contains((org, "journalisten-ringer"), ids);
        }
        Assert.Contains(("ostre-toten", "for-du-publiserer"), ids);
        Assert.Contains(("ostre-toten", "valg-av-kanal"), ids);
        Assert.Contains(("ostre-toten", "nyttige-tips"), ids);
        Assert.Contains(("klaebu", "for-du-publiserer"), ids);
        Assert.Contains(("lorenskog", "nyttige-tips"), ids);
    }

    [Fact]
    public void Every_item_cites_a_section_of_its_own_strategy_verbatim()
    {
        var checklists = DialogLoaderTests.ShippedChecklists(fixture);

        Assert.NotEmpty(checklists);
        foreach (var checklist in checklists)
        {
            var pack = fixture.Knowledge.Pack(checklist.OrganisationId)!;
            var strategy = File.ReadAllLines(Path.Combine(RepositoryContent.Root, "content", checklist.OrganisationId, "strategy.md"));
            Assert.All(checklist.Items, item =>
            {
                Assert.NotNull(pack.Strategy.Find(item.Source.SectionId));
                Assert.All(item.Source.Text.Split('\r'), part =>
                    Assert.Contains(strategy, line => line == part || line.EndsWith(part, StringComparison.Ordinal)));
            });
        }
    }

    [Fact]
    public void A_quoted_paragraph_that_introduces_a_list_brings_the_list_along()
    {
        var item = DialogLoaderTests.ShippedChecklists(fixture)
            .Single(c => c.OrganisationId == "ostre-toten" && c.Id == "journalisten-ringer")
            .Items.Single(i => i.Id == "orienter-kommunikasjonsavdelingen");

        var lines = item.Source.Text.Split('\r');

        Assert.Equal("Kommunikasjonsavdelingen skal orienteres om henvendelser fra media når:", lines[0]);
        Assert.Equal(
            ["- saken er av prinsipiell karakter", "- saken har potensial til å få, eller er i ferd med å få, stor medieoppmerksomhet"],
            lines[1..]);
    }

    [Fact]
    public void No_shipped_rule_stops_at_a_colon()
    {
        var rules = DialogLoaderTests.ShippedChecklists(fixture).SelectMany(c => c.Items.Select(i => i.Source.Text))
            .Concat(DialogLoaderTests.Shipped(fixture).SelectMany(d => d.Outcomes.Values.SelectMany(o => o.Cites.Select(c => c.Text))))
            .ToList();

        Assert.NotEmpty(rules);
        Assert.All(rules, rule => Assert.False(rule.TrimEnd().EndsWith(':'), rule));
    }

    [Fact]
    public void Every_trigger_opens_its_own_checklist_and_no_dialog_trigger_opens_one()
    {
        var checklists = DialogLoaderTests.ShippedChecklists(fixture);
        var catalog = new ChecklistCatalog(checklists, fixture.Knowledge.Analysis);

        Assert.All(checklists, checklist => Assert.All(checklist.Triggers, trigger =>
            Assert.Equal(checklist.Id, catalog.MatchTrigger(checklist.OrganisationId, fixture.Knowledge.Analysis.AnalyzeMessage(trigger))?.Id)));
        // Checklists are matched first, so they must leave the dialogs' own phrases alone.
        Assert.All(DialogLoaderTests.Shipped(fixture), dialog => Assert.All(dialog.Triggers, trigger =>
            Assert.Null(catalog.MatchTrigger(dialog.OrganisationId, fixture.Knowledge.Analysis.AnalyzeMessage(trigger)))));
    }

    [Fact]
    public void Lorenskogs_useful_tips_are_the_strategys_own_list_word_for_word()
    {
        var tips = DialogLoaderTests.ShippedChecklists(fixture).Single(c => c.OrganisationId == "lorenskog" && c.Id == "nyttige-tips");
        var section = fixture.Knowledge.Pack("lorenskog")!.Strategy.Find("nyttige-tips")!;

        Assert.Equal(section.Blocks.Select(b => b.Text), tips.Items.Select(i => i.Text));
    }

    [Fact]
    public void A_numbered_rule_is_named_by_its_number()
    {
        var press = DialogLoaderTests.ShippedChecklists(fixture).Single(c => c.OrganisationId == "ostre-toten" && c.Id == "journalisten-ringer");

        var personnel = press.Items.Single(i => i.Id == "personalsaker");

        Assert.Equal(13, personnel.Source.RuleNumber);
        Assert.Equal("13. Personalsaker skal ikke kommenteres i media.", personnel.Source.Text);
    }

    public static TheoryData<string, string, int> Broken => new()
    {
        { "  - id: a\n    text: A\n    source: {section: finnes-ikke, item: 1}\n", "'finnes-ikke' is not a section of ostre-toten's strategy", 7 },
        { "  - id: a\n    text: A\n    source: {section: presse-kjoreregler, item: 16}\n", "no numbered item '16'", 7 },
        { "  - id: a\n    text: A\n    source: {section: presse-kjoreregler, quote: Dette står ikke der}\n", "the quote is not in section 'presse-kjoreregler'", 7 },
        { "  - id: a\n    text: A\n    source: {section: presse-kjoreregler}\n", "exactly one of 'item'", 7 },
        { "  - id: a\n    txt: A\n    source: {section: presse-kjoreregler, item: 13}\n", "unknown key 'txt'", 6 },
        { "  - id: a\n    text: A\n    source: {section: presse-kjoreregler, item: 13}\n  - id: a\n    text: B\n    source: {section: presse-kjoreregler, item: 12}\n", "the item id 'a' is used twice", 8 },
        { "  - id: Stor\n    text: A\n    source: {section: presse-kjoreregler, item: 13}\n", "lowercase letters", 5 },
        { "  - id: a\n    source: {section: presse-kjoreregler, item: 13}\n", "'text' is required", 5 },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_checklist_names_file_and_line(string items, string problem, int line)
    {
        var path = Write("k", $"id: k\ntitle: T\ndescription: D\nitems:\n{items}");

        var error = Assert.Throws<ContentException>(() => ChecklistLoader.Load(path, fixture.Knowledge.Pack("ostre-toten")!));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{path}:{line}:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id: annen\ntitle: T\nitems:\n  - {id: a, text: A, source: {section: presse-kjoreregler, item: 13}}\n", "must equal the file name 'k'", 1)]
    [InlineData("id: k\ntitle: T\nitems: []\n", "1 to 20 items", 3)]
    [InlineData("id: k\ntitel: T\nitems: []\n", "unknown key 'titel'", 2)]
    [InlineData("id: k\ntitle: T\ndescription:\n  - D\nitems: []\n", "expected text here", 4)]
    public void The_file_itself_is_checked(string yaml, string problem, int line)
    {
        var path = Write("k", yaml);

        var error = Assert.Throws<ContentException>(() => ChecklistLoader.Load(path, fixture.Knowledge.Pack("ostre-toten")!));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Every_shipped_checklist_has_English_for_each_of_its_texts()
    {
        var checklists = DialogLoaderTests.ShippedChecklists(fixture);

        Assert.All(checklists, checklist =>
        {
            var english = Assert.IsType<ChecklistDefinition>(checklist.English);
            Assert.Equal(Language.English, english.Language);
            Assert.NotEqual(checklist.Title, english.Title);
            Assert.Equal(checklist.Items.Select(i => (i.Id, i.Source)), english.Items.Select(i => (i.Id, i.Source)));
            Assert.All(english.Items, item => Assert.False(string.IsNullOrWhiteSpace(item.Text), item.Id));
            Assert.Equal(checklist.Items.Select(i => i.Heading is null), english.Items.Select(i => i.Heading is null));
            Assert.Same(english, checklist.In(Language.English));
            Assert.Same(checklist, checklist.In(Language.Norwegian));
        });
    }

    [Fact]
    public void A_checklist_without_English_is_shown_in_bokmal_whatever_is_asked()
    {
        var path = Write("k", "id: k\ntitle: T\nitems:\n  - {id: a, text: A, source: {section: presse-kjoreregler, item: 13}}\n");

        var checklist = ChecklistLoader.Load(path, fixture.Knowledge.Pack("ostre-toten")!);

        Assert.Null(checklist.English);
        Assert.Same(checklist, checklist.In(Language.English));
    }

    [Theory]
    // Once one text has English, a missing one is named at its bokmål line.
    [InlineData("id: k\ntitle: T\ntitle-en: T-en\nitems:\n  - id: a\n    text: A\n    source: {section: presse-kjoreregler, item: 13}\n", "'text-en' is missing: this checklist has English text (line 3)", 6)]
    [InlineData("id: k\ntitle: T\nitems:\n  - id: a\n    text: A\n    text-en: A-en\n    source: {section: presse-kjoreregler, item: 13}\n", "'title-en' is missing", 2)]
    [InlineData("id: k\ntitle: T\ntitle-en: T-en\nitems:\n  - id: a\n    heading-en: H-en\n    text: A\n    text-en: A-en\n    source: {section: presse-kjoreregler, item: 13}\n", "'heading-en' translates 'heading', which is missing", 6)]
    [InlineData("id: k\ntitle: T\ntitle-en: T-en\ndone-en: D-en\nitems:\n  - id: a\n    text: A\n    text-en: A-en\n    source: {section: presse-kjoreregler, item: 13}\n", "'done-en' translates 'done', which is missing", 4)]
    public void English_is_all_or_nothing_and_a_gap_names_its_line(string yaml, string problem, int line)
    {
        var path = Write("k", yaml);

        var error = Assert.Throws<ContentException>(() => ChecklistLoader.Load(path, fixture.Knowledge.Pack("ostre-toten")!));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void The_id_must_be_lowercase_letters_digits_and_hyphens()
    {
        var path = Write("Sjekk", "id: Sjekk\ntitle: T\nitems:\n  - {id: a, text: A, source: {section: presse-kjoreregler, item: 13}}\n");

        var error = Assert.Throws<ContentException>(() => ChecklistLoader.Load(path, fixture.Knowledge.Pack("ostre-toten")!));

        Assert.Contains("lowercase letters, digits and hyphens", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public async Task A_broken_checklist_stops_the_start_naming_file_and_line()
    {
        // A copy of the shipped content with one quote that is not in the strategy.
        _folder.CopyContent();
        var file = Path.Combine(_folder.Path, "dialogs", "ostre-toten", ChecklistLoader.FolderName, "journalisten-ringer.yaml");
        var lines = File.ReadAllLines(file).ToList();
        var quoteLine = lines.FindIndex(l => l.Contains("quote: \"Saker underlagt taushetsplikt", StringComparison.Ordinal));
        lines[quoteLine] = "      quote: \"Saker underlagt taushetsplikt kan kommenteres fritt.\"";
        File.WriteAllLines(file, lines);
        await using var app = new BotApplication(settings: new Dictionary<string, string?> { ["Content:Path"] = _folder.Path });

        var error = await app.StartFailureAsync();

        // The quote's mapping starts on the line after "source:", i.e. the section line.
        Assert.Contains($"{file}:{quoteLine}: the quote is not in section 'ytringsfrihet-lojalitet'", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private string Write(string id, string yaml) => _folder.WriteYaml(id, yaml);

}
