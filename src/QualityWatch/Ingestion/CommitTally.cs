using QualityWatch.Telemetry;

namespace QualityWatch.Ingestion;

/// <summary>
/// What one group commit counted, kept until the transaction has committed: a rolled-back commit
/// stored nothing, so it must count nothing either.
/// </summary>
internal sealed class CommitTally
{
    private readonly Dictionary<string, (long Received, long Duplicates)> streams = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Stream, string Reason), long> sampled = [];
    private readonly Dictionary<string, long> redactions = new(StringComparer.Ordinal);

    public void Received(string stream) => streams[stream] = (streams.GetValueOrDefault(stream).Received + 1, streams.GetValueOrDefault(stream).Duplicates);

    public void Duplicate(string stream) => streams[stream] = (streams.GetValueOrDefault(stream).Received, streams.GetValueOrDefault(stream).Duplicates + 1);

    public void Sampled(string stream, string reason) => sampled[(stream, reason)] = sampled.GetValueOrDefault((stream, reason)) + 1;

    public void Redacted(IReadOnlyDictionary<string, int> counts)
    {
        foreach (var (type, count) in counts)
        {
            redactions[type] = redactions.GetValueOrDefault(type) + count;
        }
    }

    public void RecordTo(QualityWatchMetrics metrics)
    {
        foreach (var (stream, (received, duplicates)) in streams)
        {
            metrics.RecordReceived(stream, received);
            metrics.RecordDuplicates(stream, duplicates);
        }

        foreach (var ((stream, reason), count) in sampled)
        {
            metrics.RecordSampled(stream, reason, count);
        }

        foreach (var (type, count) in redactions)
        {
            metrics.RecordRedactions(type, count);
        }
    }

    public void Clear()
    {
        streams.Clear();
        sampled.Clear();
        redactions.Clear();
    }
}
