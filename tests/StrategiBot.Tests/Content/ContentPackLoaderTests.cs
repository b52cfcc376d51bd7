using StrategiBot.Content;

namespace StrategiBot.Tests.Content;

/// <summary>The shipped packs load, and a malformed pack fails naming the file and the line.</summary>
public sealed class ContentPackLoaderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "strategibot-content", Guid.NewGuid().ToString("N"));

    [Fact]
    public void All_five_shipped_strategies_load()
    {
        var packs = ContentPackLoader.LoadAll(Path.Combine(Retrieval.RepositoryContent.Root, "content"));

        Assert.Equal(["klaebu", "lorenskog", "ostre-toten", "trondheim", "tynset"], packs.Select(p => p.Organisation.Id));
        Assert.All(packs, p => Assert.NotEmpty(p.Strategy.Sections));
        Assert.All(packs, p => Assert.False(string.IsNullOrWhiteSpace(p.Organisation.ContactDescription)));
    }

    [Fact]
    public void The_press_rules_keep_their_fifteen_numbers()
    {
        var pack = ContentPackLoader.Load(Path.Combine(Retrieval.RepositoryContent.Root, "content", "ostre-toten"));

        var rules = pack.Strategy.Find("presse-kjoreregler")!;

        Assert.Equal(Enumerable.Range(1, 15), rules.Blocks.Where(b => b.Kind == BlockKind.NumberedItem).Select(b => b.Number!.Value));
        Assert.StartsWith("Personalsaker skal ikke kommenteres", rules.Item(13)!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Klaebu_leaves_out_the_web_page_noise_after_Revideres()
    {
        var pack = ContentPackLoader.Load(Path.Combine(Retrieval.RepositoryContent.Root, "content", "klaebu"));
        var text = string.Join('\n', pack.Strategy.Sections.SelectMany(s => s.Blocks).Select(b => b.Text));

        Assert.DoesNotContain("Revideres", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Transkript", text, StringComparison.Ordinal);
        Assert.Contains("All kommunikasjon kan være arkivverdig.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("## Innledning {#innledning}\nTekst.", 1, "must start with the document title")]
    [InlineData("# Tittel\n## Innledning\nTekst.", 2, "{#id}")]
    [InlineData("# Tittel\n## Innledning {#Innledning}\nTekst.", 2, "{#id}")]
    [InlineData("# Tittel\n## A {#a}\nTekst.\n## B {#a}\nMer.", 4, "already used on line 2")]
    [InlineData("# Tittel\nTekst før seksjon.", 2, "before the first section")]
    [InlineData("# Tittel\n## A {#a}\n  innrykket tekst", 3, "unsupported line")]
    [InlineData("# Tittel\n## A {#a}\n| tabell | nei |", 3, "unsupported line")]
    [InlineData("# Tittel\n## A {#a}\n- ", 3, "empty list item")]
    [InlineData("# Tittel\n## A {#a}\n<!-- aldri lukket", 3, "never closed")]
    [InlineData("# Tittel\n# Enda en tittel {#b}", 2, "only the first line")]
    public void A_malformed_strategy_names_file_and_line(string text, int line, string problem)
    {
        var error = Assert.Throws<ContentException>(() => StrategyParser.Parse("content/x/strategy.md", text));

        Assert.Equal(line, error.Line);
        Assert.StartsWith($"content/x/strategy.md:{line}:", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Paragraph_lines_join_and_lists_keep_their_markers()
    {
        var document = StrategyParser.Parse("s.md", "# T\n\n## A {#a}\nFørste linje\nandre linje.\n\n<!-- merknad -->\nKommunen skal:\n- gjøre én ting\n7. regel sju\n");

        var blocks = document.Sections[0].Blocks;

        Assert.Equal(["Første linje andre linje.", "Kommunen skal:", "- gjøre én ting", "7. regel sju"], blocks.Select(b => b.Display));
        Assert.Equal(4, blocks[0].Line);
    }

    [Theory]
    [InlineData("id: x\nname: X\ndocument:\n  title: T\ncontact:\n  unit: U\n  description: D\n  fax: 123\n", 8)]
    [InlineData("id: x\nname: X\ndocument:\n  title: T\ncontact:\n  unit: U\n  description: D\n  email: kommunikasjon.x.kommune.no\n", 8)]
    [InlineData("id: x\nname: X\ndocument:\n  title: T\ncontact:\n  unit: U\n  description: D\n  url: intranett/kommunikasjon\n", 8)]
    [InlineData("id: x\nname: X\ndocument:\n  title: T\ncontact:\n  unit: U\n  description: D\n  english:\n    unit: the unit\n  phone: ring meg\n", 10)]
    [InlineData("id: x\nname: [unclosed\n", 2)]
    public void A_typo_in_organisation_yaml_names_file_and_line(string yaml, int line)
    {
        var pack = WritePack("x", yaml);

        var error = Assert.Throws<ContentException>(() => ContentPackLoader.Load(pack));

        Assert.Equal(line, error.Line);
        Assert.Contains("organisation.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ways_to_reach_the_contact_and_its_english_words_are_optional()
    {
        var bare = ContentPackLoader.Load(WritePack("x", MinimalOrganisation)).Organisation;
        var full = ContentPackLoader.Load(WritePack("y", "id: y\nname: Y\ndocument:\n  title: T\ncontact:\n  unit: U\n  description: D\n  email: kommunikasjon@y.kommune.no\n  phone: +47 61 00 00 00\n  url: https://intranett.y.kommune.no/kommunikasjon\n  english:\n    unit: the communication unit\n    description: Gives advice.\n")).Organisation;

        Assert.All(new[] { bare.ContactEmail, bare.ContactPhone, bare.ContactUrl, bare.ContactUnitEnglish, bare.ContactDescriptionEnglish }, Assert.Null);
        Assert.Equal("kommunikasjon@y.kommune.no|+47 61 00 00 00|https://intranett.y.kommune.no/kommunikasjon|the communication unit|Gives advice.",
            string.Join('|', full.ContactEmail, full.ContactPhone, full.ContactUrl, full.ContactUnitEnglish, full.ContactDescriptionEnglish));
    }

    [Fact]
    public void A_question_for_an_unknown_section_names_its_line()
    {
        var pack = WritePack("x", MinimalOrganisation);
        File.WriteAllText(Path.Combine(pack, "questions.yaml"), "a:\n  - Hva?\nfinnes-ikke:\n  - Hvorfor?\n");

        var error = Assert.Throws<ContentException>(() => ContentPackLoader.Load(pack));

        Assert.Equal(3, error.Line);
        Assert.Contains("finnes-ikke", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Further_question_files_join_the_same_sections_after_questions_yaml_in_name_order()
    {
        var pack = WritePack("x", MinimalOrganisation);
        File.WriteAllText(Path.Combine(pack, "questions.yaml"), "a:\n  - Hva?\n");
        File.WriteAllText(Path.Combine(pack, "questions.zz.yaml"), "a:\n  - Kvifor?\n");
        File.WriteAllText(Path.Combine(pack, "questions.asked.yaml"), "a:\n  - question: Står det noe om tekst?\n    about: Tekst.\n");
        File.WriteAllText(Path.Combine(pack, "notes.yaml"), "not: [questions\n");

        var questions = ContentPackLoader.Load(pack).Questions["a"];

        Assert.Equal(["Hva?", "Står det noe om tekst?", "Kvifor?"], questions.Select(q => q.Text));
        Assert.Equal("Tekst.", questions[1].About);
    }

    [Fact]
    public void A_mistake_in_a_further_question_file_names_that_file_and_line()
    {
        var pack = WritePack("x", MinimalOrganisation);
        File.WriteAllText(Path.Combine(pack, "questions.yaml"), "a:\n  - Hva?\n");
        File.WriteAllText(Path.Combine(pack, "questions.asked.yaml"), "a:\n  - question: Hva?\n    about: Står ikke i teksten.\n");

        var error = Assert.Throws<ContentException>(() => ContentPackLoader.Load(pack));

        Assert.Contains("questions.asked.yaml", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void A_question_asked_twice_of_one_section_names_both_places()
    {
        var pack = WritePack("x", MinimalOrganisation);
        File.WriteAllText(Path.Combine(pack, "questions.yaml"), "a:\n  - Hva sier den?\n  - Hvorfor?\n");
        File.WriteAllText(Path.Combine(pack, "questions.kopi.yaml"), "a:\n  - hva  sier den\n");

        var error = Assert.Throws<ContentException>(() => ContentPackLoader.Load(pack));

        Assert.Contains("questions.kopi.yaml", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
        Assert.Contains("questions.yaml:2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Further_question_files_are_read_without_a_questions_yaml()
    {
        var pack = WritePack("x", MinimalOrganisation);
        File.WriteAllText(Path.Combine(pack, "questions.asked.yaml"), "a:\n  - Hva?\n");

        Assert.Equal(["Hva?"], ContentPackLoader.Load(pack).Questions["a"].Select(q => q.Text));
    }

    [Fact]
    public void Uncovered_questions_load_in_their_order()
    {
        var pack = WritePack("x", MinimalOrganisation);
        File.WriteAllText(Path.Combine(pack, "uncovered.yaml"), "# not in the strategy\n- Hvem er ordfører?\n- \"How do I reset my password?\"\n");

        Assert.Equal(["Hvem er ordfører?", "How do I reset my password?"], ContentPackLoader.Load(pack).Uncovered);
    }

    [Fact]
    public void A_pack_needs_no_uncovered_questions()
    {
        Assert.Empty(ContentPackLoader.Load(WritePack("x", MinimalOrganisation)).Uncovered);
    }

    [Theory]
    [InlineData("hvem: ordfører\n", 1, "expected a list")]
    [InlineData("- Hvem er ordfører?\n- \n", 2, "text of a question")]
    [InlineData("- Hvem er ordfører?\n- question: Hva?\n", 2, "text of a question")]
    [InlineData("- Hvem er ordfører?\n- [Hva?]\n", 2, "text of a question")]
    [InlineData("- Hvem er ordfører?\n- hvem er  ordfører\n", 2, "already in the list (line 1)")]
    [InlineData("- Hvem er ordfører?\n- \"Hva sier den!\"\n", 2, "also stored as a question the strategy answers (questions.yaml:2)")]
    public void A_mistake_in_the_uncovered_questions_names_file_and_line(string yaml, int line, string problem)
    {
        var pack = WritePack("x", MinimalOrganisation);
        File.WriteAllText(Path.Combine(pack, "questions.yaml"), "a:\n  - hva sier den?\n");
        File.WriteAllText(Path.Combine(pack, "uncovered.yaml"), yaml);

        var error = Assert.Throws<ContentException>(() => ContentPackLoader.Load(pack));

        Assert.Equal(line, error.Line);
        Assert.Contains("uncovered.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_id_must_match_the_folder()
    {
        var pack = WritePack("x", "id: y\nname: X\ndocument:\n  title: T\ncontact:\n  unit: U\n  description: D\n");

        var error = Assert.Throws<ContentException>(() => ContentPackLoader.Load(pack));

        Assert.Contains("folder name 'x'", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>The least an organisation.yaml for folder x may say.</summary>
    private const string MinimalOrganisation = "id: x\nname: X\ndocument:\n  title: T\ncontact:\n  unit: U\n  description: D\n";

    private string WritePack(string id, string organisationYaml)
    {
        var pack = Path.Combine(_folder, id);
        Directory.CreateDirectory(pack);
        File.WriteAllText(Path.Combine(pack, "organisation.yaml"), organisationYaml);
        File.WriteAllText(Path.Combine(pack, "strategy.md"), "# T\n## A {#a}\nTekst.\n");
        return pack;
    }
}
