namespace QualityWatch.Judging;

/// <summary>A registered lease owner as another process sees it.</summary>
internal sealed record LeaseOwnerRow(string Owner, string Instance, long HeartbeatAt);
