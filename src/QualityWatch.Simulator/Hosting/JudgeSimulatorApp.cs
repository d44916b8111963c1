using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using QualityWatch.Simulator.Faults;
using QualityWatch.Simulator.Judging;

namespace QualityWatch.Simulator.Hosting;

/// <summary>Builds the judge simulator host; the standalone command and <see cref="JudgeSimulator"/> share it.</summary>
public static class JudgeSimulatorApp
{
    /// <summary>The listen URL when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8090";

    /// <summary>Runs standalone until stopped (Ctrl+C); 2 on invalid configuration.</summary>
    public static int Run(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        var options = new SimulatorOptions();
        configuration.GetSection(SimulatorOptions.SectionName).Bind(options);
        configuration.GetSection(FaultSettings.SectionName).Bind(options.Faults);
        var errors = SimulatorOptionsValidator.Validate(options);
        if (errors.Count > 0)
        {
            Console.Error.WriteLine("Judge simulator cannot start: invalid configuration.");
            errors.ForEach(e => Console.Error.WriteLine($"  {e}"));
            return 2;
        }

        using var app = Build(args, options, quiet: false);
        app.Run();
        return 0;
    }

    internal static WebApplication Build(string[] args, SimulatorOptions options, bool quiet)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        // Hangs end when the host stops, so shutdown never needs the full default grace period.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Host.UseDefaultServiceProvider(o =>
        {
            o.ValidateOnBuild = true;
            o.ValidateScopes = true;
        });
        // Per-request framework logs would drown the simulator's own at benchmark rates.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        if (quiet)
        {
            // Configuration beats SetMinimumLevel, and an appsettings.json beside the host's binaries
            // may ask for Information: override it where it is read.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            });
        }

        builder.Services.AddJudgeSimulator(options);
        var app = builder.Build();
        app.MapJudgeSimulator();

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("QualityWatch.Simulator");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var address in app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            {
                Log.Listening(logger, address);
            }

            Log.FaultsInForce(logger, Describe(app.Services.GetRequiredService<SimulatorFaults>()) + Describe(options.Judge));
        });
        return app;
    }

    private static string Describe(Verdicts.JudgeErrorOptions j) =>
        $"; judge sensitivity {j.Sensitivity:0.###}, specificity {j.Specificity:0.###}, score noise {j.ScoreNoise:0.###}, seed {j.Seed}" +
        string.Concat(j.Models.Select(m => $", {m.Key}: sensitivity {m.Value.Sensitivity ?? j.Sensitivity:0.###} specificity {m.Value.Specificity ?? j.Specificity:0.###}"));

    private static string Describe(SimulatorFaults f) =>
        $"429 {f.Rate429:P0}, flex 503 {f.Rate503Flex:P0}, 500 {f.Rate500:P0}, malformed {f.MalformedRate:P0}, hang {f.HangRate:P0}, " +
        $"judge errors {f.JudgeErrorRate:P0}, RPM limit {f.RequestsPerMinuteLimit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "off"}, " +
        $"daily quota {f.DailyRequestQuota?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "off"}, " +
        $"latency [{string.Join(", ", f.Latency.Select(l => $"{l.Key}: {l.Value}"))}]";
}
