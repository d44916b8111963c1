namespace QualityWatch.Evaluations;

/// <summary>Evaluations-out log events: ids 19000–19099. Ids and counts only, never verdict text.</summary>
internal static partial class Log
{
    [LoggerMessage(19000, LogLevel.Information, "Exporting verdicts as gen_ai.evaluation.result events to {Endpoint} ({Protocol})")]
    public static partial void Exporting(ILogger logger, Uri endpoint, string protocol);

    [LoggerMessage(19001, LogLevel.Warning, "Could not export the verdict for interaction {InteractionId}")]
    public static partial void ExportFailed(ILogger logger, string interactionId, Exception exception);

    [LoggerMessage(19002, LogLevel.Warning, "{Dropped} verdict(s) were not exported so far: the export queue (Export:Otlp:QueueCapacity) was full")]
    public static partial void Dropped(ILogger logger, long dropped);
}
