using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using QualityWatch.Redaction;

namespace QualityWatch.Ingestion;

/// <summary>
/// Identifier values (model, prompt_version, label names) the <see cref="IdentifierRedactor"/> found free of PII,
/// so the next interaction sending the same value skips every detector. These fields repeat across nearly every
/// interaction of a stream, and running the detectors over them was most of the cost of validating one (bench/RESULTS.md,
/// "Ingest against the machine's limit"). Only values the redactor left unchanged are kept, so the set never holds PII;
/// it is bounded, and once full a value not in it is redacted as before.
/// </summary>
internal sealed class CleanIdentifiers(IdentifierRedactor identifiers)
{
    /// <summary>Most values kept: far above the versions a stream tracks, and a few MiB at most.</summary>
    public const int Capacity = 4096;

    private readonly ConcurrentDictionary<string, byte> clean = new(StringComparer.Ordinal);

    public int Count => clean.Count;

    /// <summary>A value that differs per interaction (the id, conversation_id): redacted every time, never remembered.</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public string? Redact(string? value) => identifiers.Redact(value);

    /// <summary>As <see cref="Redact"/>, for a value that repeats: the detectors run only for one not known to be clean.</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public string? RedactRepeated(string? value)
    {
        if (string.IsNullOrEmpty(value) || clean.ContainsKey(value))
        {
            return value;
        }

        var redacted = identifiers.Redact(value);
        if (ReferenceEquals(redacted, value) && clean.Count < Capacity)
        {
            clean.TryAdd(value, 0);
        }

        return redacted;
    }
}
