using StrategiBot.Answering;
using StrategiBot.Content;
using StrategiBot.Retrieval;
using StrategiBot.Tests.Retrieval;

namespace StrategiBot.Tests.Answering;

/// <summary>
/// A message that names a section (what a "Mente du" button sends) shows that section instead of being
/// searched for; anything else is searched.
/// </summary>
public sealed class AnswererTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    [Theory]
    [InlineData("Prinsipper for kommunikasjon › Aktiv og planlagt", "prinsipp-aktiv-planlagt")]
    [InlineData("  prinsipper for   kommunikasjon › aktiv og planlagt ", "prinsipp-aktiv-planlagt")]
    [InlineData("Aktiv og planlagt", "prinsipp-aktiv-planlagt")]
    [InlineData("Innledning ?", "innledning")]
    [InlineData("Hvem har kommunikasjonsansvar", "hvem-har-kommunikasjonsansvar", "lorenskog")]
    public void A_section_named_by_its_title_is_shown_as_it_is(string message, string section, string organisation = "ostre-toten")
    {
        var answer = fixture.Answerer().Answer(message, organisation);

        Assert.True(answer.Answered);
        Assert.Equal(1f, answer.Confidence);
        Assert.All(answer.Citations, c => Assert.Equal(section, c.SectionId));
        Assert.InRange(answer.Citations.Count, 1, 3);
        // The section's own opening passage, not whichever of its passages a search would rank first.
        var opening = fixture.Knowledge.PassagesOf(fixture.Knowledge.Pack(organisation)!.Strategy.Sections.Single(s => s.Id == section), organisation, 1)[0];
        Assert.Equal(opening.Text, answer.Citations[0].Text);
    }

    [Theory]
    [InlineData("Hva betyr aktiv og planlagt kommunikasjon?", "ostre-toten")]
    [InlineData("Hvem har ansvaret for kommunikasjonen?", "lorenskog")]
    public void A_question_that_only_contains_a_title_is_searched(string question, string organisation)
    {
        var searched = fixture.Answerer().FromResult(fixture.Knowledge.Search(question, organisation), fixture.Knowledge.Search(question, organisation).Confidence);

        var answer = fixture.Answerer().Answer(question, organisation);

        Assert.Null(fixture.Knowledge.SectionTitled(question, organisation));
        Assert.Equal(searched.Confidence, answer.Confidence);
        Assert.Equal(searched.Citations, answer.Citations);
    }

    [Fact]
    public void A_title_two_sections_share_names_neither()
    {
        var document = StrategyParser.Parse("s.md", "# T\n\n## Tiltak {#a}\nKommunen skal informere.\n\n### Mål {#a1}\nMålet er å nå alle.\n\n## Kanaler {#b}\nVi bruker nettsiden.\n\n### Mål {#c}\nNettsiden skal være oppdatert.\n");
        var pack = new ContentPack(new Organisation("x", "X kommune", "X", "nb-NO", "T", null, "Kommunikasjonsavdelingen", "Gir råd."), document, new Dictionary<string, IReadOnlyList<AlternateQuestion>>(), "x");
        var knowledge = new KnowledgeBase([pack], RepositoryContent.StopWords, RepositoryContent.Lexicon);

        Assert.Null(knowledge.SectionTitled("Mål", "x"));
        Assert.Equal("c", knowledge.SectionTitled("Kanaler › Mål", "x")?.Id);
        Assert.Equal("a1", knowledge.SectionTitled("Tiltak › Mål", "x")?.Id);
        Assert.Equal("b", knowledge.SectionTitled("kanaler", "x")?.Id);
        Assert.Null(knowledge.SectionTitled("Kanaler", "y"));
    }

    [Theory]
    [InlineData(0.29f, false, false)]
    [InlineData(0.30f, true, true)]
    [InlineData(0.69f, true, true)]
    [InlineData(0.70f, true, false)]
    public void An_answer_below_the_hedge_is_tentative(float confidence, bool answered, bool tentative)
    {
        var result = fixture.Knowledge.Search("Kan jeg poste bilder fra jobben på Facebook?", "ostre-toten");

        var answer = fixture.Answerer(minConfidence: 0.3f).FromResult(result, confidence);

        Assert.Equal(answered, answer.Answered);
        Assert.Equal(tentative, answer.Tentative);
    }

    [Theory]
    [InlineData("taushetsplikt", "ostre-toten")]
    [InlineData("Taushetsplikt?", "ostre-toten")]
    [InlineData("hva med profil", "ostre-toten")]
    public void A_one_word_question_the_best_passage_writes_is_answered_tentatively(string question, string organisation)
    {
        var result = fixture.Knowledge.Search(question, organisation);

        var answer = fixture.Answerer().FromResult(result, result.Confidence);

        // The model alone doubts it: it is fitted on sentences, and one word matches little of any.
        Assert.True(result.Confidence < new AnsweringOptions().MinConfidence, $"confidence {result.Confidence}");
        Assert.True(result.NamesAWordOfTheBestPassage);
        Assert.True(answer.Answered);
        Assert.True(answer.Tentative);
        var word = fixture.Knowledge.Analysis.AnalyzeQuery(question, english: false).Groups.Single().Alternatives[0].Term;
        Assert.Contains(word, fixture.Knowledge.Analysis.AnalyzeDocument(answer.Citations[0].Text, []));
    }

    [Theory]
    // Words the strategy never writes: a lexicon entry or a stored question knows them, the text does not.
    [InlineData("lønn", "ostre-toten", false)]
    [InlineData("parkering", "ostre-toten", false)]
    [InlineData("mediehenvendelse", "ostre-toten", false)]
    // One word the passage writes, asking for a name it does not give.
    [InlineData("Kven er ordførar i Klæbu?", "klaebu", false)]
    // A stem the passage shares, not the word: "været" (the weather) and "Vær" (be).
    [InlineData("Hva med været?", "ostre-toten", false)]
    // Written in most passages, so which one writes it best is chance.
    [InlineData("kommunen", "ostre-toten", false)]
    public void A_one_word_question_the_passage_does_not_answer_stays_refused(string question, string organisation, bool written)
    {
        var result = fixture.Knowledge.Search(question, organisation);

        var answer = fixture.Answerer().FromResult(result, result.Confidence);

        Assert.Equal(written, result.NamesAWordOfTheBestPassage);
        Assert.False(answer.Answered);
    }

    [Fact]
    public void A_one_word_answer_is_hedged_even_where_the_hedge_is_set_below_the_threshold()
    {
        var result = fixture.Knowledge.Search("taushetsplikt", "ostre-toten");

        var answer = fixture.Answerer(hedgeBelow: 0.1f).FromResult(result, result.Confidence);

        Assert.True(answer.Answered);
        Assert.True(answer.Tentative);
    }

    [Theory]
    [InlineData("Kan jeg poste bilder fra jobben?", false, "Dette sier kommunikasjonsstrategien til Østre Toten kommune:")]
    [InlineData("Kan jeg poste bilder fra jobben?", true, "Dette er det nærmeste jeg finner i kommunikasjonsstrategien til Østre Toten kommune:")]
    [InlineData("Can I post photos from work?", false, "This is what Østre Toten municipality's communication strategy says (quoted in Norwegian):")]
    [InlineData("Can I post photos from work?", true, "This is the closest I can find in Østre Toten municipality's communication strategy (quoted in Norwegian):")]
    public void A_tentative_answer_says_it_is_the_closest_found(string question, bool tentative, string leadIn)
    {
        var answer = new Answer(question, "ostre-toten", true, 0.5f, [new("ostre-toten", "a", "A", "Tekst.")], []) { Tentative = tentative };

        Assert.Equal(leadIn, new AnswerComposer(fixture.Knowledge).Compose(answer).LeadIn);
    }
}
