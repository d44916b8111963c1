using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using QualityWatch.Redaction;
using QualityWatch.Sampling;

namespace QualityWatch.Ingestion;

/// <summary>Turns a wire object into an <see cref="Interaction"/>, or says which field is wrong.</summary>
internal sealed partial class InteractionValidator(IOptions<IngestOptions> options, StreamRouter router, CleanIdentifiers identifiers, TimeProvider time)
{
    private const int MaxIdLength = 256;
    private const int MaxShortField = 256;
    private const int MaxLabels = 64;
    private const int MaxLabelKey = 128;
    private const int MaxLabelValue = 1024;
    private static readonly TimeSpan MaxFutureSkew = TimeSpan.FromDays(1);
    private static readonly Dictionary<string, string> NoLabels = [];

    /// <summary>
    /// Validates one wire object. <paramref name="history"/> (the backfill command) lifts the
    /// <c>Ingest:MaxTimestampAge</c> horizon, not the calendar: nothing before Unix time 0 is taken.
    /// <paramref name="generatedId"/> says the id is QualityWatch's own hex rendering of random bytes (OTLP's
    /// <c>{trace_id}:{span_id}</c>): it cannot hold PII, and a run of hex digits must not be mistaken for a
    /// phone number and rewritten, or the id would no longer name its span.
    /// </summary>
    public bool TryValidate(InteractionWire wire, out Interaction? interaction, out string? error, bool history = false, bool generatedId = false)
    {
        interaction = null;
        error = Check(wire, history, out var timestamp);
        if (error is not null)
        {
            return false;
        }

        var labels = wire.Labels ?? NoLabels;
        // Identifiers are redacted here, before anything counts, stores or logs them; streams are
        // matched on the labels as sent, since a stream's Match names them as the sender does. The id and
        // conversation_id differ per interaction; the others repeat, so their clean values are remembered.
        interaction = new Interaction(
            generatedId ? wire.Id! : identifiers.Redact(wire.Id!), timestamp, wire.Prompt!, wire.Response!, wire.Context, identifiers.RedactRepeated(wire.Model),
            identifiers.RedactRepeated(wire.PromptVersion), identifiers.Redact(wire.ConversationId), RedactNames(labels), wire.Usage)
        {
            Stream = router.Route(labels),
            SentId = wire.Id!,
        };
        return true;
    }

    private Dictionary<string, string> RedactNames(Dictionary<string, string> labels)
    {
        if (labels.Count == 0)
        {
            return labels;
        }

        var redacted = new Dictionary<string, string>(labels.Count, StringComparer.Ordinal);
        var changed = false;
        foreach (var (name, value) in labels)
        {
            var safe = identifiers.RedactRepeated(name);
            changed |= !ReferenceEquals(safe, name);
            redacted[safe] = value;
        }

        return changed ? redacted : labels;
    }

    /// <summary>The stream an item would have gone to, for counting rejections: by its labels when it has them.</summary>
    public string StreamOf(InteractionWire? wire) => router.Route(wire?.Labels ?? NoLabels).Name;

    private string? Check(InteractionWire wire, bool history, out DateTimeOffset timestamp)
    {
        timestamp = time.GetUtcNow();
        var maxField = options.Value.MaxFieldLength;
        return CheckId(wire.Id)
            ?? (wire.OccurredAt is { } at ? CheckTime(at, history, ref timestamp) : CheckTimestamp(wire.Timestamp, history, ref timestamp))
            ?? Required("prompt", wire.Prompt)
            ?? Required("response", wire.Response)
            ?? Length("prompt", wire.Prompt, maxField, "Ingest:MaxFieldLength")
            ?? Length("response", wire.Response, maxField, "Ingest:MaxFieldLength")
            ?? Length("context", wire.Context, maxField, "Ingest:MaxFieldLength")
            ?? Length("model", wire.Model, MaxShortField, null)
            ?? Length("prompt_version", wire.PromptVersion, MaxShortField, null)
            ?? Length("conversation_id", wire.ConversationId, MaxShortField, null)
            ?? CheckLabels(wire.Labels)
            ?? CheckUsage(wire.Usage);
    }

    private static string? CheckId(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return "id is required (a non-empty string, the idempotency key)";
        }

        // char.IsControl's two ranges, searched vectorised: this runs for every interaction.
        if (id.Length > MaxIdLength || id.AsSpan().ContainsAnyInRange('\u0000', '\u001F') || id.AsSpan().ContainsAnyInRange('\u007F', '\u009F'))
        {
            return $"id must be at most {MaxIdLength} characters without control characters";
        }

        return null;
    }

    private string? CheckTimestamp(string? value, bool history, ref DateTimeOffset timestamp)
    {
        if (value is null)
        {
            return null;
        }

        if (!Rfc3339().IsMatch(value) ||
            !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return "timestamp must be RFC 3339 with an offset, e.g. 2026-11-24T16:05:00Z";
        }

        return CheckTime(parsed, history, ref timestamp);
    }

    private string? CheckTime(DateTimeOffset parsed, bool history, ref DateTimeOffset timestamp)
    {
        if (parsed > time.GetUtcNow() + MaxFutureSkew)
        {
            return "timestamp is more than 24 hours in the future; check the sender's clock";
        }

        if (parsed < DateTimeOffset.UnixEpoch)
        {
            return "timestamp is before 1970-01-01T00:00:00Z; check the sender's clock";
        }

        var horizon = options.Value.MaxTimestampAge;
        if (!history && parsed < time.GetUtcNow() - horizon)
        {
            return string.Create(CultureInfo.InvariantCulture, $"timestamp is more than {horizon.TotalDays:0.##} days old (Ingest:MaxTimestampAge); send history with the backfill command");
        }

        timestamp = parsed;
        return null;
    }

    private static string? Required(string field, string? value) => value is null ? $"{field} is required" : null;

    private static string? Length(string field, string? value, int max, string? key) =>
        value is not null && value.Length > max
            ? $"{field} is {value.Length} characters; the limit{(key is null ? "" : $" ({key})")} is {max}"
            : null;

    private static string? CheckLabels(Dictionary<string, string>? labels)
    {
        if (labels is null)
        {
            return null;
        }

        if (labels.Count > MaxLabels)
        {
            return $"labels has {labels.Count} entries; at most {MaxLabels} are allowed";
        }

        foreach (var (key, value) in labels)
        {
            if (key.Length is 0 or > MaxLabelKey)
            {
                return $"label names must be 1-{MaxLabelKey} characters";
            }

            if (value is null || value.Length > MaxLabelValue)
            {
                return $"label '{key}' must be a string of at most {MaxLabelValue} characters";
            }
        }

        return null;
    }

    private static string? CheckUsage(InteractionUsage? usage) =>
        usage is not null && (usage.PromptTokens < 0 || usage.CompletionTokens < 0 || usage.TotalTokens < 0)
            ? "usage token counts must not be negative"
            : null;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
