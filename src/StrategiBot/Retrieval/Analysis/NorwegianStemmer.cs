namespace StrategiBot.Retrieval.Analysis;

/// <summary>
/// A light stemmer for bokmål and nynorsk, on folded words: it removes inflection (definite and plural
/// endings, genitive s, common verb and adjective endings) and leaves derivation alone. One suffix rule
/// applies per word; each rule keeps a stem of at least three letters.
/// </summary>
internal static class NorwegianStemmer
{
    private const int MinStem = 3;

    // Longest first, except where a rule protects a stem (-het, -svar, -iar); the first that fits wins.
    // Replacement keeps what the ending must not take.
    private static readonly (string Suffix, string Replacement)[] Rules =
    [
        ("hetene", "het"),   // ytringsfrihetene → ytringsfrihet
        ("hetane", "het"),   // nn: moglegheitane handled by "heitane"
        ("heitane", "heit"), // nn: moglegheitane → moglegheit
        ("heiten", "heit"),  // nn: fridomen-style definite of -heit
        ("heiter", "heit"),
        ("heten", "het"),    // friheten → frihet
        ("heter", "het"),    // muligheter → mulighet
        ("hetar", "het"),    // nn
        ("het", "het"),      // frihet stays frihet (not "frih" by the -et rule)
        ("heit", "heit"),    // nn: fridom-words in -heit stay whole
        ("ingane", "ing"),   // nn: ytringane → ytring
        ("ingene", "ing"),   // ytringene → ytring
        ("ingen", "ing"),    // ytringen → ytring
        ("inger", "ing"),    // ytringer → ytring
        ("ingar", "ing"),    // nn: ytringar → ytring
        ("elsene", "els"),   // henvendelsene → henvendels
        ("elsane", "els"),   // nn
        ("elsen", "els"),    // henvendelsen → henvendels
        ("elser", "els"),    // henvendelser → henvendels
        ("elsar", "els"),    // nn
        ("else", "els"),     // henvendelse → henvendels
        ("terne", "tern"),   // interne, eksterne → intern, ekstern (not the -erne of lederne)
        ("iarane", "iar"),   // nn: leiarane → leiar, not "lei" (fed up)
        ("iaren", "iar"),    // nn: leiaren → leiar
        ("iarar", "iar"),    // nn: leiarar → leiar
        ("iar", "iar"),      // nn: leiar stays whole
        ("arane", ""),       // nn: medarbeidarane → medarbeid
        ("aren", ""),        // nn: arbeidaren → arbeid
        ("erane", ""),       // nn
        ("erne", ""),        // lederne → led
        ("eren", ""),        // lederen → led
        ("erer", ""),        // kritiserer → kritis
        ("erte", ""),        // kritiserte → kritis
        ("ende", ""),        // gjeldende → gjeld
        ("ande", ""),        // nn: gjeldande → gjeld
        ("aer", ""),         // kollegaer → kolleg
        ("ede", ""),         // overordnede → overordn
        ("ene", ""),         // medarbeiderne/sakene → sak
        ("ane", ""),         // nn: sakene → sakane → sak
        ("ere", ""),         // viktigere, kritisere → viktig, kritis
        ("ert", ""),         // kritisert → kritis
        ("ast", ""),         // nn superlative
        ("est", ""),         // viktigst(e) handled by "este"
        ("svar", "svar"),    // ansvar, svar stay whole (not the nn plural -ar)
        ("ar", ""),          // nn: bilar → bil
        ("er", ""),          // biler → bil
        ("en", ""),          // bilen → bil
        ("et", ""),          // huset → hus
        ("a", ""),           // boka → bok
        ("e", ""),           // store → stor
    ];

    public static string Stem(string word)
    {
        // Genitive and passive s (kommunens, ansattes, lages), never the double s of "prosess" or short words like "hus".
        if (word.Length >= 5 && word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i' or 'r'))
        {
            word = word[..^1];
        }
        foreach (var (suffix, replacement) in Rules)
        {
            if (word.Length - suffix.Length + replacement.Length >= MinStem
                && word.Length > suffix.Length
                && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return string.Concat(word.AsSpan(0, word.Length - suffix.Length), replacement);
            }
        }
        return word;
    }

    /// <summary>
    /// Nynorsk writes a j after g or k where bokmål does not: "byggjer", "tenkjer", "søkje" are "bygger",
    /// "tenker", "søke". Once the ending is gone the j closes the stem ("byggj"), and the bokmål stem is the
    /// same without it. A stem of three letters keeps it: "skje" (happen) is "skj", not "sk".
    /// Questions look for both (<see cref="AnalysisPipeline.AnalyzeQuery"/>); the index keeps the stems as
    /// written, so the strategies' word statistics do not move with how often nynorsk questions are stored.
    /// </summary>
    public static string WithoutNynorskJ(string stem) =>
        stem.Length >= 4 && stem[^1] == 'j' && stem[^2] is 'g' or 'k' ? stem[..^1] : stem;
}
