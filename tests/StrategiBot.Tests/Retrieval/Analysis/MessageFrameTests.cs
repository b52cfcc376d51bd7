using StrategiBot.Cli;
using StrategiBot.Content;
using StrategiBot.Retrieval.Analysis;

namespace StrategiBot.Tests.Retrieval.Analysis;

/// <summary>Greetings, openers, thanks and sign-offs around a question, which say nothing about its answer.</summary>
public sealed class MessageFrameTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    private static MessageFrame Shipped => MessageFrame.Load(Path.Combine(RepositoryContent.Root, "lexicon", "message-frame.txt"));

    [Theory]
    [InlineData("Hei! Kort spørsmål: hvem uttaler seg til media? På forhånd takk.", "hvem uttaler seg til media?")]
    [InlineData("Hei hei, god morgen! Kan jeg poste bilder fra jobben? Takk for hjelpen 🙂", "Kan jeg poste bilder fra jobben?")]
    [InlineData("Hi there, quick question: who speaks to the press? Thanks in advance!", "who speaks to the press?")]
    [InlineData("hovedmål kommunikasjon\nMvh Kari Nordmann", "hovedmål kommunikasjon")]
    [InlineData("Kva er måla våre? Venleg helsing Per", "Kva er måla våre?")]
    [InlineData("Hei! hvem uttaler seg? Pa forhand takk", "hvem uttaler seg?")]
    public void The_frame_comes_off(string message, string question) =>
        Assert.Equal(question, Shipped.Strip(message));

    [Theory]
    [InlineData("Spørsmål fra media om skolen – hvem svarer?")]    // an opener only when a mark ends it
    [InlineData("Kan jeg sende en hilsen til de ansatte på Facebook")] // "hilsen" alone is no sign-off
    [InlineData("Kan jeg skrive vennlig hilsen i e-post til innbyggere")] // nor one followed by more than a name
    [InlineData("Heisannhoppsann")]                                // a greeting is a whole word
    [InlineData("Takk!")]                                          // nothing would be left
    [InlineData("Hei")]
    public void What_is_not_a_frame_stays(string message) =>
        Assert.Equal(message, Shipped.Strip(message));

    /// <summary>
    /// Every dev question, wrapped in a greeting, an opener, thanks and a sign-off, gets the answer it gets
    /// bare: the same passage first, answered or refused alike.
    /// </summary>
    [Fact]
    public void A_framed_question_is_answered_like_the_bare_one()
    {
        var answerer = fixture.Answerer();
        var cases = Evaluation.Read(Path.Combine(RepositoryContent.Root, "..", "shared", "eval", "dev.jsonl"), org => org);
        var differing = new List<string>();
        foreach (var item in cases)
        {
            var framed = item.Question!.Contains('?', StringComparison.Ordinal)
                ? $"Hei! Kort spørsmål: {item.Question} På forhånd takk.\nMvh Kari"
                : $"Hi there, quick question: {item.Question}\nThanks a lot, best regards Kari";
            var bare = answerer.Answer(item.Question!, item.Org!);
            var wrapped = answerer.Answer(framed, item.Org!);
            if (bare.Answered != wrapped.Answered || First(bare) != First(wrapped))
            {
                differing.Add(item.Id!);
            }
        }

        Assert.True(cases.Count > 30, $"only {cases.Count} dev questions");
        Assert.True(differing.Count == 0, "answered differently when framed: " + string.Join(", ", differing));
    }

    private static string? First(StrategiBot.Answering.Answer answer) => answer.Citations.Count > 0 ? answer.Citations[0].Text : null;

    [Theory]
    [InlineData("greeting: hei\nhallo\n", 2)]
    [InlineData("# kommentar\n\nclosing:\n", 3)]
    [InlineData("farewell: ha det\n", 1)]
    public void A_malformed_line_fails_with_file_and_line(string text, int line)
    {
        using var folder = new TempFolder("frame");
        var path = folder.Write("message-frame.txt", text);

        var error = Assert.Throws<ContentException>(() => MessageFrame.Load(path));

        Assert.Equal(line, error.Line);
        Assert.StartsWith($"{path}:{line}:", error.Message, StringComparison.Ordinal);
    }
}
