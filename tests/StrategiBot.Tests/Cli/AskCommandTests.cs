using System.Text.Json;
using StrategiBot.Answering;
using StrategiBot.Cli;
using StrategiBot.Tests.Retrieval;

namespace StrategiBot.Tests.Cli;

/// <summary>The command-line contract the evaluation relies on.</summary>
public sealed class AskCommandTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    [Fact]
    public async Task Jsonl_answers_each_line_with_verbatim_citations_of_the_asking_organisation()
    {
        var input = new StringReader(string.Join('\n',
            """{"id":"a","question":"Hvem uttaler seg til media?","org":"ostre-toten"}""",
            """{"id":"b","question":"who speaks to the press","org":"klaebu"}""",
            """{"id":"c","question":"Hvor mange feriedager har jeg?","org":"tynset"}"""));
        var output = new StringWriter();

        var exit = await AskCommand.RunAsync(["--jsonl"], fixture.Answerer(), new AnswerComposer(fixture.Knowledge), "ostre-toten", input, output, new StringWriter());

        Assert.Equal(0, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        foreach (var (line, org) in lines.Zip(new[] { "ostre-toten", "klaebu", "tynset" }))
        {
            using var json = JsonDocument.Parse(line);
            foreach (var citation in json.RootElement.GetProperty("citations").EnumerateArray())
            {
                Assert.Equal(org, citation.GetProperty("org").GetString());
                var text = citation.GetProperty("text").GetString()!;
                Assert.InRange(text.Length, 1, 1000);
                var source = File.ReadAllLines(Path.Combine(RepositoryContent.Root, "content", org, "strategy.md"));
                Assert.All(text.Split('\n'), part => Assert.Contains(source, l => l.Contains(part, StringComparison.Ordinal)));
            }
        }
        Assert.Equal("a", JsonDocument.Parse(lines[0]).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_bad_line_is_reported_and_the_rest_still_answered()
    {
        var input = new StringReader("{not json\n{\"id\":\"ok\",\"question\":\"presse\",\"org\":\"ostre-toten\"}\n{\"id\":\"x\",\"question\":\"hei\",\"org\":\"atlantis\"}");
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await AskCommand.RunAsync(["--jsonl"], fixture.Answerer(), new AnswerComposer(fixture.Knowledge), "ostre-toten", input, output, error);

        Assert.Equal(1, exit);
        Assert.Contains("stdin:1", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("stdin:3", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"id\":\"ok\"", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Østre Toten", "ostre-toten")]
    [InlineData("OSTRE_TOTEN", "ostre-toten")]
    [InlineData("klæbu", "klaebu")]
    [InlineData("Lørenskog kommune", "lorenskog")]
    [InlineData("Trondheim", "trondheim")]
    public async Task An_organisation_may_be_named_as_people_write_it(string named, string id)
    {
        var input = new StringReader(JsonSerializer.Serialize(new { id = "n", question = "Hvem uttaler seg til media?", org = named }));
        var output = new StringWriter();

        var exit = await AskCommand.RunAsync(["--jsonl"], fixture.Answerer(), new AnswerComposer(fixture.Knowledge), "ostre-toten", input, output, new StringWriter());

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output.ToString());
        Assert.True(json.RootElement.GetProperty("answered").GetBoolean());
        Assert.All(json.RootElement.GetProperty("citations").EnumerateArray(), c => Assert.Equal(id, c.GetProperty("org").GetString()));
    }

    [Fact]
    public async Task An_unknown_organisation_is_named_with_the_known_ones()
    {
        var input = new StringReader("{\"id\":\"x\",\"question\":\"hei\",\"org\":\"Atlantis\"}");
        var error = new StringWriter();

        await AskCommand.RunAsync(["--jsonl"], fixture.Answerer(), new AnswerComposer(fixture.Knowledge), "ostre-toten", input, new StringWriter(), error);

        Assert.Contains("stdin:1: unknown organisation 'Atlantis'. Known: klaebu, lorenskog, ostre-toten, trondheim, tynset.", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_question_prints_the_lead_in_the_passage_and_its_source()
    {
        var output = new StringWriter();

        var exit = await AskCommand.RunAsync(["--org", "ostre-toten", "Kan", "jeg", "kommentere", "personalsaker", "i", "media?"], fixture.Answerer(), new AnswerComposer(fixture.Knowledge), "ostre-toten", TextReader.Null, output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains("Dette sier kommunikasjonsstrategien til Østre Toten kommune", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Personalsaker skal ikke kommenteres i media.", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Kilde:", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_shows_how_the_question_was_read_and_why_a_detail_question_is_refused()
    {
        var output = new StringWriter();

        var exit = await AskCommand.RunAsync(["--explain", "--org", "trondheim", "Vi skal bruke kommunens felles grafiske profil på plakatene. Hvilke fargekoder og skrifttyper gjelder?"], fixture.Answerer(), new AnswerComposer(fixture.Knowledge), "ostre-toten", TextReader.Null, output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains("grafisk", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("asks for a detail no strategy holds", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("sier ikke noe om dette", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_organisation_may_be_given_as_org_equals_id()
    {
        var output = new StringWriter();

        var exit = await AskCommand.RunAsync(["--org=tynset", "Hvem", "uttaler", "seg", "til", "media?"], fixture.Answerer(), new AnswerComposer(fixture.Knowledge), "ostre-toten", TextReader.Null, output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains("Tynset kommune", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_line_gets_one_output_line_whatever_is_wrong_with_it()
    {
        var input = new StringReader(string.Join('\n',
            "\uFEFF{\"id\":\"bom\",\"question\":\"presse\",\"org\":\"ostre-toten\"}",
            "{\"id\":5,\"question\":\"presse\",\"org\":\"ostre-toten\"}",
            "{\"id\":\"number-question\",\"question\":123}",
            "{\"id\":\"number-org\",\"question\":\"presse\",\"org\":42}",
            "[1,2]",
            "{not json",
            "",
            "{\"id\":\"last\",\"question\":\"presse\"}",
            "{\"Id\":\"capitals\",\"Question\":\"presse\",\"Org\":\"ostre-toten\"}"));
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await AskCommand.RunAsync(["--jsonl"], fixture.Answerer(), new AnswerComposer(fixture.Knowledge), "ostre-toten", input, output, error);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(1, exit);
        Assert.Equal(["bom", "5", "number-question", "number-org", null, null, "last", "capitals"], lines.Select(l => l.GetProperty("id").GetString()));
        Assert.Equal([true, true, false, true, false, false, true, true], lines.Select(l => l.GetProperty("answered").GetBoolean()));
        Assert.Contains("stdin:3: needs a 'question' (text).", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("stdin:5: not a JSON object", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--org atlantis hei")]
    [InlineData("--org toten hei")]
    [InlineData("--org")]
    [InlineData("--org=atlantis hei")]
    [InlineData("--frobnicate hei")]
    [InlineData("")]
    public async Task Bad_arguments_exit_with_2_and_say_why(string commandLine)
    {
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var error = new StringWriter();

        var exit = await AskCommand.RunAsync(args, fixture.Answerer(), new AnswerComposer(fixture.Knowledge), "ostre-toten", TextReader.Null, new StringWriter(), error);

        Assert.Equal(2, exit);
        Assert.NotEmpty(error.ToString());
    }
}
