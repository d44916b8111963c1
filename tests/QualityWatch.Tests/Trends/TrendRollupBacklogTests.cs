using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using QualityWatch.Judging.Queue;
using QualityWatch.Tests.Support;
using QualityWatch.Trends;

namespace QualityWatch.Tests.Trends;

/// <summary>
/// A backlog of dirty hours, as a restore or a large backfill leaves it: the rollup works it off in short write
/// transactions, lets other writers in between them, and ends with the same rows one unchunked pass computes.
/// </summary>
public sealed class TrendRollupBacklogTests
{
    private const int Days = 60;
    private static readonly string[] Streams = ["support", "sales"];
    private static readonly long Start = TrendsDb.Ms("2026-02-01T00:00:00Z");

    [Fact]
    public async Task Rollup_BacklogOfHours_LetsAnotherWriterInWhileItWorks()
    {
        using var db = await TrendsDb.CreateAsync();
        SeedBacklog(db.DatabasePath);
        var marked = DirtyCount(db.DatabasePath);
        Assert.Equal(Streams.Length * Days * 24, marked);

        // One hour per transaction: many turns to hand over, whatever the machine's speed.
        using var rollup = new TrendRollup(db.Connections, db.Calendar, new QualityWatch.Judging.CurrentRubric(QualityWatch.Judging.Rubric.DefaultVersion), TimeProvider.System, NullLogger<TrendRollup>.Instance) { HoursPerTransaction = 1 };
        var run = Task.Run(() => rollup.RunAsync(CancellationToken.None));

        // Watched and written from a thread of its own, not from a continuation of this test: xUnit runs continuations
        // on a context shared with the other tests, and on a busy CI machine the whole backlog was worked off before
        // a yielded loop got its next turn. Another writer of this process (ingest's synchronous loop) asks for the
        // write turn as soon as the first chunk has committed, while the backlog is being worked off.
        var observed = await Task.Factory.StartNew(
            () =>
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                while (DirtyCount(db.DatabasePath) == marked && !run.IsCompleted && watch.Elapsed < TimeSpan.FromMinutes(2))
                {
                    Thread.SpinWait(100);
                }

                if (run.IsCompleted)
                {
                    return (Started: false, RunDoneWhileWriting: true, DirtyWhileWriting: 0L);
                }

                using var writer = db.Connections.OpenWrite();
                writer.Execute(
                    """
                    INSERT INTO samples (interaction_id, stream, occurred_at, received_at, prompt, response, sample_reason, status, updated_at)
                    VALUES ('meanwhile', 'support', @at, @at, 'p', 'r', 'every_n', @pending, @at);
                    """,
                    new { at = Start + 5_000, pending = SampleStatuses.Pending });

                // The rollup cannot move while this writer holds the turn, so what it sees now is where the rollup let it in.
                return (Started: true, RunDoneWhileWriting: run.IsCompleted, DirtyWhileWriting: DirtyCount(db.DatabasePath));
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        Assert.True(observed.Started, "the rollup finished before the watcher saw it start; the backlog is too short for this machine");
        Assert.False(observed.RunDoneWhileWriting, "the writer got the write turn only after the whole rollup had finished");
        Assert.True(observed.DirtyWhileWriting > 1, "the writer got in only at the very end of the backlog");

        await run;
        Assert.Equal(1L, Db.Scalar<long>(db.DatabasePath, "SELECT COUNT(*) FROM samples WHERE interaction_id = 'meanwhile';"));
    }

    [Fact]
    public async Task Rollup_BacklogInChunks_EqualsOneUnchunkedPass()
    {
        using var db = await TrendsDb.CreateAsync();
        SeedBacklog(db.DatabasePath);
        using var rollup = new TrendRollup(db.Connections, db.Calendar, new QualityWatch.Judging.CurrentRubric(QualityWatch.Judging.Rubric.DefaultVersion), TimeProvider.System, NullLogger<TrendRollup>.Instance) { HoursPerTransaction = 5 };

        var result = await rollup.RunAsync(CancellationToken.None);
        var chunked = db.Dump();

        Assert.Equal(Streams.Length * Days * 24, result.Hours);
        Assert.Equal(0L, DirtyCount(db.DatabasePath));
        using (var connection = Db.Open(db.DatabasePath))
        {
            connection.Execute("DELETE FROM trend_rollups;");
            connection.Execute(Unchunked("hour", 3_600_000), new { failed = SampleStatuses.Failed });
            connection.Execute(Unchunked("day", 86_400_000), new { failed = SampleStatuses.Failed });
        }

        var unchunked = db.Dump();
        Assert.Equal(Streams.Length * Days * 24 * 2 + (Streams.Length * Days * 2), unchunked.Count);
        Assert.Equal(unchunked, chunked);
    }

    private static long DirtyCount(string path) => Db.Scalar<long>(path, "SELECT COUNT(*) FROM trend_dirty;");

    /// <summary>Every bucket of one granularity in one statement over all samples (UTC, so a day is 24 whole hours).</summary>
    private static string Unchunked(string granularity, long width) =>
        $"""
        INSERT INTO trend_rollups
            (granularity, bucket_start, bucket_end, stream, prompt_version, model, sampled, judged, failed, hallucinations,
             accuracy_1, accuracy_2, accuracy_3, accuracy_4, accuracy_5, tone_1, tone_2, tone_3, tone_4, tone_5,
             prompt_tokens, cached_tokens, output_tokens, thinking_tokens, cost_usd, first_seen, last_seen)
        SELECT '{granularity}', s.occurred_at - s.occurred_at % {width}, s.occurred_at - s.occurred_at % {width} + {width}, s.stream,
               COALESCE(s.prompt_version, ''), COALESCE(s.model, ''),
               COUNT(*), COUNT(v.interaction_id), SUM(s.status = @failed), COALESCE(SUM(v.hallucination), 0),
               COALESCE(SUM(v.accuracy = 1), 0), COALESCE(SUM(v.accuracy = 2), 0), COALESCE(SUM(v.accuracy = 3), 0),
               COALESCE(SUM(v.accuracy = 4), 0), COALESCE(SUM(v.accuracy = 5), 0),
               COALESCE(SUM(v.tone = 1), 0), COALESCE(SUM(v.tone = 2), 0), COALESCE(SUM(v.tone = 3), 0),
               COALESCE(SUM(v.tone = 4), 0), COALESCE(SUM(v.tone = 5), 0),
               COALESCE(SUM(v.prompt_tokens), 0), COALESCE(SUM(v.cached_tokens), 0), COALESCE(SUM(v.output_tokens), 0),
               COALESCE(SUM(v.thinking_tokens), 0), COALESCE(SUM(v.cost_usd), 0.0), MIN(s.occurred_at), MAX(s.occurred_at)
        FROM samples s LEFT JOIN verdicts v ON v.interaction_id = s.interaction_id AND v.rubric_version = 'v1'
        GROUP BY 2, s.stream, COALESCE(s.prompt_version, ''), COALESCE(s.model, '');
        """;

    /// <summary>
    /// Per stream and hour over 20 days: a judged sample (v1 verdict, also an old-rubric one every third hour), a failed
    /// one without a verdict, and one of another model without a prompt_version; prompt_version p1 turns p2 on day 10.
    /// Costs are binary fractions, so sums in any order are exact.
    /// </summary>
    private static void SeedBacklog(string path)
    {
        using var connection = Db.Open(path);
        using var transaction = connection.BeginTransaction();
        const string sample =
            """
            INSERT INTO samples (interaction_id, stream, occurred_at, received_at, prompt, response, model, prompt_version, sample_reason, status, updated_at)
            VALUES (@id, @stream, @at, @at, 'Where is my order?', 'It shipped.', @model, @version, 'every_n', @status, @at);
            """;
        const string verdict =
            """
            INSERT INTO verdicts (interaction_id, rubric_version, accuracy, tone, hallucination, unsupported_claims, reason, provider, judge_model,
                                  service_tier_requested, service_tier, latency_ms, attempts, prompt_tokens, cached_tokens, output_tokens,
                                  thinking_tokens, cost_usd, judged_at)
            VALUES (@id, @rubric, @accuracy, @tone, @h, '[]', 'because', 'gemini', 'gemini-2.5-flash', 'flex', 'flex', 900, 1, 1000, 800, 50, 10, @cost, @judged);
            """;
        foreach (var stream in Streams)
        {
            for (var hour = 0; hour < Days * 24; hour++)
            {
                var at = Start + (hour * 3_600_000L) + (hour % 7 * 60_000L);
                var version = hour < Days * 12 ? "p1" : "p2";
                var id = $"{stream}-{hour}";
                connection.Execute(sample, new { id, stream, at, model = "m1", version, status = SampleStatuses.Done }, transaction);
                connection.Execute(verdict, new { id, rubric = "v1", accuracy = 1 + (hour % 5), tone = 1 + (hour % 4), h = hour % 9 == 0 ? 1 : 0, cost = 0.25 * (1 + (hour % 3)), judged = at + 60_000 }, transaction);
                if (hour % 3 == 0)
                {
                    connection.Execute(verdict, new { id, rubric = "v0", accuracy = 5, tone = 5, h = 1, cost = 0.5, judged = at + 30_000 }, transaction);
                }

                connection.Execute(sample, new { id = id + "-failed", stream, at = at + 600_000, model = "m1", version, status = SampleStatuses.Failed }, transaction);
                connection.Execute(sample, new { id = id + "-other", stream, at = at + 1_200_000, model = "m2", version = (string?)null, status = SampleStatuses.Pending }, transaction);
            }
        }

        transaction.Commit();
    }
}
