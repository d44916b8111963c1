using Microsoft.Extensions.Options;
using QualityWatch.Api;
using QualityWatch.Storage;
using QualityWatch.Telemetry;

namespace QualityWatch.Hosting;

/// <summary>Builds and runs the service; tests build the same app in-process on real Kestrel.</summary>
internal static class QualityWatchApp
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
            return Refuse(ExitCodes.InvalidConfiguration, [.. ex.Failures]);
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            // The binder's own message names the key and the value, e.g. 'Bogus' at 'Storage:Synchronous'.
            return Refuse(ExitCodes.InvalidConfiguration, ex.Message);
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("Unable to configure HTTPS endpoint", StringComparison.Ordinal))
        {
            return Refuse(ExitCodes.InvalidConfiguration, ex.Message);
        }
        catch (IOException ex) when (ex.Message.StartsWith("Failed to bind to address", StringComparison.Ordinal))
        {
            // Kestrel's message names the address and why (in use, permission denied); a restart would only repeat it.
            return Refuse(ExitCodes.InvalidConfiguration, $"{ex.Message} Free the port or choose another with --urls / ASPNETCORE_URLS.");
        }
        catch (StorageException ex)
        {
            return Refuse(ExitCodes.StorageRefused, ex.Message);
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
        if (ListenAddresses.Problems(builder.Configuration) is { Count: > 0 } problems)
        {
            // Kestrel would crash on these at bind time, or bind a host it cannot parse on every interface.
            throw new OptionsValidationException(WebHostDefaults.ServerUrlsKey, typeof(ListenAddress), problems);
        }

        builder.Services.AddQualityWatch();

        var app = builder.Build();

        // Validate every ValidateOnStart option now, so a bad setting ends the process with one
        // clear message instead of a host start-up stack trace.
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        app.MapQualityWatch();
        return app;
    }

    /// <summary>One line per problem on stderr, each naming it, so the journal shows why the unit stopped.</summary>
    private static int Refuse(int exitCode, params string[] problems)
    {
        foreach (var problem in problems)
        {
            Console.Error.WriteLine($"QualityWatch cannot start: {problem}");
        }

        return exitCode;
    }
}
