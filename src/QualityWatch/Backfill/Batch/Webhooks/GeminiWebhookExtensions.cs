using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QualityWatch.Hosting;

namespace QualityWatch.Backfill.Batch.Webhooks;

internal static class GeminiWebhookExtensions
{
    public static IServiceCollection AddGeminiWebhook(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<GeminiWebhookOptions, GeminiWebhookOptionsValidator>().BindConfiguration(GeminiWebhookOptions.SectionName);
        services.TryAddSingleton<StandardWebhookVerifier>();
        services.TryAddSingleton<WebhookDeliveries>();
        return services;
    }

    /// <summary>Maps the endpoint only when enabled: otherwise the path is unknown (404) and polling alone finds finished jobs.</summary>
    public static WebApplication MapGeminiWebhook(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<GeminiWebhookOptions>>().Value;
        if (options.Enabled)
        {
            // Signed with the Standard Webhooks secret, not an API key: the endpoint checks the signature itself.
            app.MapPost(GeminiWebhookEndpoint.Path, GeminiWebhookEndpoint.HandleAsync)
                .WithMetadata(new RequestBodyLimit(options.MaxBodyBytes))
                .AllowAnonymous();
        }

        return app;
    }
}
