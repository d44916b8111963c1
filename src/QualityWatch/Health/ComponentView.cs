namespace QualityWatch.Health;

/// <summary>One component in <c>GET /v1/status</c>: <see cref="ComponentStates"/> and the sentence that explains it.</summary>
internal sealed record ComponentView(string State, string Reason);
