namespace QualityWatch.Sampling;

/// <summary>Why an interaction was sampled; stored with the sample and used as a metric tag.</summary>
internal static class SampleReason
{
    public const string EveryN = "every_n";
    public const string Hash = "hash";

    /// <summary>Sampled at the boosted rate of a new prompt_version or model.</summary>
    public const string Boost = "boost";
}
