using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace QualityWatch.Tests.Support;

/// <summary>A webhook receiver on real Kestrel at 127.0.0.1:0: records every POST and answers what the test scripts.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private int count;

    private WebhookReceiver(WebApplication app) => this.app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>Status to answer for the n-th request (1-based); 200 by default.</summary>
    public Func<int, int> Respond { get; set; } = _ => 200;

    /// <summary>How long to wait before answering the n-th request (1-based); none by default.</summary>
    public Func<int, TimeSpan> Delay { get; set; } = _ => TimeSpan.Zero;

    public ConcurrentQueue<WebhookRequest> Requests { get; } = new();

    public IEnumerable<WebhookRequest> Accepted => Requests.Where(r => r.Status is >= 200 and < 300);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var n = Interlocked.Increment(ref receiver.count);
            var status = receiver.Respond(n);
            receiver.Requests.Enqueue(new WebhookRequest(
                context.Request.Headers["webhook-id"].ToString(),
                context.Request.Headers["webhook-timestamp"].ToString(),
                context.Request.Headers["webhook-signature"].ToString(),
                body,
                status));
            try
            {
                await Task.Delay(receiver.Delay(n), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The sender gave up waiting: that is what a slow-endpoint test wants to see.
            }

            return Results.StatusCode(status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver.Url = new Uri(new Uri(address), "/hook");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
