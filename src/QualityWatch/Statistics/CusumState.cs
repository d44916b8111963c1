namespace QualityWatch.Statistics;

/// <summary>
/// One stream × prompt_version statistic (an <c>alert_cusum</c> row). After an alarm the upward statistic
/// is held and a downward CUSUM (p1 → p0) runs; when it reaches h the rate is back at baseline, the alarm
/// clears and both restart from zero (resolution needs its own test: docs/statistics.md, "Clearing an alarm").
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

    /// <summary>
    /// <c>judged</c>, or <c>corrected</c> when BaselineRate and TargetRate are judged-scale images of true rates through a
    /// calibration (the test itself always runs on judged verdicts).
    /// </summary>
    public string RateBasis { get; set; } = "judged";

    /// <summary>The calibration the rates were mapped with, as the alert evidence shows it (JSON); null on the judged rate.</summary>
    public string? Calibration { get; set; }

    /// <summary>The deploy-anchored SPRT: Σ LLR since the version's first verdict, no floor at zero.</summary>
    public double DeployStatistic { get; set; }

    /// <summary>1 while the deploy test runs (from the version's first verdict until it alarms or its sample limit).</summary>
    public long DeployOpen { get; set; }

    /// <summary>Which test raised the current or last alarm: <c>cusum</c> or <c>deploy_test</c>.</summary>
    public string? AlarmedBy { get; set; }

    public void Add(bool hallucinated, double h, long judgedAt) => Add(hallucinated, h, DeployAnchoredSprt.Off, judgedAt);

    public void Add(bool hallucinated, double h, DeployAnchoredSprt deploy, long judgedAt)
    {
        Samples++;
        Hallucinations += hallucinated ? 1 : 0;
        LastJudgedAt = judgedAt;
        var (hit, miss) = BernoulliCusum.Llr(BaselineRate, TargetRate);
        var llr = hallucinated ? hit : miss;
        if (Alarmed == 0)
        {
            Statistic = Math.Max(0, Statistic + llr);
            var deployFired = false;
            if (DeployOpen == 1)
            {
                DeployStatistic += llr;
                deployFired = DeployStatistic >= deploy.Level;
                DeployOpen = deployFired || Samples >= deploy.MaxSamples ? 0 : 1;
            }

            if (Statistic >= h || deployFired)
            {
                Alarmed = 1;
                Alarms++;
                AlarmedAt = judgedAt;
                AlarmedBy = deployFired && Statistic < h ? "deploy_test" : "cusum";
                Recovery = 0;
                DeployOpen = 0;
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
