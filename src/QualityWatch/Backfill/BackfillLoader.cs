using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using QualityWatch.Ingestion;
using QualityWatch.Judging;
using QualityWatch.Judging.Queue;
using QualityWatch.Redaction;
using QualityWatch.Sampling;
using QualityWatch.Storage;

namespace QualityWatch.Backfill;

/// <summary>
/// Reads logs into the sample store the way ingest would: validate each line, route, count the
/// hourly volume once per interaction, sample, redact, store (idempotent by interaction id) and
/// queue each sample for the rubric. A bad line is reported and skipped, never fatal.
/// </summary>
internal sealed class BackfillLoader(InteractionValidator validator, Redactor redactor, IOptions<IngestOptions> ingest, CurrentRubric current, TimeProvider time)
{
    private const int LinesPerCommit = 1000;

    /// <summary>
    /// Commits every <see cref="LinesPerCommit"/> lines so an interrupted load keeps what it stored;
    /// with <paramref name="keepOpen"/> (a dry run) everything stays in the returned transaction instead.
    /// </summary>
    public LoadResult Load(SqliteConnection connection, BackfillArguments args, string rubric, TextWriter errors, bool keepOpen, CancellationToken cancellationToken)
    {
        var summary = new LoadSummary();
        var counters = new Dictionary<string, StreamCounter>(StringComparer.Ordinal);
        var volume = new Dictionary<VolumeKey, VolumeDelta>();
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var transaction = connection.BeginTransaction();
        var files = BackfillReader.Files(args.Input!);
        summary.Files = files.Count;
        var maxLineBytes = (int)ingest.Value.MaxBodyBytes;
        foreach (var line in files.SelectMany(f => BackfillReader.Lines(f, maxLineBytes)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            summary.Lines++;
            if (Validate(line) is not { } interaction)
            {
                continue;
            }

            if (!InScope(interaction, args))
            {
                summary.OutOfScope++;
                continue;
            }

            // History has no deploys to boost and no live day to pace: the base rate alone decides.
            var stream = (args.Every is { } n ? interaction.Stream with { EveryN = n, Mode = SamplingMode.EveryN } : interaction.Stream) with { Budget = new BudgetOptions() };
            if (!counters.TryGetValue(stream.Name, out var counter))
            {
                counters[stream.Name] = counter = new StreamCounter(stream, 0, 0);
            }

            var reason = Sampler.Decide(stream, counter, [], interaction.SentId, nowMs)?.Reason;
            var firstTime = connection.Execute("INSERT OR IGNORE INTO backfill_seen (interaction_id) VALUES (@Id);", new { interaction.Id }, transaction) == 1;
            var delta = firstTime ? Delta(volume, interaction) : null;
            if (delta is not null)
            {
                delta.Received++;
            }

            if (reason is not null)
            {
                summary.Sampled++;
                var sample = SampleRedaction.ToSample(redactor, interaction, reason, nowMs, new RedactionCounts(), SampleOrigins.Backfill);
                if (SampleQueue.Insert(connection, transaction, sample))
                {
                    summary.Stored++;
                    if (delta is not null)
                    {
                        delta.Sampled++;
                    }
                }

                if (BackfillWork.Enqueue(connection, transaction, interaction.Id, rubric, current.Version, nowMs))
                {
                    summary.Queued++;
                }
            }

            if (!keepOpen && summary.Lines % LinesPerCommit == 0)
            {
                VolumeCounters.Add(connection, transaction, volume);
                volume.Clear();
                transaction.Commit();
                transaction.Dispose();
                transaction = connection.BeginTransaction();
            }
        }

        VolumeCounters.Add(connection, transaction, volume);
        if (!keepOpen)
        {
            transaction.Commit();
            transaction.Dispose();
            return new LoadResult(summary, null);
        }

        return new LoadResult(summary, transaction);

        Interaction? Validate(BackfillLine line)
        {
            var error = line.Error;
            Interaction? interaction = null;
            if (line.Wire is { } wire)
            {
                // Without its own timestamp an interaction would land in today's trends, not its own hour.
                error = wire.Timestamp is null ? "timestamp is required for backfill"
                    : validator.TryValidate(wire, out interaction, out var invalid, history: true) ? null : invalid;
            }

            if (error is not null)
            {
                summary.Bad++;
                errors.WriteLine($"{line.File}:{line.Line}: {error}");
            }

            return interaction;
        }
    }

    private static bool InScope(Interaction interaction, BackfillArguments args) =>
        (args.Stream is null || interaction.Stream.Name == args.Stream) &&
        (args.From is null || interaction.Timestamp >= args.From) &&
        (args.To is null || interaction.Timestamp < args.To);

    private static VolumeDelta Delta(Dictionary<VolumeKey, VolumeDelta> volume, Interaction interaction)
    {
        var key = VolumeKey.For(interaction.Stream.Name, interaction.Timestamp, interaction.PromptVersion, interaction.Model);
        if (!volume.TryGetValue(key, out var delta))
        {
            volume[key] = delta = new VolumeDelta();
        }

        return delta;
    }
}
