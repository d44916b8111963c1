using System.Net;
using System.Net.Http.Headers;
using System.Text;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Incidents;

/// <summary><c>/v1/incidents</c> and <c>/v1/silences</c> on the real app: fields, roles, who and why recorded.</summary>
public sealed class IncidentApiTests : IAsyncLifetime
{
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
            ["Alerting:EvaluationInterval"] = "00:00:01",
            ["Alerting:Rules:0:Name"] = "hallucination-rate-high",
            ["Alerting:Rules:0:Kind"] = "hallucination_rate",
            // Rule 0 overrides the shipped hallucination-rate-high, which asks for its lower bound; this data is about the plumbing.
            ["Alerting:Rules:0:RequireLowerBound"] = "false",
        });
        AlertSeed.Insert(temp.DatabasePath, AlertSeed.Spread(DateTimeOffset.UtcNow, TimeSpan.FromHours(1), 200, 16, "v2", "support"));
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public async Task Incident_ListedWithItsFields_AcknowledgedByAnOncallKey_NotByAReadKey()
    {
        Assert.True(await Eventually.TrueAsync(async () => (await ListAsync("?stream=support&state=open")).GetArrayLength() == 1), "no open incident appeared");
        var incident = (await ListAsync("?stream=support&state=open"))[0];
        var id = incident.GetProperty("id").GetString()!;
        Assert.Equal("support", incident.GetProperty("stream").GetString());
        Assert.Equal("prompt_version v2", incident.GetProperty("subject").GetString());
        Assert.Equal("quality", incident.GetProperty("kind").GetString());
        Assert.True(incident.TryGetProperty("opened_at", out _));
        Assert.Equal("hallucination-rate-high", incident.GetProperty("signals")[0].GetProperty("rule").GetString());
        Assert.Equal(0, (await ListAsync("?state=resolved")).GetArrayLength());

        var denied = await SendAsync(HttpMethod.Post, $"/v1/incidents/{id}/ack", ReadKey, "{}");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);

        var ack = await SendAsync(HttpMethod.Post, $"/v1/incidents/{id}/ack", OncallKey, """{"note": "rolling back v2"}""");
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var acknowledged = await ack.ReadJsonAsync();
        Assert.Equal("acknowledged", acknowledged.GetProperty("state").GetString());
        Assert.Equal("alice", acknowledged.GetProperty("acknowledged_by").GetString());
        Assert.Equal("rolling back v2", acknowledged.GetProperty("acknowledged_note").GetString());

        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(HttpMethod.Post, $"/v1/incidents/{id}/ack", OncallKey, "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, "/v1/incidents/inc_nope", ReadKey)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Get, "/v1/incidents?state=closed", ReadKey)).StatusCode);
    }

    [Fact]
    public async Task Silence_CreatedListedAndDeleted_WithWhoAndWhy()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, "/v1/silences", ReadKey, """{"stream":"support","duration":"01:00:00","reason":"x"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, "/v1/silences", OncallKey, """{"stream":"support","duration":"01:00:00"}""")).StatusCode);

        var created = await SendAsync(HttpMethod.Post, "/v1/silences", OncallKey, """{"stream":"support","prompt_version":"v2","duration":"02:00:00","reason":"deploying v2"}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var silence = await created.ReadJsonAsync();
        var id = silence.GetProperty("id").GetString()!;
        Assert.Equal("alice", silence.GetProperty("created_by").GetString());
        Assert.Equal("deploying v2", silence.GetProperty("reason").GetString());
        Assert.Equal(TimeSpan.FromHours(2), silence.GetProperty("ends_at").GetDateTimeOffset() - silence.GetProperty("starts_at").GetDateTimeOffset());

        var listed = await (await SendAsync(HttpMethod.Get, "/v1/silences", ReadKey)).ReadJsonAsync();
        Assert.Equal(id, listed[0].GetProperty("id").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, $"/v1/silences/{id}", OncallKey)).StatusCode);
        Assert.Equal(0, (await (await SendAsync(HttpMethod.Get, "/v1/silences", ReadKey)).ReadJsonAsync()).GetArrayLength());
        var all = await (await SendAsync(HttpMethod.Get, "/v1/silences?all=true", ReadKey)).ReadJsonAsync();
        Assert.Equal("alice", all[0].GetProperty("deleted_by").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Delete, $"/v1/silences/{id}", OncallKey)).StatusCode);
    }

    private async Task<System.Text.Json.JsonElement> ListAsync(string query) =>
        await (await SendAsync(HttpMethod.Get, "/v1/incidents" + query, ReadKey)).ReadJsonAsync();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string key, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await host.Client.SendAsync(request);
    }
}
