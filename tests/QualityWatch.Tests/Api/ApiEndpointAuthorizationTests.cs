using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using QualityWatch.Api;
using QualityWatch.Reviews;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Api;

/// <summary>
/// The guard that no endpoint is left to check the key by hand: every <c>/v1</c> route the app maps
/// carries a role policy, so a route added without one fails here.
/// </summary>
public sealed class ApiEndpointAuthorizationTests
{
    /// <summary>The on-call engineer's actions: acknowledging incidents, setting and deleting silences.</summary>
    private static readonly HashSet<string> OncallRoutes = ["POST /v1/incidents/{id}/ack", "POST /v1/silences", "DELETE /v1/silences/{id}"];

    /// <summary>Signed with the Standard Webhooks secret instead of an API key.</summary>
    private const string WebhookPath = "/v1/webhooks/gemini";

    [Fact]
    public async Task EveryV1Endpoint_RequiresARolePolicy_GetsRead_PostInteractionsIngest_AckAndSilencesOncall()
    {
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?>
        {
            ["Batch:Webhook:Enabled"] = "true",
            ["Batch:Webhook:Secret"] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        });

        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/v1", StringComparison.OrdinalIgnoreCase) == true)
            .ToList();

        Assert.True(endpoints.Count >= 11, $"only {endpoints.Count} /v1 endpoints found");
        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern.RawText!;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (route == WebhookPath)
            {
                Assert.True(anonymous && policies.Count == 0, $"{route} should be anonymous (its signature is its check)");
                continue;
            }

            Assert.False(anonymous, $"{route} allows anonymous callers");
            var expected = (route, methods.Count > 0 ? methods[0] : "") switch
            {
                ("/v1/interactions", _) or ("/v1/traces", _) => ApiRoles.Ingest,
                ("/v1/reviews", "POST") => ApiRoles.Review,
                ("/v1/reviews/queue", _) => ReviewPolicies.Queue,
                ("/v1/calibration", _) => ApiRoles.Read,
                _ when OncallRoutes.Contains($"{string.Join(",", methods)} {route}") => ApiRoles.Oncall,
                _ => ApiRoles.Read,
            };
            Assert.True(policies.SequenceEqual([expected]), $"{string.Join(",", methods)} {route} requires [{string.Join(",", policies)}], expected [{expected}]");
            if (expected == ApiRoles.Read)
            {
                Assert.Equal(["GET"], methods);
            }
        }
    }
}
