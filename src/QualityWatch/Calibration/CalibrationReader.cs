using System.Collections.Concurrent;
using System.Data;
using Dapper;
using Microsoft.Extensions.Options;
using QualityWatch.Statistics;
using QualityWatch.Storage;

namespace QualityWatch.Calibration;

/// <summary>
/// Reads a stream's calibrations per judge model x rubric version: the labels from <c>review_labels</c>
/// (combined per sample by <see cref="LabelVotes"/>), the judged population from <c>calibration_population</c>
/// (kept by triggers, one row per calibration, so the read does not grow with the number of samples).
/// Built calibrations are kept until a label changes, or verdicts arrive and
/// <see cref="CalibrationOptions.CacheDuration"/> has passed.
/// </summary>
internal sealed class CalibrationReader(SqliteConnectionFactory connections, IOptions<CalibrationOptions> options, TimeProvider time)
{
    private const string PopulationSql =
        """
        SELECT stream AS Stream, judge_model AS JudgeModel, rubric_version AS RubricVersion, judged AS Judged,
               judged_positive AS JudgedPositive, first_judged_at AS FirstJudgedAt, last_judged_at AS LastJudgedAt
        FROM calibration_population WHERE stream = @stream AND judged > 0
        ORDER BY last_judged_at DESC, judge_model, rubric_version;
        """;

    // Through ix_review_labels_stream (stream, updated_at): a covering index, no table read.
    private const string LabelStampSql = "SELECT COUNT(*) AS Count, COALESCE(MAX(updated_at), 0) AS ChangedAt FROM review_labels WHERE stream = @stream;";

    private const string LabelsSql =
        """
        SELECT interaction_id AS InteractionId, hallucination AS Hallucination, judged_hallucination AS JudgedHallucination,
               judge_model AS JudgeModel, rubric_version AS RubricVersion, created_at AS CreatedAt, updated_at AS UpdatedAt
        FROM review_labels WHERE stream = @stream;
        """;

    private const string StreamsSql = "SELECT DISTINCT stream FROM calibration_population WHERE judged > 0 ORDER BY stream;";

    private readonly ConcurrentDictionary<string, Entry> cache = new(StringComparer.Ordinal);

    /// <summary>The calibrations of <paramref name="stream"/>; <see cref="StreamCalibrations.None"/> when it has no verdicts.</summary>
    public async Task<StreamCalibrations> ForStreamAsync(string stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var calibrations = Read(connection, transaction, stream);
        await transaction.CommitAsync(cancellationToken);
        return calibrations;
    }

    /// <summary>The calibrations of every stream that has verdicts, in stream order.</summary>
    public async Task<IReadOnlyList<StreamCalibrations>> AllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var all = ReadAll(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return all;
    }

    /// <summary>Every stream's calibrations inside a caller's read transaction (the metric gauges' shared one).</summary>
    public IReadOnlyList<StreamCalibrations> ReadAll(IDbConnection connection, IDbTransaction? transaction) =>
        [.. connection.Query<string>(StreamsSql, transaction: transaction).Select(s => Read(connection, transaction, s))];

    /// <summary>One stream's calibrations inside a caller's transaction.</summary>
    public StreamCalibrations Read(IDbConnection connection, IDbTransaction? transaction, string stream)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var label = connection.QuerySingle<LabelStamp>(LabelStampSql, new { stream }, transaction);
        var stamp = new CalibrationStamp(label.Count, label.ChangedAt, [.. connection.Query<PopulationRow>(PopulationSql, new { stream }, transaction)]);
        var now = time.GetUtcNow();
        if (cache.TryGetValue(stream, out var cached) && cached.Stamp.SameLabels(stamp)
            && (cached.Stamp.SamePopulation(stamp) || now - cached.BuiltAt < options.Value.CacheDuration))
        {
            return cached.Calibrations;
        }

        var labels = stamp.Labels == 0 ? [] : connection.Query<LabelRecord>(LabelsSql, new { stream }, transaction);
        var built = Build(stream, stamp.Population, LabelVotes.Combine(labels));
        cache[stream] = new Entry(stamp, built, now);
        return built;
    }

    internal static StreamCalibrations Build(
        string stream, IReadOnlyList<PopulationRow> population, IReadOnlyDictionary<(string JudgeModel, string RubricVersion), (JudgeLabelCounts Counts, long Since)> labels)
    {
        if (population.Count == 0)
        {
            return StreamCalibrations.None(stream);
        }

        // Newest first: the population rows arrive ordered by their newest verdict.
        var calibrations = population.Select(p =>
        {
            var (counts, since) = labels.GetValueOrDefault((p.JudgeModel, p.RubricVersion), (default, 0));
            return new StreamCalibration(
                stream,
                p.JudgeModel,
                p.RubricVersion,
                JudgeCalibration.From(counts, p.JudgedPositive, p.Judged),
                counts.Total == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(since),
                DateTimeOffset.FromUnixTimeMilliseconds(p.FirstJudgedAt),
                DateTimeOffset.FromUnixTimeMilliseconds(p.LastJudgedAt));
        }).ToList();
        return new StreamCalibrations(stream, calibrations[0], calibrations[1..]);
    }

    private sealed record Entry(CalibrationStamp Stamp, StreamCalibrations Calibrations, DateTimeOffset BuiltAt);

    // A class, not a positional record: SQLite reports no column type for MAX over zero rows.
    private sealed class LabelStamp
    {
        public long Count { get; init; }
        public long ChangedAt { get; init; }
    }
}
