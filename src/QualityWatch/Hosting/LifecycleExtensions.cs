using Microsoft.Extensions.Options;

namespace QualityWatch.Hosting;

internal static class LifecycleExtensions
{
    /// <summary>The shutdown timeout from <c>Shutdown:Timeout</c>, and systemd integration when run as a unit.</summary>
    public static IServiceCollection AddLifecycle(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<ShutdownOptions, ShutdownOptionsValidator>().BindConfiguration(ShutdownOptions.SectionName);
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) => host.ShutdownTimeout = shutdown.Value.Timeout);

        // Type=notify: READY=1 once started, STOPPING=1 on SIGTERM, journald log format. A no-op outside systemd.
        services.AddSystemd();
        return services;
    }
}
