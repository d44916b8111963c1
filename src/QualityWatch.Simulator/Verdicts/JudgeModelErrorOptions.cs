namespace QualityWatch.Simulator.Verdicts;

/// <summary>One judge model's error rates, under <c>Simulator:Judge:Models:{model}</c>; unset values take the defaults.</summary>
public sealed class JudgeModelErrorOptions
{
    public double? Sensitivity { get; set; }

    public double? Specificity { get; set; }

    public double? ScoreNoise { get; set; }
}
