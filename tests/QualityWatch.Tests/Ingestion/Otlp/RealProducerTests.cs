using System.ClientModel;
using System.Diagnostics;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using QualityWatch.Simulator;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Ingestion.Otlp;

/// <summary>
/// A real instrumented chatbot: a Microsoft.Extensions.AI chat client with <c>UseOpenTelemetry()</c> and
/// <c>EnableSensitiveData</c>, exporting through the official OTLP exporter (HTTP/protobuf) to QualityWatch, with the
/// simulator's OpenAI side as its model. Nothing here is QualityWatch's own encoding of a span.
/// </summary>
public sealed class RealProducerTests
{
    [Fact]
    public async Task MicrosoftExtensionsAiChatbot_ConversationsArrive_AreSampled_Judged_AndKeepTheirPromptVersion()
    {
        using var temp = new TempDirectory();
        // One simulator plays both parts: the chatbot's model (OpenAI side) and QualityWatch's judge (Gemini side).
        await using var simulator = await JudgeSimulator.StartAsync(new QualityWatch.Simulator.SimulatorOptions { OpenAiApiKey = "chatbot-key", GeminiApiKey = JudgeHarness.GeminiKey });
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, JudgeHarness.JudgeSettings("gemini", simulator.BaseAddress));

        var exported = 0;
        using (var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateDefault().AddService("support-bot"))
            .AddSource("chatbot")
            .AddOtlpExporter(o =>
            {
                o.Endpoint = new Uri(host.Client.BaseAddress!, "v1/traces");
                o.Protocol = OtlpExportProtocol.HttpProtobuf;
                o.ExportProcessorType = ExportProcessorType.Simple;
            })
            .Build())
        {
            var chatbot = new OpenAI.Chat.ChatClient("gpt-5-mini", new ApiKeyCredential("chatbot-key"), new OpenAIClientOptions { Endpoint = new Uri(simulator.BaseAddress, "v1") })
                .AsIChatClient()
                .AsBuilder()
                .UseOpenTelemetry(sourceName: "chatbot", configure: c => c.EnableSensitiveData = true)
                // Inside the GenAI span: the app tags which prompt template produced this call.
                .Use(async (messages, options, next, cancellationToken) =>
                {
                    Activity.Current?.SetTag("gen_ai.prompt.version", "support-v7");
                    await next(messages, options, cancellationToken);
                })
                .Build();

            foreach (var question in new[] { "Where is my order 123?", "Can I pay by invoice? [[hallucination]]" })
            {
                var answer = await chatbot.GetResponseAsync([new ChatMessage(ChatRole.System, "Orders ship in 3 days."), new ChatMessage(ChatRole.User, question)]);
                Assert.False(string.IsNullOrEmpty(answer.Text));
                exported++;
            }

            Assert.True(tracing.ForceFlush(30_000));
        }

        var rows = Db.Query<(string Id, string Prompt, string Context, string PromptVersion, string Model)>(
            temp.DatabasePath, "SELECT interaction_id, prompt, context, prompt_version, model FROM samples ORDER BY prompt").ToList();
        Assert.Equal(exported, rows.Count);
        Assert.All(rows, r => Assert.Matches("^[0-9a-f]{32}:[0-9a-f]{16}$", r.Id));
        Assert.Equal(["Can I pay by invoice? [[hallucination]]", "Where is my order 123?"], rows.Select(r => r.Prompt));
        Assert.All(rows, r => Assert.Equal(("Orders ship in 3 days.", "support-v7"), (r.Context, r.PromptVersion)));
        Assert.All(rows, r => Assert.StartsWith("gpt-5-mini", r.Model, StringComparison.Ordinal));

        Assert.True(await Eventually.TrueAsync(() => Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM verdicts") == exported, TimeSpan.FromSeconds(60)));
        Assert.Equal(1, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM verdicts WHERE hallucination = 1"));
    }
}
