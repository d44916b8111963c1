using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace QualityWatch.Api;

internal static class ApiExtensions
{
    /// <summary>The bearer-key scheme and one authorization policy per role, each also passed by <c>admin</c>.</summary>
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<AuthOptions, AuthOptionsValidator>().BindConfiguration(AuthOptions.SectionName);
        services.AddOptionsWithValidateOnStart<LegacyKeyOptions, LegacyKeyOptionsValidator>().BindConfiguration(LegacyKeyOptions.SectionName);
        services.TryAddSingleton<ApiKeyRing>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, configureOptions: null);
        services.AddAuthorization(options =>
        {
            foreach (var role in ApiRoles.All)
            {
                options.AddPolicy(role, policy => policy.RequireAuthenticatedUser().RequireRole(role, ApiRoles.Admin));
            }

            // A route mapped without a policy still needs a valid key: forgetting one cannot open it.
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        return services;
    }

    /// <summary>
    /// Authentication and authorization in the pipeline, after routing so each route's policy applies,
    /// and before any handler runs: a missing key is answered 401 before the query is looked at.
    /// </summary>
    public static WebApplication UseApiGate(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();

        var ring = app.Services.GetRequiredService<ApiKeyRing>();
        var logger = app.Services.GetRequiredService<ILogger<ApiKeyRing>>();
        if (ring.Enabled)
        {
            Log.AuthenticationEnabled(logger, ring.Count);
        }
        else
        {
            Log.AuthenticationDisabled(logger);
        }

        if (ring.LegacyKeyCount > 0)
        {
            Log.LegacyKeys(logger, ring.LegacyKeyCount);
        }

        return app;
    }
}
