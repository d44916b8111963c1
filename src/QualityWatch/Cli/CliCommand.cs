namespace QualityWatch.Cli;

/// <summary>What the command line asks for.</summary>
internal enum CliCommand
{
    /// <summary>Run the service; the arguments are configuration overrides.</summary>
    Serve,
    Demo,
    Backfill,
    Export,
    HealthCheck,
    Help,
    HealthCheckHelp,
    Version,

    /// <summary>An unknown command or option; nothing runs and the process exits 2.</summary>
    Invalid,
}
