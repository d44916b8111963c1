namespace QualityWatch.Simulator.Verdicts;

/// <summary>
/// How often the simulated judge gets the hallucination call wrong, section <c>Simulator:Judge</c>.
/// Defaults are a perfect judge. Real LLM judges reach roughly 50–80 % balanced accuracy on hard data,
/// so benches that claim detection figures should also run with an erring judge.
/// </summary>
public sealed class JudgeErrorOptions
{
    /// <summary>P(judged hallucination | true hallucination). Default 1.</summary>
    public double Sensitivity { get; set; } = 1;

    /// <summary>P(judged clean | truly clean). Default 1.</summary>
    public double Specificity { get; set; } = 1;

    /// <summary>Standard deviation, in score points, of the Gaussian noise added to accuracy and tone before rounding to 1–5. Default 0.</summary>
    public double ScoreNoise { get; set; }

    /// <summary>Seeds every draw, so a run is reproducible. Default 0.</summary>
    public int Seed { get; set; }

    /// <summary>Per judge model overrides (<c>Simulator:Judge:Models:{model}:Sensitivity</c>, …), to simulate a judge model change.</summary>
    public Dictionary<string, JudgeModelErrorOptions> Models { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The error rates in force for <paramref name="model"/>: its override where set, else the defaults.</summary>
    public (double Sensitivity, double Specificity, double ScoreNoise) For(string model) =>
        Models.TryGetValue(model, out var m)
            ? (m.Sensitivity ?? Sensitivity, m.Specificity ?? Specificity, m.ScoreNoise ?? ScoreNoise)
            : (Sensitivity, Specificity, ScoreNoise);
}
