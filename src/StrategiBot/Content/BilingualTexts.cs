using YamlDotNet.RepresentationModel;
using static StrategiBot.Content.YamlNodes;

namespace StrategiBot.Content;

/// <summary>
/// Reads each text with its English counterpart ("question" and "question-en"). English is all or nothing:
/// a dialog or checklist shown in English must not fall back to bokmål halfway, so once a file has one
/// English text, a missing one stops the start at the node that lacks it.
/// </summary>
/// <param name="fileKind">What the file holds ("dialog"), named in the error.</param>
/// <param name="whatNeedsEnglish">The texts that need English once one has it, named in the error.</param>
internal sealed class BilingualTexts(string path, string fileKind, string whatNeedsEnglish)
{
    private const string Suffix = "-en";
    private int? _firstEnglishLine;
    private readonly List<(int Line, string Key)> _missing = [];

    public bool HasEnglish => _firstEnglishLine is not null;

    /// <returns>Both texts, and the line of each (the English one's, where it has one).</returns>
    public (string Norwegian, string? English, int Line, int EnglishLine) Required(YamlMappingNode node, string key)
    {
        var (norwegian, line, _) = Scalar(path, node, key);
        var english = English(node, key, line);
        return (norwegian, english.Text, line, english.Line);
    }

    public (string? Norwegian, string? English) Optional(YamlMappingNode node, string key)
    {
        if (OptionalNode(node, key) is not { } value)
        {
            return OptionalNode(node, key + Suffix) is { } orphan
                ? throw new ContentException(path, Line(orphan), $"'{key}{Suffix}' translates '{key}', which is missing.")
                : (null, null);
        }
        return (ScalarText(path, value), English(node, key, Line(value)).Text);
    }

    /// <param name="line">Where the bokmål text is, named when its English is missing.</param>
    /// <returns>The English text and its line; without one, null and the bokmål line.</returns>
    private (string? Text, int Line) English(YamlMappingNode node, string key, int line)
    {
        if (OptionalNode(node, key + Suffix) is null)
        {
            _missing.Add((line, key + Suffix));
            return (null, line);
        }
        var (text, englishLine, _) = Scalar(path, node, key + Suffix);
        _firstEnglishLine = Math.Min(_firstEnglishLine ?? englishLine, englishLine);
        return (text, englishLine);
    }

    public void CheckComplete()
    {
        if (_firstEnglishLine is { } first && _missing.Count > 0)
        {
            var (line, key) = _missing.MinBy(m => m.Line);
            throw new ContentException(path, line, $"'{key}' is missing: this {fileKind} has English text (line {first}), so {whatNeedsEnglish} needs its English too.");
        }
    }
}
