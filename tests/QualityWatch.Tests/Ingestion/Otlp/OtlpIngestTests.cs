using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Google.Protobuf;
using Microsoft.Extensions.Logging.Testing;
using QualityWatch.Ingestion.Otlp.Proto;
using QualityWatch.Tests.Support;
using RpcStatus = QualityWatch.Ingestion.Otlp.Proto.Rpc.Status;

namespace QualityWatch.Tests.Ingestion.Otlp;

/// <summary>POST /v1/traces over real HTTP into a real SQLite file: OTLP/HTTP protobuf and JSON, compressed or not.</summary>
public sealed class OtlpIngestTests : IAsyncLifetime
{
    private readonly TempDirectory temp = new();
    private readonly FakeLogCollector logs = new();
    private InProcessHost host = null!;

    public async Task InitializeAsync() => host = await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?>
    {
        ["Sampling:EveryN"] = "1",
        ["Sampling:Streams:0:Name"] = "support",
        ["Sampling:Streams:0:EveryN"] = "1",
        ["Sampling:Streams:0:Match:service.name"] = "support-bot",
    }, logs);

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public async Task Protobuf_ChatSpan_BecomesOneSampledInteraction_OtherSpansAreIgnored()
    {
        var chat = Spans.Chat("Where is my order?", "It ships Friday.", system: "Orders ship within 3 days.", promptVersion: "v7");

        var response = await PostProtobuf(Spans.Export("support-bot", chat, Spans.Http()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-protobuf", response.Content.Headers.ContentType?.MediaType);
        var answer = ExportTraceServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());
        Assert.Null(answer.PartialSuccess);
        var row = Db.Query<(string Stream, string Prompt, string Response, string Context, string Model, string PromptVersion, string Labels, string Usage)>(
            temp.DatabasePath,
            "SELECT stream, prompt, response, context, model, prompt_version, labels, usage FROM samples WHERE interaction_id = @id",
            new { id = Spans.IdOf(chat) }).Single();
        Assert.Equal(("support", "Where is my order?", "It ships Friday.", "Orders ship within 3 days.", "gpt-5-mini", "v7"),
            (row.Stream, row.Prompt, row.Response, row.Context, row.Model, row.PromptVersion));
        Assert.Contains("\"deployment.environment\":\"prod\"", row.Labels, StringComparison.Ordinal);
        Assert.Contains("\"prompt_tokens\":42", row.Usage, StringComparison.Ordinal);
        Assert.Equal(1, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM samples"));
        var metrics = await MetricsScrape.FetchUntilAsync(host.Client, m => m.Sum("qualitywatch_otlp_spans_total") >= 2);
        Assert.Equal(1, metrics.Sum("qualitywatch_otlp_spans_total", ("outcome", "not_genai")));
        Assert.Equal(1, metrics.Sum("qualitywatch_otlp_spans_total", ("outcome", "interaction")));
    }

    [Fact]
    public async Task TraceIdsThatLookLikePhoneNumbers_AreKeptAsSent()
    {
        // Hex ids are random bytes: a run of digits is common and must not be redacted as a phone number.
        var chat = Spans.Chat("Digits?", "Kept.");
        chat.TraceId = ByteString.CopyFrom(Convert.FromHexString("44207946095844207946095844207946"));
        chat.SpanId = ByteString.CopyFrom(Convert.FromHexString("4155550123415555"));

        await PostProtobuf(Spans.Export("support-bot", chat));

        Assert.Equal(1, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM samples WHERE interaction_id = '44207946095844207946095844207946:4155550123415555'"));
    }

    [Fact]
    public async Task Protobuf_ResentExport_IsDeduplicated()
    {
        var export = Spans.Export("support-bot", Spans.Chat("Hi", "Hello!"));

        await PostProtobuf(export);
        await PostProtobuf(export);

        Assert.Equal(1, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM samples"));
        Assert.Equal(1, Db.Scalar<long>(temp.DatabasePath, "SELECT SUM(duplicates) FROM volume_hourly"));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task Protobuf_Compressed_IsAccepted(string encoding)
    {
        var chat = Spans.Chat("Compressed?", "Yes.");

        var response = await Post(Compress(Spans.Export("support-bot", chat).ToByteArray(), encoding), "application/x-protobuf", encoding);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM samples WHERE interaction_id = @id", new { id = Spans.IdOf(chat) }));
    }

    [Fact]
    public async Task Json_AsTheJsSdkWritesIt_IsAccepted()
    {
        var trace = Convert.ToHexStringLower(Spans.NewTraceId());
        var span = Convert.ToHexStringLower(Spans.NewSpanId());
        var end = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        // Hex ids, lowerCamelCase, enum as a number, 64-bit integers as strings, structured message values.
        var json = """
        {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"support-bot"}}],"droppedAttributesCount":0},
          "scopeSpans":[{"scope":{"name":"@opentelemetry/instrumentation-openai","version":"0.1.0"},
            "spans":[{"traceId":"TRACE","spanId":"SPAN","name":"chat gpt-5-mini","kind":3,
              "startTimeUnixNano":"START","endTimeUnixNano":"END",
              "attributes":[
                {"key":"gen_ai.operation.name","value":{"stringValue":"chat"}},
                {"key":"gen_ai.request.model","value":{"stringValue":"gpt-5-mini"}},
                {"key":"gen_ai.usage.input_tokens","value":{"intValue":"12"}},
                {"key":"gen_ai.input.messages","value":{"arrayValue":{"values":[{"kvlistValue":{"values":[
                  {"key":"role","value":{"stringValue":"user"}},
                  {"key":"parts","value":{"arrayValue":{"values":[{"kvlistValue":{"values":[{"key":"type","value":{"stringValue":"text"}},{"key":"content","value":{"stringValue":"Can I return shoes?"}}]}}]}}}]}}]}}},
                {"key":"gen_ai.output.messages","value":{"stringValue":"[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Yes, within 30 days.\"}]}]"}}
              ],"droppedAttributesCount":0,"events":[],"links":[],"status":{"code":0}}]}]}]}
        """.Replace("TRACE", trace, StringComparison.Ordinal).Replace("SPAN", span, StringComparison.Ordinal)
            .Replace("START", (end - 1_000_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("END", end.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var response = await Post(Encoding.UTF8.GetBytes(json), "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var row = Db.Query<(string Prompt, string Response)>(temp.DatabasePath, "SELECT prompt, response FROM samples WHERE interaction_id = @id", new { id = $"{trace}:{span}" }).Single();
        Assert.Equal(("Can I return shoes?", "Yes, within 30 days."), row);
    }

    [Fact]
    public async Task SpanWithoutContent_CountsAsVolume_IsNotSampled_AndSaysHowToCaptureContent()
    {
        var response = await PostProtobuf(Spans.Export("support-bot", Spans.ChatWithoutContent(), Spans.ChatWithoutContent()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM samples"));
        Assert.Equal(2, Db.Scalar<long>(temp.DatabasePath, "SELECT SUM(received) FROM volume_hourly WHERE stream = 'support'"));
        var metrics = await MetricsScrape.FetchUntilAsync(host.Client, m => m.Sum("qualitywatch_otlp_spans_total") >= 2);
        Assert.Equal(2, metrics.Sum("qualitywatch_otlp_spans_total", ("outcome", "content_not_captured")));
        var hint = Assert.Single(logs.GetSnapshot(), r => r.Is(17000)).Message;
        Assert.Contains("EnableSensitiveData", hint, StringComparison.Ordinal);
        Assert.Contains("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true", hint, StringComparison.Ordinal);

        await PostProtobuf(Spans.Export("support-bot", Spans.ChatWithoutContent()));
        Assert.Single(logs.GetSnapshot(), r => r.Is(17000));
    }

    [Fact]
    public async Task InvalidSpan_IsRejectedAsPartialSuccess_TheOthersAreStored()
    {
        var good = Spans.Chat("Fine?", "Fine.");
        var tooOld = Spans.Chat("Old?", "Old.", at: DateTimeOffset.UtcNow.AddDays(-400));

        var response = await PostProtobuf(Spans.Export("support-bot", good, tooOld));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = ExportTraceServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, answer.PartialSuccess.RejectedSpans);
        Assert.Contains(Spans.IdOf(tooOld), answer.PartialSuccess.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("Ingest:MaxTimestampAge", answer.PartialSuccess.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(1, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM samples WHERE interaction_id = @id", new { id = Spans.IdOf(good) }));
    }

    [Fact]
    public async Task SpanEndTime_IsTheInteractionsTime_StartTimeWithoutIt_AFutureOneIsRejected()
    {
        // The mapper hands the validator a typed time (no RFC 3339 round trip): the same time and the same checks.
        var at = DateTimeOffset.UtcNow.AddHours(-2);
        var ended = Spans.Chat("Ended?", "Yes.", at: at);
        ended.EndTimeUnixNano += 987_654; // below a millisecond: stored times are milliseconds
        var started = Spans.Chat("Started?", "Yes.", at: at);
        started.EndTimeUnixNano = 0;
        var future = Spans.Chat("Future?", "Yes.", at: DateTimeOffset.UtcNow.AddDays(3));

        var response = await PostProtobuf(Spans.Export("support-bot", ended, started, future));

        var answer = ExportTraceServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, answer.PartialSuccess.RejectedSpans);
        Assert.Contains($"span {Spans.IdOf(future)}: timestamp is more than 24 hours in the future", answer.PartialSuccess.ErrorMessage, StringComparison.Ordinal);
        long OccurredAt(Span span) => Db.Scalar<long>(temp.DatabasePath, "SELECT occurred_at FROM samples WHERE interaction_id = @id", new { id = Spans.IdOf(span) });
        Assert.Equal(at.ToUnixTimeMilliseconds(), OccurredAt(ended));
        Assert.Equal(at.ToUnixTimeMilliseconds() - 1_500, OccurredAt(started));
    }

    [Fact]
    public async Task MalformedProtobuf_Is400WithAStatusBody_AndStoresNothing()
    {
        var response = await Post([0x0a, 0xff, 0xff, 0xff, 0x01, 0x02], "application/x-protobuf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var status = RpcStatus.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(3, status.Code);
        Assert.Contains("not an OTLP ExportTraceServiceRequest", status.Message, StringComparison.Ordinal);
        Assert.Equal(0, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM samples"));
    }

    [Fact]
    public async Task OtherContentType_Is415()
    {
        var response = await Post(Encoding.UTF8.GetBytes("hello"), "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private Task<HttpResponseMessage> PostProtobuf(ExportTraceServiceRequest request) => Post(request.ToByteArray(), "application/x-protobuf");

    private Task<HttpResponseMessage> Post(byte[] body, string contentType, string? encoding = null)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (encoding is not null)
        {
            content.Headers.ContentEncoding.Add(encoding);
        }

        return host.Client.PostAsync("/v1/traces", content);
    }

    internal static byte[] Compress(byte[] body, string encoding)
    {
        using var output = new MemoryStream();
        using (Stream compressor = encoding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true),
            _ => new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true),
        })
        {
            compressor.Write(body);
        }

        return output.ToArray();
    }
}
