namespace QualityWatch.Bench.Detection;

/// <summary>What one verdict costs per tier as the simulator bills it, measured before the runs.</summary>
internal sealed record BudgetCalibration(double FlexUsdPerSample, double StandardUsdPerSample)
{
    public double StandardOverFlex => StandardUsdPerSample / FlexUsdPerSample;
}
