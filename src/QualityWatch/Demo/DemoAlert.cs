namespace QualityWatch.Demo;

/// <summary>One transition to firing, from <c>GET /v1/alerts/history</c>.</summary>
internal sealed record DemoAlert(string Rule, string Stream, string PromptVersion, DateTimeOffset At, string Reason);
