using Microsoft.Extensions.Options;
using StrategiBot.Answering;
using StrategiBot.Content;
using StrategiBot.Retrieval;

namespace StrategiBot.Tests.Retrieval;

/// <summary>The knowledge base over the repository's real content, built once for the tests that share it.</summary>
public sealed class KnowledgeFixture
{
    internal KnowledgeBase Knowledge { get; } = KnowledgeRegistration.Build(new ContentOptions { Path = RepositoryContent.Root });

    internal Answerer Answerer(float? minConfidence = null, float? hedgeBelow = null) =>
        new(Knowledge, Options.Create(new AnsweringOptions
        {
            MinConfidence = minConfidence ?? new AnsweringOptions().MinConfidence,
            HedgeBelow = hedgeBelow ?? new AnsweringOptions().HedgeBelow,
        }));
}
