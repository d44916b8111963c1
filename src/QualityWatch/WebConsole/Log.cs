namespace QualityWatch.WebConsole;

/// <summary>Console log events: ids 16000–16099. Key and user names only, never a key.</summary>
internal static partial class Log
{
    [LoggerMessage(16000, LogLevel.Information, "Console session opened for key '{KeyName}'")]
    public static partial void SignedIn(ILogger logger, string keyName);

    [LoggerMessage(16001, LogLevel.Warning, "Console login refused: the key matches no configured key")]
    public static partial void UnknownKey(ILogger logger);

    [LoggerMessage(16002, LogLevel.Warning, "Console login refused: key '{KeyName}' has no read or admin role")]
    public static partial void NoReadRole(ILogger logger, string keyName);

    [LoggerMessage(16003, LogLevel.Information, "Console session of '{KeyName}' ended: its key was removed, replaced or given other roles")]
    public static partial void SessionRevoked(ILogger logger, string keyName);

    [LoggerMessage(16004, LogLevel.Warning, "Console action refused: a form post of '{User}' to {Path} lacks the oncall role")]
    public static partial void ActionRefused(ILogger logger, string user, string path);
}
