namespace StrategiBot.Retrieval;

/// <summary>
/// How likely it is that the strategy answers a question, as a logistic model over signals of the search.
/// No single signal separates answerable from unanswerable questions: a question about the mayor's name
/// shares its one content word with a stored question about the mayor's role, and a long story told in an
/// employee's own words matches no stored question well yet finds its passage. Together they separate far
/// better. The question's language and length are signals too: an English question reaches the Norwegian
/// text only through the lexicon, and a long story carries context no passage repeats, so both match less
/// of their answer than a short Norwegian question does; at the same match they are more likely to be
/// answerable. And a question asked much like one the strategy is known not to answer (a content pack's
/// uncovered questions) is less likely answered, however well its words match a passage: "Hvem er
/// kontaktpersonen vår i NRK?" shares its words with the press rules. The weights are fitted on labelled
/// questions with <c>eval --fit FILE...</c>.
/// </summary>
/// <param name="Bias">The intercept.</param>
/// <param name="Weights">One weight per signal, in the order of <see cref="SignalNames"/>.</param>
internal sealed record ConfidenceModel(float Bias, IReadOnlyList<float> Weights)
{
    /// <summary>
    /// Fitted with <c>eval --fit</c> on tests/StrategiBot.Tests/Retrieval/calibration/*.jsonl; see the README's
    /// Quality section. Refit whenever ranking, stored or uncovered questions or the lexicon change much.
    /// </summary>
    public static ConfidenceModel Default { get; } = new(-8.12f, [6.46f, 2.68f, 2.44f, 0.06f, 0.34f, -3.07f, -7.24f, -9.09f]);

    /// <summary>What each signal is, for <c>eval --fit</c>'s report.</summary>
    public static IReadOnlyList<string> SignalNames { get; } = ["question match", "coverage", "ln(1 + score)", "english", "ln(1 + words)", "asks for a number or name the passage lacks", "unknown words", "closest uncovered question"];

    /// <summary>
    /// About the longest questions the model is fitted on. Beyond them length says nothing the model has
    /// seen, and an uncapped count would let a long enough message answer itself whatever it matched.
    /// </summary>
    public const int MaxWords = 20;

    /// <param name="words">The question's meaningful words, after stop words and framing are dropped; counted up to <see cref="MaxWords"/>.</param>
    /// <param name="asksForAFact">The question asks for a number or a name the best passage does not give (<see cref="Analysis.FactPhrases"/>).</param>
    /// <param name="unknownShare">
    /// The share of the question's words that no strategy, lexicon entry or spelling variant knows (0–1). A
    /// question about holiday pay or parking brings words no communication strategy uses, however well its
    /// other words match; a question the strategy answers rarely does, since even a story in an employee's
    /// own words mostly reuses words some strategy has.
    /// </param>
    /// <param name="uncoveredMatch">How closely the question and the closest uncovered question of its organisation match each other (0–1).</param>
    public static float[] Signals(float mutualQuestionMatch, float coverage, float bestScore, bool english, int words, bool asksForAFact, float unknownShare = 0, float uncoveredMatch = 0) =>
        [mutualQuestionMatch, coverage, MathF.Log(1 + bestScore), english ? 1 : 0, MathF.Log(1 + Math.Min(words, MaxWords)), asksForAFact ? 1 : 0, unknownShare, uncoveredMatch];

    public float Probability(IReadOnlyList<float> signals)
    {
        if (signals.Count != Weights.Count)
        {
            throw new ArgumentException($"The model weighs {Weights.Count} signals; {signals.Count} were given.", nameof(signals));
        }
        var z = Bias;
        for (var i = 0; i < Weights.Count; i++)
        {
            z += Weights[i] * signals[i];
        }
        return 1 / (1 + MathF.Exp(-z));
    }

    /// <summary>
    /// Logistic regression by batch gradient descent on standardised features with a little L2
    /// regularisation: a few hundred labelled questions and three features need nothing more.
    /// </summary>
    public static ConfidenceModel Fit(IReadOnlyList<(float[] Features, bool Answerable)> samples, int iterations = 3000, double learningRate = 0.5, double l2 = 0.01)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples.Count, 2);
        var n = samples[0].Features.Length;
        if (samples.Any(s => s.Features.Length != n))
        {
            throw new ArgumentException("Every sample needs the same number of signals.", nameof(samples));
        }
        var mean = new double[n];
        var deviation = new double[n];
        for (var i = 0; i < n; i++)
        {
            mean[i] = samples.Average(s => (double)s.Features[i]);
            deviation[i] = Math.Max(1e-6, Math.Sqrt(samples.Average(s => Math.Pow(s.Features[i] - mean[i], 2))));
        }
        var z = samples.Select(s => Enumerable.Range(0, n).Select(i => (s.Features[i] - mean[i]) / deviation[i]).ToArray()).ToArray();
        var bias = 0.0;
        var weights = new double[n];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var biasGradient = 0.0;
            var gradient = new double[n];
            for (var s = 0; s < z.Length; s++)
            {
                var linear = bias;
                for (var i = 0; i < n; i++)
                {
                    linear += weights[i] * z[s][i];
                }
                var error = (1 / (1 + Math.Exp(-linear))) - (samples[s].Answerable ? 1 : 0);
                biasGradient += error;
                for (var i = 0; i < n; i++)
                {
                    gradient[i] += error * z[s][i];
                }
            }
            bias -= learningRate * biasGradient / z.Length;
            for (var i = 0; i < n; i++)
            {
                weights[i] -= learningRate * ((gradient[i] / z.Length) + (l2 * weights[i]));
            }
        }
        // Back to the raw features' scale, so the model applies to unstandardised signals.
        var raw = Enumerable.Range(0, n).Select(i => weights[i] / deviation[i]).ToArray();
        var intercept = bias - Enumerable.Range(0, n).Sum(i => raw[i] * mean[i]);
        return new ConfidenceModel((float)intercept, [.. raw.Select(w => (float)w)]);
    }
}
