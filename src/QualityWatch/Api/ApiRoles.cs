namespace QualityWatch.Api;

/// <summary>
/// What a key may do. Each role is also the name of the authorization policy that requires it;
/// <see cref="Admin"/> passes every policy.
/// </summary>
internal static class ApiRoles
{
    /// <summary><c>POST /v1/interactions</c>.</summary>
    public const string Ingest = "ingest";

    /// <summary>Every <c>GET</c> under <c>/v1</c>, and <c>/metrics</c> with <c>Metrics:RequireApiKey</c>.</summary>
    public const string Read = "read";

    /// <summary>Posting review labels.</summary>
    public const string Review = "review";

    /// <summary>Acknowledging incidents and setting or deleting silences.</summary>
    public const string Oncall = "oncall";

    /// <summary>Everything.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Ingest, Read, Review, Oncall, Admin];
}
