using System.Net;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Judging;

public sealed class SampleApiTests
{
    [Fact]
    public async Task GetSample_AfterJudging_ShowsRedactedTextStateAndVerdict()
    {
        await using var harness = await JudgeHarness.StartAsync();
        var ids = await harness.SendAsync("Mail jane.doe@example.com for a refund. [[hallucination]]");
        await harness.SettleAsync();

        var response = await harness.Host.Client.GetAsync($"/v1/samples/{ids[0]}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sample = await response.ReadJsonAsync();
        Assert.Equal("done", sample.GetProperty("status").GetString());
        Assert.Equal(1, sample.GetProperty("attempts").GetInt32());
        Assert.Contains("[EMAIL_REDACTED]", sample.GetProperty("response").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, sample.GetProperty("redactions").GetProperty("email").GetInt32());
        var verdict = Assert.Single(sample.GetProperty("verdicts").EnumerateArray());
        Assert.True(verdict.GetProperty("hallucination").GetBoolean());
        Assert.Equal("gemini-2.5-flash", verdict.GetProperty("judge_model").GetString());
        Assert.Equal("flex", verdict.GetProperty("service_tier").GetString());
        Assert.True(verdict.GetProperty("prompt_tokens").GetInt64() > 0);
    }

    [Fact]
    public async Task GetSample_UnknownIdOrBadQuery_AnswersWithAJsonError()
    {
        await using var harness = await JudgeHarness.StartAsync();

        var missing = await harness.Host.Client.GetAsync("/v1/samples/never-sent");
        var badStatus = await harness.Host.Client.GetAsync("/v1/samples?status=lost");
        var badLimit = await harness.Host.Client.GetAsync("/v1/samples?limit=0");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("not_found", (await missing.ReadJsonAsync()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
    }

    [Fact]
    public async Task GetSample_NoJudgeKey_PendingSampleSaysWhy()
    {
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?> { ["Sampling:EveryN"] = "1" });
        var id = Some.Id();
        (await host.Client.PostAsync("/v1/interactions", Some.Json(Some.Interaction(id)))).EnsureSuccessStatusCode();

        var sample = await (await host.Client.GetAsync($"/v1/samples/{id}")).ReadJsonAsync();

        Assert.Equal("pending", sample.GetProperty("status").GetString());
        Assert.Contains("no judge API key", sample.GetProperty("judge_state").GetString(), StringComparison.Ordinal);
    }
}
