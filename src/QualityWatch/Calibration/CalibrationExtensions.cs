using Microsoft.Extensions.DependencyInjection.Extensions;

namespace QualityWatch.Calibration;

internal static class CalibrationExtensions
{
    /// <summary>Judge calibration from review labels: the reader (and its cache) the API, trends, console and alerts share.</summary>
    public static IServiceCollection AddCalibration(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<CalibrationOptions, CalibrationOptionsValidator>().BindConfiguration(CalibrationOptions.SectionName);
        services.TryAddSingleton<CalibrationReader>();
        return services;
    }
}
