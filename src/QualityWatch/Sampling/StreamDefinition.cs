namespace QualityWatch.Sampling;

/// <summary>A resolved stream: its name, selector and rate.</summary>
public sealed record StreamDefinition(string Name, IReadOnlyDictionary<string, string> Match, int EveryN, SamplingMode Mode)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels) =>
        Match.All(pair => labels.TryGetValue(pair.Key, out var value) && string.Equals(value, pair.Value, StringComparison.Ordinal));
}
