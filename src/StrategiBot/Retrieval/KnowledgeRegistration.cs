using Microsoft.Extensions.Options;
using StrategiBot.Answering;
using StrategiBot.Content;
using StrategiBot.Conversation;
using StrategiBot.Retrieval.Analysis;

namespace StrategiBot.Retrieval;

/// <summary>
/// The knowledge side of the app: content packs, lexicon, index and answerer. Shared by the server and
/// the command line, so both answer exactly alike.
/// </summary>
internal static class KnowledgeRegistration
{
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section);
        services.AddOptions<AnsweringOptions>().BindConfiguration(AnsweringOptions.Section)
            .Validate(o => o.MinConfidence is >= 0 and <= 1, "Answering:MinConfidence must be between 0 and 1.")
            .Validate(o => o.HedgeBelow is >= 0 and <= 1, "Answering:HedgeBelow must be between 0 and 1.")
            .ValidateOnStart();
        services.AddSingleton(sp => Build(sp.GetRequiredService<IOptions<ContentOptions>>().Value));
        services.AddSingleton<Answerer>();
        services.AddSingleton<AnswerComposer>();
        services.AddHostedService<KnowledgeStartupCheck>();
        return services;
    }

    public static KnowledgeBase Build(ContentOptions options) => Build(options, ContentPackLoader.LoadAll(options.StrategiesFolder));

    /// <summary>The given packs, with the lexicon of <paramref name="options"/>.</summary>
    public static KnowledgeBase Build(ContentOptions options, IReadOnlyList<ContentPack> packs)
    {
        var stopWords = StopWords.Load(System.IO.Path.Combine(options.LexiconFolder, "stopwords.txt"));
        var lexicon = ConceptLexicon.LoadFolder(options.LexiconFolder, stopWords);
        var factsPath = System.IO.Path.Combine(options.LexiconFolder, "fact-questions.txt");
        var facts = File.Exists(factsPath) ? FactPhrases.Load(factsPath) : FactPhrases.Empty;
        var framePath = System.IO.Path.Combine(options.LexiconFolder, "message-frame.txt");
        var frame = File.Exists(framePath) ? MessageFrame.Load(framePath) : MessageFrame.Empty;
        var kindsPath = System.IO.Path.Combine(options.LexiconFolder, "question-kinds.txt");
        var kinds = File.Exists(kindsPath) ? QuestionKinds.Load(kindsPath) : QuestionKinds.Empty;
        return new KnowledgeBase(packs, stopWords, lexicon, facts, frame, kinds);
    }

    /// <summary>
    /// Loads and indexes the content while the host starts, so a malformed pack stops the start with its
    /// file and line instead of failing the first question.
    /// </summary>
    private sealed class KnowledgeStartupCheck(IServiceProvider services, IOptions<BotOptions> bot) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var knowledge = services.GetRequiredService<KnowledgeBase>();
            var organisation = bot.Value.Organisation;
            if (knowledge.Pack(organisation) is null)
            {
                throw new OptionsValidationException(BotOptions.Section, typeof(BotOptions),
                    [$"Bot:Organisation '{organisation}' has no content pack; known: {string.Join(", ", knowledge.OrganisationIds)}."]);
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
