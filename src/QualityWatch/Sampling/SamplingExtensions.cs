using Microsoft.Extensions.DependencyInjection.Extensions;
using QualityWatch.Telemetry;

namespace QualityWatch.Sampling;

internal static class SamplingExtensions
{
    public static IServiceCollection AddSampling(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<SamplingOptions, SamplingOptionsValidator>().BindConfiguration(SamplingOptions.SectionName);
        services.TryAddSingleton<StreamRouter>();
        services.TryAddSingleton<VersionTracker>();
        services.TryAddSingleton<SamplingState>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMetricGauges, SamplingGauges>());
        return services;
    }
}
