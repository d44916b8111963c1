using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using QualityWatch.Notifications;
using QualityWatch.Tests.Notifications;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Health;

/// <summary><c>GET /v1/status</c>: every component with state and reason, behind the key; the same states as <c>qualitywatch_component_up</c>.</summary>
public sealed class StatusEndpointTests
{
    private const string Key = "status-test-key-0123456789";

    [Fact]
    public async Task Status_WithoutTheKey_Is401()
    {
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?> { ["Ingest:ApiKeys:0"] = Key });

        using var denied = await host.Client.GetAsync("/v1/status");
        host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        var allowed = await StatusAnswer.GetAsync(host.Client);

        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.Contains("\"unauthorized\"", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["ingest", "storage", "judge", "notifications"], allowed.Components.Keys);
    }

    [Fact]
    public async Task Status_NoJudgeKeyNoChannel_SaysDisabled_IngestAndStorageUp_AndTheGaugeAgrees()
    {
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, ReadinessTests.NoJudgeKey());
        (await host.Client.PostAsync("/v1/interactions", Some.Json(Some.Interaction()))).EnsureSuccessStatusCode();

        var status = await StatusAnswer.GetAsync(host.Client);
        var metrics = await host.Client.GetStringAsync("/metrics");

        Assert.Equal("up", status.Components["ingest"].State);
        Assert.StartsWith("Last commit at", status.Components["ingest"].Reason, StringComparison.Ordinal);
        Assert.Equal("up", status.Components["storage"].State);
        Assert.Equal("disabled", status.Components["judge"].State);
        Assert.Contains("Judge:ApiKey", status.Components["judge"].Reason, StringComparison.Ordinal);
        Assert.Equal("disabled", status.Components["notifications"].State);
        Assert.True(Regex.IsMatch(metrics, """qualitywatch_component_up\{[^}]*component="ingest"[^}]*\} 1"""), string.Join('\n', metrics.Split('\n').Where(l => l.Contains("component", StringComparison.Ordinal))));
        Assert.Matches("""qualitywatch_component_up\{[^}]*component="storage"[^}]*\} 1""", metrics);
        Assert.DoesNotContain("component=\"judge\"", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_WebhookOnAClosedPort_NotificationsDegradedWhileRetrying()
    {
        using var temp = new TempDirectory();
        var settings = ReadinessTests.NoJudgeKey();
        settings["Notifications:Webhooks:0:Name"] = "ops";
        settings["Notifications:Webhooks:0:Url"] = $"http://127.0.0.1:{FreePort.Next()}/hook";
        settings["Notifications:Webhooks:0:Secret"] = "status-test-webhook-secret";
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, settings);

        await host.Services.GetRequiredService<INotificationOutbox>().EnqueueAsync(SomeNotification.Firing(), CancellationToken.None);
        var status = await StatusAnswer.WaitAsync(host.Client, s => s.Components["notifications"].State != "up");

        Assert.True(status.Components["notifications"].State == "degraded", status.Body);
        Assert.Contains("webhook:ops is retrying", status.Components["notifications"].Reason, StringComparison.Ordinal);
    }
}
