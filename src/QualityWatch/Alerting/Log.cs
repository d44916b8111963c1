namespace QualityWatch.Alerting;

/// <summary>Alerting log events: ids 4000–4099.</summary>
internal static partial class Log
{
    [LoggerMessage(4000, LogLevel.Information, "Alert {Rule} stream {Stream} version {PromptVersion}: {From} -> {To} ({Reason})")]
    public static partial void Transition(ILogger logger, string rule, string stream, string promptVersion, string from, string to, string reason);

    [LoggerMessage(4001, LogLevel.Error, "Alert rule {Rule} could not be evaluated")]
    public static partial void RuleFailed(ILogger logger, string rule, Exception exception);

    [LoggerMessage(4004, LogLevel.Information, "Sequential rule {Rule} stream {Stream}: no baseline for version {PromptVersion} yet ({Samples} verdicts of other versions, {Needed} needed)")]
    public static partial void NoBaseline(ILogger logger, string rule, string stream, string promptVersion, long samples, int needed);

    [LoggerMessage(4006, LogLevel.Information, "Sequential rule {Rule} stream {Stream}: version {PromptVersion} waits for a usable calibration (Rate corrected): {Reason}")]
    public static partial void NoCalibration(ILogger logger, string rule, string stream, string promptVersion, string reason);

    [LoggerMessage(4005, LogLevel.Error, "Alert evaluation failed")]
    public static partial void EvaluationFailed(ILogger logger, Exception exception);
}
