namespace QualityWatch.Tests.Support;

/// <summary>
/// One real service after a <see cref="MetricsTraffic.FullRoundAsync"/>, scraped once every QualityWatch
/// series has appeared; shared by the tests that read the whole catalogue.
/// </summary>
public sealed class FullScrapeFixture : IAsyncLifetime
{
    private JudgeHarness? harness;

    public MetricsScrape Scrape { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        harness = await JudgeHarness.StartAsync(settings: MetricsTraffic.SettingsWithFailures);
        await MetricsTraffic.FullRoundAsync(harness);
        Scrape = await MetricsScrape.FetchUntilAsync(harness.Host.Client, s =>
            s.Has("qualitywatch_samples_failed_total") && s.Has("qualitywatch_notifications_total") &&
            s.Sum("qualitywatch_alert_instances", ("state", "firing")) >= 1);
    }

    public async Task DisposeAsync()
    {
        if (harness is not null)
        {
            await harness.DisposeAsync();
        }
    }
}
