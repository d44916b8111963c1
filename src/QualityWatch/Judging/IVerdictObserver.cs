namespace QualityWatch.Judging;

/// <summary>
/// Told about each verdict once it is committed, so a feature can react (e.g. export it) without
/// Judging knowing about it. Called on the judge's path: it must return at once and never throw.
/// </summary>
internal interface IVerdictObserver
{
    void OnVerdictStored(VerdictRecord verdict);
}
