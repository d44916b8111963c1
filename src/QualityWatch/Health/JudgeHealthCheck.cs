using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using QualityWatch.Judging;
using QualityWatch.Judging.Queue;
using QualityWatch.Storage;

namespace QualityWatch.Health;

/// <summary>
/// The judge component of <c>GET /v1/status</c> (never readiness: a judge outage must not take ingest out
/// of the load balancer). Read from the worker's own calls (<see cref="JudgeStatus.Contact"/>), never by
/// probing the paid API: up when the last call did not fail in a way that retries cannot fix soon, or a
/// verdict came within <c>Health:JudgeWindow</c>, or nothing is waiting for the judge yet.
/// </summary>
internal sealed class JudgeHealthCheck(
    IOptions<JudgeOptions> judgeOptions,
    IOptions<HealthOptions> healthOptions,
    JudgeStatus status,
    SqliteConnectionFactory connections,
    TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var judge = judgeOptions.Value;
        if (string.IsNullOrEmpty(judge.ApiKey))
        {
            var variable = judge.Provider == JudgeProviders.OpenAi ? "OPENAI_API_KEY" : "GEMINI_API_KEY";
            return ComponentStates.DisabledResult($"No judge API key is configured (Judge:ApiKey or {variable}): samples wait in pending.");
        }

        var contact = status.Contact;
        var window = healthOptions.Value.JudgeWindow;
        var now = time.GetUtcNow();
        if (contact.LastVerdictAt is { } verdictAt && now - verdictAt <= window)
        {
            return HealthCheckResult.Healthy($"Last verdict at {verdictAt:O}.");
        }

        if (contact.LastFailureAt is not { } failedAt || failedAt <= contact.LastVerdictAt)
        {
            return HealthCheckResult.Healthy(contact.LastVerdictAt is { } at ? $"Last verdict at {at:O}; no call failed since." : "No judge call has failed yet.");
        }

        var failure = $"{contact.LastFailureKind}: {contact.LastFailure}";
        switch (contact.LastFailureKind)
        {
            case JudgeFailureKind.DailyQuota:
                return HealthCheckResult.Degraded($"The judge's daily quota is spent ({failure}); judging resumes after UTC midnight.");
            case not (JudgeFailureKind.Transient or JudgeFailureKind.CircuitOpen or JudgeFailureKind.Unauthorized or JudgeFailureKind.Rejected):
                // Rate limits, Flex shedding, a bad reply: the judge answered, so it is reachable.
                return HealthCheckResult.Healthy($"The judge answered at {failedAt:O} ({failure}).");
        }

        if (!await AnySampleWaitingAsync(cancellationToken))
        {
            return HealthCheckResult.Healthy($"No sample is waiting for the judge (last call at {failedAt:O} failed: {failure}).");
        }

        var since = contact.LastVerdictAt is { } last ? $"the last verdict was at {last:O}" : "no verdict since start";
        return HealthCheckResult.Unhealthy($"The judge is not reachable: the last call at {failedAt:O} failed ({failure}); {since}, window {window}.");
    }

    private async Task<bool> AnySampleWaitingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>($"SELECT EXISTS (SELECT 1 FROM samples WHERE status IN ('{SampleStatuses.Pending}', '{SampleStatuses.Leased}'));");
    }
}
