namespace QualityWatch.Api;

/// <summary>Bearer keys and their roles for every <c>/v1</c> route. Section <c>Auth</c>.</summary>
internal sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>
    /// The keys. Empty, with no <c>Ingest:ApiKeys</c> either, = every route open, allowed only while
    /// every listen address is loopback. Default empty.
    /// </summary>
    public List<ApiKeyOptions> Keys { get; set; } = [];
}
