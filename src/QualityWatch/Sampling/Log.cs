namespace QualityWatch.Sampling;

internal static partial class Log
{
    [LoggerMessage(11000, LogLevel.Information, "Stream {Stream}: new {Dimension} {Value}, sampling it 1 in {EveryN} for {Duration}")]
    public static partial void BoostStarted(ILogger logger, string stream, string dimension, string value, int everyN, TimeSpan duration);
}
