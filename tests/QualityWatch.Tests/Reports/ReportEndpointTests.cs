using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using QualityWatch.Reports;
using QualityWatch.Tests.Support;
using QualityWatch.Tests.Trends;

namespace QualityWatch.Tests.Reports;

public sealed partial class ReportEndpointTests : IDisposable
{
    private const string Key = "reports-key-0123456789abcdef";
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private async Task<InProcessHost> StartAsync()
    {
        var host = await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?>
        {
            ["Ingest:ApiKeys:0"] = Key,
            ["Reports:Enabled"] = "false",
        });
        host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        var seed = new SeedWriter(temp.DatabasePath);
        seed.Sample("r1", "2026-03-10T09:00:00Z", "p1", response: "Your refund went to [EMAIL_REDACTED] already.");
        seed.Verdict("r1", hallucination: true, "2026-03-10T09:05:00Z", claims: """["refund already issued"]""");
        seed.Sample("r2", "2026-03-10T09:10:00Z", "p1");
        seed.Verdict("r2", hallucination: false, "2026-03-10T09:15:00Z");
        seed.Volume("2026-03-10T09:00:00Z", 250, "p1");
        return host;
    }

    [Fact]
    public async Task Daily_PastDate_IsHtmlWithNumbersAndTheChartAsADataUri()
    {
        await using var host = await StartAsync();

        var response = await host.Client.GetAsync("/v1/reports/daily?date=2026-03-10");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<td>250</td>", html, StringComparison.Ordinal);
        Assert.Contains("50.0%", html, StringComparison.Ordinal);
        Assert.Contains("1 of 2", html, StringComparison.Ordinal);
        Assert.Contains("refund already issued", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cid:", html, StringComparison.Ordinal);
        var png = Convert.FromBase64String(DataUri().Match(html).Groups[1].Value);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
    }

    [Fact]
    public async Task Daily_SentDay_ShowsWhatWasStored()
    {
        await using var host = await StartAsync();
        var builder = host.Services.GetRequiredService<DailyReportBuilder>();
        var report = await builder.BuildAsync(new DateOnly(2026, 3, 10), CancellationToken.None);
        await host.Services.GetRequiredService<ReportStore>().SaveSentAsync(report with { HtmlBody = report.HtmlBody.Replace("<h1>", "<h1>STORED ", StringComparison.Ordinal) }, DateTimeOffset.UnixEpoch, CancellationToken.None);

        var html = await host.Client.GetStringAsync("/v1/reports/daily?date=2026-03-10");

        Assert.Contains("STORED QualityWatch daily report 2026-03-10", html, StringComparison.Ordinal);
        Assert.Matches(DataUri(), html);
    }

    [Theory]
    [InlineData("date=10/03/2026")]
    [InlineData("date=2999-01-01")]
    public async Task Daily_BadDate_Is400(string query)
    {
        await using var host = await StartAsync();

        var response = await host.Client.GetAsync("/v1/reports/daily?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_date", (await response.ReadJsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Daily_WithoutKey_Is401()
    {
        await using var host = await StartAsync();
        host.Client.DefaultRequestHeaders.Authorization = null;

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.GetAsync("/v1/reports/daily?date=2026-03-10")).StatusCode);
    }

    [GeneratedRegex("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")]
    private static partial Regex DataUri();
}
