using Microsoft.Extensions.DependencyInjection.Extensions;
namespace QualityWatch.Redaction;
public static class RedactionExtensions
{
    public static IServiceCollection AddRedaction(this IServiceCollection services) { services.TryAddSingleton<Redactor>(); return services; }
}
