using System.Text;
using StrategiBot.Content;

namespace StrategiBot.Retrieval.Analysis;

/// <summary>
/// Phrases that ask for a number or a name ("hvor mange", "hva koster", "hva heter"), from
/// <c>lexicon/fact-questions.txt</c>. A strategy seldom answers those: it says who speaks to the press, not
/// who the mayor is today. The confidence model takes <see cref="AsksForWhatThePassageLacks"/> as one of its
/// signals, so a question that matches a passage closely can still be answered.
/// </summary>
internal sealed class FactPhrases
{
    private readonly List<(FactKind Kind, string[] Words)> _phrases;

    private FactPhrases(List<(FactKind Kind, string[] Words)> phrases) => _phrases = phrases;

    public static FactPhrases Empty { get; } = new([]);

    /// <summary>Reads <c>kind: phrase</c> lines; an unknown kind fails with the file and line.</summary>
    public static FactPhrases Load(string path)
    {
        const string Expected = "expected 'number: phrase', 'name: phrase' or 'detail: phrase'.";
        return new FactPhrases([.. PhraseFile.ReadWords(path, ["number", "name", "detail"], Expected)
            .Select(p => (p.Kind switch { "number" => FactKind.Number, "name" => FactKind.Name, _ => FactKind.Detail }, p.Words))]);
    }

    /// <summary>
    /// True when the question asks for a detail no communication strategy holds (<see cref="FactKind.Detail"/>),
    /// however well its other words match a passage.
    /// </summary>
    public bool AsksForADetail(IReadOnlyList<string> questionWords) => Match(questionWords) == FactKind.Detail;

    /// <summary>
    /// True when the question (its words as <see cref="Tokenizer.SplitFolded"/> gives them) asks for a name,
    /// or for a number (a count, a price) that the passage does not state (<see cref="StatesANumber"/>): a
    /// passage without one cannot say how many.
    /// </summary>
    public bool AsksForWhatThePassageLacks(IReadOnlyList<string> questionWords, string passage) => Match(questionWords) switch
    {
        FactKind.Name or FactKind.Detail => true,
        FactKind.Number => !StatesANumber(passage),
        _ => false,
    };

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
    public FactKind? Match(IReadOnlyList<string> questionWords)
    {
        foreach (var (kind, phrase) in _phrases)
        {
            for (var start = 0; start + phrase.Length <= questionWords.Count; start++)
            {
                if (Tokenizer.PhraseAt(questionWords, start, phrase))
                {
                    return kind;
                }
            }
        }
        return null;
    }
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
