namespace StrategiBot.Retrieval.Analysis;

/// <summary>Words too common to tell passages apart, from a data file (one word per line, # comments), folded.</summary>
internal sealed class StopWords(IReadOnlySet<string> folded)
{
    public static StopWords Load(string path)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Split('#', 2)[0].Trim();
            if (line.Length > 0)
            {
                words.Add(LetterFolding.Fold(line));
            }
        }
        return new StopWords(words);
    }

    public bool Contains(string foldedWord) => folded.Contains(foldedWord);

    public int Count => folded.Count;

    public IEnumerable<string> Words => folded;
}
