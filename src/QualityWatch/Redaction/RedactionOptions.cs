namespace QualityWatch.Redaction;

/// <summary>PII redaction applied to every stored interaction. Section <c>Redaction</c>.</summary>
internal sealed class RedactionOptions
{
    public const string SectionName = "Redaction";

    /// <summary>Shortest allowed <see cref="IdKey"/>: 32 characters.</summary>
    public const int MinIdKeyLength = 32;

    /// <summary>Longest allowed <see cref="CustomPatternTimeout"/>: 10 s.</summary>
    public static readonly TimeSpan MaxCustomPatternTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Extra patterns, applied in order after the built-in detectors (email, IBAN, card, SSN, IP,
    /// phone). Default none.
    /// </summary>
    public List<CustomRedactionPattern> CustomPatterns { get; set; } = [];

    /// <summary>
    /// How long one custom pattern may search one text before the whole text is replaced by
    /// <c>[REDACTION_FAILED]</c>. Must be greater than 0 and at most 10 s. Default 100 ms
    /// (<c>00:00:00.1</c>).
    /// </summary>
    public TimeSpan CustomPatternTimeout { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Key of the hash appended to an identifier (id, conversation_id, model, prompt_version, label name)
    /// whose PII was redacted; at least <see cref="MinIdKeyLength"/> characters. Replicas that share a
    /// database must share it. Default none: a random key generated once beside the database
    /// (<c>{Storage:DatabasePath}.idkey</c>, mode 0600).
    /// </summary>
    public string? IdKey { get; set; }
}
