namespace QualityWatch.Judging;

/// <summary>
/// Free call slots per lane. Routine samples are judged in <c>Judge:ServiceTier</c>; samples the sampler
/// routed to another tier (a boost, in standard) have their own lane, so they never wait behind Flex calls
/// that take minutes. Each lane holds up to <c>Judge:MaxConcurrency</c> calls.
/// </summary>
internal readonly record struct JudgeLaneSlots(int Routine, int Routed)
{
    public bool IsEmpty => Routine <= 0 && Routed <= 0;

    /// <summary>True when a sample asking for <paramref name="judgeTier"/> goes in the routed lane.</summary>
    public static bool IsRouted(string? judgeTier, string serviceTier) => judgeTier is not null && judgeTier != serviceTier;
}
