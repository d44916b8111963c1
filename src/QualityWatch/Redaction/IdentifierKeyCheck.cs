namespace QualityWatch.Redaction;

/// <summary>
/// Reads (or generates) the identifier key while the host starts, after storage has created the database
/// folder: a damaged key file then stops the start with its path named, instead of failing every ingest.
/// </summary>
internal sealed class IdentifierKeyCheck(IdentifierKey key) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = key.Value.Length;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
