namespace QualityWatch.Api;

/// <summary>
/// The keys from before roles, still read from section <c>Ingest</c> where operators put them. They are
/// the gate's, not ingest's: every route takes them, so they live beside <see cref="AuthOptions"/>.
/// </summary>
internal sealed class LegacyKeyOptions
{
    public const string SectionName = "Ingest";

    /// <summary>
    /// Deprecated: use <c>Auth:Keys</c>. Bearer keys with the <c>ingest</c> and <c>read</c> roles, as
    /// every key had before roles. Counted with <c>Auth:Keys</c> for the loopback-only rule.
    /// </summary>
    public List<string> ApiKeys { get; set; } = [];
}
