using Microsoft.Extensions.DependencyInjection.Extensions;

namespace QualityWatch.Redaction;

internal static class RedactionExtensions
{
    /// <summary>
    /// Registers <see cref="Redactor"/> and its options (section <c>Redaction</c>), validated at
    /// start-up so a broken custom pattern stops the service instead of leaking PII later.
    /// </summary>
    public static IServiceCollection AddRedaction(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<RedactionOptions, RedactionOptionsValidator>().BindConfiguration(RedactionOptions.SectionName);
        services.TryAddSingleton<Redactor>();
        services.TryAddSingleton<IdentifierKey>();
        services.TryAddSingleton<IdentifierRedactor>();
        services.AddHostedService<IdentifierKeyCheck>();
        return services;
    }
}
