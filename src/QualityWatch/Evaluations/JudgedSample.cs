using Dapper;
using QualityWatch.Storage;

namespace QualityWatch.Evaluations;

/// <summary>What an exported event says about the judged interaction besides its verdict.</summary>
internal sealed record JudgedSample(string Stream, string? PromptVersion, string? Model)
{
    /// <summary>The sample's stream, prompt version and model; null when it is gone (retention ran meanwhile).</summary>
    public static async Task<JudgedSample?> FindAsync(SqliteConnectionFactory connections, string interactionId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT stream AS Stream, prompt_version AS PromptVersion, model AS Model FROM samples WHERE interaction_id = @interactionId;";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<JudgedSample>(new CommandDefinition(sql, new { interactionId }, cancellationToken: cancellationToken));
    }
}
