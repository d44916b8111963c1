using System.Security.Claims;

namespace QualityWatch.Incidents;

/// <summary>
/// What an on-call engineer does to incidents and silences, for the API and the console alike: one set of rules (only
/// an open incident is acknowledged; a silence needs a stream, a reason and an end at most 30 days on), with who did
/// it (and why) recorded and logged.
/// </summary>
internal sealed class IncidentActions(IncidentStore incidents, SilenceStore silences, TimeProvider time, ILogger<IncidentActions> logger)
{
    public const string StreamRequired = "stream is required: a stream name, or \"*\" for every stream.";
    public const string ReasonRequired = "reason is required: say why the stream is silenced.";
    public const string SubjectEmpty = "prompt_version and model must not be empty; leave them out to silence the whole stream.";
    public const string EitherEndsAtOrDuration = "give either ends_at (an ISO 8601 instant) or duration (e.g. \"02:00:00\"), not both.";

    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(30);

    public static string EndsAtOutOfRange { get; } = $"ends_at must be after starts_at and now, and at most {MaxLength.TotalDays} days after starts_at.";

    /// <summary>Who acts: the API key's name or the proxy's user (<c>open</c> on a keyless, loopback-only service); "anonymous" if unnamed.</summary>
    public static string Who(ClaimsPrincipal user) => user?.Identity?.Name is { Length: > 0 } name ? name : "anonymous";

    public async Task<(AcknowledgeOutcome Outcome, string? State)> AcknowledgeAsync(string id, string by, string? note, CancellationToken cancellationToken)
    {
        if (await incidents.GetAsync(id, cancellationToken) is not { } incident)
        {
            return (AcknowledgeOutcome.NotFound, null);
        }

        if (!await incidents.AcknowledgeAsync(id, by, note, time.GetUtcNow(), cancellationToken))
        {
            return (AcknowledgeOutcome.NotOpen, incident.State);
        }

        Log.Acknowledged(logger, id, by);
        return (AcknowledgeOutcome.Acknowledged, IncidentStates.Acknowledged);
    }

    public async Task<SilenceResult> SilenceAsync(SilenceRequest? request, string by, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (request is null || string.IsNullOrWhiteSpace(request.Stream))
        {
            return SilenceResult.Refused("invalid_stream", StreamRequired);
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return SilenceResult.Refused("invalid_reason", ReasonRequired);
        }

        if (request.PromptVersion is { Length: 0 } || request.Model is { Length: 0 })
        {
            return SilenceResult.Refused("invalid_subject", SubjectEmpty);
        }

        var startsAt = request.StartsAt ?? now;
        var endsAt = request.EndsAt ?? (request.Duration is { } duration ? startsAt + duration : (DateTimeOffset?)null);
        if (endsAt is null || (request.EndsAt is not null && request.Duration is not null))
        {
            return SilenceResult.Refused("invalid_ends_at", EitherEndsAtOrDuration);
        }

        if (endsAt <= startsAt || endsAt <= now || endsAt - startsAt > MaxLength)
        {
            return SilenceResult.Refused("invalid_ends_at", EndsAtOutOfRange);
        }

        var silence = new Silence($"sil_{Guid.NewGuid():N}"[..16], request.Stream, request.PromptVersion, request.Model, startsAt, endsAt.Value, by, request.Reason, now, null, null);
        await silences.CreateAsync(silence, cancellationToken);
        Log.SilenceCreated(logger, silence.Id, silence.Stream, silence.EndsAt, by);
        return new SilenceResult(silence, null, null);
    }

    /// <summary>Ends a silence early; false when there is none with the id or it was deleted already.</summary>
    public async Task<bool> DeleteSilenceAsync(string id, string by, CancellationToken cancellationToken)
    {
        if (!await silences.DeleteAsync(id, by, time.GetUtcNow(), cancellationToken))
        {
            return false;
        }

        Log.SilenceDeleted(logger, id, by);
        return true;
    }
}
