namespace QualityWatch.Judging.Wire;

/// <summary>One entry of a google.rpc.Status's details; only RetryInfo's delay is read (a Duration string like <c>"58s"</c>).</summary>
internal sealed record ErrorDetail(string? RetryDelay);
