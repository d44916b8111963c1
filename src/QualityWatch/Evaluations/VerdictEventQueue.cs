using System.Threading.Channels;
using Microsoft.Extensions.Options;
using QualityWatch.Judging;

namespace QualityWatch.Evaluations;

/// <summary>
/// The judge's side of the export: a bounded in-memory hand-off that never waits. When the exporter
/// falls behind (a long collector outage) new verdicts are dropped and counted, never the judge slowed.
/// </summary>
internal sealed class VerdictEventQueue(IOptions<EvaluationExportOptions> options) : IVerdictObserver
{
    private readonly Channel<VerdictRecord> channel = Channel.CreateBounded<VerdictRecord>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private long dropped;

    public ChannelReader<VerdictRecord> Reader => channel.Reader;

    /// <summary>Verdicts dropped because the queue was full, since start.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    public void OnVerdictStored(VerdictRecord verdict)
    {
        if (options.Value.Endpoint is null)
        {
            return;
        }

        if (!channel.Writer.TryWrite(verdict))
        {
            Interlocked.Increment(ref dropped);
        }
    }
}
