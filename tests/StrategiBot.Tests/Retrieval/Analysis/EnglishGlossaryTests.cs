using StrategiBot.Content;
using StrategiBot.Retrieval.Analysis;

namespace StrategiBot.Tests.Retrieval.Analysis;

/// <summary>
/// The English glossary (lexicon/english.tsv): read the other way round, each English word reaches every
/// strategy word it translates, in English questions only.
/// </summary>
public sealed class EnglishGlossaryTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("glossary-").FullName;

    private static StopWords Stop => RepositoryContent.StopWords;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(params string[] lines)
    {
        var path = Path.Combine(_folder, "english.tsv");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void An_english_word_brings_every_strategy_word_it_translates()
    {
        var glossary = EnglishGlossary.Load(Write("# comment", "avis\tnewspaper; paper", "lokalavis\tlocal newspaper; newspaper", "sted\t"), Stop);

        var newspaper = Assert.Single(glossary.Concepts, c => c.Id == "en:newspaper");
        Assert.Equal(["avis", "lokalavis"], newspaper.StrategyTerms.Order(StringComparer.Ordinal));
        Assert.Equal(EnglishGlossary.Weight, newspaper.Weight);
        Assert.Equal(["en:local newspaper", "en:newspaper", "en:paper"], glossary.Concepts.Select(c => c.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_phrase_matches_beside_its_single_words()
    {
        var glossary = EnglishGlossary.Load(Write("avis\tnewspaper", "lokalavis\tlocal newspaper"), Stop);

        var matched = glossary.Match(["the", "local", "newspaper"]).Select(m => (m.Concept.Id, m.Start, m.Length)).ToList();

        Assert.Contains(("en:local newspaper", 1, 2), matched);
        Assert.Contains(("en:newspaper", 2, 1), matched);
    }

    [Fact]
    public void Function_words_are_dropped_on_both_sides()
    {
        // "fører" stems to "for", a stop word that would match everywhere; "about" says nothing about a topic.
        var glossary = EnglishGlossary.Load(Write("fører\tdriver", "ytring\tstatement; about"), Stop);

        Assert.Equal(["en:statement"], glossary.Concepts.Select(c => c.Id));
    }

    [Fact]
    public void A_line_without_a_tab_names_the_file_and_line()
    {
        var path = Write("avis\tnewspaper", "", "lokalavis local newspaper");

        var error = Assert.Throws<ContentException>(() => EnglishGlossary.Load(path, Stop));

        Assert.Equal(path, error.FilePath);
        Assert.Equal(3, error.Line);
    }

    [Theory]
    [InlineData("reporters", "reporter")]   // a plural, not the Norwegian stem "report"
    [InlineData("archiving", "archive")]    // a dropped e
    [InlineData("posted", "post")]
    [InlineData("planned", "plan")]          // a doubled consonant
    [InlineData("policies", "policy")]
    [InlineData("zxqwords", "zxqwords")]     // unknown words stay as they are
    public void An_inflected_english_word_meets_the_base_form_the_glossary_lists(string word, string expected)
    {
        string[] known = ["reporter", "report", "archive", "post", "plan", "policy"];

        Assert.Equal([expected], EnglishGlossary.BaseForms([word], known));
    }

    [Fact]
    public void Only_english_questions_read_the_glossary()
    {
        var pipeline = fixture.Knowledge.Analysis;

        var english = Assert.Single(pipeline.AnalyzeQuery("workforce", english: true).Groups);
        var norwegian = Assert.Single(pipeline.AnalyzeQuery("workforce").Groups);

        Assert.Contains(english.Alternatives, a => a.Kind == AlternativeKind.Concept && a.Term == NorwegianStemmer.Stem("arbeidskraft"));
        Assert.DoesNotContain(norwegian.Alternatives, a => a.Kind == AlternativeKind.Concept && a.Term == NorwegianStemmer.Stem("arbeidskraft"));
    }

    [Fact]
    public void Every_shipped_line_names_a_word_of_the_strategies()
    {
        var index = fixture.Knowledge.Index;
        var unknown = File.ReadLines(RepositoryContent.GlossaryFile)
            .Select((line, i) => (Line: line.Split('#', 2)[0], Number: i + 1))
            .Where(l => l.Line.Trim().Length > 0)
            .Select(l => (Word: l.Line.Split('\t')[0], l.Number))
            .Where(l => !index.Contains(NorwegianStemmer.Stem(LetterFolding.Fold(l.Word))))
            .Select(l => $"line {l.Number}: {l.Word}")
            .ToList();

        Assert.True(unknown.Count == 0, string.Join(", ", unknown));
    }

    [Fact]
    public void The_shipped_glossary_loads_and_reaches_the_lexicon()
    {
        var glossary = RepositoryContent.Lexicon.English;

        Assert.NotNull(glossary);
        Assert.True(glossary.Concepts.Count > 1000, $"{glossary.Concepts.Count} English words");
        Assert.All(glossary.Concepts, c => Assert.NotEmpty(c.StrategyTerms));
    }
}
