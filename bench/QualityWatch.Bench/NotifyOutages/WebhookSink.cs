using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace QualityWatch.Bench.NotifyOutages;

/// <summary>
/// A webhook receiver on real Kestrel at a fixed loopback port that the bench takes down and brings back;
/// every POST to <c>/hook</c> is answered 200 and counted by its <c>webhook-id</c>.
/// </summary>
internal sealed class WebhookSink(int port) : IAsyncDisposable
{
    private WebApplication? app;

    public Uri Url => new($"http://127.0.0.1:{port}/hook");

    public Receipts Received { get; } = new();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/hook", async (HttpContext context) =>
        {
            // The body is read whole before the answer, as a real receiver verifying the signature would.
            using var reader = new StreamReader(context.Request.Body);
            await reader.ReadToEndAsync(context.RequestAborted);
            Received.Record(context.Request.Headers["webhook-id"].ToString());
            return Results.Ok();
        });
        await app.StartAsync();
    }

    /// <summary>An outage: the port refuses connections.</summary>
    public async Task StopAsync()
    {
        if (app is null)
        {
            return;
        }

        await app.StopAsync();
        await app.DisposeAsync();
        app = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
