namespace QualityWatch.Sampling;

/// <summary>One stream: a label selector and its sampling rate.</summary>
internal sealed class StreamOptions
{
    /// <summary>Stream name used in storage, metrics and alerts: letters, digits, <c>._-</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Labels an interaction must carry, all of them, with these exact values (e.g. <c>dataset: customer-support-v2</c>).</summary>
    public Dictionary<string, string> Match { get; set; } = [];

    /// <summary>One interaction in N is judged. Default 100.</summary>
    public int EveryN { get; set; } = 100;

    /// <summary>Sampling mode. Default <c>EveryN</c>.</summary>
    public SamplingMode Mode { get; set; } = SamplingMode.EveryN;

    /// <summary>This stream's boost, replacing <c>Sampling:Boost</c> as a whole; null (default) uses that.</summary>
    public BoostOptions? Boost { get; set; }

    /// <summary>This stream's daily judge budget, replacing <c>Sampling:Budget</c>; null (default) uses that.</summary>
    public BudgetOptions? Budget { get; set; }
}
