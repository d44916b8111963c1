namespace QualityWatch.Incidents;

/// <summary>A <c>silences</c> row as SQLite returns it (times as Unix ms).</summary>
internal sealed class SilenceRow
{
    public const string Columns =
        """
        id AS Id, stream AS Stream, prompt_version AS PromptVersion, model AS Model, starts_at AS StartsAt, ends_at AS EndsAt,
        created_by AS CreatedBy, reason AS Reason, created_at AS CreatedAt, deleted_at AS DeletedAt, deleted_by AS DeletedBy
        """;

    public string Id { get; set; } = "";
    public string Stream { get; set; } = "";
    public string? PromptVersion { get; set; }
    public string? Model { get; set; }
    public long StartsAt { get; set; }
    public long EndsAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public string Reason { get; set; } = "";
    public long CreatedAt { get; set; }
    public long? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }

    public Silence ToSilence() => new(
        Id, Stream, PromptVersion, Model, At(StartsAt), At(EndsAt), CreatedBy, Reason, At(CreatedAt),
        DeletedAt is { } deleted ? At(deleted) : null, DeletedBy);

    private static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
