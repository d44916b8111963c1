using System.Text.Json.Nodes;

namespace QualityWatch.Simulator.Gemini.Batch;

/// <summary>One batch job as the simulator keeps it: its requests (keyed) and, once done, its result items.</summary>
internal sealed class BatchJob(string name, string model, string displayName, IReadOnlyList<(string? Key, JsonNode? Request)> requests, string? inputFile, DateTimeOffset created)
{
    public string Name { get; } = name;

    public string Model { get; } = model;

    public string DisplayName { get; } = displayName;

    public IReadOnlyList<(string? Key, JsonNode? Request)> Requests { get; } = requests;

    /// <summary>Set when the requests came as an uploaded JSONL file: the output is a file too.</summary>
    public string? InputFile { get; } = inputFile;

    public DateTimeOffset Created { get; } = created;

    public string State { get; set; } = "BATCH_STATE_PENDING";

    public DateTimeOffset Updated { get; set; } = created;

    public DateTimeOffset? Ended { get; set; }

    /// <summary>Per request, in request order: <c>{"response":...}</c> or <c>{"error":...}</c>.</summary>
    public List<JsonObject> Results { get; } = [];

    public string? OutputFile { get; set; }

    public bool Done => Ended is not null;

    private int notified;

    /// <summary>True once: the webhook for the job's end is sent one time (the receiver may still see retries).</summary>
    public bool MarkNotified() => Done && Interlocked.Exchange(ref notified, 1) == 0;
}
