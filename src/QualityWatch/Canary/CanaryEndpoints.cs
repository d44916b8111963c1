using Microsoft.Extensions.Options;
using QualityWatch.Api;
using QualityWatch.Judging;

namespace QualityWatch.Canary;

/// <summary><c>GET /v1/canary</c>: the judge-drift canary's runs (the newest 90 run rows).</summary>
internal static class CanaryEndpoints
{
    private const int MaxRuns = 90;

    public static WebApplication MapCanary(this WebApplication app)
    {
        app.MapGet("/v1/canary", GetAsync).RequireAuthorization(ApiRoles.Read);
        return app;
    }

    private static async Task<IResult> GetAsync(
        CanaryStore store, ReferenceSet reference, IJudgeProvider provider, Rubric rubric, IOptions<CanaryOptions> options, CancellationToken cancellationToken)
    {
        var runs = await store.RunsAsync(MaxRuns, cancellationToken);
        var view = new CanaryView
        {
            ReferenceSet = $"reference-{reference.Version}",
            ReferenceItems = reference.Items.Count,
            JudgeModel = provider.Model,
            RubricVersion = rubric.Version,
            Schedule = options.Value.Enabled ? options.Value.Schedule : "disabled",
            Runs = [.. runs.Select(CanaryRunView.Of)],
        };
        return Results.Json(view, CanaryJsonContext.Default.CanaryView);
    }
}
