using Microsoft.Extensions.DependencyInjection.Extensions;

namespace QualityWatch.Sampling;

public static class SamplingExtensions
{
    public static IServiceCollection AddSampling(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<SamplingOptions, SamplingOptionsValidator>().BindConfiguration(SamplingOptions.SectionName);
        services.TryAddSingleton<StreamRouter>();
        services.TryAddSingleton<VersionTracker>();
        services.TryAddSingleton<SamplingState>();
        return services;
    }
}
