namespace QualityWatch.Sampling;

/// <summary>A resolved stream: its name, selector, rate and boost.</summary>
internal sealed record StreamDefinition(string Name, IReadOnlyDictionary<string, string> Match, int EveryN, SamplingMode Mode)
{
    /// <summary>How new versions of this stream are boosted (the stream's own, else <c>Sampling:Boost</c>).</summary>
    public BoostOptions Boost { get; init; } = new();

    /// <summary>The stream's daily judge budget (the stream's own, else <c>Sampling:Budget</c>); disabled by default.</summary>
    public BudgetOptions Budget { get; init; } = new();

    public bool Matches(IReadOnlyDictionary<string, string> labels) =>
        Match.All(pair => labels.TryGetValue(pair.Key, out var value) && string.Equals(value, pair.Value, StringComparison.Ordinal));
}
