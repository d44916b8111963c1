using System.Net;
using System.Net.Http.Headers;
using System.Text;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Ingestion;

/// <summary>The ingest API over real HTTP on 127.0.0.1 into a real SQLite file.</summary>
public sealed class IngestApiTests : IAsyncLifetime
{
    private readonly TempDirectory temp = new();
    private InProcessHost host = null!;

    private HttpClient Client => host.Client;

    public async Task InitializeAsync() => host = await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?>
    {
        ["Sampling:EveryN"] = "1",
        ["Ingest:MaxBodyBytes"] = "4096",
        ["Ingest:MaxInteractionsPerRequest"] = "5",
        ["Ingest:MaxFieldLength"] = "500",
    });

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public async Task Ingest_SingleObject_IsAcceptedAndStoredAsPendingSample()
    {
        var id = Some.Id();
        var response = await Client.PostAsync("/v1/interactions", Some.Json(Some.Interaction(id, promptVersion: "v7", model: "gpt-x")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        Assert.Equal(1, body.GetProperty("sampled").GetInt32());
        Assert.Equal(0, body.GetProperty("rejected").GetArrayLength());
        var row = Db.Query<(string Status, string PromptVersion, string Model)>(
            temp.DatabasePath, "SELECT status, prompt_version, model FROM samples WHERE interaction_id = @id", new { id }).Single();
        Assert.Equal(("pending", "v7", "gpt-x"), row);
    }

    [Fact]
    public async Task Ingest_JsonArray_AcceptsEveryItem()
    {
        var response = await Client.PostAsync("/v1/interactions", Some.Json(Some.Batch(4)));

        var body = await response.ReadJsonAsync();
        Assert.Equal(4, body.GetProperty("accepted").GetInt32());
        Assert.Equal(4, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM samples"));
    }

    [Fact]
    public async Task Ingest_Ndjson_AcceptsGoodLinesAndRejectsBadOnesByLineNumber()
    {
        var good1 = Some.Interaction().ToJsonString();
        var good2 = Some.Interaction().ToJsonString();
        var response = await Client.PostAsync("/v1/interactions", Some.Ndjson(good1, "", "{not json", good2, "[1,2]"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        var rejected = body.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()).ToArray();
        Assert.Equal([3, 5], rejected);
        Assert.Equal(2, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM samples"));
    }

    [Fact]
    public async Task Ingest_PartialBatch_AcceptsValidItemsAndNamesEachRejectedIndex()
    {
        var batch = Some.Batch(3);
        batch[1]!.AsObject().Remove("response");
        batch.Add(Some.Interaction(timestamp: "yesterday"));

        var response = await Client.PostAsync("/v1/interactions", Some.Json(batch));

        var body = await response.ReadJsonAsync();
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        var rejected = body.GetProperty("rejected").EnumerateArray().ToArray();
        Assert.Equal(2, rejected.Length);
        Assert.Equal(1, rejected[0].GetProperty("index").GetInt32());
        Assert.Contains("response is required", rejected[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, rejected[1].GetProperty("index").GetInt32());
        Assert.Contains("RFC 3339", rejected[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM samples"));
    }

    [Fact]
    public async Task Ingest_DuplicateId_IsCountedNotResampled()
    {
        var item = Some.Interaction();
        var first = await (await Client.PostAsync("/v1/interactions", Some.Json(item))).ReadJsonAsync();
        var again = await (await Client.PostAsync("/v1/interactions", Some.Json(new System.Text.Json.Nodes.JsonArray(item.DeepClone(), item.DeepClone())))).ReadJsonAsync();

        Assert.Equal(1, first.GetProperty("sampled").GetInt32());
        Assert.Equal(0, again.GetProperty("accepted").GetInt32());
        Assert.Equal(2, again.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, again.GetProperty("sampled").GetInt32());
        Assert.Equal(1, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM samples"));
        Assert.Equal((1L, 2L), Db.Query<(long, long)>(temp.DatabasePath, "SELECT SUM(received), SUM(duplicates) FROM volume_hourly").Single());
    }

    [Fact]
    public async Task Ingest_MalformedJson_Returns400WithJsonErrorAndStoresNothing()
    {
        var response = await Client.PostAsync("/v1/interactions", new StringContent("{\"id\": \"x\", ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("malformed_json", (await response.ReadJsonAsync()).GetProperty("error").GetString());
        Assert.Equal(0, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM seen_interactions"));
    }

    [Fact]
    public async Task Ingest_InvalidSingleObject_Returns400NamingTheField()
    {
        var response = await Client.PostAsync("/v1/interactions", Some.Json(Some.Interaction(response: new string('x', 501))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("invalid_interaction", body.GetProperty("error").GetString());
        Assert.Contains("Ingest:MaxFieldLength", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u0000", false)]
    [InlineData("\u0001", false)]
    [InlineData("\u001f", false)]
    [InlineData("\u007f", false)]
    [InlineData("\u0085", false)]
    [InlineData("\u009f", false)]
    [InlineData(" ", true)]
    [InlineData("\u00a0", true)]
    [InlineData("~", true)]
    public async Task Ingest_IdWithControlCharacter_IsRejectedAndOthersAccepted(string character, bool accepted)
    {
        var response = await Client.PostAsync("/v1/interactions", Some.Json(Some.Interaction(Some.Id() + character + "x")));

        Assert.Equal(accepted ? HttpStatusCode.OK : HttpStatusCode.BadRequest, response.StatusCode);
        if (!accepted)
        {
            Assert.Contains("without control characters", (await response.ReadJsonAsync()).GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/json; charset=latin1")]
    public async Task Ingest_WrongContentType_Returns415(string contentType)
    {
        var content = new StringContent(Some.Interaction().ToJsonString());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var response = await Client.PostAsync("/v1/interactions", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("unsupported_media_type", (await response.ReadJsonAsync()).GetProperty("error").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Ingest_BodyOverLimit_Returns413(bool chunked)
    {
        var payload = Some.Interaction(response: new string('y', 450)).ToJsonString();
        var body = string.Join('\n', Enumerable.Repeat(payload, 10));
        HttpContent content = chunked
            ? new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)))
            : new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/interactions") { Content = content };
        request.Headers.TransferEncodingChunked = chunked;

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("body_too_large", (await response.ReadJsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Ingest_TooManyItems_Returns413AndStoresNone()
    {
        var response = await Client.PostAsync("/v1/interactions", Some.Ndjson(Some.Batch(6).Select(n => n!.AsObject())));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("too_many_interactions", (await response.ReadJsonAsync()).GetProperty("error").GetString());
        Assert.Equal(0, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM seen_interactions"));
    }

    [Fact]
    public async Task Ingest_EmptyBody_Returns400()
    {
        var response = await Client.PostAsync("/v1/interactions", new StringContent("  \n", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("empty_body", (await response.ReadJsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Ingest_Timestamp_CountsVolumeInThatUtcHour()
    {
        await Client.PostAsync("/v1/interactions", Some.Json(Some.Interaction(timestamp: "2026-11-20T09:59:59.5+02:00", promptVersion: "p1")));

        var hour = Db.Scalar<long>(temp.DatabasePath, "SELECT hour_start FROM volume_hourly WHERE prompt_version = 'p1'");
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 7, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), hour);
    }
}
