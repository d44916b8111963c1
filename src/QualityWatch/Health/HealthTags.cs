namespace QualityWatch.Health;

/// <summary>Tags that split liveness (<c>/healthz</c>) from readiness (<c>/readyz</c>).</summary>
internal static class HealthTags
{
    /// <summary>The process answers: restart it when this fails.</summary>
    public const string Live = "live";

    /// <summary>It can do its work: send it traffic (and call a deployment good) only when this passes.</summary>
    public const string Ready = "ready";

    /// <summary>A component of <c>GET /v1/status</c> and <c>qualitywatch_component_up</c>: watched, not a reason to take traffic away.</summary>
    public const string Status = "status";
}
