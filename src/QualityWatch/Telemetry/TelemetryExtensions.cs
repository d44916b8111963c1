using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using QualityWatch.Api;

namespace QualityWatch.Telemetry;

internal static class TelemetryExtensions
{
    /// <summary>The MailKit meters (SMTP client operations, socket connects); MailKit creates them only once configured.</summary>
    public static IReadOnlyList<string> MailKitMeters { get; } = [MailKit.Telemetry.SmtpClient.MeterName, MailKit.Telemetry.Socket.MeterName];

    public static IServiceCollection AddTelemetry(this IServiceCollection services)
    {
        services.AddQualityWatchMetrics();

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("qualitywatch", serviceVersion: typeof(TelemetryExtensions).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics => metrics
                .AddMeter(QualityWatchMetrics.MeterName)
                .AddMeter([.. MailKitMeters])
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        services.ConfigureOpenTelemetryMeterProvider((sp, builder) =>
        {
            var owner = sp.GetRequiredService<IMeterFactory>();
            var enabled = sp.GetRequiredService<IOptions<MetricsOptions>>().Value.Enabled;
            builder.AddView(instrument => MetricViews.For(instrument, owner, enabled));
        });
        return services;
    }

    /// <summary>
    /// The instruments alone, for a stage that records metrics (ingest, judge, notifications) and
    /// may be composed without the exporter, as its tests do. A feature's gauges come with the feature.
    /// </summary>
    public static IServiceCollection AddQualityWatchMetrics(this IServiceCollection services)
    {
        // Called by several stages: bind the options once.
        if (services.Any(d => d.ServiceType == typeof(QualityWatchMetrics)))
        {
            return services;
        }

        services.AddOptionsWithValidateOnStart<MetricsOptions, MetricsOptionsValidator>().BindConfiguration(MetricsOptions.SectionName);
        services.AddMetrics();
        services.TryAddSingleton<LabelLimits>();

        // Each feature adds its own gauges (IMetricGauges); the database-backed ones read through StateReads.
        services.TryAddSingleton<StateReads>();
        services.TryAddSingleton<QualityWatchMetrics>();
        return services;
    }

    public static WebApplication MapTelemetry(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILogger<QualityWatchMetrics>>();
        if (!options.Enabled)
        {
            Log.Disabled(logger);
            return app;
        }

        // MailKit's meters are process-wide statics that exist only once configured; configuring twice is a no-op.
        MailKit.Telemetry.SmtpClient.Configure();
        MailKit.Telemetry.Socket.Configure();

        if (options.Port is { } port)
        {
            // The metrics port is for scrapers only: nothing else of the service answers there, and the
            // scrape answers nowhere else. The Host header is the client's to choose, so the port is
            // checked on the connection itself; and before the API gate, so a wrong port is a 404, not a 401.
            app.Use((context, next) =>
            {
                var scrape = context.Request.Path.Equals(options.Path, StringComparison.OrdinalIgnoreCase);
                if ((context.Connection.LocalPort == port) != scrape)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }

                return next(context);
            });
        }

        var scrape = app.MapPrometheusScrapingEndpoint(options.Path, meterProvider: null, configureBranchedPipeline: null, optionsName: null)
            .DisableHttpMetrics();
        if (options.RequireApiKey)
        {
            scrape.RequireAuthorization(ApiRoles.Read);
        }
        else
        {
            scrape.AllowAnonymous();
        }

        Log.Serving(logger, options.Path, options.Port is { } p ? $"port {p} only" : "the main port", options.RequireApiKey ? " (API key required)" : "");
        return app;
    }
}
