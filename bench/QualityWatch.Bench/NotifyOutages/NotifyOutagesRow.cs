namespace QualityWatch.Bench.NotifyOutages;

/// <summary>One channel: what its peer received, what the outbox recorded, and the time from the peer's return to the last delivery.</summary>
internal sealed record NotifyOutagesRow(string Channel, Receipts Received, OutboxState? State, TimeSpan? PeerBackToAllDelivered);
