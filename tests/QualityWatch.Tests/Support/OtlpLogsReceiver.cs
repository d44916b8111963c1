using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using QualityWatch.Ingestion.Otlp.Proto;

namespace QualityWatch.Tests.Support;

/// <summary>An OTLP/HTTP logs receiver on real Kestrel at 127.0.0.1:0: decodes each ExportLogsServiceRequest and keeps its records.</summary>
internal sealed class OtlpLogsReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private int requests;

    private OtlpLogsReceiver(WebApplication app) => this.app = app;

    /// <summary>The base URL, as a user would configure it (<c>/v1/logs</c> is the exporter's to add).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public int Requests => Volatile.Read(ref requests);

    /// <summary>Status to answer the n-th export (1-based); 200 by default. Records of a refused export are not kept.</summary>
    public Func<int, int> Respond { get; set; } = _ => 200;

    public ConcurrentQueue<(ResourceLogs Resource, LogRecord Record)> Records { get; } = new();

    /// <summary>Request headers of the last export, lower-case names.</summary>
    public IReadOnlyDictionary<string, string> LastHeaders { get; private set; } = new Dictionary<string, string>();

    public static async Task<OtlpLogsReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpLogsReceiver(app);
        app.MapPost("/v1/logs", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var request = ExportLogsServiceRequest.Parser.ParseFrom(body.ToArray());
            var status = receiver.Respond(Interlocked.Increment(ref receiver.requests));
            if (status != 200)
            {
                return Results.StatusCode(status);
            }

            receiver.LastHeaders = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
            foreach (var resource in request.ResourceLogs)
            {
                foreach (var record in resource.ScopeLogs.SelectMany(s => s.LogRecords))
                {
                    receiver.Records.Enqueue((resource, record));
                }
            }

            return Results.Bytes(Array.Empty<byte>(), "application/x-protobuf");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver.BaseUrl = new Uri(address);
        return receiver;
    }

    /// <summary>The records whose attribute <paramref name="key"/> is <paramref name="value"/>.</summary>
    public List<LogRecord> With(string key, string value) =>
        [.. Records.Select(r => r.Record).Where(r => r.Attributes.Any(a => a.Key == key && a.Value.StringValue == value))];

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
