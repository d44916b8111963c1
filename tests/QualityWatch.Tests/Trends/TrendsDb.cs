using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QualityWatch.Storage;
using QualityWatch.Tests.Support;
using QualityWatch.Trends;

namespace QualityWatch.Tests.Trends;

/// <summary>A temp-file database migrated by the real SchemaMigrator, with seeding helpers for samples, verdicts and volume.</summary>
internal sealed class TrendsDb : IDisposable
{
    private readonly TempDirectory temp = new();

    private TrendsDb(string zone, TimeProvider time)
    {
        Time = time;
        Connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { DatabasePath = temp.DatabasePath }));
        Calendar = new TrendCalendar(TimeZoneInfo.FindSystemTimeZoneById(zone));
        Rollup = new TrendRollup(Connections, Calendar, new QualityWatch.Judging.CurrentRubric(QualityWatch.Judging.Rubric.DefaultVersion), time, NullLogger<TrendRollup>.Instance);
        Queries = new TrendQueries(Connections, Calendar);
    }

    public TimeProvider Time { get; }

    public SqliteConnectionFactory Connections { get; }

    public TrendCalendar Calendar { get; }

    public TrendRollup Rollup { get; }

    public TrendQueries Queries { get; }

    public string DatabasePath => temp.DatabasePath;

    public static async Task<TrendsDb> CreateAsync(string zone = "UTC", TimeProvider? time = null)
    {
        var db = new TrendsDb(zone, time ?? TimeProvider.System);
        await new SchemaMigrator(db.Connections, db.Time, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return db;
    }

    public static long Ms(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

    /// <summary>Seeds a sample (status done when a verdict follows, else as given); updated_at defaults to occurred_at.</summary>
    public void Sample(string id, string occurredAt, string stream = "support", string? promptVersion = "p1", string? model = "m1",
        string status = "done", string? updatedAt = null, string response = "Your order shipped.")
    {
        const string sql =
            """
            INSERT INTO samples (interaction_id, stream, occurred_at, received_at, prompt, response, model, prompt_version, sample_reason, status, updated_at)
            VALUES (@id, @stream, @occurred, @occurred, 'Where is my order?', @response, @model, @promptVersion, 'every_n', @status, @updated);
            """;
        using var connection = Db.Open(DatabasePath);
        connection.Execute(sql, new { id, stream, occurred = Ms(occurredAt), response, model, promptVersion, status, updated = Ms(updatedAt ?? occurredAt) });
    }

    public void Verdict(string id, int accuracy, int tone, bool hallucination, string judgedAt, double cost = 0.001,
        long promptTokens = 1000, long cachedTokens = 800, long outputTokens = 50, long thinkingTokens = 10, string rubric = "v1",
        string claims = "[]")
    {
        const string sql =
            """
            INSERT INTO verdicts (interaction_id, rubric_version, accuracy, tone, hallucination, unsupported_claims, reason, provider, judge_model,
                                  service_tier_requested, service_tier, latency_ms, attempts, prompt_tokens, cached_tokens, output_tokens,
                                  thinking_tokens, cost_usd, judged_at)
            VALUES (@id, @rubric, @accuracy, @tone, @hallucination, @claims, 'because', 'gemini', 'gemini-2.5-flash', 'flex', 'flex', 900, 1,
                    @promptTokens, @cachedTokens, @outputTokens, @thinkingTokens, @cost, @judged);
            """;
        using var connection = Db.Open(DatabasePath);
        connection.Execute(sql, new { id, rubric, accuracy, tone, hallucination = hallucination ? 1 : 0, claims, promptTokens, cachedTokens, outputTokens, thinkingTokens, cost, judged = Ms(judgedAt) });
        connection.Execute("UPDATE samples SET status = 'done', updated_at = MAX(updated_at, @judged) WHERE interaction_id = @id;", new { id, judged = Ms(judgedAt) });
    }

    public void Volume(string hourStart, long received, string stream = "support", string promptVersion = "p1", string model = "m1")
    {
        const string sql =
            """
            INSERT INTO volume_hourly (stream, hour_start, prompt_version, model, received, duplicates, sampled)
            VALUES (@stream, @hour, @promptVersion, @model, @received, 0, 0)
            ON CONFLICT (stream, hour_start, prompt_version, model) DO UPDATE SET received = received + excluded.received;
            """;
        using var connection = Db.Open(DatabasePath);
        connection.Execute(sql, new { stream, hour = Ms(hourStart), promptVersion, model, received });
    }

    /// <summary>Every rollup row, in key order, as text: two dumps are equal only if every number is.</summary>
    public List<string> Dump()
    {
        using var connection = Db.Open(DatabasePath);
        return [.. connection.Query("SELECT * FROM trend_rollups ORDER BY granularity, stream, bucket_start, prompt_version, model")
            .Select(r => string.Join('|', ((IDictionary<string, object?>)r).Select(kv => $"{kv.Key}={kv.Value}")))];
    }

    public void Dispose()
    {
        Rollup.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        temp.Dispose();
    }
}
