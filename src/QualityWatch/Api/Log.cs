namespace QualityWatch.Api;

/// <summary>API gate log events: ids 14000–14099. Key names and counts only, never a key.</summary>
internal static partial class Log
{
    [LoggerMessage(14000, LogLevel.Warning, "API authentication is off: no Auth:Keys or Ingest:ApiKeys configured; allowed because the service listens on loopback only")]
    public static partial void AuthenticationDisabled(ILogger logger);

    [LoggerMessage(14001, LogLevel.Information, "API authentication on with {KeyCount} key(s)")]
    public static partial void AuthenticationEnabled(ILogger logger, int keyCount);

    [LoggerMessage(14002, LogLevel.Warning, "Ingest:ApiKeys is deprecated: its {KeyCount} key(s) get the ingest and read roles. Move them to Auth:Keys with a name and roles, e.g. Auth__Keys__0__Name=shipper, Auth__Keys__0__Key=<key>, Auth__Keys__0__Roles__0=ingest")]
    public static partial void LegacyKeys(ILogger logger, int keyCount);
}
