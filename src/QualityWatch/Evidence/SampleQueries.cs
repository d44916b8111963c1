using System.Text.Json;
using Dapper;
using QualityWatch.Storage;

namespace QualityWatch.Evidence;

/// <summary>Read-only queries behind the samples API.</summary>
internal sealed class SampleQueries(SqliteConnectionFactory connections)
{
    private const string Columns =
        """
        interaction_id, stream, status, attempts, last_error, next_attempt_at, occurred_at, received_at, updated_at,
        sample_reason, model, prompt_version
        """;

    public async Task<SampleView?> GetAsync(string interactionId, CancellationToken cancellationToken)
    {
        const string sample = $"SELECT {Columns}, prompt, response, context, redactions FROM samples WHERE interaction_id = @interactionId;";
        const string verdicts = "SELECT * FROM verdicts WHERE interaction_id = @interactionId ORDER BY judged_at;";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync(sample, new { interactionId });
        if (row is null)
        {
            return null;
        }

        SampleView view = ToView(row, withText: true);
        var rows = await connection.QueryAsync(verdicts, new { interactionId });
        view.Verdicts = rows.Select(v => (VerdictView)ToVerdict(v)).ToList();
        return view;
    }

    public async Task<IReadOnlyList<SampleView>> ListAsync(string? status, string? stream, int limit, CancellationToken cancellationToken)
    {
        const string sql =
            $"""
            SELECT {Columns} FROM samples
            WHERE (@status IS NULL OR status = @status) AND (@stream IS NULL OR stream = @stream)
            ORDER BY updated_at DESC LIMIT @limit;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. (await connection.QueryAsync(sql, new { status, stream, limit })).Select(r => ToView(r, withText: false))];
    }

    private static SampleView ToView(dynamic r, bool withText) => new()
    {
        InteractionId = r.interaction_id,
        Stream = r.stream,
        Status = r.status,
        Attempts = r.attempts,
        LastError = r.last_error,
        NextAttemptAt = r.next_attempt_at is long next ? DateTimeOffset.FromUnixTimeMilliseconds(next) : null,
        OccurredAt = DateTimeOffset.FromUnixTimeMilliseconds(r.occurred_at),
        ReceivedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.received_at),
        UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.updated_at),
        SampleReason = r.sample_reason,
        Model = r.model,
        PromptVersion = r.prompt_version,
        Prompt = withText ? r.prompt : null,
        Response = withText ? r.response : null,
        Context = withText ? r.context : null,
        Redactions = withText ? JsonDocument.Parse((string)r.redactions).RootElement.Clone() : null,
    };

    private static VerdictView ToVerdict(dynamic v) => new()
    {
        RubricVersion = v.rubric_version,
        Accuracy = (int)v.accuracy,
        Tone = (int)v.tone,
        Hallucination = v.hallucination == 1,
        UnsupportedClaims = JsonDocument.Parse((string)v.unsupported_claims).RootElement.Clone(),
        Reason = v.reason,
        Provider = v.provider,
        JudgeModel = v.judge_model,
        ServiceTierRequested = v.service_tier_requested,
        ServiceTier = v.service_tier,
        LatencyMs = v.latency_ms,
        Attempts = v.attempts,
        PromptTokens = v.prompt_tokens,
        CachedTokens = v.cached_tokens,
        OutputTokens = v.output_tokens,
        ThinkingTokens = v.thinking_tokens,
        CostUsd = v.cost_usd,
        JudgedAt = DateTimeOffset.FromUnixTimeMilliseconds(v.judged_at),
    };
}
