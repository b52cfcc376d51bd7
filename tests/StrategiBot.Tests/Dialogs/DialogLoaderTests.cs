using StrategiBot.Checklists;
using StrategiBot.Content;
using StrategiBot.Conversation;
using StrategiBot.Dialogs;
using StrategiBot.Tests.Retrieval;

namespace StrategiBot.Tests.Dialogs;

/// <summary>The shipped dialogs load and hold together; a broken dialog file names its file and line.</summary>
public sealed class DialogLoaderTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>, IDisposable
{
    private readonly TempFolder _temp = new("strategibot-dialogs");

    internal static IReadOnlyList<DialogDefinition> Shipped(KnowledgeFixture fixture) =>
        DialogLoader.LoadAll(Path.Combine(RepositoryContent.Root, "dialogs"), fixture.Knowledge.Packs, ShippedChecklists(fixture));

    internal static IReadOnlyList<ChecklistDefinition> ShippedChecklists(KnowledgeFixture fixture) =>
        ChecklistLoader.LoadAll(Path.Combine(RepositoryContent.Root, "dialogs"), fixture.Knowledge.Packs);

    /// <summary>Two quotes from one paragraph, or a list item beside the passage holding it, show one quotation.</summary>
    [Fact]
    public void No_outcome_card_quotes_the_same_text_twice()
    {
        foreach (var dialog in Shipped(fixture))
        {
            var organisation = fixture.Knowledge.Organisation(dialog.OrganisationId);
            foreach (var outcome in dialog.Outcomes.Values)
            {
                var quoted = CardJson.Elements(DialogCards.Outcome(dialog, outcome, organisation))
                    .Select(e => e["text"]?.GetValue<string>())
                    .Where(t => t is not null && outcome.Cites.Any(c => c.Text == t))
                    .ToList();

                Assert.All(quoted.Select((text, i) => (text, i)), q => Assert.DoesNotContain(
                    quoted.Where((other, j) => j != q.i), other => other!.Contains(q.text!, StringComparison.Ordinal)));
            }
        }
    }

    [Fact]
    public void Every_organisation_has_a_press_dialog_and_Ostre_Toten_all_three()
    {
        var dialogs = Shipped(fixture);

        foreach (var org in new[] { "ostre-toten", "trondheim", "tynset", "klaebu", "lorenskog" })
        {
            Assert.Contains(dialogs, d => d.OrganisationId == org && d.Id == "kontakt-med-pressen");
        }
        Assert.Contains(dialogs, d => d.OrganisationId == "ostre-toten" && d.Id == "sosiale-medier");
        Assert.Contains(dialogs, d => d.OrganisationId == "ostre-toten" && d.Id == "ytringsfrihet");
    }

    [Fact]
    public void Every_path_of_every_dialog_ends_in_an_outcome_and_Ostre_Toten_in_at_most_four_answers()
    {
        foreach (var dialog in Shipped(fixture))
        {
            var paths = DialogPaths.All(dialog).ToList();

            Assert.Equal(dialog.Outcomes.Keys.Order(StringComparer.Ordinal), paths.Select(p => p.Outcome).Distinct().Order(StringComparer.Ordinal));
            if (dialog.OrganisationId == "ostre-toten")
            {
                Assert.All(paths, p => Assert.True(p.Choices.Count <= 4, $"{dialog.Id}: {p.Outcome} needs {p.Choices.Count} answers"));
            }
        }
    }

    [Fact]
    public void Citations_are_the_strategy_verbatim()
    {
        foreach (var dialog in Shipped(fixture))
        {
            var strategy = File.ReadAllLines(Path.Combine(RepositoryContent.Root, "content", dialog.OrganisationId, "strategy.md"));
            foreach (var cite in dialog.Outcomes.Values.SelectMany(o => o.Cites))
            {
                // A paragraph ending in ":" is quoted with the list it introduces, one line each.
                Assert.All(cite.Text.Split('\r'), part =>
                    Assert.Contains(strategy, line => line == part || line.EndsWith(part, StringComparison.Ordinal)));
            }
        }
    }

    public static TheoryData<string, string, int> Broken => new()
    {
        { "start: nowhere\nsteps:\n  a:\n    question: Q\n    choices:\n      - {id: x, label: X, outcome: o}\n      - {id: y, label: Y, outcome: o}", "start 'nowhere' is not a step", 3 },
        { "start: a\nsteps:\n  a:\n    question: Q\n    choices:\n      - {id: x, label: X, next: b}\n      - {id: y, label: Y, outcome: o}\n  b:\n    question: Q2\n    choices:\n      - {id: x, label: X, next: a}\n      - {id: y, label: Y, outcome: o}", "can be reached from itself", 0 },
        { "start: a\nsteps:\n  a:\n    question: Q\n    choices:\n      - {id: x, label: X, outcome: o}\n      - {id: y, label: Y, outcome: o}\n  lonely:\n    question: Q\n    choices:\n      - {id: x, label: X, outcome: o}\n      - {id: y, label: Y, outcome: o}", "cannot be reached", 11 },
        { "start: a\nsteps:\n  a:\n    question: Q\n    choices:\n      - {id: x, label: X, next: missing}\n      - {id: y, label: Y, outcome: o}", "not a step", 6 },
        { "start: a\nsteps:\n  a:\n    question: Q\n    choices:\n      - {id: x, label: X, outcome: nope}\n      - {id: y, label: Y, outcome: o}", "outcome 'nope'", 8 },
        { "start: a\nsteps:\n  a:\n    question: Q\n    choices:\n      - {id: x, label: X, outcome: o}", "2 to 7 choices", 8 },
        { "start: a\nsteps:\n  a:\n    question: Q\n    qestion: typo\n    choices:\n      - {id: x, label: X, outcome: o}\n      - {id: y, label: Y, outcome: o}", "unknown key 'qestion'", 7 },
        { "start: a\nsteps:\n  a:\n    question: Q\n    choices:\n      - {id: x, label: X, next: [a]}\n      - {id: y, label: Y, outcome: o}", "expected text here", 8 },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_dialog_names_file_and_line(string steps, string problem, int line)
    {
        var path = _temp.WriteYaml("d", $"id: d\ntitle: T\n{steps}\noutcomes:\n  o:\n    title: O\n    guidance: G\n    cites:\n      - {{section: presse-kjoreregler, item: 13}}\n");

        var error = Assert.Throws<ContentException>(() => DialogLoader.Load(path, fixture.Knowledge.Pack("ostre-toten")!, ShippedChecklists(fixture)));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(path + ":", error.Message, StringComparison.Ordinal);
        if (line > 0)
        {
            Assert.Equal(line, error.Line);
        }
    }

    [Theory]
    [InlineData("{section: finnes-ikke, item: 1}", "not a section")]
    [InlineData("{section: presse-kjoreregler, item: 16}", "no numbered item '16'")]
    [InlineData("{section: presse-kjoreregler, quote: Dette står ikke der}", "quote is not in section")]
    [InlineData("{section: presse-kjoreregler}", "exactly one of 'item'")]
    public void A_citation_must_point_at_the_strategy(string cite, string problem)
    {
        var path = _temp.WriteYaml("d", $"id: d\ntitle: T\nstart: a\nsteps:\n  a:\n    question: Q\n    choices:\n      - {{id: x, label: X, outcome: o}}\n      - {{id: y, label: Y, outcome: o}}\noutcomes:\n  o:\n    title: O\n    guidance: G\n    cites:\n      - {cite}\n");

        var error = Assert.Throws<ContentException>(() => DialogLoader.Load(path, fixture.Knowledge.Pack("ostre-toten")!, ShippedChecklists(fixture)));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal(15, error.Line);
    }

    [Fact]
    public void An_outcome_may_offer_only_a_checklist_of_its_own_organisation()
    {
        // valg-av-kanal exists for Østre Toten only; Lørenskog's dialogs cannot offer it.
        var path = _temp.WriteYaml("d", "id: d\ntitle: T\nstart: a\nsteps:\n  a:\n    question: Q\n    choices:\n      - {id: x, label: X, outcome: o}\n      - {id: y, label: Y, outcome: o}\noutcomes:\n  o:\n    title: O\n    guidance: G\n    cites:\n      - {section: nyttige-tips, quote: Bruker du rett kanal?}\n    checklist: valg-av-kanal\n");
        var lorenskog = ShippedChecklists(fixture).Where(c => c.OrganisationId == "lorenskog").ToList();

        var error = Assert.Throws<ContentException>(() => DialogLoader.Load(path, fixture.Knowledge.Pack("lorenskog")!, lorenskog));

        Assert.Contains("checklist 'valg-av-kanal' is not a checklist of lorenskog", error.Message, StringComparison.Ordinal);
        Assert.StartsWith(path + ":16:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Outcomes_offer_the_checklists_they_name()
    {
        var outcomes = Shipped(fixture).SelectMany(d => d.Outcomes.Values.Select(o => (d.OrganisationId, o))).ToList();

        Assert.Contains(outcomes, x => x.OrganisationId == "ostre-toten" && x.o.Checklist == new ChecklistLink("for-du-publiserer", "Før du publiserer"));
        Assert.Contains(outcomes, x => x.OrganisationId == "lorenskog" && x.o.Checklist?.Id == "nyttige-tips");
        Assert.Contains(outcomes, x => x.OrganisationId == "tynset" && x.o.Checklist?.Id == "journalisten-ringer");
    }

    [Theory]
    [InlineData("ja", "'contact' must be true or false")]
    [InlineData("[true]", "expected text here")]
    public void Contact_must_be_true_or_false(string contact, string problem)
    {
        var path = _temp.WriteYaml("d", $"id: d\ntitle: T\nstart: a\nsteps:\n  a:\n    question: Q\n    choices:\n      - {{id: x, label: X, outcome: o}}\n      - {{id: y, label: Y, outcome: o}}\noutcomes:\n  o:\n    title: O\n    guidance: G\n    cites:\n      - {{section: presse-kjoreregler, item: 13}}\n    contact: {contact}\n");

        var error = Assert.Throws<ContentException>(() => DialogLoader.Load(path, fixture.Knowledge.Pack("ostre-toten")!, ShippedChecklists(fixture)));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal(16, error.Line);
    }

    [Fact]
    public void The_id_must_be_lowercase_letters_digits_and_hyphens()
    {
        var path = _temp.WriteYaml("Dialog", "id: Dialog\ntitle: T\n");

        var error = Assert.Throws<ContentException>(() => DialogLoader.Load(path, fixture.Knowledge.Pack("ostre-toten")!, ShippedChecklists(fixture)));

        Assert.Contains("lowercase letters, digits and hyphens", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_id_must_match_the_file_name()
    {
        var path = _temp.WriteYaml("d", "id: e\ntitle: T\n");

        var error = Assert.Throws<ContentException>(() => DialogLoader.Load(path, fixture.Knowledge.Pack("ostre-toten")!, ShippedChecklists(fixture)));

        Assert.Contains("must equal the file name 'd'", error.Message, StringComparison.Ordinal);
    }

    private const string EnglishDialog =
        "id: d\ntitle: T\ntitle-en: T-en\ndescription: D\ndescription-en: D-en\nstart: a\nsteps:\n  a:\n    question: Q\n    question-en: Q-en\n    choices:\n"
        + "      - {id: x, label: X, label-en: X-en, outcome: o}\n      - {id: y, label: Y, label-en: Y-en, outcome: o}\n"
        + "outcomes:\n  o:\n    title: O\n    title-en: O-en\n    guidance: G\n    guidance-en: G-en\n    cites:\n      - {section: presse-kjoreregler, item: 13}\n";

    [Fact]
    public void A_dialog_with_English_text_runs_in_either_language_with_the_same_steps_and_citations()
    {
        var dialog = DialogLoader.Load(_temp.WriteYaml("d", EnglishDialog), fixture.Knowledge.Pack("ostre-toten")!, ShippedChecklists(fixture));

        var english = dialog.In(Language.English);
        Assert.Same(dialog, dialog.In(Language.Norwegian));
        Assert.Equal((Language.English, "T-en", "D-en", "Q-en", "X-en", "O-en", "G-en"),
            (english.Language, english.Title, english.Description, english.Steps["a"].Question, english.Steps["a"].Choices[0].Label, english.Outcomes["o"].Title, english.Outcomes["o"].Guidance));
        Assert.Equal(("T", "Q", "X", "G"), (dialog.Title, dialog.Steps["a"].Question, dialog.Steps["a"].Choices[0].Label, dialog.Outcomes["o"].Guidance));
        Assert.Equal(dialog.Outcomes["o"].Cites, english.Outcomes["o"].Cites);
        Assert.Equal(dialog.Steps["a"].Choices.Select(c => (c.Id, c.Outcome)), english.Steps["a"].Choices.Select(c => (c.Id, c.Outcome)));
    }

    [Fact]
    public void A_dialog_without_English_text_runs_in_bokmal_for_everyone()
    {
        var path = _temp.WriteYaml("d", "id: d\ntitle: T\nstart: a\nsteps:\n  a:\n    question: Q\n    choices:\n      - {id: x, label: X, outcome: o}\n      - {id: y, label: Y, outcome: o}\noutcomes:\n  o:\n    title: O\n    guidance: G\n    cites:\n      - {section: presse-kjoreregler, item: 13}\n");

        var dialog = DialogLoader.Load(path, fixture.Knowledge.Pack("ostre-toten")!, ShippedChecklists(fixture));

        Assert.Null(dialog.English);
        Assert.Same(dialog, dialog.In(Language.English));
    }

    [Theory]
    [InlineData("    question-en: Q-en\n", "'question-en' is missing", 9)]
    [InlineData("label-en: Y-en, ", "'label-en' is missing", 13)]
    [InlineData("    guidance-en: G-en\n", "'guidance-en' is missing", 18)]
    [InlineData("description-en: D-en\n", "'description-en' is missing", 4)]
    [InlineData("title-en: T-en\n", "'title-en' is missing", 2)]
    public void English_is_all_or_nothing_and_a_missing_text_is_named_with_its_line(string removed, string problem, int line)
    {
        var path = _temp.WriteYaml("d", EnglishDialog.Replace(removed, "", StringComparison.Ordinal));

        var error = Assert.Throws<ContentException>(() => DialogLoader.Load(path, fixture.Knowledge.Pack("ostre-toten")!, ShippedChecklists(fixture)));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains("this dialog has English text", error.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
    }

    [Theory]
    [InlineData("description: D\n", "'description-en' translates 'description', which is missing", 4)]
    [InlineData("description-en: D-en\n", "unknown key 'descripton'", 5)]
    public void A_misplaced_or_misspelt_top_level_key_names_its_line(string replaced, string problem, int line)
    {
        var broken = replaced.StartsWith("description:", StringComparison.Ordinal)
            ? EnglishDialog.Replace(replaced, "", StringComparison.Ordinal)
            : EnglishDialog.Replace(replaced, "descripton: D-en\n", StringComparison.Ordinal);
        var path = _temp.WriteYaml("d", broken);

        var error = Assert.Throws<ContentException>(() => DialogLoader.Load(path, fixture.Knowledge.Pack("ostre-toten")!, ShippedChecklists(fixture)));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
    }

    [Theory]
    [InlineData("label: X,", "label: Ansatt som ikke har noe med saken å gjøre i det hele tatt,")]
    [InlineData("label-en: Y-en,", "label-en: An employee with nothing whatever to do with the matter,")]
    public void A_label_longer_than_a_button_holds_names_its_line(string label, string tooLong)
    {
        var path = _temp.WriteYaml("d", EnglishDialog.Replace(label, tooLong, StringComparison.Ordinal));

        var error = Assert.Throws<ContentException>(() => DialogLoader.Load(path, fixture.Knowledge.Pack("ostre-toten")!, ShippedChecklists(fixture)));

        Assert.Contains("a button holds at most 40", error.Message, StringComparison.Ordinal);
        Assert.Equal(label.StartsWith("label:", StringComparison.Ordinal) ? 12 : 13, error.Line);
    }

    [Fact]
    public void A_long_English_label_is_named_at_its_own_line()
    {
        var path = _temp.WriteYaml("d", EnglishDialog.Replace(
            "      - {id: y, label: Y, label-en: Y-en, outcome: o}\n",
            "      - id: y\n        label: Y\n        label-en: An employee with nothing whatever to do with the matter\n        outcome: o\n",
            StringComparison.Ordinal));

        var error = Assert.Throws<ContentException>(() => DialogLoader.Load(path, fixture.Knowledge.Pack("ostre-toten")!, ShippedChecklists(fixture)));

        Assert.Equal(15, error.Line);
    }

    [Fact]
    public void Every_shipped_dialog_speaks_English_too()
    {
        Assert.All(Shipped(fixture), dialog =>
        {
            Assert.NotNull(dialog.English);
            Assert.Contains(dialog.Triggers, t => fixture.Knowledge.DetectLanguage(t) == Language.English);
        });
    }

    public void Dispose() => _temp.Dispose();
}

/// <summary>Every route through a dialog: the choices made and the outcome reached.</summary>
internal static class DialogPaths
{
    public static IEnumerable<(IReadOnlyList<(string Step, int Number, string Choice)> Choices, string Outcome)> All(DialogDefinition dialog)
    {
        IEnumerable<(IReadOnlyList<(string, int, string)>, string)> Walk(string stepId, List<(string, int, string)> taken)
        {
            var step = dialog.Steps[stepId];
            for (var i = 0; i < step.Choices.Count; i++)
            {
                var choice = step.Choices[i];
                var path = new List<(string, int, string)>(taken) { (stepId, i + 1, choice.Id) };
                if (choice.Outcome is { } outcome)
                {
                    yield return (path, outcome);
                }
                else
                {
                    foreach (var deeper in Walk(choice.Next!, path))
                    {
                        yield return deeper;
                    }
                }
            }
        }
        return Walk(dialog.Start, []);
    }
}
