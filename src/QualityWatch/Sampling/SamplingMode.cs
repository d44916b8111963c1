namespace QualityWatch.Sampling;

/// <summary>How a stream picks its 1-in-N samples.</summary>
internal enum SamplingMode
{
    /// <summary>Exactly every Nth interaction of the stream, counted in a persisted counter.</summary>
    EveryN = 0,

    /// <summary>
    /// An interaction is sampled when a stable hash of its id falls in 1/N: replicas behind a
    /// load balancer agree on the sample without talking to each other.
    /// </summary>
    Hash = 1,
}
