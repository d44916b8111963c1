namespace QualityWatch.Judging;

/// <summary>A registered lease owner as another process sees it.</summary>
public sealed record LeaseOwnerRow(string Owner, string Instance, long HeartbeatAt);
