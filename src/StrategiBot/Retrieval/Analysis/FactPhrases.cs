using System.Text;
using StrategiBot.Content;

namespace StrategiBot.Retrieval.Analysis;

/// <summary>
/// Phrases that ask for a number, a name or a detail ("hvor mange", "hva heter", "hvilke fargekoder"), from
/// <c>lexicon/fact-questions.txt</c>. A strategy seldom answers those: it says who speaks to the press, not
/// who the mayor is today. A number or a name is one signal of the confidence model
/// (<see cref="FactAsk.Lacking"/>), so a question that matches a passage closely can still be
/// answered; a detail no strategy holds (the graphic profile's colour codes) is refused outright
/// (<see cref="FactAsk.Detail"/>).
/// </summary>
internal sealed class FactPhrases
{
    private readonly List<(FactKind Kind, string[] Words)> _phrases;

    // Details first: a question for one is refused whatever else it asks ("hvor mange tegn må passordet ha?").
    private FactPhrases(List<(FactKind Kind, string[] Words)> phrases) => _phrases = [.. phrases.OrderBy(p => p.Kind != FactKind.Detail)];

    public static FactPhrases Empty { get; } = new([]);

    /// <summary>Reads <c>kind: phrase</c> lines; an unknown kind fails with the file and line.</summary>
    public static FactPhrases Load(string path)
    {
        const string Expected = "expected 'number: phrase', 'name: phrase' or 'detail: phrase'.";
        return new FactPhrases([.. PhraseFile.ReadWords(path, ["number", "name", "detail"], Expected)
            .Select(p => (p.Kind switch
            {
                "number" => FactKind.Number,
                "name" => FactKind.Name,
                "detail" => FactKind.Detail,
                _ => throw new InvalidOperationException($"PhraseFile let through the kind '{p.Kind}'."),
            }, p.Words))]);
    }

    /// <summary>
    /// What the question (its words as <see cref="Tokenizer.SplitFolded"/> gives them) asks for, given the
    /// passage that would answer it: a detail, whatever the passage says; a name, unless the passage asks
    /// the same ("hvor lenge" in "vurder hvor lenge du ønsker at dialogen opprettholdes" answers a question
    /// with it); or a number the passage does not state (<see cref="StatesANumber"/>), since a passage
    /// without one cannot say how many.
    /// </summary>
    public FactAsk Ask(IReadOnlyList<string> questionWords, string passage)
    {
        if (Phrase(questionWords) is not var (kind, phrase))
        {
            return FactAsk.None;
        }
        if (kind == FactKind.Detail)
        {
            return FactAsk.Detail;
        }
        var passageAsksItToo = Tokenizer.ContainsPhrase(Tokenizer.SplitFolded(passage), phrase);
        return passageAsksItToo || (kind == FactKind.Number && StatesANumber(passage)) ? FactAsk.None : FactAsk.Lacking;
    }

    /// <summary>
    /// A digit outside the numbering of a list: the press rules' "4. Det øverste ..." numbers a rule, it
    /// does not say how many of anything.
    /// </summary>
    public static bool StatesANumber(string passage)
    {
        for (var i = 0; i < passage.Length; i++)
        {
            if (!char.IsAsciiDigit(passage[i]))
            {
                continue;
            }
            var end = i;
            while (end < passage.Length && char.IsAsciiDigit(passage[end]))
            {
                end++;
            }
            var startsAnItem = i == 0 || passage[i - 1] == '\n' || (i >= 2 && passage[i - 1] == ' ' && passage[i - 2] is ('-' or '\n'));
            var numbersAnItem = startsAnItem && end + 1 < passage.Length && passage[end] is ('.' or ')') && passage[end + 1] == ' ';
            if (!numbersAnItem)
            {
                return true;
            }
            i = end;
        }
        return false;
    }

    /// <summary>
    /// The sentences that ask, those ending in a question mark, or, when none does, the text itself (the same
    /// string, so a caller can tell without comparing it): in "A journalist asked how many beds we have. What
    /// may I answer?" the employee asks what to say, not how many.
    /// A full stop ends a sentence only before a capital letter or at the end, so "pr. i dag" and "2.5" do not.
    /// </summary>
    public static string AskingSentences(string text)
    {
        var asking = new StringBuilder();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '?' or '\n' || (text[i] is '.' or '!' && EndsASentence(text, i)))
            {
                if (text[i] == '?')
                {
                    asking.Append(text, start, i + 1 - start).Append(' ');
                }
                start = i + 1;
            }
        }
        return asking.Length == 0 ? text : asking.ToString();
    }

    private static bool EndsASentence(string text, int stop)
    {
        var next = stop + 1;
        while (next < text.Length && text[next] == ' ')
        {
            next++;
        }
        return next == text.Length || (next > stop + 1 && char.IsUpper(text[next]));
    }

    /// <summary>The kind of the first phrase the question's folded words hold, word for word and in order.</summary>
    public FactKind? Match(IReadOnlyList<string> questionWords) => Phrase(questionWords)?.Kind;

    private (FactKind Kind, string[] Words)? Phrase(IReadOnlyList<string> questionWords)
    {
        foreach (var phrase in _phrases)
        {
            if (Tokenizer.ContainsPhrase(questionWords, phrase.Words))
            {
                return phrase;
            }
        }
        return null;
    }
}

/// <summary>What a question asks for that bears on whether the passage answers it.</summary>
internal enum FactAsk
{
    None,
    /// <summary>A number or a name the passage does not give: a signal of the confidence model.</summary>
    Lacking,
    /// <summary>A detail no strategy holds: refused.</summary>
    Detail,
}

internal enum FactKind
{
    /// <summary>A count or a price.</summary>
    Number,
    /// <summary>Someone's or something's name.</summary>
    Name,
    /// <summary>
    /// A detail a strategy leaves to other documents, such as the graphic profile's fonts and colour codes:
    /// unlike a name, which a passage may give ("Compilo"), such a question is never one the strategy answers.
    /// </summary>
    Detail,
}
