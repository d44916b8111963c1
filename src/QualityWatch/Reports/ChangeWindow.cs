using QualityWatch.Trends;

namespace QualityWatch.Reports;

/// <summary>The hours around one change: per hour all of the stream's verdicts, and those of the new value alone.</summary>
internal sealed record ChangeWindow(VersionChange Change, IReadOnlyList<ChangeHour> Hours);
