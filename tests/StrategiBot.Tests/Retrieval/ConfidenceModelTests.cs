using StrategiBot.Retrieval;

namespace StrategiBot.Tests.Retrieval;

/// <summary>The confidence model: its fitting recovers a known rule, and the shipped weights behave as the signals mean.</summary>
public sealed class ConfidenceModelTests
{
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

        var low = model.Probability(ConfidenceModel.Signals(0.2f, 0.3f, 2f));
        Assert.True(model.Probability(ConfidenceModel.Signals(0.9f, 0.3f, 2f)) > low);
        Assert.True(model.Probability(ConfidenceModel.Signals(0.2f, 0.9f, 2f)) > low);
        Assert.True(model.Probability(ConfidenceModel.Signals(0.2f, 0.3f, 20f)) > low);
        Assert.InRange(model.Probability(ConfidenceModel.Signals(0, 0, 0)), 0f, 0.05f);
    }

    [Fact]
    public void Fitting_needs_at_least_two_samples()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceModel.Fit([([1f, 1f, 1f], true)]));
    }
}
