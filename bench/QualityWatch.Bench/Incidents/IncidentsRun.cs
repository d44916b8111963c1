namespace QualityWatch.Bench.Incidents;

/// <summary>What one seeded run sent, counted from the outbox's rows (the incident threads) and the alert history.</summary>
internal sealed record IncidentsRun(
    TimeSpan Observed,          // virtual time watched (deploy: from the change on; stable: the whole run)
    TimeSpan? Delay,            // change -> first page of a quality incident; null = none (stable: always null)
    int QualityIncidents,       // quality incidents opened in the watched span
    int Pages,                  // 'firing' notifications of quality incidents
    int Updates,
    int Repeats,
    int Resolves,
    int OperationalIncidents,
    int OperationalNotifications,
    int InstanceFlaps,          // an alert instance firing again after it resolved within the run
    int IncidentFlaps,          // an incident opened about a subject whose earlier incident resolved within the run
    int BeforeChange);          // notifications of any kind before the change (deploy runs)
