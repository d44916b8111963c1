using Microsoft.Extensions.DependencyInjection.Extensions;
using QualityWatch.Api;

namespace QualityWatch.Reviews;

internal static class ReviewsExtensions
{
    /// <summary>Review labels: their store, queries, the queue's draw, and the queue's policy (review or read).</summary>
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<ReviewsOptions, ReviewsOptionsValidator>().BindConfiguration(ReviewsOptions.SectionName);
        services.TryAddSingleton<Reviewer>();
        services.TryAddSingleton<ReviewStore>();
        services.TryAddSingleton<ReviewQueries>();
        services.TryAddSingleton<ReviewDraw>();
        services.AddAuthorizationBuilder().AddPolicy(
            ReviewPolicies.Queue, policy => policy.RequireAuthenticatedUser().RequireRole(ApiRoles.Review, ApiRoles.Read, ApiRoles.Admin));
        return services;
    }
}
