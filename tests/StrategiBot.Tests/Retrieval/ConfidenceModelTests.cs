using StrategiBot.Retrieval;

namespace StrategiBot.Tests.Retrieval;

/// <summary>The confidence model: its fitting recovers a known rule, and the shipped weights behave as the signals mean.</summary>
public sealed class ConfidenceModelTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    /// <summary>
    /// A change to ranking, stored questions or the lexicon moves the signals; the shipped weights must then
    /// be refitted (<c>eval --fit</c>), or they describe a search that no longer exists.
    /// </summary>
    [Fact]
    public void The_shipped_model_is_the_one_fitted_on_the_calibration_sets()
    {
        var samples = StrategiBot.Cli.Evaluation.FitSamples(QualityFloorTests.Paths("calibration")
            .SelectMany(path => StrategiBot.Cli.Evaluation.Read(path, fixture.Knowledge.OrganisationNamed))
            .Select(item => (item, fixture.Knowledge.Search(item.Question!, item.Org!))));

        var fitted = ConfidenceModel.Fit(samples);

        var shipped = ConfidenceModel.Default;
        var message = $"refit with `eval --fit`: new ConfidenceModel({fitted.Bias:F2}f, [{string.Join(", ", fitted.Weights.Select(w => w.ToString("F2", System.Globalization.CultureInfo.InvariantCulture) + "f"))}])";
        Assert.True(Math.Abs(fitted.Bias - shipped.Bias) < 0.1, message);
        Assert.All(fitted.Weights.Zip(shipped.Weights), pair => Assert.True(Math.Abs(pair.First - pair.Second) < 0.1, message));
    }

    [Fact]
    public void Fitting_learns_which_signal_separates_the_labels()
    {
        // Answerable exactly when the question match exceeds 0.5; the other two signals are noise.
        var random = new Random(7);
        var samples = Enumerable.Range(0, 400).Select(_ =>
        {
            var match = (float)random.NextDouble();
            return (Features: new[] { match, (float)random.NextDouble(), (float)random.NextDouble() * 3 }, Answerable: match > 0.5f);
        }).ToList();

        var model = ConfidenceModel.Fit(samples);

        Assert.True(model.Weights[0] > 5 * Math.Abs(model.Weights[1]), $"weights {string.Join(", ", model.Weights)}");
        Assert.True(model.Weights[0] > 5 * Math.Abs(model.Weights[2]), $"weights {string.Join(", ", model.Weights)}");
        var correct = samples.Count(s => model.Probability(s.Features) >= 0.5f == s.Answerable);
        Assert.True(correct >= 0.95 * samples.Count, $"{correct} of {samples.Count} classified right");
    }

    [Fact]
    public void The_shipped_model_has_a_weight_per_signal_and_grows_with_each()
    {
        var model = ConfidenceModel.Default;
        Assert.Equal(ConfidenceModel.SignalNames.Count, model.Weights.Count);

        var low = model.Probability(ConfidenceModel.Signals(0.2f, 0.3f, 2f, english: false, words: 4, asksForAFact: false));
        Assert.True(model.Probability(ConfidenceModel.Signals(0.9f, 0.3f, 2f, english: false, words: 4, asksForAFact: false)) > low);
        Assert.True(model.Probability(ConfidenceModel.Signals(0.2f, 0.9f, 2f, english: false, words: 4, asksForAFact: false)) > low);
        Assert.True(model.Probability(ConfidenceModel.Signals(0.2f, 0.3f, 20f, english: false, words: 4, asksForAFact: false)) > low);
        Assert.InRange(model.Probability(ConfidenceModel.Signals(0, 0, 0, english: false, words: 4, asksForAFact: false)), 0f, 0.05f);
        Assert.InRange(model.Probability(ConfidenceModel.Signals(0, 0, 0, english: true, words: 500, asksForAFact: false)), 0f, 0.05f);
    }

    /// <summary>
    /// An English question reaches the Norwegian text only through the lexicon, and a long story carries
    /// context no passage repeats: at the same match, either is more likely answerable than a short
    /// Norwegian question.
    /// </summary>
    [Fact]
    public void An_english_or_long_question_is_more_likely_answerable_at_the_same_match()
    {
        var model = ConfidenceModel.Default;
        var shortNorwegian = model.Probability(ConfidenceModel.Signals(0.4f, 0.5f, 8f, english: false, words: 3, asksForAFact: false));

        Assert.True(model.Probability(ConfidenceModel.Signals(0.4f, 0.5f, 8f, english: true, words: 3, asksForAFact: false)) > shortNorwegian);
        Assert.True(model.Probability(ConfidenceModel.Signals(0.4f, 0.5f, 8f, english: false, words: 15, asksForAFact: false)) > shortNorwegian);
    }

    /// <summary>A message longer than any question the model was fitted on must not answer itself by length alone.</summary>
    [Fact]
    public void Length_counts_only_up_to_the_longest_questions_the_model_knows()
    {
        var model = ConfidenceModel.Default;
        var longest = model.Probability(ConfidenceModel.Signals(0.1f, 0.15f, 3f, english: true, words: ConfidenceModel.MaxWords, asksForAFact: false));

        Assert.Equal(longest, model.Probability(ConfidenceModel.Signals(0.1f, 0.15f, 3f, english: true, words: 400, asksForAFact: false)));
        Assert.True(longest < 0.4f, $"a long English message matching little got {longest}");
    }

    [Fact]
    public void Asking_for_a_number_or_name_the_passage_lacks_lowers_the_probability()
    {
        var model = ConfidenceModel.Default;

        Assert.True(model.Probability(ConfidenceModel.Signals(0.6f, 0.8f, 8f, english: false, words: 4, asksForAFact: true))
            < model.Probability(ConfidenceModel.Signals(0.6f, 0.8f, 8f, english: false, words: 4, asksForAFact: false)));
    }

    [Fact]
    public void Words_no_strategy_knows_lower_the_probability()
    {
        var model = ConfidenceModel.Default;
        var allKnown = model.Probability(ConfidenceModel.Signals(0.5f, 0.6f, 8f, english: false, words: 4, asksForAFact: false, unknownShare: 0));

        Assert.True(model.Probability(ConfidenceModel.Signals(0.5f, 0.6f, 8f, english: false, words: 4, asksForAFact: false, unknownShare: 0.5f)) < allKnown);
    }

    [Fact]
    public void A_question_much_like_an_uncovered_one_lowers_the_probability()
    {
        var model = ConfidenceModel.Default;
        var unlike = model.Probability(ConfidenceModel.Signals(0.5f, 0.6f, 8f, english: false, words: 4, asksForAFact: false, uncoveredMatch: 0.1f));

        Assert.True(model.Probability(ConfidenceModel.Signals(0.5f, 0.6f, 8f, english: false, words: 4, asksForAFact: false, uncoveredMatch: 0.8f)) < unlike / 2);
    }

    [Fact]
    public void Fitting_needs_at_least_two_samples_of_one_shape()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceModel.Fit([([1f, 1f, 1f], true)]));
        Assert.Throws<ArgumentException>(() => ConfidenceModel.Fit([([1f, 1f, 1f], true), ([1f, 1f], false)]));
    }

    [Fact]
    public void Signals_must_match_the_weights() =>
        Assert.Throws<ArgumentException>(() => ConfidenceModel.Default.Probability([0.5f]));
}
