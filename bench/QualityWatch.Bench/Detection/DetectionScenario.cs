namespace QualityWatch.Bench.Detection;

/// <summary>
/// One traffic story at 10,000 responses/h. Every run starts from a warmed-up service (v0 at
/// <see cref="RateBefore"/> for a day); at <see cref="ChangeAfter"/> past the warm-up the rate jumps to
/// <see cref="RateAfter"/>, either with a new prompt_version (a deploy) or within the running version
/// (drift, after a harmless deploy <see cref="DriftAfterDeploy"/> earlier). Stable runs never jump:
/// a harmless version ships every <see cref="DeployEvery"/> and every notification is a false alarm.
/// </summary>
internal sealed record DetectionScenario(string Name, double RateBefore, double RateAfter, bool Deploy, bool Stable)
{
    /// <summary>The jump happens this long after the warm-up snapshot (drift: the harmless deploy happens at the snapshot).</summary>
    public TimeSpan ChangeAfter => Deploy || Stable ? TimeSpan.FromMinutes(10) : DriftAfterDeploy;

    public static TimeSpan DriftAfterDeploy { get; } = TimeSpan.FromHours(2);

    public static TimeSpan DeployEvery { get; } = TimeSpan.FromDays(1);

    public static IReadOnlyList<DetectionScenario> All { get; } =
    [
        new("deploy 2% -> 8%", 0.02, 0.08, Deploy: true, Stable: false),
        new("deploy 5% -> 10%", 0.05, 0.10, Deploy: true, Stable: false),
        new("drift 2% -> 8%", 0.02, 0.08, Deploy: false, Stable: false),
        new("drift 5% -> 10%", 0.05, 0.10, Deploy: false, Stable: false),
        new("stable 2%", 0.02, 0.02, Deploy: false, Stable: true),
    ];
}
