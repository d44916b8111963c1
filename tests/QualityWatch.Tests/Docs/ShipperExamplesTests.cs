using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Google.Protobuf;
using QualityWatch.Tests.Ingestion.Otlp;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Docs;

/// <summary>
/// The README's shipper configurations (OpenTelemetry Collector, Vector) and its Microsoft.Extensions.AI snippet:
/// the service takes exactly what each configuration sends (endpoint, path, compression, headers), and the
/// snippet's calls are the ones RealProducerTests runs.
/// </summary>
public sealed partial class ShipperExamplesTests : IAsyncLifetime
{
    private const string IngestKey = "shipper-key-0123456789abcdef";
    private const string DocumentedAddress = "http://127.0.0.1:8080";
    private readonly TempDirectory temp = new();
    private InProcessHost host = null!;
    private string readme = "";

    public async Task InitializeAsync()
    {
        readme = await File.ReadAllTextAsync(RepoRoot.File("README.md"));
        host = await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?>
        {
            ["Sampling:EveryN"] = "1",
            ["Auth:Keys:0:Name"] = "shipper",
            ["Auth:Keys:0:Key"] = IngestKey,
            ["Auth:Keys:0:Roles:0"] = "ingest",
        });
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public async Task CollectorOtlpHttpExporter_AsConfiguredInTheReadme_IsAccepted()
    {
        var yaml = Block("yaml", "otlphttp/qualitywatch");
        var endpoint = Value(yaml, @"endpoint:\s*(\S+)");
        var compression = Value(yaml, @"compression:\s*(\S+)");
        var authorization = Value(yaml, @"Authorization:\s*""([^""]+)""").Replace("${env:QUALITYWATCH_INGEST_KEY}", IngestKey, StringComparison.Ordinal);
        var chat = Spans.Chat("Collector?", "Forwarded.");

        // The otlphttp exporter: protobuf, to {endpoint}/v1/traces, compressed as configured.
        var response = await Send(
            endpoint + "/v1/traces", OtlpIngestTests.Compress(Spans.Export("support-bot", chat).ToByteArray(), compression), "application/x-protobuf", compression, authorization);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM samples WHERE interaction_id = @id", new { id = Spans.IdOf(chat) }));
    }

    [Fact]
    public async Task VectorHttpSink_AsConfiguredInTheReadme_IsAccepted()
    {
        var toml = Block("toml", "[sinks.qualitywatch]");
        var uri = Value(toml, @"uri\s*=\s*""([^""]+)""");
        var compression = Value(toml, @"compression\s*=\s*""([^""]+)""");
        var contentType = Value(toml, @"request\.headers\.Content-Type\s*=\s*""([^""]+)""");
        var authorization = Value(toml, @"request\.headers\.Authorization\s*=\s*""([^""]+)""").Replace("${QUALITYWATCH_INGEST_KEY}", IngestKey, StringComparison.Ordinal);
        Assert.Equal("\"json\"", Value(toml, @"encoding\.codec\s*=\s*(\S+)"));
        Assert.Equal("\"newline_delimited\"", Value(toml, @"framing\.method\s*=\s*(\S+)"));
        var lines = string.Join('\n', Some.Interaction().ToJsonString(), Some.Interaction().ToJsonString());

        var response = await Send(uri, OtlpIngestTests.Compress(Encoding.UTF8.GetBytes(lines), compression), contentType, compression, authorization);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.ReadJsonAsync()).GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task MicrosoftExtensionsAiSnippet_IsWhatRealProducerTestsRuns()
    {
        var snippet = Block("csharp", "UseOpenTelemetry");
        var test = await File.ReadAllTextAsync(RepoRoot.File("tests", "QualityWatch.Tests", "Ingestion", "Otlp", "RealProducerTests.cs"));

        foreach (var call in new[]
        {
            ".AddSource(\"chatbot\")",
            "o.Protocol = OtlpExportProtocol.HttpProtobuf;",
            ".UseOpenTelemetry(sourceName: \"chatbot\", configure: c => c.EnableSensitiveData = true)",
            "Activity.Current?.SetTag(\"gen_ai.prompt.version\", \"support-v7\");",
            "await next(messages, options, cancellationToken);",
        })
        {
            Assert.Contains(call, snippet, StringComparison.Ordinal);
            Assert.Contains(call, test, StringComparison.Ordinal);
        }
    }

    private async Task<HttpResponseMessage> Send(string url, byte[] body, string contentType, string encoding, string authorization)
    {
        var address = host.Client.BaseAddress!.ToString().TrimEnd('/');
        using var request = new HttpRequestMessage(HttpMethod.Post, url.Replace(DocumentedAddress, address, StringComparison.Ordinal));
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Content.Headers.ContentEncoding.Add(encoding);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await host.Client.SendAsync(request);
    }

    /// <summary>The README code block of <paramref name="language"/> that contains <paramref name="marker"/>.</summary>
    private string Block(string language, string marker)
    {
        foreach (Match block in CodeBlock().Matches(readme))
        {
            if (block.Groups["lang"].Value == language && block.Groups["body"].Value.Contains(marker, StringComparison.Ordinal))
            {
                return block.Groups["body"].Value;
            }
        }

        throw new Xunit.Sdk.XunitException($"the README has no {language} block containing {marker}");
    }

    private static string Value(string text, string pattern)
    {
        var match = Regex.Match(text, pattern);
        Assert.True(match.Success, $"not found: {pattern}");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"```(?<lang>\w+)\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
