namespace QualityWatch.Sampling;

internal static partial class Log
{
    [LoggerMessage(11000, LogLevel.Information, "Stream {Stream}: new {Dimension} {Value}, sampling it 1 in {EveryN} for {Duration}")]
    public static partial void BoostStarted(ILogger logger, string stream, string dimension, string value, int everyN, TimeSpan duration);

    [LoggerMessage(11001, LogLevel.Warning, "Stream {Stream} already tracks {Cap} {Dimension} values (Sampling:MaxVersionsPerStream); {Folded} interactions with another value were counted as {Other} (at most one warning per {Every})")]
    public static partial void VersionsFolded(ILogger logger, string stream, int cap, string dimension, long folded, string other, TimeSpan every);

    [LoggerMessage(11002, LogLevel.Debug, "Forgot {Count} prompt_version and model values silent for over {ForgetAfter}")]
    public static partial void VersionsForgotten(ILogger logger, int count, TimeSpan forgetAfter);
}
