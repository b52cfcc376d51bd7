using StrategiBot.Content;
using StrategiBot.Retrieval;
using StrategiBot.Retrieval.Analysis;

namespace StrategiBot.Tests.Retrieval.Analysis;

/// <summary>Questions asking for a number or a name, which a strategy seldom answers.</summary>
public sealed class FactPhrasesTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    private static FactPhrases Shipped => FactPhrases.Load(RepositoryContent.FactsFile);

    private static List<string> Words(string question) => Tokenizer.SplitFolded(question);

    [Theory]
    [InlineData("Hvor mange feriedager har jeg igjen?", "Number")]
    [InlineData("kor mange dagar kan eg vere heime?", "Number")]
    [InlineData("How many followers do we have?", "Number")]
    [InlineData("Hva koster en annonse i lokalavisa?", "Number")]
    [InlineData("hva heter kommunens konto på Insta?", "Name")]
    [InlineData("Kva heiter leiaren for kommunikasjon?", "Name")]
    [InlineData("What's the name of the mayor?", "Name")]
    [InlineData("kommunens instagram brukernavn", "Name")]
    [InlineData("Hvor lang frist har vi på å svare på et innsynskrav?", "Number")]
    [InlineData("kor lang tid har eg på å svare?", "Number")]
    [InlineData("How long do we have to reply to a journalist?", "Number")]
    [InlineData("Hva er fristen for å svare på e-post?", "Number")]
    [InlineData("Når er fristen for å levere saker til kommunestyret?", "Number")]
    [InlineData("How much money can we spend on Facebook ads?", "Number")]
    [InlineData("Hva er budsjettet til kommunikasjonsavdelingen?", "Number")]
    [InlineData("What's the direct phone number for the communications adviser?", "Number")]
    [InlineData("hva er telefonnummeret til kommunikasjonsrådgiveren", "Number")]
    [InlineData("Kva er e-postadressa til kommunikasjonsavdelinga?", "Name")]
    [InlineData("Når ble strategien vedtatt?", "Number")]
    [InlineData("When was the strategy adopted?", "Number")]
    [InlineData("Hvilke farger kan vi bruke på plakaten?", "Name")]
    [InlineData("Hvilken skrifttype skal vi bruke i brev?", "Detail")]
    [InlineData("kva for skrifttype er det i malen?", "Detail")]
    [InlineData("Hvilke fargekoder har kommunens logo?", "Detail")]
    [InlineData("brand colours hex codes", "Detail")]
    [InlineData("Which fonts are in the graphic profile?", "Detail")]
    [InlineData("hvordan bytter jeg passord paa jobb-pcen?", "Detail")]
    [InlineData("How do I reset my password for the intranet?", "Detail")]
    [InlineData("Hvilket filformat skal innholdet på skjermene ha?", "Detail")]
    [InlineData("hvilket klokkeslett er best å poste på Facebook?", "Detail")]
    [InlineData("Hva er egentlig kommunens offisielle standpunkt i den saken?", "Name")]
    [InlineData("What is the municipality's official position on wind power?", "Name")]
    [InlineData("Hvor lenge skal vi oppbevare samtykkeskjemaene?", "Number")]
    [InlineData("What is the standard processing time for building applications?", "Number")]
    [InlineData("What number should residents call during an emergency?", "Number")]
    [InlineData("Når er søknadsfristen for barnehageplass?", "Number")]
    [InlineData("Har kommunen avtale med et oversettelsesbyrå?", "Detail")]
    [InlineData("Kan vi bruke kva trykkeri vi vil, eller har kommunen ein rammeavtale?", "Detail")]
    [InlineData("hvordan logger jeg inn i Compilo?", "Detail")]
    [InlineData("where do I log in to report a deviation?", "Detail")]
    [InlineData("Skal vi skrive bokmål eller nynorsk i brev til innbyggerne?", "Name")]
    [InlineData("Hvor mange tegn må passordet ha?", "Detail")] // a detail wins over the count it also asks
    [InlineData("frist svar innsynskrav", "Number")]
    public void A_question_asking_for_a_number_a_name_or_a_detail_is_recognised(string question, string kind) =>
        Assert.Equal(Enum.Parse<FactKind>(kind), Shipped.Match(Words(question)));

    [Theory]
    [InlineData("Hvor mye skal jeg informere de ansatte?")]
    [InlineData("Mange spør meg om dette, hvor skal jeg henvise dem?")]
    [InlineData("Hvem har ansvar for kommunens Facebook-side?")]
    [InlineData("How much should I tell the press?")]
    [InlineData("Når skal kommunikasjonsavdelingen orienteres?")]
    [InlineData("Når er neste revisjon av strategien?")]
    [InlineData("Må vi bruke kommunens skrifttype i brev?")]
    [InlineData("Kan vi lage egne fonter og farger til avdelingen?")]
    [InlineData("Må eg halde meg informert sjølv om eg ikkje har tilgang til intranettet?")]
    [InlineData("Hvordan får jeg tilgang til informasjon når jeg ikke har pc på jobben?")]
    [InlineData("Hvem kan logge på kommunens Facebook-side og svare på kommentarer?")]
    [InlineData("Kan jeg gi vurderinger hvis det er avtalt med lederen min?")]
    public void Other_questions_are_not_fact_questions(string question) =>
        Assert.Null(Shipped.Match(Words(question)));

    [Fact]
    public void A_number_counts_only_when_the_passage_states_none()
    {
        Assert.True(Shipped.Ask(Words("Hvor mange ansatte har vi?"), "Ansatte er viktige ambassadører.") == FactAsk.Lacking);
        Assert.False(Shipped.Ask(Words("Hvor mange ansatte har vi?"), "Kommunens 1300 ansatte er viktige ambassadører.") == FactAsk.Lacking);
        Assert.True(Shipped.Ask(Words("Hva heter ordføreren?"), "Ordføreren er kommunens fremste talsperson, valgt for 4 år.") == FactAsk.Lacking);
        Assert.False(Shipped.Ask(Words("Hvem er talsperson?"), "Ordføreren er kommunens fremste talsperson.") == FactAsk.Lacking);
    }

    [Fact]
    public void A_passage_that_asks_the_same_answers_the_question()
    {
        const string Passage = "Svar saklig på negative kommentarer, men vurder hvor lenge du ønsker at dialogen opprettholdes.";

        Assert.False(Shipped.Ask(Words("Hvor lenge skal vi svare på sinte kommentarer?"), Passage) == FactAsk.Lacking);
        Assert.True(Shipped.Ask(Words("Hvor lenge skal vi oppbevare samtykkeskjemaene?"), "Bilder krever samtykke fra de berørte.") == FactAsk.Lacking);
    }

    [Theory]
    [InlineData("Hvor mange feriedager har jeg?", "hvor mange feriedager har jeg")]
    [InlineData("Jeg lurer på hvor mange feriedager jeg har.", "jeg lurer pa hvor mange feriedager jeg har")]
    [InlineData("En journalist spurte hvor mange plasser vi har. Hva kan jeg svare?", "hva kan jeg svare")]
    [InlineData("Hei!\nHva heter ordføreren? Takk.", "hva heter ordforeren")]
    [InlineData("Hvor mange ansatte har kommunen pr. i dag?", "hvor mange ansatte har kommunen pr i dag")]
    [InlineData("Hva koster en annonse i ca. 2.5 uker?", "hva koster en annonse i ca 2 5 uker")]
    [InlineData("Kan jeg poste f.eks. på Instagram?", "kan jeg poste f eks pa instagram")]
    public void Only_the_sentences_that_ask_are_checked_for_a_fact(string text, string asking) =>
        Assert.Equal(asking, string.Join(' ', Tokenizer.SplitFolded(FactPhrases.AskingSentences(text))));

    [Fact]
    public void A_text_without_a_question_mark_comes_back_as_the_same_string()
    {
        const string text = "Jeg lurer på hvor mange feriedager jeg har.";
        const string asking = "Hvor mange feriedager har jeg? Takk.";

        Assert.Same(text, FactPhrases.AskingSentences(text));
        Assert.NotSame(asking, FactPhrases.AskingSentences(asking));
    }

    [Theory]
    [InlineData("4. Det øverste administrative informasjonsansvaret ligger til kommunedirektøren.", false)]
    [InlineData("Pressereglene:\n12. Om en bruker fritar kommunen fra taushetsplikten ...\n13) Svar raskt.", false)]
    [InlineData("- 1. Planlegg\n- 2. Gjennomfør", false)]
    [InlineData("Kommunens 1300 ansatte er viktige ambassadører.", true)]
    [InlineData("4. Vi svarer innen 3 dager.", true)]
    [InlineData("Strategien gjelder for 2020-2024.", true)]
    public void A_list_items_number_is_not_a_number_the_passage_states(string passage, bool states) =>
        Assert.Equal(states, FactPhrases.StatesANumber(passage));

    [Fact]
    public void On_the_real_content_a_number_the_strategy_states_is_answered_and_one_it_does_not_is_refused()
    {
        var answerer = fixture.Answerer();

        Assert.True(answerer.Answer("Hvor mange ansatte har kommunen?", "ostre-toten").Answered);
        Assert.False(answerer.Answer("Hvor mange feriedager har jeg krav på i år?", "ostre-toten").Answered);
    }

    [Fact]
    public void On_the_real_content_a_question_for_a_detail_is_refused_however_well_it_matches_and_one_about_the_rule_is_answered()
    {
        var answerer = fixture.Answerer();

        var detail = answerer.Answer("Vi skal bruke kommunens felles grafiske profil på plakatene. Hvilke fargekoder og skrifttyper gjelder?", "trondheim");
        var rule = answerer.Answer("Må vi bruke kommunens felles grafiske profil på plakatene?", "trondheim");

        Assert.False(detail.Answered);
        Assert.True(detail.Confidence >= 0.3f, $"the model alone would answer it: {detail.Confidence}");
        Assert.Equal("grafisk-profil", detail.Suggestions[0].SectionId);
        Assert.True(rule.Answered);
    }

    [Fact]
    public void A_search_checks_only_the_asking_sentences_for_a_fact()
    {
        var factSignal = ConfidenceModel.SignalNames.ToList().FindIndex(n => n.StartsWith("asks for", StringComparison.Ordinal));

        var asked = fixture.Knowledge.Search("Hva heter ordføreren?", "ostre-toten");
        var reported = fixture.Knowledge.Search("Journalisten spurte hva ordføreren heter. Hva kan jeg svare?", "ostre-toten");

        Assert.Equal(1f, asked.Features[factSignal]);
        Assert.Equal(0f, reported.Features[factSignal]);
    }

    [Theory]
    [InlineData("numbers: hvor mange\n", 1)]
    [InlineData("# kommentar\n\nname:\n", 3)]
    [InlineData("hvor mange\n", 1)]
    public void A_malformed_line_fails_with_file_and_line(string text, int line)
    {
        using var folder = new TempFolder("facts");
        var path = folder.Write("fact-questions.txt", text);

        var error = Assert.Throws<ContentException>(() => FactPhrases.Load(path));

        Assert.Equal(line, error.Line);
        Assert.StartsWith($"{path}:{line}:", error.Message, StringComparison.Ordinal);
    }
}
