using Microsoft.Extensions.Options;
using QualityWatch.Judging;
using QualityWatch.Storage;

namespace QualityWatch.Evaluations;

/// <summary>
/// Moves stored verdicts from <see cref="VerdictEventQueue"/> into the OTLP pipeline, off the judge's
/// path: it reads the sample's stream, prompt version and model, then emits. Does nothing when no
/// endpoint is configured.
/// </summary>
internal sealed class EvaluationEmitter(
    VerdictEventQueue queue, SqliteConnectionFactory connections, IOptions<EvaluationExportOptions> options, ILogger<EvaluationEmitter> logger)
    : BackgroundService
{
    private long droppedLogged;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Endpoint is not { } endpoint)
        {
            return;
        }

        Log.Exporting(logger, endpoint, options.Value.Protocol);
        using var exporter = new EvaluationExporter(options.Value);
        try
        {
            await foreach (var verdict in queue.Reader.ReadAllAsync(stoppingToken))
            {
                // Not the stopping token: the verdict is out of the queue, and a stop during its short lookup would lose it.
                await EmitAsync(exporter, verdict, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is already queued still goes out below, then the exporter flushes on dispose.
        }

        while (queue.Reader.TryRead(out var left))
        {
            await EmitAsync(exporter, left, CancellationToken.None);
        }
    }

    private async Task EmitAsync(EvaluationExporter exporter, VerdictRecord verdict, CancellationToken cancellationToken)
    {
        try
        {
            exporter.Emit(verdict, await JudgedSample.FindAsync(connections, verdict.InteractionId, cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One verdict's export failing (e.g. a busy database) must not end the export of the rest.
            Log.ExportFailed(logger, verdict.InteractionId, ex);
        }

        var dropped = queue.Dropped;
        if (dropped != droppedLogged)
        {
            droppedLogged = dropped;
            Log.Dropped(logger, dropped);
        }
    }
}
