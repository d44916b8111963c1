using QualityWatch.Backfill.Batch.Wire;

namespace QualityWatch.Backfill.Batch;

/// <summary>A batch Operation as read: its state (either enum prefix), and where its results are.</summary>
internal sealed record BatchStatus(string State, bool Done, IReadOnlyList<BatchResult>? Inlined, string? ResponsesFile)
{
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    public const string Cancelled = "CANCELLED";
    public const string Expired = "EXPIRED";

    public static BatchStatus Read(BatchOperation operation)
    {
        // The wire has carried both BATCH_STATE_* and JOB_STATE_*: keep only the meaning.
        var state = operation.Metadata?.State ?? "";
        state = state.Replace("BATCH_STATE_", "", StringComparison.Ordinal).Replace("JOB_STATE_", "", StringComparison.Ordinal);

        // The docs read results from response, the SDK from metadata.output: accept either.
        var output = operation.Response ?? operation.Metadata?.Output;
        return new BatchStatus(state, operation.Done == true, output?.InlinedResponses?.Responses, output?.ResponsesFile);
    }
}
