using StrategiBot.Content;
using StrategiBot.Retrieval;
using StrategiBot.Retrieval.Analysis;

namespace StrategiBot.Tests.Retrieval.Analysis;

/// <summary>What a question asks for (who, how, may I ...), marked on questions and stored questions alike.</summary>
public sealed class QuestionKindsTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    private static QuestionKinds Shipped => QuestionKinds.Load(Path.Combine(RepositoryContent.LexiconFolder, "question-kinds.txt"));

    private static string Kinds(string question) => string.Join(' ', Shipped.Of(Tokenizer.SplitFolded(question)).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("Hvem svarer pressen?", "?who")]
    [InlineData("Kven skal snakke med avisa?", "?must ?who")]
    [InlineData("Who speaks to the press?", "?who")]
    [InlineData("Hvordan bruker vi Facebook?", "?how")]
    [InlineData("korleis skal eg svare", "?how ?must")]
    [InlineData("Hvorfor skal vi ha en strategi?", "?must ?why")]
    [InlineData("Når skal kommunikasjonsavdelingen orienteres?", "?must ?when")]
    [InlineData("Kva tid må eg seie frå?", "?must ?when")]
    [InlineData("Hvor lenge har vi på å svare?", "?how")]
    [InlineData("kor mange følgjarar har vi", "?how")]
    [InlineData("Kvar finn eg logoen?", "?where")]
    [InlineData("Kvar kan eg finne logoen?", "?may ?where")]
    [InlineData("Hvor kan jeg finne logoen?", "?may ?where")]
    [InlineData("Vi legg ut noko kvar dag", "")]
    [InlineData("Hvor finner jeg logoen?", "?where")]
    [InlineData("Kan jeg legge ut bilder av elever?", "?may")]
    [InlineData("Får eg lov å svare journalisten?", "?may")]
    [InlineData("Do I have to tell my manager?", "?must")]
    [InlineData("Hvilke kanaler bruker vi internt?", "?what")]
    [InlineData("sosiale medier regler", "")]
    public void A_question_is_marked_with_each_kind_it_asks_for_once(string question, string kinds) =>
        Assert.Equal(kinds, Kinds(question));

    /// <summary>A kind word the analysis kept would count twice, as a word and as a kind ("lov" is also a law).</summary>
    [Fact]
    public void Every_one_word_phrase_is_a_stop_word()
    {
        var path = Path.Combine(RepositoryContent.LexiconFolder, "question-kinds.txt");
        var words = File.ReadLines(path).Select(l => l.Split('#', 2)[0]).Where(l => l.Contains(':', StringComparison.Ordinal))
            .Select(l => Tokenizer.SplitFolded(l.Split(':', 2)[1])).Where(w => w.Count == 1).Select(w => w[0]).ToList();

        Assert.NotEmpty(words);
        Assert.All(words, word => Assert.True(RepositoryContent.StopWords.Contains(word), $"'{word}' is not a stop word"));
    }

    [Fact]
    public void A_mark_can_never_be_a_word_of_a_text()
    {
        var marks = Shipped.Of(Tokenizer.SplitFolded("hvem hvordan hvorfor når hvor kan må hva"));

        Assert.Equal(8, marks.Count);
        Assert.All(marks, mark => Assert.DoesNotContain(mark, Tokenizer.SplitFolded($"{mark} {mark.ToUpperInvariant()}")));
    }

    [Fact]
    public void Stored_questions_carry_their_kinds_in_the_index()
    {
        var question = fixture.Knowledge.Packs.SelectMany(p => p.Questions.Values).SelectMany(q => q)
            .First(q => q.Text.StartsWith("Hvem ", StringComparison.Ordinal));

        Assert.Contains(QuestionKinds.Mark + "who", fixture.Knowledge.Index.Question(question).Terms);
    }

    [Fact]
    public void The_kind_is_searched_but_is_not_a_word_of_the_question()
    {
        var words = ConfidenceModel.SignalNames.ToList().FindIndex(n => n.Contains("words", StringComparison.Ordinal) && !n.Contains("unknown", StringComparison.Ordinal));

        var bare = fixture.Knowledge.Search("pressen", "ostre-toten");
        var asked = fixture.Knowledge.Search("hvem svarer pressen?", "ostre-toten");
        var statement = fixture.Knowledge.Search("svarer pressen", "ostre-toten");

        Assert.Contains(asked.Query.Groups, g => g.Alternatives.Any(a => a.Kind == AlternativeKind.Kind));
        Assert.Equal(statement.Features[words], asked.Features[words]);
        Assert.Equal(statement.UnknownShare, asked.UnknownShare);
        Assert.DoesNotContain(bare.Query.Groups, g => g.Alternatives.Any(a => a.Kind == AlternativeKind.Kind));
    }

    /// <summary>
    /// "Who is responsible for communication?" finds Trondheim's section on the leaders' responsibility, where
    /// the same words without the question find the background with the municipality's values: the stored
    /// questions of the leaders' section ask "hvem".
    /// </summary>
    [Fact]
    public void Asking_who_finds_the_section_that_names_who()
    {
        var who = fixture.Knowledge.Search("hvem har ansvar for kommunikasjonen", "trondheim");
        var words = fixture.Knowledge.Search("ansvar for kommunikasjonen", "trondheim");

        Assert.Equal("lederansvar", who.Passages[0].Passage.Section.Id);
        Assert.NotEqual("lederansvar", words.Passages[0].Passage.Section.Id);
    }

    [Theory]
    [InlineData("who: hvem\nwhom: who\n", 2)]
    [InlineData("# kommentar\n\nhow:\n", 3)]
    [InlineData("hvordan\n", 1)]
    public void A_malformed_line_fails_with_file_and_line(string text, int line)
    {
        using var folder = new TempFolder("kinds");
        var path = folder.Write("question-kinds.txt", text);

        var error = Assert.Throws<ContentException>(() => QuestionKinds.Load(path));

        Assert.Equal(line, error.Line);
        Assert.StartsWith($"{path}:{line}:", error.Message, StringComparison.Ordinal);
    }
}
