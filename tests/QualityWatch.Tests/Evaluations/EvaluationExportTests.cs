using System.Net.Http.Headers;
using Google.Protobuf;
using QualityWatch.Evaluations;
using QualityWatch.Ingestion.Otlp.Proto;
using QualityWatch.Simulator;
using QualityWatch.Tests.Backfill;
using QualityWatch.Tests.Backfill.Batch;
using QualityWatch.Tests.Ingestion.Otlp;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Evaluations;

/// <summary>
/// Evaluations out: real judging (the simulator as judge) with <c>Export:Otlp:Endpoint</c> pointing at a real
/// OTLP/HTTP logs receiver, which decodes what the official OpenTelemetry exporter sends.
/// </summary>
public sealed class EvaluationExportTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task OtlpIngestedInteraction_Verdict_ArrivesAsThreeEvaluationEvents_ParentedToTheJudgedSpan()
    {
        await using var receiver = await OtlpLogsReceiver.StartAsync();
        await using var harness = await JudgeHarness.StartAsync(settings: Export(receiver.BaseUrl, headers: "x-api-key=collector-secret"));
        var chat = Spans.Chat("Can I pay by invoice? [[hallucination]]", "Yes, always, in any currency.", system: "Cards only.", promptVersion: "support-v7");
        var id = Spans.IdOf(chat);

        await PostTracesAsync(harness, Spans.Export("support-bot", chat));

        Assert.True(await Eventually.TrueAsync(() => receiver.With("qualitywatch.interaction_id", id).Count >= 3, Patience));
        var events = receiver.With("qualitywatch.interaction_id", id).ToDictionary(r => Text(r, "gen_ai.evaluation.name") ?? "");
        Assert.Equal(["accuracy", "hallucination", "tone"], events.Keys.Order());
        var verdict = Db.Query<(long Accuracy, long Tone, long Hallucination, string Reason)>(
            harness.DatabasePath, "SELECT accuracy, tone, hallucination, reason FROM verdicts WHERE interaction_id = @id", new { id }).Single();
        Assert.Equal(1, verdict.Hallucination);
        Assert.Equal((1.0, "hallucination"), Score(events["hallucination"]));
        Assert.Equal(((double)verdict.Accuracy, $"{verdict.Accuracy}/5"), Score(events["accuracy"]));
        Assert.Equal(((double)verdict.Tone, $"{verdict.Tone}/5"), Score(events["tone"]));
        Assert.All(events.Values, e =>
        {
            Assert.Equal(EvaluationExporter.EventName, e.EventName);
            Assert.Equal(verdict.Reason, Text(e, "gen_ai.evaluation.explanation"));
            Assert.Equal(chat.TraceId, e.TraceId);
            Assert.Equal(chat.SpanId, e.SpanId);
            Assert.Equal("support-v7", Text(e, "gen_ai.prompt.version"));
            Assert.Equal("gpt-5-mini", Text(e, "gen_ai.request.model"));
            Assert.False(string.IsNullOrEmpty(Text(e, "qualitywatch.stream")));
            Assert.DoesNotContain(e.Attributes, a => a.Key.StartsWith("qualitywatch.parent", StringComparison.Ordinal));
        });
        Assert.Equal("collector-secret", receiver.LastHeaders["x-api-key"]);
        var service = receiver.Records.First().Resource.Resource.Attributes.Single(a => a.Key == "service.name");
        Assert.Equal("qualitywatch", service.Value.StringValue);
    }

    [Fact]
    public async Task JsonIngestedInteraction_Verdict_ArrivesWithoutSpanIds()
    {
        await using var receiver = await OtlpLogsReceiver.StartAsync();
        await using var harness = await JudgeHarness.StartAsync(settings: Export(receiver.BaseUrl));

        var id = (await harness.SendAsync("Your order shipped with DHL.")).Single();

        Assert.True(await Eventually.TrueAsync(() => receiver.With("qualitywatch.interaction_id", id).Count >= 3, Patience));
        var events = receiver.With("qualitywatch.interaction_id", id);
        Assert.Equal(["accuracy", "hallucination", "tone"], events.Select(e => Text(e, "gen_ai.evaluation.name")).Order());
        Assert.Equal((0.0, "supported"), Score(events.Single(e => Text(e, "gen_ai.evaluation.name") == "hallucination")));
        Assert.All(events, e => Assert.True(e.TraceId.IsEmpty && e.SpanId.IsEmpty));
    }

    [Fact]
    public async Task BatchCollectedVerdicts_EachArrivesOnceAsThreeEvaluationEvents()
    {
        // Jobs a backfill submitted, collected by the service when the simulator's webhook says they are done.
        await using var receiver = await OtlpLogsReceiver.StartAsync();
        await using var rig = await WebhookRig.StartAsync(samples: 6, perJob: 3, Export(receiver.BaseUrl));

        rig.Simulator.Batches.Release();

        Assert.True(await Eventually.TrueAsync(() => rig.Scalar("SELECT COUNT(*) FROM verdicts") == 6, Patience), "batch verdicts stored");
        var ids = Db.Query<string>(rig.DatabasePath, "SELECT interaction_id FROM verdicts WHERE service_tier = 'batch'").ToList();
        Assert.Equal(6, ids.Count);
        Assert.True(await Eventually.TrueAsync(() => receiver.Records.Count >= 18, Patience), $"{receiver.Records.Count} of 18 events arrived");
        Assert.True(await Eventually.StaysAsync(() => receiver.Records.Count == 18, TimeSpan.FromSeconds(2)), "an event arrived twice");
        Assert.All(ids, id => Assert.Equal(
            ["accuracy", "hallucination", "tone"], receiver.With("qualitywatch.interaction_id", id).Select(e => Text(e, "gen_ai.evaluation.name")).Order()));
    }

    [Fact]
    public async Task BackfillCommand_BatchMode_ExportsEachVerdictOnce_BeforeItExits()
    {
        // The command collects its own jobs here (the simulator answers at once); it runs no host, so this is its own export.
        await using var receiver = await OtlpLogsReceiver.StartAsync();
        await using var simulator = await JudgeSimulator.StartAsync(new SimulatorOptions { GeminiApiKey = JudgeHarness.GeminiKey });
        using var temp = new TempDirectory();
        var log = BackfillLogs.Write(Path.Combine(temp.Path, "history.jsonl"), BackfillLogs.Lines(4, TimeSpan.FromMinutes(1), "export"));
        var settings = BackfillRunner.Settings(simulator.BaseAddress, new Dictionary<string, string?>(Export(receiver.BaseUrl))
        {
            ["Batch:PollInterval"] = "00:00:00.050",
            ["Batch:MaxPollInterval"] = "00:00:00.200",
        });

        var run = await BackfillRunner.RunAsync(temp.DatabasePath, settings, default, log, "--every", "1", "--mode", "batch", "--yes");

        Assert.True(run.Exit == 0, run.Output + run.Errors);
        var ids = Db.Query<string>(temp.DatabasePath, "SELECT interaction_id FROM verdicts WHERE service_tier = 'batch'").ToList();
        Assert.Equal(4, ids.Count);
        // Sent before the command returned: nothing is waited for here.
        Assert.Equal(12, receiver.Records.Count);
        Assert.All(ids, id => Assert.Equal(
            ["accuracy", "hallucination", "tone"], receiver.With("qualitywatch.interaction_id", id).Select(e => Text(e, "gen_ai.evaluation.name")).Order()));
    }

    [Fact]
    public async Task CollectorAnswers503Once_TheBatchIsRetried_NotLost()
    {
        await using var receiver = await OtlpLogsReceiver.StartAsync();
        receiver.Respond = n => n == 1 ? 503 : 200;
        await using var harness = await JudgeHarness.StartAsync(settings: Export(receiver.BaseUrl));

        var id = (await harness.SendAsync("Your order shipped with DHL.")).Single();

        Assert.True(await Eventually.TrueAsync(() => receiver.With("qualitywatch.interaction_id", id).Count >= 3, Patience));
        Assert.True(receiver.Requests >= 2);
    }

    [Fact]
    public async Task EndpointUnset_NothingIsSent()
    {
        await using var receiver = await OtlpLogsReceiver.StartAsync();
        await using var exporting = await JudgeHarness.StartAsync(settings: Export(receiver.BaseUrl));
        await using var silent = await JudgeHarness.StartAsync();

        // Both judge one interaction; the exporting host's events arriving is the sign that the quiet one had its chance.
        var quiet = (await silent.SendAsync("Your order shipped with DHL.")).Single();
        await silent.SettleAsync(Patience);
        Assert.Equal(1, Db.Scalar<long>(silent.DatabasePath, "SELECT COUNT(*) FROM verdicts"));
        var loud = (await exporting.SendAsync("Your order shipped with DHL.")).Single();

        Assert.True(await Eventually.TrueAsync(() => receiver.With("qualitywatch.interaction_id", loud).Count >= 3, Patience));
        Assert.Empty(receiver.With("qualitywatch.interaction_id", quiet));
        Assert.Equal(0, silent.Host.Services.GetRequiredService<VerdictEventQueue>().Reader.Count);
    }

    [Fact]
    public async Task DeadEndpoint_JudgingCommitsEveryVerdict()
    {
        // Accepts connections and never answers: the worst collector, as the exporter sees it.
        using var dead = new SilentServer();
        await using var harness = await JudgeHarness.StartAsync(settings: Export(new Uri($"http://127.0.0.1:{dead.Port}")));

        var ids = await harness.SendAsync([.. Enumerable.Range(0, 20).Select(i => $"Your order {i} shipped with DHL.")]);

        var counts = await harness.SettleAsync(Patience);
        Assert.Equal(ids.Count, counts.GetValueOrDefault("done"));
        Assert.Equal(ids.Count, Db.Scalar<long>(harness.DatabasePath, "SELECT COUNT(*) FROM verdicts"));
        Assert.True(await Eventually.TrueAsync(() => dead.Connections > 0, Patience));
    }

    private static Dictionary<string, string?> Export(Uri endpoint, string? headers = null) => new()
    {
        ["Export:Otlp:Endpoint"] = endpoint.ToString(),
        ["Export:Otlp:Headers"] = headers,
    };

    private static async Task PostTracesAsync(JudgeHarness harness, ExportTraceServiceRequest export)
    {
        var content = new ByteArrayContent(export.ToByteArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        var response = await harness.Host.Client.PostAsync("/v1/traces", content);
        response.EnsureSuccessStatusCode();
    }

    private static string? Text(LogRecord record, string key) => record.Attributes.SingleOrDefault(a => a.Key == key)?.Value.StringValue;

    private static (double Value, string? Label) Score(LogRecord record) =>
        (record.Attributes.Single(a => a.Key == "gen_ai.evaluation.score.value").Value.DoubleValue, Text(record, "gen_ai.evaluation.score.label"));
}
