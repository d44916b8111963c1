using System.Text.Json.Nodes;

namespace QualityWatch.Backfill.Batch;

/// <summary>A batch Operation as read: its state (either enum prefix), and where its results are.</summary>
internal sealed record BatchStatus(string State, bool Done, JsonArray? Inlined, string? ResponsesFile)
{
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    public const string Cancelled = "CANCELLED";
    public const string Expired = "EXPIRED";

    public static BatchStatus Read(JsonObject operation)
    {
        var metadata = operation["metadata"];

        // The wire has carried both BATCH_STATE_* and JOB_STATE_*: keep only the meaning.
        var state = metadata?["state"]?.GetValue<string>() ?? "";
        state = state.Replace("BATCH_STATE_", "", StringComparison.Ordinal).Replace("JOB_STATE_", "", StringComparison.Ordinal);

        // The docs read results from response, the SDK from metadata.output: accept either.
        var output = operation["response"] ?? metadata?["output"];
        var inlined = output?["inlinedResponses"]?["inlinedResponses"] as JsonArray;
        var file = output?["responsesFile"]?.GetValue<string>();
        return new BatchStatus(state, operation["done"]?.GetValue<bool>() == true, inlined, file);
    }
}
