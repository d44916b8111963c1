using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Dapper;
using QualityWatch.Storage;

namespace QualityWatch.Export;

/// <summary>
/// Reads the samples an export takes, in pages by rowid: each page is one short read on its own
/// connection, so a long export never holds a read transaction open (the WAL can checkpoint) and never
/// has more than a page in memory. Only the stored, redacted columns are read.
/// </summary>
internal sealed class ExportQueries(SqliteConnectionFactory connections)
{
    public const int PageSize = 500;

    private const string VerdictsSql =
        """
        SELECT interaction_id, rubric_version, hallucination, accuracy, tone, unsupported_claims, reason, provider, judge_model, judged_at
        FROM verdicts WHERE interaction_id IN @ids ORDER BY judged_at, rubric_version;
        """;

    public async IAsyncEnumerable<ExportSample> ReadAsync(ExportFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (sql, parameters) = Build(filter);
        long after = 0;
        while (true)
        {
            List<ExportSample> page;
            await using (var connection = await connections.OpenAsync(cancellationToken))
            {
                parameters.Add("after", after);
                page = [.. (await connection.QueryAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).Select(ToSample)];
                if (page.Count > 0)
                {
                    await AttachAsync(connection, page, cancellationToken);
                }
            }

            foreach (var sample in page)
            {
                yield return sample;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].RowId;
        }
    }

    private static async Task AttachAsync(System.Data.Common.DbConnection connection, List<ExportSample> page, CancellationToken cancellationToken)
    {
        var ids = page.Select(s => s.InteractionId).ToList();
        var verdicts = (await connection.QueryAsync(new CommandDefinition(VerdictsSql, new { ids }, cancellationToken: cancellationToken)))
            .Select(ToVerdict).ToLookup(v => v.InteractionId, StringComparer.Ordinal);
        var labels = await ExportReviewLabels.ReadAsync(connection, ids);
        foreach (var sample in page)
        {
            sample.Verdicts.AddRange(verdicts[sample.InteractionId]);
            sample.Reviews.AddRange(labels[sample.InteractionId]);
        }
    }

    internal static (string Sql, DynamicParameters Parameters) Build(ExportFilter filter)
    {
        var parameters = new DynamicParameters();
        var where = new StringBuilder("s.rowid > @after");
        void And(string condition, string? name = null, object? value = null)
        {
            where.Append(" AND ").Append(condition);
            if (name is not null)
            {
                parameters.Add(name, value);
            }
        }

        if (filter.Stream is { } stream) { And("s.stream = @stream", "stream", stream); }
        if (filter.From is { } from) { And("s.occurred_at >= @from", "from", from.ToUnixTimeMilliseconds()); }
        if (filter.To is { } to) { And("s.occurred_at < @to", "to", to.ToUnixTimeMilliseconds()); }
        if (filter.PromptVersion is { } version) { And("s.prompt_version = @promptVersion", "promptVersion", version); }
        if (filter.Model is { } model) { And("s.model = @model", "model", model); }
        if (filter.Hallucination is { } hallucination) { And("v.hallucination = @hallucination", "hallucination", hallucination ? 1 : 0); }
        if (filter.AccuracyMin is { } accuracyMin) { And("v.accuracy >= @accuracyMin", "accuracyMin", accuracyMin); }
        if (filter.AccuracyMax is { } accuracyMax) { And("v.accuracy <= @accuracyMax", "accuracyMax", accuracyMax); }
        if (filter.ToneMin is { } toneMin) { And("v.tone >= @toneMin", "toneMin", toneMin); }
        if (filter.ToneMax is { } toneMax) { And("v.tone <= @toneMax", "toneMax", toneMax); }
        for (var i = 0; i < filter.Labels.Count; i++)
        {
            // json_each keeps label keys and values as parameters: no key is ever spliced into a JSON path.
            And($"EXISTS (SELECT 1 FROM json_each(s.labels) l WHERE l.key = @labelKey{i} AND l.value = @labelValue{i})");
            parameters.Add($"labelKey{i}", filter.Labels[i].Key);
            parameters.Add($"labelValue{i}", filter.Labels[i].Value);
        }

        if (filter.Reviewed is { } reviewed)
        {
            And((reviewed ? "" : "NOT ") + ExportReviewLabels.ReviewedCondition);
        }

        parameters.Add("page", PageSize);
        var sql =
            $"""
            SELECT s.rowid AS row_id, s.interaction_id, s.stream, s.occurred_at, s.model, s.prompt_version, s.conversation_id,
                   s.labels, s.prompt, s.response, s.context, s.redactions
            FROM samples s
            LEFT JOIN verdicts v ON v.interaction_id = s.interaction_id AND v.rubric_version = (
                SELECT n.rubric_version FROM verdicts n WHERE n.interaction_id = s.interaction_id
                ORDER BY n.judged_at DESC, n.rubric_version DESC LIMIT 1)
            WHERE {where}
            ORDER BY s.rowid LIMIT @page;
            """;
        return (sql, parameters);
    }

    private static ExportSample ToSample(dynamic r) => new()
    {
        RowId = r.row_id,
        InteractionId = r.interaction_id,
        Stream = r.stream,
        OccurredAt = DateTimeOffset.FromUnixTimeMilliseconds(r.occurred_at),
        Model = r.model,
        PromptVersion = r.prompt_version,
        ConversationId = r.conversation_id,
        Labels = Json((string)r.labels),
        Prompt = r.prompt,
        Response = r.response,
        Context = r.context,
        Redactions = Json((string)r.redactions),
    };

    private static ExportVerdict ToVerdict(dynamic v) => new()
    {
        InteractionId = v.interaction_id,
        RubricVersion = v.rubric_version,
        Hallucination = v.hallucination == 1,
        Accuracy = (int)v.accuracy,
        Tone = (int)v.tone,
        UnsupportedClaims = Json((string)v.unsupported_claims),
        Reason = v.reason,
        Provider = v.provider,
        JudgeModel = v.judge_model,
        JudgedAt = DateTimeOffset.FromUnixTimeMilliseconds(v.judged_at),
    };

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
