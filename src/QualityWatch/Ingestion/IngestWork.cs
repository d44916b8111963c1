namespace QualityWatch.Ingestion;

/// <summary>One request's valid interactions, waiting for the writer to commit them.</summary>
internal sealed class IngestWork(IReadOnlyList<Interaction> interactions)
{
    private readonly TaskCompletionSource<IngestOutcome> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<Interaction> Interactions { get; } = interactions;

    /// <summary>Completes only after the transaction holding these interactions has committed.</summary>
    public Task<IngestOutcome> Committed => completion.Task;

    public void Complete(IngestOutcome outcome) => completion.TrySetResult(outcome);

    public void Fail(Exception exception) => completion.TrySetException(exception);
}
