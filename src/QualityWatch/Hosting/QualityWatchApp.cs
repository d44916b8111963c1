using Microsoft.Extensions.Options;
using QualityWatch.Storage;
using QualityWatch.Telemetry;

namespace QualityWatch.Hosting;

/// <summary>Builds and runs the service; tests build the same app in-process on real Kestrel.</summary>
public static class QualityWatchApp
{
    /// <summary>The listen URL when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8080";

    public static int Run(string[] args)
    {
        try
        {
            using var app = Build(args);
            app.Run();
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            // A bad setting is an operator error, not a crash: say which key and what is allowed.
            Console.Error.WriteLine("QualityWatch cannot start: invalid configuration.");
            foreach (var failure in ex.Failures)
            {
                Console.Error.WriteLine($"  {failure}");
            }

            return 2;
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            // The binder's own message names the key and the value, e.g. 'Bogus' at 'Storage:Synchronous'.
            Console.Error.WriteLine($"QualityWatch cannot start: invalid configuration.\n  {ex.Message}");
            return 2;
        }
        catch (StorageException ex)
        {
            Console.Error.WriteLine($"QualityWatch cannot start: {ex.Message}");
            return 3;
        }
    }

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // appsettings.json ships beside the binary (linked from the repo root at build time).
            ContentRootPath = AppContext.BaseDirectory,
        });

        builder.Configuration.AddEnvironmentVariables(prefix: "QW_");
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Host.UseDefaultServiceProvider(o =>
        {
            o.ValidateOnBuild = true;
            o.ValidateScopes = true;
        });
        configure?.Invoke(builder);
        MetricsListener.Configure(builder);
        builder.Services.AddQualityWatch();

        var app = builder.Build();

        // Validate every ValidateOnStart option now, so a bad setting ends the process with one
        // clear message instead of a host start-up stack trace.
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        app.MapQualityWatch();
        return app;
    }
}
