namespace QualityWatch.Demo;

/// <summary>One notification of an incident's thread: its kind, the channel that took it (null: none configured) and when it was sent or last tried.</summary>
internal sealed record DemoNotification(string Kind, string? Channel, DateTimeOffset At);
