using Microsoft.Extensions.Options;
using StrategiBot.Answering;
using StrategiBot.Cli;
using StrategiBot.Content;
using StrategiBot.Retrieval;
using StrategiBot.Retrieval.Analysis;

// Temporary harness while the host lands on main.
var root = args[1];
var packs = ContentPackLoader.LoadAll(Path.Combine(root, "content"));
var kb = new KnowledgeBase(packs, StopWords.Load(Path.Combine(root, "lexicon", "stopwords.txt")),
    File.Exists(Path.Combine(root, "lexicon", "concepts.yaml")) ? ConceptLexicon.Load(Path.Combine(root, "lexicon", "concepts.yaml")) : ConceptLexicon.Empty);
var answerer = new Answerer(kb, Options.Create(new AnsweringOptions { MinConfidence = float.Parse(args.Length > 3 ? args[3] : "0.5", System.Globalization.CultureInfo.InvariantCulture) }));
if (args[0] == "q")
{
    var r = kb.Search(args[2], "ostre-toten", 4);
    Console.WriteLine(string.Join(" | ", r.Query.Groups.Select(g => g.Source + ":" + string.Join(",", g.Alternatives.Select(a => a.Term + "/" + a.Weight)))));
    Console.WriteLine($"coverage {r.Coverage:F2}");
    foreach (var p in r.Passages) Console.WriteLine($"{p.Score:F2} [{p.Passage.Section.Id}] {p.Passage.Text[..Math.Min(150, p.Passage.Text.Length)].Replace('\n',' ')}");
    return 0;
}
return await EvalCommand.RunAsync([args[2], "--verbose"], answerer, Console.Out, Console.Error);
