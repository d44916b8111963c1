using Microsoft.Extensions.DependencyInjection.Extensions;
using QualityWatch.Judging;

namespace QualityWatch.Evaluations;

internal static class EvaluationExportExtensions
{
    /// <summary>Verdicts out as OpenTelemetry events when <c>Export:Otlp:Endpoint</c> is set; a no-op observer otherwise.</summary>
    public static IServiceCollection AddEvaluationExport(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<EvaluationExportOptions, EvaluationExportOptionsValidator>()
            .BindConfiguration(EvaluationExportOptions.SectionName);
        services.TryAddSingleton<VerdictEventQueue>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IVerdictObserver, VerdictEventQueue>(sp => sp.GetRequiredService<VerdictEventQueue>()));
        services.AddHostedService<EvaluationEmitter>();
        return services;
    }
}
