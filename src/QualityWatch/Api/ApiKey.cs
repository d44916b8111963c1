namespace QualityWatch.Api;

/// <summary>A configured key as the gate holds it: the SHA-256 of the secret, who holds it, and its roles.</summary>
internal sealed record ApiKey(string Name, byte[] Hash, IReadOnlyList<string> Roles);
