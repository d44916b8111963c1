namespace QualityWatch.Hosting;

/// <summary>
/// The process exit codes operators and systemd rely on: <c>RestartPreventExitStatus=2 3</c> in
/// deploy/qualitywatch.service stops the restart loop for the two that need an operator.
/// </summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Invalid configuration or arguments, or a listen address that cannot be bound.</summary>
    public const int InvalidConfiguration = 2;

    /// <summary>The database cannot be created, opened or migrated (Storage:DatabasePath).</summary>
    public const int StorageRefused = 3;
}
