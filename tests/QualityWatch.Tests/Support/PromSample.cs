namespace QualityWatch.Tests.Support;

/// <summary>One series' value from a Prometheus text scrape.</summary>
public sealed record PromSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public bool Matches(IEnumerable<(string Label, string Value)> labels) =>
        labels.All(l => Labels.TryGetValue(l.Label, out var value) && value == l.Value);
}
