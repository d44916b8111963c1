namespace QualityWatch.Incidents;

/// <summary>Incidents as the API (and the console) show them: with their signals, notifications and whether a silence holds them.</summary>
internal sealed class IncidentQueries(IncidentStore incidents, SilenceStore silences, TimeProvider time)
{
    public async Task<IReadOnlyList<IncidentView>> ListAsync(string? stream, string? state, int limit, CancellationToken cancellationToken)
    {
        var views = new List<IncidentView>();
        foreach (var incident in await incidents.ListAsync(stream, state, limit, cancellationToken))
        {
            views.Add(await ViewAsync(incident, cancellationToken));
        }

        return views;
    }

    public async Task<IncidentView?> GetAsync(string id, CancellationToken cancellationToken) =>
        await incidents.GetAsync(id, cancellationToken) is { } incident ? await ViewAsync(incident, cancellationToken) : null;

    /// <summary>The newest incident an alert instance is (or was) a signal of.</summary>
    public async Task<IncidentView?> ForSignalAsync(string rule, string stream, string promptVersion, CancellationToken cancellationToken) =>
        await incidents.LatestForSignalAsync(rule, stream, promptVersion, cancellationToken) is { } incident ? await ViewAsync(incident, cancellationToken) : null;

    private async Task<IncidentView> ViewAsync(Incident incident, CancellationToken cancellationToken)
    {
        var silenced = incident.State != IncidentStates.Resolved && await silences.MatchingAsync(incident, time.GetUtcNow(), cancellationToken) is not null;
        return new IncidentView(
            incident.Id,
            incident.Stream,
            incident.Subject.Text,
            incident.Subject.Kind,
            incident.State,
            incident.OpenedAt,
            incident.ResolvedAt,
            incident.AcknowledgedAt,
            incident.AcknowledgedBy,
            incident.AcknowledgedNote,
            silenced,
            incident.Labels,
            await incidents.SignalsAsync(incident.Id, cancellationToken),
            await incidents.NotificationsAsync(incident.Key, cancellationToken));
    }
}
