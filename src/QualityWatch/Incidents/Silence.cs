namespace QualityWatch.Incidents;

/// <summary>
/// Holds the notifications of incidents of a stream (<c>*</c> = every stream), narrowed to one prompt_version or model
/// when set, from <see cref="StartsAt"/> until <see cref="EndsAt"/>; who set it and why are recorded.
/// </summary>
internal sealed record Silence(
    string Id,
    string Stream,
    string? PromptVersion,
    string? Model,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string CreatedBy,
    string Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeletedAt,
    string? DeletedBy)
{
    public bool ActiveAt(DateTimeOffset now) => DeletedAt is null && StartsAt <= now && now < EndsAt;

    public bool Matches(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (Stream != "*" && Stream != incident.Stream)
        {
            return false;
        }

        return (PromptVersion is null || Is(incident, "prompt_version", PromptVersion)) && (Model is null || Is(incident, "model", Model));
    }

    private static bool Is(Incident incident, string dimension, string value) =>
        (incident.Subject.Dimension == dimension && incident.Subject.Value == value) ||
        (incident.Labels.TryGetValue(dimension, out var label) && label == value);
}
