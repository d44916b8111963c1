namespace QualityWatch.Bench.WebConsole;

/// <summary>One page's timings, in milliseconds, request sent to body read over loopback.</summary>
internal sealed record ConsolePageResult(string Page, double P50, double P95, double Max, int Errors);
