namespace QualityWatch.Bench.Connections;

/// <summary>One scenario of <c>connections</c>: the flood, what the service held, and /healthz before and during it.</summary>
internal sealed record ConnectionsResult(
    string Scenario,
    int Opened,
    int ConnectFailed,
    int ClosedByServer,
    int ServiceFilesBefore,
    int ServiceFilesDuring,
    ProbeStats Before,
    ProbeStats NewConnections,
    ProbeStats KeptConnection,
    ProbeStats After,
    string ServiceFileLimit,
    int? ServiceExitCode,
    double LoadBefore);
