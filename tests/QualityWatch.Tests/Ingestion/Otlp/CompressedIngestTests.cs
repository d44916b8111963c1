using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Ingestion.Otlp;

/// <summary>Content-Encoding on JSON ingest: gzip, deflate and br accepted; limits on decompressed bytes; others refused.</summary>
public sealed class CompressedIngestTests : IAsyncLifetime
{
    private readonly TempDirectory temp = new();
    private InProcessHost host = null!;

    public async Task InitializeAsync() => host = await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?>
    {
        ["Sampling:EveryN"] = "1",
        ["Ingest:MaxBodyBytes"] = "65536",
    });

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        temp.Dispose();
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task CompressedNdjson_IsAccepted(string encoding)
    {
        var body = string.Join('\n', Enumerable.Range(0, 3).Select(_ => Some.Interaction().ToJsonString()));

        var response = await Post(OtlpIngestTests.Compress(Encoding.UTF8.GetBytes(body), encoding), encoding);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await response.ReadJsonAsync()).GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task ZipBomb_Is413_AndStoresNothing()
    {
        // 10 MB of one repeated interaction line compresses to a few KB, far under the limit before inflating.
        var line = Some.Interaction().ToJsonString() + "\n";
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(line, 10 * 1024 * 1024 / line.Length))));
        }

        var bomb = packed.ToArray();
        Assert.True(bomb.Length < 65536);

        var response = await Post(bomb, "gzip");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("once decompressed", (await response.ReadJsonAsync()).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM samples"));
    }

    [Fact]
    public async Task UnknownEncoding_Is415UnsupportedEncoding()
    {
        var response = await Post(Encoding.UTF8.GetBytes(Some.Interaction().ToJsonString()), "compress");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("unsupported_encoding", (await response.ReadJsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task PlainBodyLabelledGzip_Is400MalformedEncoding()
    {
        var response = await Post(Encoding.UTF8.GetBytes(Some.Interaction().ToJsonString()), "gzip");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("malformed_encoding", (await response.ReadJsonAsync()).GetProperty("error").GetString());
    }

    private Task<HttpResponseMessage> Post(byte[] body, string encoding)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        content.Headers.ContentEncoding.Add(encoding);
        return host.Client.PostAsync("/v1/interactions", content);
    }
}
