using StrategiBot.Content;
using StrategiBot.Retrieval;
using StrategiBot.Retrieval.Analysis;

namespace StrategiBot.Tests.Retrieval;

/// <summary>
/// The repository's own content packs and lexicon files, found by walking up from the test binaries to
/// StrategiBot.sln, and a knowledge base built from them once per test run.
/// </summary>
internal static class RepositoryContent
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);
    private static readonly Lazy<IReadOnlyList<ContentPack>> LazyPacks = new(() => ContentPackLoader.LoadAll(ContentFolder));
    private static readonly Lazy<ConceptLexicon> LazyLexicon = new(() => ConceptLexicon.LoadFolder(LexiconFolder, StopWords));
    private static readonly Lazy<StopWords> LazyStopWords = new(() => StopWords.Load(StopWordsFile));
    private static readonly Lazy<KnowledgeBase> LazyKnowledgeBase = new(() => new KnowledgeBase(Packs, StopWords, Lexicon, FactPhrases.Load(FactsFile)));

    /// <summary>The folder holding StrategiBot.sln.</summary>
    public static string Root => LazyRoot.Value;

    public static string ContentFolder => Path.Combine(Root, "content");

    public static string LexiconFolder => Path.Combine(Root, "lexicon");

    public static string ConceptsFile => Path.Combine(Root, "lexicon", "concepts.yaml");

    public static string GlossaryFile => Path.Combine(Root, "lexicon", "english.tsv");

    public static string StopWordsFile => Path.Combine(Root, "lexicon", "stopwords.txt");

    public static string FactsFile => Path.Combine(Root, "lexicon", "fact-questions.txt");

    public static IReadOnlyList<ContentPack> Packs => LazyPacks.Value;

    public static ConceptLexicon Lexicon => LazyLexicon.Value;

    public static StopWords StopWords => LazyStopWords.Value;

    /// <summary>All packs, the stop words and the lexicon folder, as the bot loads them.</summary>
    public static KnowledgeBase KnowledgeBase => LazyKnowledgeBase.Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StrategiBot.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No StrategiBot.sln above {AppContext.BaseDirectory}.");
    }
}
