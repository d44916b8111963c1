using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using QualityWatch.Alerting;
using QualityWatch.Tests.Support;
using QualityWatch.Trends;
using QualityWatch.WebConsole;

namespace QualityWatch.Tests.WebConsole;

/// <summary>
/// Issue 17 in the console, in chromium against the real service: an alert's page shows its incident; an oncall
/// session acknowledges it and sets and deletes silences through plain form posts, recorded under its key's name
/// (or the proxy's user); a read-only session sees the same data without the buttons, and its forged posts get 403.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class IncidentConsoleTests(Browser browser) : IAsyncLifetime
{
    private const string Rule = "hallucination-rate-high";
    private const string ReadKey = "read-key-0123456789abcdef";
    private const string OncallKey = "oncall-key-0123456789abcdef";

    private readonly TempDirectory temp = new();
    private InProcessHost host = null!;

    public async Task InitializeAsync()
    {
        host = await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?>
        {
            ["Auth:Keys:0:Name"] = "grafana",
            ["Auth:Keys:0:Key"] = ReadKey,
            ["Auth:Keys:0:Roles:0"] = "read",
            ["Auth:Keys:1:Name"] = "alice",
            ["Auth:Keys:1:Key"] = OncallKey,
            ["Auth:Keys:1:Roles:0"] = "oncall",
            ["Auth:Keys:1:Roles:1"] = "read",
            ["Console:TrustedUserHeader"] = "X-Forwarded-User",
            ["Console:TrustedProxies:0"] = "127.0.0.1",
            ["Console:TrustedUserRoles:0"] = "read",
            ["Console:TrustedUserRoles:1"] = "oncall",
            ["Alerting:EvaluationInterval"] = "00:00:01",
            ["Alerting:Rules:0:Name"] = Rule,
            ["Alerting:Rules:0:Kind"] = "hallucination_rate",
            // Rule 0 overrides the shipped hallucination-rate-high, which asks for its lower bound; this data is about the plumbing.
            ["Alerting:Rules:0:RequireLowerBound"] = "false",
        });
        // v1 well before the rule's window (the baseline), then v2 at 8 % over the last hour: one quality incident.
        var now = DateTimeOffset.UtcNow;
        AlertSeed.Insert(temp.DatabasePath, AlertSeed.Spread(now.AddHours(-6), TimeSpan.FromHours(1), 100, 2, "v1", "support"));
        AlertSeed.Insert(temp.DatabasePath, AlertSeed.Spread(now, TimeSpan.FromHours(1), 200, 16, "v2", "support"));
        await host.Services.GetRequiredService<TrendRollup>().RunAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public async Task Oncall_AlertPageShowsTheIncident_AcknowledgeButton_StateAcknowledgedInTheApi_ThenSilenceIt()
    {
        var (id, alertId) = await OpenIncidentAsync();
        await using var context = await browser.NewContextAsync(host.Client.BaseAddress!.ToString());
        var page = await ConsoleLogin.LogInAsync(context, OncallKey);

        await page.GotoAsync(ConsoleLinks.Alert(alertId));

        var panel = page.Locator("section[aria-labelledby=incident]");
        var shown = await panel.InnerTextAsync();
        Assert.Contains($"Incident {id}", shown, StringComparison.Ordinal);
        Assert.Contains("prompt_version v2 · stream support", shown, StringComparison.Ordinal);
        Assert.Contains("quality", shown, StringComparison.Ordinal);
        Assert.Contains(Rule, await panel.Locator("table").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(ConsoleLinks.Alert(alertId), await panel.Locator("table").First.Locator("a").First.GetAttributeAsync("href"));
        var rate = await page.Locator("section[aria-labelledby=statistic] [role=img]").First.GetAttributeAsync("aria-label");
        Assert.Contains("Hourly hallucination rate", rate, StringComparison.Ordinal);
        Assert.Contains("marked: prompt_version v1 → v2", rate, StringComparison.Ordinal);
        // The marker itself, drawn: its label is the new value, as SVG text above the plot.
        Assert.Matches(@">\s*v2\s*</text>", await page.Locator("section[aria-labelledby=statistic] figure.chart").First.InnerHTMLAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "alert-incident");

        await page.GetByLabel("Note (optional)").FillAsync("rolling back v2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).WaitForAsync();

        Assert.Contains("Acknowledged", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("acknowledged by alice at", await panel.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).CountAsync());
        var incident = await GetJsonAsync($"/v1/incidents/{id}");
        Assert.Equal("acknowledged", incident.GetProperty("state").GetString());
        Assert.Equal("alice", incident.GetProperty("acknowledged_by").GetString());
        Assert.Equal("rolling back v2", incident.GetProperty("acknowledged_note").GetString());

        // Silence the incident's subject from its panel: the stream and prompt_version come from the incident.
        await page.GetByLabel("Reason (required)").FillAsync("rollback in progress");
        await page.GetByRole(AriaRole.Button, new() { Name = "Silence", Exact = true }).ClickAsync();
        await page.GetByText("Silence set").WaitForAsync();
        var silence = Assert.Single((await GetJsonAsync("/v1/silences")).EnumerateArray());
        Assert.Equal(("support", "v2", "alice", "rollback in progress"), (
            silence.GetProperty("stream").GetString(), silence.GetProperty("prompt_version").GetString(),
            silence.GetProperty("created_by").GetString(), silence.GetProperty("reason").GetString()));
        Assert.True((await GetJsonAsync($"/v1/incidents/{id}")).GetProperty("silenced").GetBoolean());

        await page.GotoAsync("/incidents?state=acknowledged");
        Assert.Contains(id, await page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "incidents");
        await page.GetByRole(AriaRole.Link, new() { Name = id }).ClickAsync();
        await page.WaitForURLAsync("**" + ConsoleLinks.Incident(id));
        Assert.Contains("a silence holds its notifications", await page.Locator("section[aria-labelledby=incident]").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "incident");
    }

    [Fact]
    public async Task Oncall_SilencesPage_CreatesASilenceSeenInTheApi_ThenDeletesIt()
    {
        await using var context = await browser.NewContextAsync(host.Client.BaseAddress!.ToString());
        var page = await ConsoleLogin.LogInAsync(context, OncallKey);
        await page.GotoAsync("/silences");

        await page.GetByLabel("Stream (required; * for every stream)").FillAsync("support");
        await page.GetByLabel("prompt_version (optional)").FillAsync("v3");
        await page.GetByLabel("Duration", new() { Exact = true }).SelectOptionAsync("04:00:00");
        await page.GetByLabel("Reason (required)").FillAsync("deploying v3 behind a flag");
        await page.GetByRole(AriaRole.Button, new() { Name = "Silence", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Status).WaitForAsync();

        var silence = Assert.Single((await GetJsonAsync("/v1/silences")).EnumerateArray());
        var silenceId = silence.GetProperty("id").GetString()!;
        Assert.Equal(("support", "v3", "alice", "deploying v3 behind a flag"), (
            silence.GetProperty("stream").GetString(), silence.GetProperty("prompt_version").GetString(),
            silence.GetProperty("created_by").GetString(), silence.GetProperty("reason").GetString()));
        Assert.False(silence.TryGetProperty("model", out _));
        Assert.Equal(TimeSpan.FromHours(4), silence.GetProperty("ends_at").GetDateTimeOffset() - silence.GetProperty("starts_at").GetDateTimeOffset());
        Assert.Contains(silenceId, await page.Locator("section[aria-labelledby=active] table").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "silences");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete silence {silenceId}" }).ClickAsync();
        await page.GetByText("Silence deleted.").WaitForAsync();

        Assert.Equal(0, (await GetJsonAsync("/v1/silences")).GetArrayLength());
        var deleted = Assert.Single((await GetJsonAsync("/v1/silences?all=true")).EnumerateArray());
        Assert.Equal("alice", deleted.GetProperty("deleted_by").GetString());
        Assert.Contains("No silence is active", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silence_WithoutReason_IsRefusedWithTheApisMessage_NothingStored()
    {
        using var http = new ConsoleHttp(host.Client.BaseAddress!);
        Assert.Equal(HttpStatusCode.Redirect, (await http.LoginAsync(OncallKey)).StatusCode);

        var response = await PostFormAsync(http, "/silences", "/silences/new", new() { ["stream"] = "support", ["duration"] = "01:00:00", ["reason"] = " " });

        Assert.Equal("/silences?problem=invalid_reason", response.Headers.Location!.OriginalString);
        Assert.Contains("reason is required", await http.Client.GetStringAsync(response.Headers.Location), StringComparison.Ordinal);
        Assert.Equal(0, (await GetJsonAsync("/v1/silences?all=true")).GetArrayLength());
    }

    [Fact]
    public async Task ReadOnlySession_SeesTheIncidentButNoActions_AndItsForgedPostsGet403()
    {
        var (id, alertId) = await OpenIncidentAsync();
        var silenceId = await CreateSilenceWithApiAsync();
        await using var context = await browser.NewContextAsync(host.Client.BaseAddress!.ToString());
        var page = await ConsoleLogin.LogInAsync(context, ReadKey);

        await page.GotoAsync(ConsoleLinks.Alert(alertId));
        Assert.Contains($"Incident {id}", await page.Locator("section[aria-labelledby=incident]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("main form").CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).CountAsync());
        await page.GotoAsync("/silences");
        Assert.Contains(silenceId, await page.Locator("main table").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("main form").CountAsync());

        // The read-only session's own cookie and a valid antiforgery token (from its logout form): still refused.
        using var http = new ConsoleHttp(host.Client.BaseAddress!);
        Assert.Equal(HttpStatusCode.Redirect, (await http.LoginAsync(ReadKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostFormAsync(http, "/", $"/incidents/{id}/ack", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostFormAsync(http, "/", "/silences/new", new() { ["stream"] = "*", ["duration"] = "01:00:00", ["reason"] = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostFormAsync(http, "/", $"/silences/{silenceId}/delete", [])).StatusCode);
        Assert.Equal("open", (await GetJsonAsync($"/v1/incidents/{id}")).GetProperty("state").GetString());
        Assert.Equal(1, (await GetJsonAsync("/v1/silences?all=true")).GetArrayLength());

        // The same post from an oncall session goes through: what refused the first was the role.
        using var oncall = new ConsoleHttp(host.Client.BaseAddress!);
        Assert.Equal(HttpStatusCode.Redirect, (await oncall.LoginAsync(OncallKey)).StatusCode);
        var ack = await PostFormAsync(oncall, "/", $"/incidents/{id}/ack", new() { ["return_to"] = "//evil.example.com/x" });
        Assert.Equal(HttpStatusCode.Redirect, ack.StatusCode);
        Assert.Equal($"/incidents/{id}?done=acknowledged", ack.Headers.Location!.OriginalString);
        Assert.Equal("alice", (await GetJsonAsync($"/v1/incidents/{id}")).GetProperty("acknowledged_by").GetString());
    }

    [Fact]
    public async Task ProxyUser_WithTheOncallRole_SilencesUnderTheProxysUserName()
    {
        using var http = new ConsoleHttp(host.Client.BaseAddress!);
        http.Client.DefaultRequestHeaders.Add("X-Forwarded-User", "bob@example.com");

        var response = await PostFormAsync(http, "/silences", "/silences/new", new()
        {
            ["stream"] = "support", ["model"] = "m2", ["duration"] = "00:30:00", ["reason"] = "model swap", ["return_to"] = "/silences",
        });

        Assert.Equal("/silences?done=silenced", response.Headers.Location!.OriginalString);
        var silence = Assert.Single((await GetJsonAsync("/v1/silences")).EnumerateArray());
        Assert.Equal(("bob@example.com", "m2"), (silence.GetProperty("created_by").GetString(), silence.GetProperty("model").GetString()));
        Assert.False(silence.TryGetProperty("prompt_version", out _));
    }

    /// <summary>Waits for the seeded regression's incident; returns its id and its signal's alert page id.</summary>
    private async Task<(string Id, string AlertId)> OpenIncidentAsync()
    {
        var open = await Eventually.ValueAsync(() => GetJsonAsync("/v1/incidents?stream=support&state=open"), list => list.GetArrayLength() == 1, TimeSpan.FromSeconds(60));
        Assert.Equal(1, open.GetArrayLength());
        var incident = open[0];
        var signal = incident.GetProperty("signals")[0];
        return (incident.GetProperty("id").GetString()!, AlertIds.Of(signal.GetProperty("rule").GetString()!, "support", signal.GetProperty("prompt_version").GetString()!));
    }

    private async Task<string> CreateSilenceWithApiAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/silences")
        {
            Content = new StringContent("""{"stream":"other","duration":"01:00:00","reason":"maintenance"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", OncallKey);
        var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ReadKey);
        return await (await host.Client.SendAsync(request)).ReadJsonAsync();
    }

    /// <summary>Posts a form as the browser would: with the antiforgery token from a page of the same session.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(ConsoleHttp http, string tokenFrom, string path, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await http.FormTokenAsync(tokenFrom);
        return await http.Client.PostAsync(path, new FormUrlEncodedContent(fields));
    }
}
