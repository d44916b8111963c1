namespace QualityWatch.Alerting;

/// <summary>
/// One stream × prompt_version statistic (an <c>alert_cusum</c> row). After an alarm the upward statistic
/// is held and a downward CUSUM (p1 → p0) runs; when it reaches h the rate is back at baseline, the alarm
/// clears and both restart from zero (reference §1.7: resolution needs its own test).
/// </summary>
internal sealed class CusumState
{
    public string Rule { get; set; } = "";
    public string Stream { get; set; } = "";
    public string PromptVersion { get; set; } = "";
    public double Statistic { get; set; }
    public double Recovery { get; set; }
    public long Alarmed { get; set; }
    public long Alarms { get; set; }
    public long Samples { get; set; }
    public long Hallucinations { get; set; }
    public double BaselineRate { get; set; }
    public string BaselineSource { get; set; } = "";
    public double TargetRate { get; set; }
    public long StartedAt { get; set; }
    public long? AlarmedAt { get; set; }
    public long LastJudgedAt { get; set; }

    public void Add(bool hallucinated, double h, long judgedAt)
    {
        Samples++;
        Hallucinations += hallucinated ? 1 : 0;
        LastJudgedAt = judgedAt;
        var (hit, miss) = BernoulliCusum.Llr(BaselineRate, TargetRate);
        var llr = hallucinated ? hit : miss;
        if (Alarmed == 0)
        {
            Statistic = Math.Max(0, Statistic + llr);
            if (Statistic >= h)
            {
                Alarmed = 1;
                Alarms++;
                AlarmedAt = judgedAt;
                Recovery = 0;
            }

            return;
        }

        Recovery = Math.Max(0, Recovery - llr);
        if (Recovery >= h)
        {
            Alarmed = 0;
            Statistic = 0;
            Recovery = 0;
        }
    }
}
