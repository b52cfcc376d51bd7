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
return await EvalCommand.RunAsync([args[2], "--verbose"], answerer, Console.Out, Console.Error);
