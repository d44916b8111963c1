using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace QualityWatch.Bench.Incidents;

/// <summary>
/// A webhook receiver on 127.0.0.1 that answers 204 to every POST: the bench measures with a channel taking every
/// notification, as in production (with none the outbox still records each one, and its last-notified time stays empty).
/// </summary>
internal sealed class WebhookSink : IAsyncDisposable
{
    private readonly WebApplication app;
    private long received;

    private WebhookSink(WebApplication app) => this.app = app;

    public Uri Url { get; private set; } = null!;

    public long Received => Interlocked.Read(ref received);

    public static async Task<WebhookSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new WebhookSink(app);
        app.MapPost("/hook", () =>
        {
            Interlocked.Increment(ref sink.received);
            return Results.NoContent();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        sink.Url = new Uri(new Uri(address), "/hook");
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
