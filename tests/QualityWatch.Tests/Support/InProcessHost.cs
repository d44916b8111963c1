using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using QualityWatch.Hosting;

namespace QualityWatch.Tests.Support;

/// <summary>The real app on real Kestrel at 127.0.0.1:0, in this process, with a temp-file database.</summary>
public sealed class InProcessHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private InProcessHost(WebApplication app, string databasePath)
    {
        this.app = app;
        DatabasePath = databasePath;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public HttpClient Client { get; }

    public string DatabasePath { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>
    /// Starts the app; <paramref name="logs"/>, if given, receives every log line the settings let through;
    /// <paramref name="time"/>, if given, replaces the system clock (e.g. a FakeTimeProvider).
    /// </summary>
    public static async Task<InProcessHost> StartAsync(string databasePath, IDictionary<string, string?>? settings = null, FakeLogCollector? logs = null, TimeProvider? time = null)
    {
        var config = TestHost.Settings(databasePath, settings, [new("Logging:LogLevel:Default", "Warning")]);
        var app = QualityWatchApp.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            if (logs is not null)
            {
                builder.Logging.AddProvider(new FakeLoggerProvider(logs));
            }

            if (time is not null)
            {
                builder.Services.AddSingleton(time);
            }
        });
        await app.StartAsync();
        return new InProcessHost(app, databasePath);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
