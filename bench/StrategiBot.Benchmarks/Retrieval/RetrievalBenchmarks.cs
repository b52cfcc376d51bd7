using BenchmarkDotNet.Attributes;
using StrategiBot.Content;
using StrategiBot.Retrieval;
using StrategiBot.Retrieval.Analysis;

namespace StrategiBot.Benchmarks.Retrieval;

/// <summary>
/// The knowledge side's two costs: building the index for all five organisations at start-up (target
/// under 200 ms) and answering one question once it is built (target under 1 ms at the median).
/// Content is read from the repository, the same files the app ships.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet generates a subclass to run it.</remarks>
[MemoryDiagnoser]
public class RetrievalBenchmarks
{
    // A spread of what employees type: short keywords, a long situation, nynorsk, English, a typo,
    // and one the strategy does not cover.
    private static readonly string[] Questions =
    [
        "facebook regler",
        "Kan jeg uttale meg til avisa om ting som skjer på jobben?",
        "Journalisten spør kva eg meiner om at skulen skal leggjast ned. Kan eg svare på det?",
        "Who is allowed to talk to the press about a personnel case?",
        "kan jeg vaere ironisk naar jeg svarer paa kommunens facebookside?",
        "hvor mange feriedager har jeg?",
    ];

    private IReadOnlyList<ContentPack> _packs = null!;
    private StopWords _stopWords = null!;
    private ConceptLexicon _lexicon = null!;
    private FactPhrases _facts = null!;
    private KnowledgeBase _knowledge = null!;

    [ParamsSource(nameof(QuestionIndexes))]
    public int Question { get; set; }

    public static IEnumerable<int> QuestionIndexes => Enumerable.Range(0, Questions.Length);

    [GlobalSetup]
    public void Setup()
    {
        var root = RepositoryRoot();
        _packs = ContentPackLoader.LoadAll(Path.Combine(root, "content"));
        _stopWords = StopWords.Load(Path.Combine(root, "lexicon", "stopwords.txt"));
        _lexicon = ConceptLexicon.LoadFolder(Path.Combine(root, "lexicon"), _stopWords);
        var facts = Path.Combine(root, "lexicon", "fact-questions.txt");
        _facts = File.Exists(facts) ? FactPhrases.Load(facts) : FactPhrases.Empty;
        var frame = Path.Combine(root, "lexicon", "message-frame.txt");
        _knowledge = new KnowledgeBase(_packs, _stopWords, _lexicon, _facts, File.Exists(frame) ? MessageFrame.Load(frame) : MessageFrame.Empty, LoadKinds(root));
    }

    [Benchmark]
    public object Answer() => _knowledge.Search(Questions[Question], "ostre-toten");

    /// <summary>The question kinds, as the app loads them: they add terms to the index and a group to each search.</summary>
    internal static QuestionKinds LoadKinds(string root)
    {
        var kinds = Path.Combine(root, "lexicon", "question-kinds.txt");
        return File.Exists(kinds) ? QuestionKinds.Load(kinds) : QuestionKinds.Empty;
    }

    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "StrategiBot.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("StrategiBot.sln not found above the benchmark binaries.");
    }
}

/// <summary>Analysis and indexing of all five packs, the packs already parsed (parsing is file I/O).</summary>
/// <remarks>Not sealed: BenchmarkDotNet generates a subclass to run it.</remarks>
[MemoryDiagnoser]
public class IndexBuildBenchmarks
{
    private IReadOnlyList<ContentPack> _packs = null!;
    private StopWords _stopWords = null!;
    private ConceptLexicon _lexicon = null!;
    private FactPhrases _facts = null!;
    private QuestionKinds _kinds = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = RetrievalBenchmarks.RepositoryRoot();
        _kinds = RetrievalBenchmarks.LoadKinds(root);
        _packs = ContentPackLoader.LoadAll(Path.Combine(root, "content"));
        _stopWords = StopWords.Load(Path.Combine(root, "lexicon", "stopwords.txt"));
        _lexicon = ConceptLexicon.LoadFolder(Path.Combine(root, "lexicon"), _stopWords);
        var facts = Path.Combine(root, "lexicon", "fact-questions.txt");
        _facts = File.Exists(facts) ? FactPhrases.Load(facts) : FactPhrases.Empty;
    }

    [Benchmark]
    public object BuildIndex() => new KnowledgeBase(_packs, _stopWords, _lexicon, _facts, kinds: _kinds);
}
