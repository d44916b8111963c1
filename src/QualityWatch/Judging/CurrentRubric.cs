namespace QualityWatch.Judging;

/// <summary>
/// The rubric the live judge uses (<c>Judge:Rubric</c>), and so the rubric whose verdicts trends, alerts, reports and
/// the backfill's "live sample in hand" check count. Not the <see cref="Rubric"/> singleton: a backfill run with
/// <c>--rubric</c> judges with another rubric, while every reader of "the verdicts" keeps to the configured one.
/// </summary>
internal sealed record CurrentRubric(string Version);
