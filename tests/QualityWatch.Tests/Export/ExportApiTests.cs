using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using QualityWatch.Backfill.Batch.Wire;
using QualityWatch.Simulator;
using QualityWatch.Tests.Simulator;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Export;

public sealed class ExportApiTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    [Theory]
    [InlineData("", "ABCD")]
    [InlineData("?label=dataset=customer-support-v2", "ABD")]
    [InlineData("?label=dataset=customer-support-v2&label=team=x", "D")]
    [InlineData("?label=dataset=other", "")]
    [InlineData("?stream=default", "C")]
    [InlineData("?stream=support", "ABD")]
    [InlineData("?from=2026-11-02&to=2026-11-04", "BC")]
    [InlineData("?from=2026-11-03T10:00:00Z", "CD")]
    [InlineData("?prompt_version=v2", "BD")]
    [InlineData("?model=m1", "ACD")]
    [InlineData("?hallucination=true", "A")]
    [InlineData("?hallucination=false", "BD")]
    [InlineData("?accuracy_min=3", "BD")]
    [InlineData("?accuracy_max=2", "A")]
    [InlineData("?tone_min=4&tone_max=4", "A")]
    [InlineData("?tone_max=2", "D")]
    [InlineData("?reviewed=true", "B")]
    [InlineData("?reviewed=false", "ACD")]
    [InlineData("?prompt_version=v2&hallucination=false&model=m2", "B")]
    public async Task Export_Filter_SelectsExactlyTheMatchingSamples(string query, string expected)
    {
        var lines = await fixture.LinesAsync(query);

        Assert.Equal(expected, fixture.Letters(lines.Select(l => l.GetProperty("interaction_id").GetString()!)));
    }

    [Fact]
    public async Task Export_Jsonl_StreamsNdjsonWithVerdictsOldestFirstReviewsAndAManifestLink()
    {
        var response = await fixture.GetAsync("/v1/datasets/export?prompt_version=v2");
        var lines = await fixture.LinesAsync("?prompt_version=v2");

        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("/v1/datasets/export/manifest?prompt_version=v2", response.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
        var d = lines.Single(l => l.GetProperty("interaction_id").GetString() == fixture.Ids["D"]);
        Assert.Equal(["v0", "v1"], d.GetProperty("verdicts").EnumerateArray().Select(v => v.GetProperty("rubric_version").GetString()));
        Assert.Equal("x", d.GetProperty("labels").GetProperty("team").GetString());
        Assert.Empty(d.GetProperty("reviews").EnumerateArray());
        var b = lines.Single(l => l.GetProperty("interaction_id").GetString() == fixture.Ids["B"]);
        var review = Assert.Single(b.GetProperty("reviews").EnumerateArray());
        Assert.True(review.GetProperty("hallucination").GetBoolean());
        Assert.Equal("Order 7 shipped.", b.GetProperty("context").GetString());
        Assert.Equal("support", b.GetProperty("stream").GetString());
    }

    [Fact]
    public async Task Export_Eval_ExpectedIsTheReviewWhenReviewedElseTheNewestVerdict()
    {
        var lines = await fixture.LinesAsync("?format=eval");

        JsonElement Line(string letter) => lines.Single(l => l.GetProperty("metadata").GetProperty("interaction_id").GetString() == fixture.Ids[letter]);
        var b = Line("B");
        Assert.Equal("review", b.GetProperty("expected").GetProperty("source").GetString());
        Assert.True(b.GetProperty("expected").GetProperty("hallucination").GetBoolean());
        Assert.Equal(2, b.GetProperty("expected").GetProperty("accuracy").GetInt32());
        Assert.Equal("Where is my order?", b.GetProperty("input").GetString());
        Assert.Equal("Your order shipped yesterday and arrives Friday.", b.GetProperty("output").GetString());
        var d = Line("D");
        Assert.Equal("verdict", d.GetProperty("expected").GetProperty("source").GetString());
        Assert.False(d.GetProperty("expected").GetProperty("hallucination").GetBoolean());
        Assert.Equal(3, d.GetProperty("expected").GetProperty("accuracy").GetInt32());
        Assert.False(Line("C").TryGetProperty("expected", out _));
    }

    [Fact]
    public async Task Export_GeminiBatch_LinesParseAsTheBatchWireAndTheSimulatorJudgesTheirRequests()
    {
        var response = await fixture.GetAsync("/v1/datasets/export?format=gemini-batch&stream=support");
        var text = await response.Content.ReadAsStringAsync();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await using var simulator = await JudgeSimulator.StartAsync();
        using var client = simulator.Client();

        Assert.Equal(3, lines.Length);
        foreach (var line in lines)
        {
            var parsed = JsonSerializer.Deserialize(line, BatchJsonContext.Default.BatchFileLine)!;
            Assert.Contains(parsed.Key, fixture.Ids.Values);
            Assert.Contains("# Sample", parsed.Request.Contents[0].Parts![0].Text ?? "", StringComparison.Ordinal);
            Assert.NotNull(parsed.Request.SystemInstruction);
            Assert.Null(parsed.Request.ServiceTier);

            var judged = await client.PostJsonAsync(SimWire.GeneratePath(), JsonNode.Parse(line)!["request"]!, geminiKey: JudgeHarness.GeminiKey);
            Assert.Equal(HttpStatusCode.OK, judged.StatusCode);
            var verdict = JsonDocument.Parse(SimWire.CandidateText(await judged.BodyAsync())).RootElement;
            Assert.True(verdict.TryGetProperty("hallucination", out _));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("?format=eval")]
    [InlineData("?format=gemini-batch")]
    public async Task Export_AnyFormat_NeverCarriesRawPii(string query)
    {
        var text = await (await fixture.GetAsync("/v1/datasets/export" + query)).Content.ReadAsStringAsync();

        Assert.Contains("[EMAIL_REDACTED]", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ExportSeed.Email, text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/v1/datasets/export")]
    [InlineData("/v1/datasets/export/manifest")]
    public async Task Export_IngestOnlyKeyIs403AndNoKeyIs401(string path)
    {
        var ingest = await fixture.GetAsync(path, ExportSeed.IngestKey);
        var none = await fixture.GetAsync(path, key: null);
        var read = await fixture.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, ingest.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Theory]
    [InlineData("?hallucinaton=true", "invalid_parameter", "Did you mean 'hallucination'?")]
    [InlineData("?hallucination=yes", "invalid_hallucination", "true or false")]
    [InlineData("?format=csv", "invalid_format", "jsonl, gemini-batch, eval")]
    [InlineData("?accuracy_min=6", "invalid_accuracy_min", "1 to 5")]
    [InlineData("?tone_min=4&tone_max=2", "invalid_tone_min", "must not exceed")]
    [InlineData("?from=2026-11-04&to=2026-11-01", "invalid_from", "before")]
    [InlineData("?label=dataset", "invalid_label", "key=value")]
    [InlineData("?stream=", "invalid_stream", "must not be empty")]
    [InlineData("?stream=a&stream=b", "invalid_stream", "once")]
    public async Task Export_BadQuery_Is400WithTheParameterNamed(string query, string code, string message)
    {
        var response = await fixture.GetAsync("/v1/datasets/export" + query);
        var manifest = await fixture.GetAsync("/v1/datasets/export/manifest" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, manifest.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(code, body.GetProperty("error").GetString());
        Assert.Contains(message, body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manifest_CountsTheSameQueryAndNamesRubricJudgeAndFilters()
    {
        var response = await fixture.GetAsync("/v1/datasets/export/manifest?label=dataset=customer-support-v2&format=eval&hallucination=false");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var manifest = await response.ReadJsonAsync();
        Assert.Equal("eval", manifest.GetProperty("format").GetString());
        Assert.Equal(2, manifest.GetProperty("counts").GetProperty("samples").GetInt32());
        Assert.Equal(3, manifest.GetProperty("counts").GetProperty("verdicts").GetInt32());
        Assert.Equal(1, manifest.GetProperty("counts").GetProperty("reviewed").GetInt32());
        Assert.Equal("v1", manifest.GetProperty("rubric_version").GetString());
        Assert.Equal(64, manifest.GetProperty("rubric_sha256").GetString()!.Length);
        Assert.Equal(["gemini-2.5-flash"], manifest.GetProperty("judge_models").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["dataset=customer-support-v2"], manifest.GetProperty("filters").GetProperty("labels").EnumerateArray().Select(m => m.GetString()));
        Assert.False(manifest.GetProperty("filters").GetProperty("hallucination").GetBoolean());
        Assert.True(manifest.GetProperty("reviews_available").GetBoolean());
    }
}
