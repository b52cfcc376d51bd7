using StrategiBot.Retrieval.Analysis;

namespace StrategiBot.Tests.Retrieval.Analysis;

/// <summary>Golden tables: each stage's input and the tokens it must produce.</summary>
public sealed class AnalysisStageTests
{
    [Theory]
    [InlineData("Kan jeg poste dette på Facebook-siden?", "Kan|jeg|poste|dette|på|Facebook|siden")]
    [InlineData("e-post/SMS til alle (15 stk.)", "e|post|SMS|til|alle|15|stk")]
    [InlineData("«Ytringsfrihet» – lojalitet…", "Ytringsfrihet|lojalitet")]
    [InlineData("", "")]
    public void Tokenizer_splits_on_everything_but_letters_and_digits(string text, string expected) =>
        Assert.Equal(expected, string.Join('|', Tokenizer.Split(text)));

    [Theory]
    [InlineData("Være", "vaere")]
    [InlineData("vaere", "vaere")]
    [InlineData("Østre", "ostre")]
    [InlineData("oestre", "ostre")]
    [InlineData("Påtale", "patale")]
    [InlineData("paatale", "patale")]
    [InlineData("MÅ", "ma")]
    [InlineData("Kafé", "kafe")]
    [InlineData("kommunen", "kommunen")]
    [InlineData("2026", "2026")]
    [InlineData("gaa", "ga")]
    [InlineData("soe", "so")]
    [InlineData("Facebook", "facebook")]
    public void Letter_folding_meets_the_ascii_spellings(string word, string expected) =>
        Assert.Equal(expected, LetterFolding.Fold(word));

    [Theory]
    // Nouns: indefinite, definite, plural, definite plural, genitive; bokmål and nynorsk.
    [InlineData("journalist|journalisten|journalister|journalistene", "journalist")]
    [InlineData("sak|saken|saker|sakene|sakane|sakar", "sak")]
    [InlineData("kommune|kommunen|kommunens|kommuner|kommunene", "kommun")]
    [InlineData("ytringsfrihet|ytringsfriheten|ytringsfrihetene", "ytringsfrihet")]
    [InlineData("ytring|ytringen|ytringer|ytringene|ytringar|ytringane", "ytring")]
    [InlineData("henvendelse|henvendelsen|henvendelser|henvendelsene", "henvendels")]
    [InlineData("leder|ledere|lederen|lederne", "led")]
    [InlineData("leiar|leiaren|leiarar|leiarane", "leiar")] // nn; not "lei", which is "fed up"
    [InlineData("presse|pressen", "press")]
    [InlineData("medier|media|mediene", "medi")]
    [InlineData("ansatt|ansatte|ansattes", "ansatt")]
    // Adjectives and verbs.
    [InlineData("sosial|sosiale", "sosial")]
    [InlineData("kritisere|kritiserer|kritiserte|kritisert", "kritis")]
    [InlineData("viktig|viktige|viktigere", "viktig")]
    public void The_stemmer_gives_every_form_one_stem(string forms, string stem)
    {
        foreach (var form in forms.Split('|'))
        {
            Assert.Equal(stem, NorwegianStemmer.Stem(LetterFolding.Fold(form)));
        }
    }

    [Theory]
    // Nynorsk's j after g or k ("byggjer", "tenkje") meets bokmål's stem; a three-letter stem keeps it.
    [InlineData("bygge|bygger|byggje|byggjer|byggja", "bygg")]
    [InlineData("tenke|tenker|tenkje|tenkjer", "tenk")]
    [InlineData("følge|følger|følgje|følgjer", "folg")]
    [InlineData("søke|søker|søkje|søkjer", "sok")]
    [InlineData("skje", "skj")]
    public void A_nynorsk_j_stem_without_its_j_is_the_bokmal_stem(string forms, string stem)
    {
        foreach (var form in forms.Split('|'))
        {
            Assert.Equal(stem, NorwegianStemmer.WithoutNynorskJ(NorwegianStemmer.Stem(LetterFolding.Fold(form))));
        }
    }

    [Fact]
    public void A_nynorsk_question_word_with_j_also_looks_for_the_bokmal_stem()
    {
        var group = Assert.Single(WithTheLexicon("strategien bygger på").AnalyzeQuery("byggjer").Groups);

        Assert.Equal(["byggj", "bygg"], group.Alternatives.Where(a => a.Kind == AlternativeKind.Exact).Select(a => a.Term));
    }

    [Theory]
    [InlineData("hus")]
    [InlineData("prosess")]
    [InlineData("status")]
    [InlineData("rett")]
    [InlineData("lei")]
    public void Short_words_and_words_ending_in_a_stem_s_are_left_whole(string word) =>
        Assert.Equal(word, NorwegianStemmer.Stem(word));

    [Theory]
    [InlineData("pressehenvendelse", "presse|henvendelse")]
    [InlineData("sosialemedier", "sosiale|medier")]
    [InlineData("ytringsfrihet", "ytring|frihet")]
    [InlineData("kjoreregler", "|regler")]
    [InlineData("journalist", null)]
    [InlineData("presse", null)]
    public void Compounds_split_into_known_words(string word, string? expected)
    {
        var vocabulary = new HashSet<string>(["presse", "henvendelse", "sosiale", "medier", "ytring", "frihet", "regler", "journalist"]);
        var splitter = new CompoundSplitter(vocabulary.Contains);

        var split = splitter.Split(word);

        Assert.Equal(expected, split is var (left, right) ? $"{left}|{right}" : null);
    }

    [Theory]
    [InlineData("jornalist", "journalist")]
    [InlineData("journalsit", "journalist")]
    [InlineData("journalistt", "journalist")]
    [InlineData("facbook", "facebook")]
    [InlineData("faceboook", "facebook")]
    public void One_letter_typos_find_the_known_word(string typo, string expected)
    {
        var corrector = new TypoCorrector(["journalist", "facebook", "journal"]);

        Assert.Contains(expected, corrector.Candidates(typo));
    }

    /// <summary>
    /// The deletion index is keyed by hashes, so it may over-propose; what it returns must still be exactly
    /// the indexed words one edit away, as comparing with every word of a real strategy finds them.
    /// </summary>
    [Fact]
    public void Corrections_are_exactly_the_words_one_edit_away()
    {
        var vocabulary = File.ReadAllText(Path.Combine(StrategiBot.Tests.Retrieval.RepositoryContent.ContentFolder, "ostre-toten", "strategy.md"))
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => LetterFolding.Fold(new string([.. w.Where(char.IsLetter)])))
            .Where(w => w.Length >= 3)
            .ToHashSet(StringComparer.Ordinal);
        var corrector = new TypoCorrector(vocabulary);
        var indexed = vocabulary.Where(w => w.Length >= TypoCorrector.MinLength - 1).ToList();
        var typos = vocabulary.Where(w => w.Length >= TypoCorrector.MinLength).Order(StringComparer.Ordinal).Take(300)
            .SelectMany((w, i) => new[]
            {
                w.Remove(i % w.Length, 1),
                w.Insert(i % w.Length, "e"),
                w[..(i % (w.Length - 1))] + w[(i % (w.Length - 1)) + 1] + w[i % (w.Length - 1)] + w[((i % (w.Length - 1)) + 2)..],
                w[..(i % w.Length)] + 'x' + w[((i % w.Length) + 1)..],
            })
            .Where(t => t.Length >= TypoCorrector.MinLength && !vocabulary.Contains(t))
            .Distinct()
            .ToList();

        Assert.True(typos.Count > 500, $"only {typos.Count} misspellings to try");
        Assert.All(typos, typo => Assert.Equal(
            indexed.Where(w => TypoCorrector.IsOneEdit(typo, w)).Order(StringComparer.Ordinal),
            corrector.Candidates(typo)));
    }

    [Theory]
    [InlineData("pes")]
    [InlineData("joournaliist")]
    public void Words_under_four_letters_and_two_edits_are_not_corrected(string word) =>
        Assert.Empty(new TypoCorrector(["pest", "journalist"]).Candidates(word));

    /// <summary>Four letters are enough for a slip ("kanl", "knaal" folded to "knal"), and every word one edit away is offered.</summary>
    [Theory]
    [InlineData("kanl", "kanal")]
    [InlineData("knal", "kanal")]
    [InlineData("svre", "sure|svare")]
    public void A_four_letter_word_is_corrected_to_every_word_one_edit_away(string word, string expected) =>
        Assert.Equal(expected, string.Join('|', new TypoCorrector(["kanal", "svar", "svare", "sure", "journalist"]).Candidates(word)));

    [Fact]
    public void Stop_words_come_from_the_data_file_folded()
    {
        var stopWords = StopWords.Load(Path.Combine(RepositoryContent.Root, "lexicon", "stopwords.txt"));

        Assert.True(stopWords.Contains("jeg"));
        Assert.True(stopWords.Contains("pa"));
        Assert.True(stopWords.Contains("ikkje"));
        Assert.True(stopWords.Contains("the"));
        Assert.True(stopWords.Contains("everyone"));
        Assert.True(stopWords.Contains("don")); // "don't" reaches the list as "don" and "t"
        Assert.True(stopWords.Contains("abt")); // chat for "about"
        Assert.True(stopWords.Contains("pga"));
        // Abbreviations the strategies themselves write are words of the text.
        Assert.False(stopWords.Contains("evt"));
        Assert.False(stopWords.Contains("presse"));
        Assert.False(stopWords.Contains("ansatt"));
    }

    [Fact]
    public void The_document_pipeline_composes_the_stages()
    {
        var pipeline = new AnalysisPipeline(
            StopWords.Load(Path.Combine(RepositoryContent.Root, "lexicon", "stopwords.txt")),
            ConceptLexicon.Empty,
            ["presse henvendelse journalist"]);

        var terms = pipeline.AnalyzeDocument("Alle pressehenvendelser går til Journalistene på Østre");

        Assert.Equal("pressehenvendels|press|henvendels|gar|journalist|ostr", string.Join('|', terms));
    }

    /// <summary>
    /// A slip in a filler word ("eigentlg", "actualy") is read as the filler word, not searched for and not
    /// counted as a word no strategy knows. Staying: a short real word one letter from a stop word ("fjor",
    /// "gjør"), a word the corpus knows, a word one letter from a stop word of the other language only
    /// ("seller", Norwegian "eller"), and a five-letter English word ("guest", "guess").
    /// </summary>
    [Theory]
    [InlineData("Kva gjer eigentlg kommunikasjonsavdelinga?", false, "kommunikasjonsavdeling")]
    [InlineData("Can I actualy speak to the press?", true, "speak|press")]
    [InlineData("Hva skjedde i fjor?", false, "skjedd|fjor")]
    [InlineData("Hvem svarer media?", false, "svar|medi")]
    [InlineData("Who can speak to a seller?", true, "speak|sell")]
    [InlineData("Can a guest speak to the press?", true, "guest|speak|press")]
    public void A_misspelt_stop_word_is_dropped_like_the_stop_word(string question, bool english, string expected)
    {
        string[] englishTexts = ["who may actually speak to the press? I guess so"];
        var pipeline = new AnalysisPipeline(
            StopWords.Load(Path.Combine(RepositoryContent.Root, "lexicon", "stopwords.txt")),
            ConceptLexicon.Empty,
            ["kva gjer eigentleg kommunikasjonsavdelinga, eller skjedde det noko? hvem svarer media", .. englishTexts],
            englishTexts: englishTexts);

        var groups = pipeline.AnalyzeQuery(question, english).Groups;

        Assert.Equal(expected, string.Join('|', groups.Select(g => g.Alternatives[0].Term)));
    }

    /// <summary>
    /// Laughter tacked on to a chat message says how it was meant, not what it asks: it is neither searched
    /// for nor counted as a word no strategy knows, and "lol" no longer reads as asking about irony. The same
    /// for a contraction typed without its apostrophe, the dialect form "sjøl", and chat fillers ("hva er greia
    /// med", "skikkeleg", "nah").
    /// </summary>
    [Theory]
    [InlineData("Intranettet er fra steinalderen lol", "intranett|steinald")]
    [InlineData("Elevene sender venneforespørsler haha", "elev|send|venneforesporsl")]
    [InlineData("hehe kan jeg dele bilder?", "del|bild")]
    [InlineData("isnt the intranet old", "intran|old")]
    [InlineData("kan jeg dele bilder sjøl?", "del|bild")]
    [InlineData("hva er greia med å dele bilder?", "del|bild")]
    [InlineData("skal eg dele bilder skikkeleg?", "del|bild")]
    [InlineData("share pictures or nah", "shar|pictur")]
    public void Laughter_is_not_a_word_of_the_question(string question, string expected)
    {
        var pipeline = new AnalysisPipeline(RepositoryContent.StopWords, RepositoryContent.Lexicon, ["intranettet elevene sender venneforespørsler dele bilder"]);

        var groups = pipeline.AnalyzeQuery(question).Groups;

        Assert.Equal(expected, string.Join('|', groups.Select(g => g.Alternatives[0].Term)));
        Assert.DoesNotContain(groups.SelectMany(g => g.Alternatives), a => a.Term == "ironi");
    }

    [Theory]
    [InlineData("prioriteringer", "prioritering")]        // known whole: its head "ringer" is not a second meaning
    [InlineData("mediekjoreregler", "mediekjoreregl|regl")] // unknown whole: the head still says what it is
    [InlineData("pressehenvendelser", "pressehenvendels|press|henvendels")]
    public void A_question_word_known_whole_is_split_only_into_two_known_words(string word, string expected)
    {
        var pipeline = new AnalysisPipeline(
            StopWords.Load(Path.Combine(RepositoryContent.Root, "lexicon", "stopwords.txt")),
            ConceptLexicon.Empty,
            ["prioriteringer ringer regler presse henvendelser pressehenvendelser"]);

        var group = Assert.Single(pipeline.AnalyzeQuery(word).Groups);

        Assert.Equal(expected, string.Join('|', group.Alternatives.Select(a => a.Term)));
    }

    [Theory]
    [InlineData("comunications", "communications", true, "comunication|kommunikasjon|kommunis", "kommunikasjon")] // English: no corpus correction, the lexicon's spelling
    [InlineData("enquirey", "enquiry", true, "enquirey|henvendels|mediehenvendels", "henvendels")]
    [InlineData("jounalisten", "journalisten", false, "jounalist|journalist|press|medi", "press")]    // Norwegian: the corpus spelling, and no compound parts
    public void A_misspelt_lexicon_word_brings_in_its_concept_at_typo_weight(string word, string spelledRight, bool english, string expected, string conceptTerm)
    {
        var pipeline = WithTheLexicon("journalisten presse media kommunikasjon henvendelse");
        var rightWeight = Assert.Single(pipeline.AnalyzeQuery(spelledRight, english).Groups).Alternatives.Single(a => a.Term == conceptTerm).Weight;

        var group = Assert.Single(pipeline.AnalyzeQuery(word, english).Groups);

        Assert.Equal(expected, string.Join('|', group.Alternatives.Select(a => a.Term)));
        Assert.Equal(rightWeight * AnalysisPipeline.TypoWeight, group.Alternatives.Single(a => a.Term == conceptTerm).Weight, 4);
    }

    [Theory]
    [InlineData("agent", true)]  // one letter from the lexicon's "apent"
    [InlineData("quite", true)]  // "quote"
    [InlineData("skyte", false)] // "skype"
    public void A_short_correct_word_is_not_read_as_a_lexicon_word_one_letter_away(string word, bool english)
    {
        var group = Assert.Single(WithTheLexicon("åpent sitat").AnalyzeQuery(word, english).Groups);

        Assert.DoesNotContain(group.Alternatives, a => a.Kind == AlternativeKind.Concept);
    }

    [Theory]
    [InlineData("emailed", "post")]    // the lexicon lists "email"
    [InlineData("tweeted", "sosial")]  // "tweet"
    [InlineData("phoned", "telefon")]  // "phone"
    public void An_inflected_english_word_reaches_the_lexicon_through_its_base_form(string word, string strategyTerm)
    {
        var pipeline = WithTheLexicon("post sosiale telefon");

        var group = Assert.Single(pipeline.AnalyzeQuery(word, english: true).Groups);

        Assert.Contains(group.Alternatives, a => a.Kind == AlternativeKind.Concept && a.Term == strategyTerm);
        Assert.DoesNotContain(group.Alternatives, a => a.Kind == AlternativeKind.Concept && a.Weight < 0.8f);
    }

    [Theory]
    [InlineData("fronting", "Ordføreren skal fronte politiske vedtak", "fronte")]
    [InlineData("hobbies", "Ansatte med en hobby", "hobby")]                 // -ies is -y
    [InlineData("vlogging", "Kommunen har en vlog", "vlog")]                 // a doubled consonant drops
    public void An_inflected_english_word_also_finds_a_strategy_word_of_its_base_form(string word, string corpus, string baseForm)
    {
        var group = Assert.Single(WithTheLexicon(corpus).AnalyzeQuery(word, english: true).Groups);

        Assert.Contains(group.Alternatives, a => a.Kind == AlternativeKind.BaseForm && a.Term == NorwegianStemmer.Stem(baseForm));
    }

    [Fact]
    public void An_inflected_english_stop_word_is_a_stop_word_but_only_in_english()
    {
        var pipeline = WithTheLexicon("journalisten presse");

        var english = pipeline.AnalyzeQuery("my boss keeps saying the journalist wanted it", english: true);
        var norwegian = pipeline.AnalyzeQuery("saying", english: false);

        Assert.Equal(["boss", "keeps", "journalist"], english.Groups.Select(g => g.Source));
        Assert.Single(norwegian.Groups);
    }

    /// <summary>The pipeline over a small corpus, with the shipped lexicon and its words.</summary>
    private static AnalysisPipeline WithTheLexicon(string corpus)
    {
        var lexicon = ConceptLexicon.Load(Path.Combine(RepositoryContent.Root, "lexicon", "concepts.yaml"));
        return new AnalysisPipeline(
            StopWords.Load(Path.Combine(RepositoryContent.Root, "lexicon", "stopwords.txt")), lexicon, [corpus], lexicon.Words);
    }
}
