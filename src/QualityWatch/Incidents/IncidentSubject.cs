using QualityWatch.Alerting;

namespace QualityWatch.Incidents;

/// <summary>What a signal is about: a <c>prompt_version</c> or <c>model</c> (quality), the whole <c>stream</c>, or a <c>rule</c> (operational).</summary>
internal sealed record IncidentSubject(string Kind, string Dimension, string Value)
{
    public string Text => Dimension == "stream" ? "stream" : $"{Dimension} {Value}";

    public static IncidentSubject For(AlertRuleOptions rule, RuleObservation observation)
    {
        if (rule.Kind is AlertRuleKinds.Backlog or AlertRuleKinds.JudgeFailureRatio or AlertRuleKinds.IngestStalled or AlertRuleKinds.JudgeCanary)
        {
            return new IncidentSubject(IncidentKinds.Operational, "rule", rule.Kind);
        }

        if (observation.PromptVersion.Length > 0)
        {
            return new IncidentSubject(IncidentKinds.Quality, "prompt_version", observation.PromptVersion);
        }

        // A stream-wide rule names what regressed through its split: the worst prompt_version (or model) in the window.
        var worst = observation.Evidence.Split
            .Where(s => s.Samples > 0)
            .OrderByDescending(s => Badness(rule, s))
            .FirstOrDefault();
        return worst switch
        {
            { PromptVersion.Length: > 0 } => new IncidentSubject(IncidentKinds.Quality, "prompt_version", worst.PromptVersion),
            { Model.Length: > 0 } => new IncidentSubject(IncidentKinds.Quality, "model", worst.Model),
            _ => new IncidentSubject(IncidentKinds.Quality, "stream", ""),
        };
    }

    private static double Badness(AlertRuleOptions rule, EvidenceSplit split) => rule.Kind switch
    {
        AlertRuleKinds.AccuracyMean => -split.MeanAccuracy,
        AlertRuleKinds.ToneMean => -split.MeanTone,
        _ => split.HallucinationRate,
    };
}
