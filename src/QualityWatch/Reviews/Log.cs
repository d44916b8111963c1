namespace QualityWatch.Reviews;

/// <summary>Review log events: ids 18000–18099. Ids and versions only, never a note.</summary>
internal static partial class Log
{
    [LoggerMessage(18000, LogLevel.Information, "Review label version {Version} stored for sample {InteractionId} by {Reviewer}")]
    public static partial void LabelSaved(ILogger logger, string interactionId, string reviewer, long version);
}
