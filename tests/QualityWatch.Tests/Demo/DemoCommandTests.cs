using System.Globalization;
using System.Text.RegularExpressions;
using QualityWatch.Demo;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Demo;

/// <summary>
/// The whole demo, shortened: the real service, the simulator as judge over loopback HTTP, six
/// simulated hours on an 1800x clock with v2 deployed at hour 2.
/// </summary>
public sealed partial class DemoCommandTests
{
    [Fact]
    public async Task ShortDemo_JudgesEverySampleAndNamesTheRegressedVersionAfterTheChange()
    {
        using var temp = new TempDirectory();
        var database = Path.Combine(temp.Path, "demo.db");
        var output = new StringWriter(CultureInfo.InvariantCulture);
        string[] args = ["--speed", "1800", "--hours", "6", "--change-at", "2", "--rate", "6000", "--every", "30", "--after", "0.25", "--urls", "http://127.0.0.1:0", "--database", database];

        var exit = await DemoCommand.RunAsync(args, output, interactive: false, CancellationToken.None);

        var text = output.ToString();
        Assert.True(exit == 0, text);

        // Nothing lost on the way: every response counted, every 30th sampled (the changed version's
        // first hour 1 in 10, boosted) and every sample judged.
        var traffic = TrafficLine().Match(text);
        Assert.True(traffic.Success, text);
        Assert.Equal(36_000, Number(traffic.Groups["responses"].Value));
        var samples = Db.Scalar<long>(database, "SELECT COUNT(*) FROM samples");
        Assert.True(Db.Scalar<long>(database, "SELECT COUNT(*) FROM samples WHERE sample_reason = 'boost'") > 0);
        Assert.True(samples > 1_200, $"{samples} samples: v2's first hour was not boosted above the base 1 in 30");
        Assert.Equal(samples, Number(traffic.Groups["sampled"].Value));
        Assert.Equal(samples, Number(traffic.Groups["judged"].Value));
        Assert.Equal(samples, Db.Scalar<long>(database, "SELECT COUNT(*) FROM verdicts"));

        var change = DateTimeOffset.Parse(ChangeLine().Match(text).Groups["at"].Value + ":00Z", CultureInfo.InvariantCulture);
        var alerts = AlertLine().Matches(text).ToDictionary(m => m.Groups["rule"].Value);
        Assert.True(alerts.ContainsKey("hallucination-rate-high"), text);
        Assert.True(alerts.ContainsKey("hallucination-rate-shift"), text);
        Assert.Equal("v2", alerts["hallucination-rate-shift"].Groups["version"].Value);
        foreach (var alert in alerts.Values)
        {
            Assert.True(DateTimeOffset.Parse(alert.Groups["at"].Value + ":00Z", CultureInfo.InvariantCulture) >= change, alert.Value);
        }

        // One regression, one quality incident (issue 17), about v2; the summary lists it with its thread: kind, time,
        // channel. No operational incident: the pace keeps the clock behind the judge, so judge-backlog stays quiet
        // even on a loaded machine.
        Assert.True(IncidentCountLine().IsMatch(text), text);
        Assert.True(IncidentLine().Count(text) == 1, text);
        Assert.Matches(@"Incident:   inc_\w+ quality, stream default, prompt_version v2: ", text);
        var notified = NotifiedLine().Matches(text);
        Assert.Contains(notified, m => m.Groups["kind"].Value == "firing");
        Assert.True(DateTimeOffset.Parse(notified.First(m => m.Groups["kind"].Value == "firing").Groups["at"].Value + ":00Z", CultureInfo.InvariantCulture) >= change, text);

        // The links printed at the end answer.
        Assert.Contains("Report:   http://127.0.0.1:", text, StringComparison.Ordinal);
        Assert.Contains($"Database: {database}", text, StringComparison.Ordinal);
        Assert.EndsWith("The service has stopped; the database stays. Add --keep-running to keep the links above up." + Environment.NewLine, text, StringComparison.Ordinal);

        // Redirected output: at most one progress line per simulated hour (a loaded machine may skip
        // some) and the final one, not a redraw per tick.
        Assert.DoesNotContain('\r', text);
        Assert.InRange(ProgressLine().Count(text), 2, 8);
    }

    [Fact]
    public async Task KeepRunning_LeavesTheServiceUpWithItsMetricsUntilCancelled()
    {
        using var temp = new TempDirectory();
        var buffer = new StringWriter(CultureInfo.InvariantCulture);
        var output = TextWriter.Synchronized(buffer);

        // The synchronized writer locks on itself; read the buffer under the same lock.
        string Text()
        {
            lock (output)
            {
                return buffer.ToString();
            }
        }

        using var stop = new CancellationTokenSource();
        string[] args = ["--speed", "3600", "--hours", "2", "--change-at", "1", "--rate", "1200", "--every", "10", "--urls", "http://127.0.0.1:0", "--database", Path.Combine(temp.Path, "demo.db"), "--keep-running"];

        var demo = Task.Run(() => DemoCommand.RunAsync(args, output, interactive: false, stop.Token));
        await Eventually.TrueAsync(() => Text().Contains("Press Ctrl-C to stop.", StringComparison.Ordinal) || demo.IsCompleted, TimeSpan.FromMinutes(3));

        var text = Text();
        Assert.False(demo.IsCompleted, text);
        var metricsUrl = MetricsLine().Match(text).Groups["url"].Value;
        using var client = new HttpClient();
        var metrics = MetricsScrape.Parse(await client.GetStringAsync(new Uri(metricsUrl)));
        Assert.Equal(2400, metrics.Sum("qualitywatch_interactions_received_total", ("stream", "default")));

        await stop.CancelAsync();
        Assert.Equal(0, await demo.WaitAsync(TimeSpan.FromMinutes(1)));
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetStringAsync(new Uri(metricsUrl)));
    }

    [Fact]
    public async Task BadArguments_ExitWithUsage()
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);

        var exit = await DemoCommand.RunAsync(["--speed", "0"], output, interactive: false, CancellationToken.None, error);

        Assert.Equal(2, exit);
        Assert.Contains("demo: --speed must be a number from 1 to 1000000, was '0'.", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("usage: qualitywatch demo", error.ToString(), StringComparison.Ordinal);
    }

    private static long Number(string text) => long.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Traffic:\s+(?<responses>[\d,]+) responses \([\d,]+ hallucinated\), (?<sampled>[\d,]+) sampled, (?<judged>[\d,]+) judged, 0 failed\.")]
    private static partial Regex TrafficLine();

    [GeneratedRegex(@"Regression: prompt_version v2 went live at (?<at>\d{4}-\d\d-\d\d \d\d:\d\d)Z")]
    private static partial Regex ChangeLine();

    [GeneratedRegex(@"Alert:\s+(?<rule>[\w-]+) fired at (?<at>\d{4}-\d\d-\d\d \d\d:\d\d)Z for stream default(, prompt_version (?<version>\w+))?, \d+h \d\dm after the change\.")]
    private static partial Regex AlertLine();

    [GeneratedRegex(@"^Incidents:  1 quality, 0 operational\.$", RegexOptions.Multiline)]
    private static partial Regex IncidentCountLine();

    [GeneratedRegex(@"^Incident:   inc_\w+ quality, ", RegexOptions.Multiline)]
    private static partial Regex IncidentLine();

    [GeneratedRegex(@"^            notified:  (?<kind>firing|update|repeat|resolved) +(?<at>\d{4}-\d\d-\d\d \d\d:\d\d)Z  \(no channel configured\)$", RegexOptions.Multiline)]
    private static partial Regex NotifiedLine();

    [GeneratedRegex(@"^Metrics:\s+(?<url>\S+)$", RegexOptions.Multiline)]
    private static partial Regex MetricsLine();

    [GeneratedRegex(@"^\[\d{4}-\d\d-\d\d \d\d:\d\dZ\] v[12] \|", RegexOptions.Multiline)]
    private static partial Regex ProgressLine();
}
