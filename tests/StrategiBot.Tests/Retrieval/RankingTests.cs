using StrategiBot.Content;
using StrategiBot.Retrieval;
using StrategiBot.Retrieval.Analysis;

namespace StrategiBot.Tests.Retrieval;

/// <summary>Ranking on the real content: questions worded as employees word them find the right section.</summary>
public sealed class RankingTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    public sealed record RankingCase(string Org, string Question, string Section);

    public static TheoryData<RankingCase> Cases =>
    [
        new RankingCase("ostre-toten", "Kan jeg kommentere en personalsak overfor en journalist?", "presse-kjoreregler"),
        new RankingCase("ostre-toten", "Hvem skal uttale seg om politiske saker til pressen?", "presse-kjoreregler"),
        new RankingCase("ostre-toten", "Må jeg si at jeg skriver som privatperson når jeg deltar i debatten?", "ytringsfrihet-lojalitet"),
        new RankingCase("ostre-toten", "Kan jeg være venn med pårørende på Facebook?", "sosiale-medier-ansatte"),
        new RankingCase("ostre-toten", "Hvem svarer på henvendelser på kommunens Facebook-side?", "sosiale-medier-offisielle-kontoer"),
        new RankingCase("ostre-toten", "Hva er hovedkanalen for intern kommunikasjon?", "kanaler-intern|prosjekt-nytt-intranett"),
        new RankingCase("ostre-toten", "Hva gjør kommunikasjonsavdelingen?", "rolle-kommunikasjonsavdeling"),
        new RankingCase("ostre-toten", "krisekommunikasjon", "krisekommunikasjon"),
        // Folded, "kommunikasjonsmål" (goals) is "kommunikasjonsmal" (a template): the plan template must not win.
        new RankingCase("ostre-toten", "Hva er kommunikasjonsmålene til kommunen?", "kommunikasjonsmal"),
        new RankingCase("ostre-toten", "Kva skal eg gjere når ein journalist ringjer meg?", "presse-kjoreregler"),
        new RankingCase("ostre-toten", "Am I allowed to criticise my employer in public?", "ytringsfrihet-lojalitet|presse-kjoreregler"),
        new RankingCase("ostre-toten", "Who speaks for the municipality about political decisions?", "presse-kjoreregler|rolle-kommunedirektor"),
        new RankingCase("ostre-toten", "jornalist ringte, hva gjør jeg", "presse-kjoreregler"),
        new RankingCase("klaebu", "Hvem uttaler seg til media om enhetens saker?", "enhetslederne"),
        new RankingCase("klaebu", "Skal e-poster fra innbyggere arkiveres?", "arkivering"),
        new RankingCase("klaebu", "Hvilke sosiale medier bruker kommunen?", "sosiale-medier"),
        new RankingCase("lorenskog", "Hva er hovedmålet med kommunikasjonen?", "hovedmal"),
        new RankingCase("lorenskog", "tips før jeg publiserer noe", "nyttige-tips"),
        // Through the English glossary ("publications" -> "trykksaker"): without it, the planning principle ranks first.
        new RankingCase("ostre-toten", "Are printed publications still worth producing?", "kanaler-ekstern"),
        new RankingCase("trondheim", "Har ansatte i Trondheim ytringsfrihet?", "ytringsfrihet"),
        new RankingCase("trondheim", "Hvordan skal vi kommunisere i en krise?", "krisekommunikasjon"),
        new RankingCase("tynset", "Hvilke kanaler bruker Tynset kommune?", "kanaler"),
        // General questions each organisation's communication department would expect.
        new RankingCase("trondheim", "Hvem har ansvar for kommunikasjon?", "lederansvar"),
        new RankingCase("trondheim", "Hvordan skal vi skrive til innbyggerne?", "tydelig-tilgjengelig"),
        new RankingCase("trondheim", "Hvilken kanal skal jeg bruke?", "proaktivt-riktig-kanal"),
        new RankingCase("klaebu", "Er saksbehandlingen åpen?", "gjennomsiktighet-apenhet"),
        new RankingCase("klaebu", "What does the chief executive do?", "radmannen"),
        new RankingCase("klaebu", "my responsibility as an employee?", "den-enkelte-medarbeider"),
        new RankingCase("tynset", "What channels does Tynset use?", "kanaler"),
        new RankingCase("tynset", "what makes communication good?", "god-kommunikasjon"),
        new RankingCase("ostre-toten", "Is there a new intranet coming?", "prosjekt-nytt-intranett"),
        new RankingCase("lorenskog", "Skal vi bruke klarspråk?", "viktige-prinsipper"),
        new RankingCase("lorenskog", "Do we have to write in plain language?", "viktige-prinsipper"),
        new RankingCase("ostre-toten", "How do we attract new staff?", "prosjekt-rekrutteringskommunikasjon"),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_right_section_ranks_first(RankingCase test)
    {
        var result = fixture.Knowledge.Search(test.Question, test.Org);

        Assert.NotEmpty(result.Passages);
        // Where the strategy says the same in two places, either section is a right answer ("a|b").
        Assert.Contains(result.Passages[0].Passage.Section.Id, test.Section.Split('|'));
    }

    /// <summary>
    /// The plan template repeats "Ansvarlig" in every row, so a question about who is responsible for plans
    /// scores it level with the leaders' duty to have plans made (11.8 against 11.5 since the 2026-12-07
    /// alternate questions shifted the field averages; 11.0 against 11.2 before). The duty must at least be offered.
    /// </summary>
    [Fact]
    public void A_question_about_who_makes_plans_offers_the_leaders_duty_beside_the_template()
    {
        var result = fixture.Knowledge.Search("Hvem har ansvaret for at det lages kommunikasjonsplaner?", "ostre-toten");

        Assert.Contains("rolle-ledere", result.Passages.Select(p => p.Passage.Section.Id));
    }

    [Theory]
    [InlineData("ostre-toten")]
    [InlineData("trondheim")]
    [InlineData("tynset")]
    [InlineData("klaebu")]
    [InlineData("lorenskog")]
    public void An_answer_never_quotes_another_organisation(string org)
    {
        foreach (var question in new[] { "Hvem uttaler seg til media?", "sosiale medier regler", "Who is responsible for communication?" })
        {
            var answer = fixture.Answerer(0).Answer(question, org);

            Assert.All(answer.Citations, c => Assert.Equal(org, c.OrganisationId));
        }
    }

    /// <summary>
    /// The question the bot hears most, asked in four ways, is answered from each organisation's own press
    /// passage: Tynset's, Klæbu's and Lørenskog's strategies say little about the press, and the two-word
    /// question was refused there until their alternate questions asked it this plainly.
    /// </summary>
    [Theory]
    [InlineData("tynset", "kanaler")]
    [InlineData("klaebu", "enhetslederne")]
    [InlineData("lorenskog", "kommunikasjonsenhetens-ansvar")]
    [InlineData("trondheim", "media")]
    [InlineData("ostre-toten", "presse-kjoreregler")]
    public void What_to_do_when_a_journalist_calls_is_answered_in_every_organisation(string org, string section)
    {
        foreach (var question in new[] { "Hva gjør jeg hvis en journalist ringer?", "Kva gjer eg om ein journalist ringjer?", "What do I do if a journalist calls me?", "journalist ringer" })
        {
            var answer = fixture.Answerer().Answer(question, org);

            Assert.True(answer.Answered, $"{org}: {question}");
            Assert.Equal(section, answer.Citations[0].SectionId);
        }
    }

    /// <summary>
    /// Every strategy states its communication goals, and a question for them is common. Tynset's goals are
    /// the three subsections of a heading with no text of its own, so only their alternate questions say so.
    /// </summary>
    [Theory]
    [InlineData("ostre-toten", "kommunikasjonsmal")]
    [InlineData("trondheim", "kommunikasjonsmal")]
    [InlineData("tynset", "mal-gode-ambassadorer|mal-tilgjengelig-informasjon|mal-medansvar")]
    [InlineData("klaebu", "mal-for-kommunikasjon")]
    [InlineData("lorenskog", "hovedmal")]
    public void The_communication_goals_are_found_in_every_organisation(string org, string sections)
    {
        foreach (var question in new[] { "Hva er målene for kommunikasjonen?", "What are the communication goals?", "kommunikasjonsmål" })
        {
            var answer = fixture.Answerer().Answer(question, org);

            Assert.True(answer.Answered, $"{org}: {question}");
            Assert.Contains(answer.Citations[0].SectionId, sections.Split('|'));
        }
    }

    [Theory]
    [InlineData("ostre-toten", "Who talks to the press?", "Det øverste informasjonsansvaret i Østre Toten kommune ligger til ordføreren.")]
    [InlineData("trondheim", "press rules", "Den som er nærmest saken skal som hovedregel uttale seg til media")]
    public void Short_English_questions_about_the_press_find_the_passage_that_answers_them(string org, string question, string quoted)
    {
        var answer = fixture.Answerer().Answer(question, org);

        Assert.True(answer.Answered);
        Assert.Contains(quoted, answer.Citations[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hvor mange feriedager har jeg i år?")]
    [InlineData("Hva er passordet til wifi-en i rådhuset?")]
    [InlineData("When is the staff Christmas party?")]
    [InlineData("Hvor kan jeg parkere bilen min?")]
    public void Questions_the_strategy_does_not_cover_are_refused_with_a_way_forward(string question)
    {
        var answer = fixture.Answerer().Answer(question, "ostre-toten");

        Assert.False(answer.Answered);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public void Words_no_strategy_knows_count_against_the_confidence()
    {
        var known = fixture.Knowledge.Search("Hvem svarer pressen?", "ostre-toten");
        var partlyUnknown = fixture.Knowledge.Search("Hvem svarer pressen om hundelufting og fotball?", "ostre-toten");

        Assert.Equal(0f, known.UnknownShare);
        Assert.InRange(partlyUnknown.UnknownShare, 0.1f, 0.9f);
        Assert.Equal(partlyUnknown.UnknownShare, partlyUnknown.Features[6]);
    }

    [Fact]
    public void A_question_asked_much_like_an_uncovered_one_is_less_sure_than_without_the_list()
    {
        const string question = "Hvordan bytter jeg passordet på jobb-pc-en min?";
        var packs = ContentPackLoader.LoadAll(Path.Combine(RepositoryContent.Root, "content"));
        Assert.Contains(packs.Single(p => p.Organisation.Id == "ostre-toten").Uncovered, u => u.StartsWith("hvordan bytter jeg passordet", StringComparison.Ordinal));
        var without = KnowledgeRegistration.Build(new ContentOptions { Path = RepositoryContent.Root }, [.. packs.Select(p => p with { Uncovered = [] })]);

        var listed = fixture.Knowledge.Search(question, "ostre-toten");
        var unlisted = without.Search(question, "ostre-toten");

        Assert.InRange(listed.UncoveredMatch, 0.7f, 1f);
        Assert.Equal(listed.UncoveredMatch, listed.Features[7]);
        Assert.Equal(0f, unlisted.UncoveredMatch);
        Assert.Equal(unlisted.MutualQuestionMatch, listed.MutualQuestionMatch);
        Assert.True(listed.Confidence < unlisted.Confidence / 2, $"{listed.Confidence} with the list, {unlisted.Confidence} without");
    }

    [Fact]
    public void Another_organisations_uncovered_questions_do_not_count()
    {
        var packs = ContentPackLoader.LoadAll(Path.Combine(RepositoryContent.Root, "content"));
        var onlyTrondheim = KnowledgeRegistration.Build(
            new ContentOptions { Path = RepositoryContent.Root },
            [.. packs.Select(p => p.Organisation.Id == "trondheim" ? p with { Uncovered = ["Hvordan bytter jeg passordet på jobb-pc-en min?"] } : p with { Uncovered = [] })]);

        Assert.Equal(0f, onlyTrondheim.Search("Hvordan bytter jeg passordet på jobb-pc-en min?", "ostre-toten").UncoveredMatch);
        Assert.InRange(onlyTrondheim.Search("Hvordan bytter jeg passordet på jobb-pc-en min?", "trondheim").UncoveredMatch, 0.9f, 1f);
    }

    [Fact]
    public void The_organisations_name_is_no_clue_but_a_newspaper_named_after_it_is_a_newspaper()
    {
        var terms = fixture.Knowledge.Search("Totens Blad ringte meg, hva gjør jeg?", "ostre-toten").Query.Groups
            .SelectMany(g => g.Alternatives).Select(a => a.Term).ToList();

        Assert.Contains("avis", terms);
        Assert.DoesNotContain(NorwegianStemmer.Stem("totens"), terms);
    }

    [Fact]
    public void Every_citation_is_at_most_a_thousand_characters()
    {
        Assert.All(fixture.Knowledge.Index.Passages, p => Assert.InRange(p.Text.Length, 1, 1000));
    }
}
