using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using QualityWatch.Calibration;
using QualityWatch.Storage;

namespace QualityWatch.Reviews;

/// <summary>
/// The review draw (see docs/reviews.md). Judged samples are split by the judge's answer into two strata;
/// each stratum is taken in the order of its random <c>draw_key</c>, so what a reviewer sees of a stratum
/// is a uniform random draw from it. Within a stratum: samples of a version in its boost window first, then
/// samples nobody has labelled, then samples others labelled; never one this reviewer labelled. How many come
/// from each stratum is <see cref="StratumAllocation"/>'s.
/// </summary>
internal sealed class ReviewDraw(
    SqliteConnectionFactory connections, ReviewQueries queries, CalibrationReader calibrations, IOptions<ReviewsOptions> options, TimeProvider time)
{
    private const string NotMine = "NOT EXISTS (SELECT 1 FROM review_labels l WHERE l.interaction_id = p.interaction_id AND l.reviewer = @reviewer)";

    private const string BoostingSql =
        $"""
        SELECT p.interaction_id FROM review_pool p JOIN samples s ON s.interaction_id = p.interaction_id
        WHERE p.stream = @stream AND p.judged = @judged AND p.boost = 1 AND {NotMine}
          AND EXISTS (SELECT 1 FROM sampling_versions v WHERE v.stream = p.stream AND v.boost_until > @now
                      AND ((v.dimension = 'prompt_version' AND v.value = s.prompt_version) OR (v.dimension = 'model' AND v.value = s.model)))
        ORDER BY p.draw_key LIMIT @take;
        """;

    private const string Unlabelled = "NOT EXISTS (SELECT 1 FROM review_labels l WHERE l.interaction_id = p.interaction_id)";

    private const string FreshSql =
        $"SELECT p.interaction_id FROM review_pool p WHERE p.stream = @stream AND p.judged = @judged AND {Unlabelled} ORDER BY p.draw_key LIMIT @take;";

    private const string FreshAllStreamsSql =
        $"SELECT p.interaction_id FROM review_pool p WHERE p.judged = @judged AND {Unlabelled} ORDER BY p.draw_key LIMIT @take;";

    // Driven from the labels, which are few, not from the pool, which holds every judged sample.
    private const string OthersSql =
        $"""
        SELECT p.interaction_id FROM review_pool p
        WHERE p.interaction_id IN (SELECT interaction_id FROM review_labels) AND (@stream IS NULL OR p.stream = @stream)
          AND p.judged = @judged AND {NotMine}
        ORDER BY p.draw_key LIMIT @take;
        """;

    private const string ActiveBoostStreamsSql = "SELECT DISTINCT stream FROM sampling_versions WHERE boost_until > @now AND (@stream IS NULL OR stream = @stream);";

    private const string DetailsSql =
        """
        SELECT s.interaction_id AS InteractionId, s.stream AS Stream, s.occurred_at AS OccurredAt, s.prompt_version AS PromptVersion,
               s.model AS Model, s.sample_reason AS SampleReason, s.prompt AS Prompt, s.response AS Response, s.context AS Context,
               v.hallucination AS Hallucination, v.accuracy AS Accuracy, v.tone AS Tone, v.unsupported_claims AS UnsupportedClaims,
               v.reason AS Reason, v.judge_model AS JudgeModel, v.rubric_version AS RubricVersion, v.judged_at AS JudgedAt,
               (SELECT COUNT(*) FROM review_labels l WHERE l.interaction_id = s.interaction_id AND l.reviewer <> @reviewer) AS OtherLabels
        FROM review_pool p
        JOIN samples s ON s.interaction_id = p.interaction_id
        JOIN verdicts v ON v.interaction_id = p.interaction_id AND v.rubric_version = p.rubric_version
        WHERE p.interaction_id IN @ids;
        """;

    /// <summary>The next <paramref name="limit"/> samples for <paramref name="reviewer"/>; <paramref name="stream"/> null = every stream.</summary>
    public async Task<QueueView> DrawAsync(string reviewer, string? stream, int limit, CancellationToken cancellationToken)
    {
        // One stream: its current calibration (labels of the judge model and rubric now judging, one per sample);
        // every stream: all labels against all judged samples, a planning figure only.
        var current = stream is null ? null : (await calibrations.ForStreamAsync(stream, cancellationToken)).Current;
        var labels = current?.Labels ?? await queries.ConfusionAsync(stream, cancellationToken);
        var (judgedPositive, judged) = current is null ? await queries.PoolAsync(stream, cancellationToken) : (current.JudgedPositive, current.Judged);
        var target = LabelTargets.For(labels, judgedPositive, judged, options.Value);
        var share = target.JudgedYesShare;
        var labelled = new StratumCounts(labels.JudgedPositive, labels.JudgedNegative);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var boostStreams = (await connection.QueryAsync<string>(ActiveBoostStreamsSql, new { now, stream })).ToList();

        var yes = await CandidatesAsync(connection, reviewer, stream, boostStreams, judged: 1, limit, now);
        var no = await CandidatesAsync(connection, reviewer, stream, boostStreams, judged: 0, limit, now);
        var (takeYes, takeNo) = StratumAllocation.Allocate(labelled, limit, share, yes.Count, no.Count, options.Value.MinLabelsPerStratum);

        // Alternate, starting with the stratum that is behind its share, then boosted samples first.
        var total = labelled.JudgedYes + labelled.JudgedNo + 1;
        var firstYes = labelled.JudgedYes < Math.Max(share * total, Math.Min(options.Value.MinLabelsPerStratum, total / 2.0));
        var order = Interleave(firstYes ? yes[..takeYes] : no[..takeNo], firstYes ? no[..takeNo] : yes[..takeYes])
            .OrderByDescending(c => c.Boosted).ToList();

        var ids = order.Select(c => c.InteractionId).ToList();
        Dictionary<string, DetailRow> details = ids.Count == 0
            ? []
            : (await connection.QueryAsync<DetailRow>(DetailsSql, new { ids, reviewer })).ToDictionary(d => d.InteractionId, StringComparer.Ordinal);
        var samples = order.Where(c => details.ContainsKey(c.InteractionId)).Select(c => details[c.InteractionId].ToView(c.Boosted)).ToList();
        return new QueueView { Reviewer = reviewer, Stream = stream, JudgedYesShare = share, Labelled = labelled, LabelTarget = target, Samples = samples };
    }

    /// <summary>One judged sample as the queue shows it, drawn or not (a sample page's "review this"); null when it has no verdict.</summary>
    public async Task<QueueItemView?> ItemAsync(string reviewer, string interactionId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DetailRow>(DetailsSql, new { ids = new[] { interactionId }, reviewer });
        return rows.FirstOrDefault()?.ToView(boosted: false);
    }

    private static async Task<List<Candidate>> CandidatesAsync(
        SqliteConnection connection, string reviewer, string? stream, List<string> boostStreams, int judged, int limit, long now)
    {
        var picked = new List<Candidate>(limit);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var boosting in boostStreams)
        {
            await AddAsync(BoostingSql, boosting, boosted: true);
        }

        await AddAsync(stream is null ? FreshAllStreamsSql : FreshSql, stream, boosted: false);
        await AddAsync(OthersSql, stream, boosted: false);
        return picked;

        async Task AddAsync(string sql, string? inStream, bool boosted)
        {
            if (picked.Count >= limit)
            {
                return;
            }

            var take = limit - picked.Count + seen.Count;
            foreach (var id in await connection.QueryAsync<string>(sql, new { stream = inStream, judged, reviewer, now, take }))
            {
                if (picked.Count < limit && seen.Add(id))
                {
                    picked.Add(new Candidate(id, boosted));
                }
            }
        }
    }

    private static IEnumerable<Candidate> Interleave(List<Candidate> first, List<Candidate> second)
    {
        for (var i = 0; i < Math.Max(first.Count, second.Count); i++)
        {
            if (i < first.Count)
            {
                yield return first[i];
            }

            if (i < second.Count)
            {
                yield return second[i];
            }
        }
    }

    private sealed record Candidate(string InteractionId, bool Boosted);

    private sealed class DetailRow
    {
        public string InteractionId { get; init; } = "";
        public string Stream { get; init; } = "";
        public long OccurredAt { get; init; }
        public string? PromptVersion { get; init; }
        public string? Model { get; init; }
        public string SampleReason { get; init; } = "";
        public string Prompt { get; init; } = "";
        public string Response { get; init; } = "";
        public string? Context { get; init; }
        public long Hallucination { get; init; }
        public long Accuracy { get; init; }
        public long Tone { get; init; }
        public string UnsupportedClaims { get; init; } = "[]";
        public string Reason { get; init; } = "";
        public string JudgeModel { get; init; } = "";
        public string RubricVersion { get; init; } = "";
        public long JudgedAt { get; init; }
        public long OtherLabels { get; init; }

        public QueueItemView ToView(bool boosted) => new()
        {
            InteractionId = InteractionId,
            Stream = Stream,
            Stratum = Hallucination == 1 ? "judged_yes" : "judged_no",
            Boosted = boosted,
            OccurredAt = DateTimeOffset.FromUnixTimeMilliseconds(OccurredAt),
            PromptVersion = PromptVersion,
            Model = Model,
            SampleReason = SampleReason,
            Prompt = Prompt,
            Response = Response,
            Context = Context,
            OtherLabels = OtherLabels,
            Verdict = new QueueVerdictView
            {
                Hallucination = Hallucination == 1,
                Accuracy = (int)Accuracy,
                Tone = (int)Tone,
                UnsupportedClaims = JsonDocument.Parse(UnsupportedClaims).RootElement.Clone(),
                Reason = Reason,
                JudgeModel = JudgeModel,
                RubricVersion = RubricVersion,
                JudgedAt = DateTimeOffset.FromUnixTimeMilliseconds(JudgedAt),
            },
        };
    }
}
