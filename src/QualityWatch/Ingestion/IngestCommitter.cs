using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using QualityWatch.Judging;
using QualityWatch.Judging.Queue;
using QualityWatch.Redaction;
using QualityWatch.Sampling;
using QualityWatch.Storage;
using QualityWatch.Telemetry;

namespace QualityWatch.Ingestion;

/// <summary>
/// One group commit: dedup, count, sample, redact and store every interaction of the given
/// requests in a single transaction. Runs only on the writer's thread.
/// </summary>
internal sealed class IngestCommitter(
    SqliteConnectionFactory connections,
    SamplingState sampling,
    Redactor redactor,
    JudgeQueueSignal judgeSignal,
    QualityWatchMetrics metrics,
    IOptions<IngestOptions> options,
    TimeProvider time,
    ILogger<IngestCommitter> logger)
{
    private readonly Dictionary<VolumeKey, VolumeDelta> volume = [];
    private readonly CommitTally tally = new();
    private bool expiryFailing;

    public IngestOutcome[] Commit(IReadOnlyList<IngestWork> group)
    {
        var window = options.Value.DedupWindow;
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        using var connection = connections.OpenWrite();
        return CommitGroup(connection, group, nowMs, nowMs - (long)window.TotalMilliseconds, window);
    }

    /// <summary>
    /// Drops the dedup buckets whose ids are all out of the window. The writer calls it after every commit, failed ones
    /// too (a full disk gets pages back), once the group is answered. Never throws: the group's outcome is settled, and
    /// the next commit retries.
    /// </summary>
    public void ExpireSeen()
    {
        try
        {
            var cutoffMs = time.GetUtcNow().ToUnixTimeMilliseconds() - (long)options.Value.DedupWindow.TotalMilliseconds;
            using var connection = connections.OpenWrite();
            var dropped = SeenBuckets.Expire(connection, cutoffMs);
            if (dropped > 0)
            {
                Log.DedupExpired(logger, dropped);
            }

            if (expiryFailing)
            {
                expiryFailing = false;
                Log.DedupExpiryRecovered(logger);
            }
        }
        catch (SqliteException ex)
        {
            // Logged when it starts failing, not at every commit while it keeps failing.
            if (!expiryFailing)
            {
                expiryFailing = true;
                Log.DedupExpiryFailed(logger, ex);
            }
        }
    }

    private IngestOutcome[] CommitGroup(SqliteConnection connection, IReadOnlyList<IngestWork> group, long nowMs, long cutoffMs, TimeSpan window)
    {
        var outcomes = new IngestOutcome[group.Count];
        try
        {
            using (var transaction = connection.BeginTransaction())
            using (var seen = new SeenInteractions(connection, transaction, nowMs, cutoffMs, window))
            using (var samples = new SampleInserter(connection))
            {
                for (var i = 0; i < group.Count; i++)
                {
                    outcomes[i] = Store(connection, transaction, seen, samples, group[i].Interactions, nowMs);
                }

                sampling.Save(connection, transaction, nowMs);
                VolumeCounters.Add(connection, transaction, volume);
                transaction.Commit();
            }

            tally.RecordTo(metrics);
        }
        catch
        {
            // The in-memory counters counted interactions that were rolled back.
            sampling.Discard();
            throw;
        }
        finally
        {
            volume.Clear();
            tally.Clear();
        }

        if (outcomes.Any(o => o.Sampled > 0))
        {
            judgeSignal.Notify();
        }

        return outcomes;
    }

    private IngestOutcome Store(
        SqliteConnection connection, SqliteTransaction transaction, SeenInteractions seen, SampleInserter samples, IReadOnlyList<Interaction> interactions, long nowMs)
    {
        int accepted = 0, duplicates = 0, sampled = 0;
        foreach (var sent in interactions)
        {
            var interaction = FoldVersions(connection, transaction, sent, nowMs);
            var delta = Delta(interaction);
            if (!seen.MarkNew(interaction.Id))
            {
                duplicates++;
                delta.Duplicates++;
                tally.Duplicate(interaction.Stream.Name);
                continue;
            }

            accepted++;
            delta.Received++;
            tally.Received(interaction.Stream.Name);
            if (!interaction.ContentCaptured)
            {
                continue;
            }

            var counter = sampling.Get(connection, transaction, interaction.Stream);
            var versions = sampling.Versions.Observe(connection, transaction, interaction.Stream, counter.Counter == 0, interaction.PromptVersion, interaction.Model, nowMs);
            var decision = Sampler.Decide(interaction.Stream, counter, versions, interaction.SentId, nowMs);
            if (decision is not null && samples.Insert(Redact(interaction, decision, nowMs)))
            {
                sampled++;
                delta.Sampled++;
                tally.Sampled(interaction.Stream.Name, decision.Reason);
            }
        }

        return new IngestOutcome(accepted, duplicates, sampled);
    }

    /// <summary>Versions past the stream's cap are counted, sampled and stored as <see cref="VersionTracker.Other"/>.</summary>
    private Interaction FoldVersions(SqliteConnection connection, SqliteTransaction transaction, Interaction sent, long nowMs)
    {
        var promptVersion = sampling.Versions.Fold(connection, transaction, sent.Stream.Name, VersionDimensions.PromptVersion, sent.PromptVersion, nowMs);
        var model = sampling.Versions.Fold(connection, transaction, sent.Stream.Name, VersionDimensions.Model, sent.Model, nowMs);
        return ReferenceEquals(promptVersion, sent.PromptVersion) && ReferenceEquals(model, sent.Model)
            ? sent
            : sent with { PromptVersion = promptVersion, Model = model };
    }

    private VolumeDelta Delta(Interaction interaction)
    {
        var key = VolumeKey.For(interaction.Stream.Name, interaction.Timestamp, interaction.PromptVersion, interaction.Model);
        if (!volume.TryGetValue(key, out var delta))
        {
            delta = new VolumeDelta();
            volume[key] = delta;
        }

        return delta;
    }

    private NewSample Redact(Interaction interaction, SampleDecision decision, long nowMs)
    {
        var counts = new RedactionCounts();
        var sample = SampleRedaction.ToSample(redactor, interaction, decision.Reason, nowMs, counts, judgeTier: decision.JudgeTier);
        tally.Redacted(counts.AsDictionary());
        return sample;
    }
}
