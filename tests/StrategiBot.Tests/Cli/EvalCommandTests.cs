using StrategiBot.Cli;
using StrategiBot.Content;
using StrategiBot.Tests.Retrieval;

namespace StrategiBot.Tests.Cli;

/// <summary><c>eval</c>: rates over question files, a malformed file named with its line, and fitting the confidence model.</summary>
public sealed class EvalCommandTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    private const string Answerable = """{"id":"a","org":"ostre-toten","question":"Kan jeg kommentere personalsaker i media?","expect":["Personalsaker skal ikke kommenteres i media."],"answerable":true}""";
    private static readonly ContentOptions Content = new() { Path = RepositoryContent.Root };

    private const string Unanswerable = """{"id":"u","org":"ostre-toten","question":"Hvor mange feriedager har jeg i år?","expect":[],"answerable":false}""";

    [Fact]
    public async Task Rates_count_hits_at_rank_one_and_refusals()
    {
        using var folder = new TempFolder("eval");
        var file = folder.Write("set.jsonl", Answerable + "\n\n" + Unanswerable + "\n");
        var output = new StringWriter();

        var exit = await EvalCommand.RunAsync([file], fixture.Answerer(), Content, output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains("answerable: 1  top-1: 1.00  top-3: 1.00", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("unanswerable: 1  refused: 1.00", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_may_name_the_organisation_as_people_write_it()
    {
        using var folder = new TempFolder("eval");
        var file = folder.Write("set.jsonl", Answerable.Replace("\"ostre-toten\"", "\"Østre Toten\"", StringComparison.Ordinal));
        var output = new StringWriter();

        var exit = await EvalCommand.RunAsync([file], fixture.Answerer(), Content, output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains("answerable: 1  top-1: 1.00", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":"b","org":"ostre-toten"}""", "needs 'question'")]
    [InlineData("""{"id":"b","org":"atlantis","question":"hei"}""", "no content pack for the organisation 'atlantis'")]
    [InlineData("{not json", "not a JSON object")]
    public async Task A_malformed_line_is_named_with_file_and_line(string line, string problem)
    {
        using var folder = new TempFolder("eval");
        var file = folder.Write("set.jsonl", Answerable + "\n" + line + "\n");
        var error = new StringWriter();

        var exit = await EvalCommand.RunAsync([file], fixture.Answerer(), Content, new StringWriter(), error);

        Assert.Equal(2, exit);
        Assert.Contains($"{file}:2: ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(problem, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_give_a_line_per_question_with_its_signals_and_passages()
    {
        using var folder = new TempFolder("eval");
        var file = folder.Write("set.jsonl", Answerable);
        var output = new StringWriter();

        await EvalCommand.RunAsync([file, "--details"], fixture.Answerer(), Content, output, new StringWriter());

        var fields = output.ToString().Split('\n').Single(l => l.StartsWith("D\t", StringComparison.Ordinal)).Split('\t');
        Assert.Equal(["D", "a", "1", "0"], fields[..4]);
        Assert.Equal(5 + StrategiBot.Retrieval.ConfidenceModel.SignalNames.Count + 2, fields.Length);
        Assert.StartsWith("presse-kjoreregler#", fields[^2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fit_prints_a_model_for_every_signal_and_its_rates()
    {
        using var folder = new TempFolder("eval");
        var file = folder.Write("set.jsonl", string.Join('\n', Answerable, Unanswerable, Answerable.Replace("\"a\"", "\"a2\"", StringComparison.Ordinal), Unanswerable.Replace("\"u\"", "\"u2\"", StringComparison.Ordinal)));
        var output = new StringWriter();

        var exit = await EvalCommand.RunAsync([file, "--fit"], fixture.Answerer(), Content, output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.StartsWith("new ConfidenceModel(", output.ToString(), StringComparison.Ordinal);
        Assert.All(StrategiBot.Retrieval.ConfidenceModel.SignalNames, name => Assert.Contains(name + ":", output.ToString(), StringComparison.Ordinal));
        Assert.Contains("unanswerable: 2", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_for_a_detail_is_left_out_of_the_fit_since_the_model_does_not_decide_it()
    {
        (EvalCase, StrategiBot.Retrieval.RetrievalResult) Searched(string question) =>
            (new EvalCase(null, "trondheim", question, [], false), fixture.Knowledge.Search(question, "trondheim"));

        var samples = Evaluation.FitSamples([Searched("Hvor mange feriedager har jeg?"), Searched("Hvilke fargekoder har den grafiske profilen?")]);

        Assert.Single(samples);
    }

    [Fact]
    public async Task Fit_refuses_a_set_with_one_label_only()
    {
        using var folder = new TempFolder("eval");
        var file = folder.Write("set.jsonl", Answerable);
        var output = new StringWriter();

        var error = new StringWriter();

        var exit = await EvalCommand.RunAsync([file, "--fit"], fixture.Answerer(), Content, output, error);

        Assert.Equal(2, exit);
        Assert.Contains("both answerable and unanswerable", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mistyped_option_is_refused_instead_of_dropped()
    {
        using var folder = new TempFolder("eval");
        var file = folder.Write("set.jsonl", Answerable);
        var error = new StringWriter();

        var exit = await EvalCommand.RunAsync([file, "--verbos"], fixture.Answerer(), Content, new StringWriter(), error);

        Assert.Equal(2, exit);
        Assert.Contains("Unknown option '--verbos'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Held_out_questions_are_searched_without_their_stored_copies()
    {
        // The first is stored in questions.asked.yaml, the second in uncovered.yaml, word for word.
        const string Stored = """{"id":"s","org":"ostre-toten","question":"er strategien handlingsplan?","expect":["Den skal være et grunnlagsdokument for kommunikasjonstiltak som kommunen iverksetter."],"answerable":true}""";
        const string Uncovered = """{"id":"n","org":"ostre-toten","question":"hvordan bytter jeg passordet paa jobb-pcen?","expect":[],"answerable":false}""";
        using var folder = new TempFolder("eval");
        var file = folder.Write("set.jsonl", Stored + "\n" + Uncovered + "\n");
        var all = new StringWriter();
        var heldOut = new StringWriter();

        Assert.Equal(0, await EvalCommand.RunAsync([file, "--details"], fixture.Answerer(), Content, all, new StringWriter()));
        Assert.Equal(0, await EvalCommand.RunAsync([file, "--details", "--held-out=2"], fixture.Answerer(), Content, heldOut, new StringWriter()));

        float Signal(StringWriter output, string id, int signal) => float.Parse(
            output.ToString().Split('\n').Single(l => l.StartsWith($"D\t{id}\t", StringComparison.Ordinal)).Split('\t')[5 + signal],
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(Signal(all, "s", 0), 0.9f, 1f);
        Assert.True(Signal(heldOut, "s", 0) < 0.8f, $"question match {Signal(heldOut, "s", 0)} held out");
        Assert.InRange(Signal(all, "n", 7), 0.9f, 1f);
        Assert.True(Signal(heldOut, "n", 7) < 0.6f, $"uncovered match {Signal(heldOut, "n", 7)} held out");
        // Only what a fold asks is left out of its knowledge base: the questions of the other fold still count.
        Assert.Equal(Signal(all, "s", 7), Signal(heldOut, "s", 7));
        Assert.Equal(Signal(all, "n", 0), Signal(heldOut, "n", 0));
    }

    [Theory]
    [InlineData("--held-out")]
    [InlineData("--held-out", "1")]
    [InlineData("--held-out=fem")]
    [InlineData("--held-out", "-3")]
    public async Task Held_out_needs_two_folds_or_more(params string[] option)
    {
        using var folder = new TempFolder("eval");
        var file = folder.Write("set.jsonl", Answerable);
        var error = new StringWriter();

        var exit = await EvalCommand.RunAsync([file, .. option], fixture.Answerer(), Content, new StringWriter(), error);

        Assert.Equal(2, exit);
        Assert.Contains("--held-out needs a number of folds", error.ToString(), StringComparison.Ordinal);
    }
}
