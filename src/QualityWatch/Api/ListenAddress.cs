namespace QualityWatch.Api;

/// <summary>One address Kestrel will bind, and the configuration key it came from (<c>urls</c> or <c>Kestrel:Endpoints:{Name}:Url</c>).</summary>
internal sealed record ListenAddress(string Url, string Key);
