using System.Text.Json;

namespace QualityWatch.Incidents;

/// <summary>An <c>incidents</c> row as SQLite returns it (times as Unix ms); converted in <see cref="IncidentStore"/> only.</summary>
internal sealed class IncidentRow
{
    public const string Columns =
        """
        id AS Id, stream AS Stream, dimension AS Dimension, value AS Value, kind AS Kind, state AS State, opened_at AS OpenedAt,
        resolved_at AS ResolvedAt, acknowledged_at AS AcknowledgedAt, acknowledged_by AS AcknowledgedBy, acknowledged_note AS AcknowledgedNote,
        labels AS Labels, paged AS Paged, held AS Held, last_notified_at AS LastNotifiedAt, last_sent_at AS LastSentAt
        """;

    public string Id { get; set; } = "";
    public string Stream { get; set; } = "";
    public string Dimension { get; set; } = "";
    public string Value { get; set; } = "";
    public string Kind { get; set; } = "";
    public string State { get; set; } = "";
    public long OpenedAt { get; set; }
    public long? ResolvedAt { get; set; }
    public long? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public string? AcknowledgedNote { get; set; }
    public string Labels { get; set; } = "{}";
    public long Paged { get; set; }
    public long Held { get; set; }
    public long? LastNotifiedAt { get; set; }
    public long? LastSentAt { get; set; }

    public Incident ToIncident() => new(
        Id,
        Stream,
        new IncidentSubject(Kind, Dimension, Value),
        State,
        DateTimeOffset.FromUnixTimeMilliseconds(OpenedAt),
        At(ResolvedAt),
        At(AcknowledgedAt),
        AcknowledgedBy,
        AcknowledgedNote,
        JsonSerializer.Deserialize(Labels, IncidentsJsonContext.Default.DictionaryStringString) ?? [],
        Paged == 1,
        Held == 1,
        At(LastNotifiedAt),
        At(LastSentAt));

    public static long? Ms(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    private static DateTimeOffset? At(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
}
