namespace QualityWatch.Alerting;

/// <summary>Whether a rule watches a stream: an empty list or <c>*</c> means every stream.</summary>
internal static class RuleStreams
{
    public static bool Watches(AlertRuleOptions rule, string stream) =>
        rule.Streams.Count == 0 || rule.Streams.Contains("*") || rule.Streams.Contains(stream);
}
