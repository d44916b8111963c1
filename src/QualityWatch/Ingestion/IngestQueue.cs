using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using QualityWatch.Telemetry;

namespace QualityWatch.Ingestion;

/// <summary>
/// Hands request work to the single writer. Bounded: when the writer falls behind, new
/// requests are told to retry (503) instead of piling up in memory.
/// </summary>
internal sealed class IngestQueue(IOptions<IngestOptions> options, QualityWatchMetrics metrics)
{
    private readonly Channel<IngestWork> channel = Channel.CreateBounded<IngestWork>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<IngestWork> Reader => channel.Reader;

    /// <summary>False when the queue is full or the service is stopping.</summary>
    public bool TryEnqueue(IngestWork work)
    {
        if (!channel.Writer.TryWrite(work))
        {
            return false;
        }

        metrics.IngestQueued(1);
        return true;
    }

    /// <summary>The writer's read: takes the next waiting request, if any.</summary>
    public bool TryDequeue([NotNullWhen(true)] out IngestWork? work)
    {
        if (!channel.Reader.TryRead(out work))
        {
            return false;
        }

        metrics.IngestQueued(-1);
        return true;
    }

    /// <summary>Stops taking work; what is queued is still committed.</summary>
    public void Close() => channel.Writer.TryComplete();
}
