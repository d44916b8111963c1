using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace QualityWatch.Sampling;

public static class SamplingExtensions
{
    public static IServiceCollection AddSampling(this IServiceCollection services)
    {
        services.AddOptions<SamplingOptions>().BindConfiguration(SamplingOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SamplingOptions>, SamplingOptionsValidator>());
        services.TryAddSingleton<StreamRouter>();
        services.TryAddSingleton<VersionTracker>();
        services.TryAddSingleton<SamplingState>();
        return services;
    }
}
