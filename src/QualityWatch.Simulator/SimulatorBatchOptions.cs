namespace QualityWatch.Simulator;

/// <summary>How the simulator runs Gemini Batch API jobs.</summary>
public sealed class SimulatorBatchOptions
{
    /// <summary>Time from creation to the job's result (simulator clock). Default 0: as soon as it is processed.</summary>
    public TimeSpan ProcessingDelay { get; set; }

    /// <summary>A job still pending this long expires with no results, as real jobs do after 48 h.</summary>
    public TimeSpan ExpireAfter { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Static webhook endpoints told of batch.succeeded / batch.failed / batch.expired; none by default.</summary>
    public Uri? WebhookUri { get; set; }

    /// <summary>The signing secret of the static webhook (<c>whsec_</c> + base64), as the webhook API returns it once.</summary>
    public string? WebhookSecret { get; set; }
}
