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
    int InstanceFlaps,          // an alert instance firing again within FlapWindow (6 h) of its resolve
    int IncidentFlaps,          // an incident opened within FlapWindow of the resolve of an earlier one about the same subject
    int Refires,                // an alert instance firing again after it resolved, however much later
    IReadOnlyDictionary<string, int> Fired, // transitions to firing per rule in the watched span
    int BeforeChange);          // notifications of any kind before the change (deploy runs)
