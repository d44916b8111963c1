using QualityWatch.Health;

namespace QualityWatch.Cli;

/// <summary>
/// Reads the command line before anything starts, so help, version and typos never open the
/// database. The service's own arguments are configuration overrides (<c>--Section:Key value</c>,
/// <c>--Section:Key=value</c>, <c>Section:Key=value</c>) and the host's few top-level keys
/// (<c>--urls</c>, <c>--environment</c>, ...); any other option would be silently ignored by the
/// configuration provider, so it is refused instead.
/// </summary>
internal static class CommandLine
{
    public const string DemoVerb = "demo";
    public const string BackfillVerb = "backfill";
    public const string ExportVerb = "export";
    public const string HelpVerb = "help";

    public static readonly string[] Verbs = [DemoVerb, BackfillVerb, ExportVerb, HealthCheckCommand.Verb, HelpVerb];

    private static readonly string[] HelpFlags = ["--help", "-h", "-?", "/?"];
    private const string VersionFlag = "--version";

    /// <summary>Top-level configuration keys the host reads (WebHostDefaults, HostDefaults); every other setting has a section.</summary>
    private static readonly string[] HostKeys =
    [
        WebHostDefaults.ServerUrlsKey, WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey, HostDefaults.EnvironmentKey,
        HostDefaults.ContentRootKey, HostDefaults.ApplicationKey, WebHostDefaults.WebRootKey, WebHostDefaults.DetailedErrorsKey,
        WebHostDefaults.ShutdownTimeoutKey, WebHostDefaults.SuppressStatusMessagesKey, WebHostDefaults.PreferHostingUrlsKey,
        WebHostDefaults.CaptureStartupErrorsKey, WebHostDefaults.PreventHostingStartupKey, WebHostDefaults.HostingStartupAssembliesKey,
        WebHostDefaults.HostingStartupExcludeAssembliesKey, WebHostDefaults.StartupAssemblyKey, WebHostDefaults.StaticWebAssetsKey, "AllowedHosts",
    ];

    public static Invocation Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            return new Invocation(CliCommand.Serve, []);
        }

        string[] rest = [.. args.Skip(1)];
        return args[0] switch
        {
            DemoVerb => new Invocation(CliCommand.Demo, rest),
            BackfillVerb => new Invocation(CliCommand.Backfill, rest),
            ExportVerb => new Invocation(CliCommand.Export, rest),
            HealthCheckCommand.Verb when rest.Any(IsHelp) => new Invocation(CliCommand.HealthCheckHelp, []),
            HealthCheckCommand.Verb => Check(rest, [HealthCheckCommand.ReadyFlag]) is { } error
                ? Invalid($"healthcheck: {error}")
                : new Invocation(CliCommand.HealthCheck, rest),
            HelpVerb => HelpFor(rest),
            _ when args.Any(IsHelp) => new Invocation(CliCommand.Help, []),
            _ when args.Contains(VersionFlag, StringComparer.OrdinalIgnoreCase) => new Invocation(CliCommand.Version, []),
            _ => Check(args, []) is { } error ? Invalid(error) : new Invocation(CliCommand.Serve, [.. args]),
        };
    }

    private static Invocation HelpFor(string[] rest) => rest switch
    {
        [] => new Invocation(CliCommand.Help, []),
        [DemoVerb] => new Invocation(CliCommand.Demo, ["--help"]),
        [BackfillVerb] => new Invocation(CliCommand.Backfill, ["--help"]),
        [ExportVerb] => new Invocation(CliCommand.Export, ["--help"]),
        [HealthCheckCommand.Verb] => new Invocation(CliCommand.HealthCheckHelp, []),
        [var other, ..] => Invalid(UnknownCommand(other)),
    };

    /// <summary>The first argument the service (or the healthcheck) would not understand, as a message; null when all are understood.</summary>
    private static string? Check(IReadOnlyList<string> args, string[] flags)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (flags.Contains(arg, StringComparer.Ordinal))
            {
                continue;
            }

            if (arg.StartsWith("--", StringComparison.Ordinal) || (arg.StartsWith('/') && arg.Length > 1))
            {
                var key = arg.TrimStart('-', '/');
                var equals = key.IndexOf('=', StringComparison.Ordinal);
                if (equals >= 0)
                {
                    key = key[..equals];
                }

                if (!IsSetting(key))
                {
                    return UnknownOption(arg, flags);
                }

                if (equals < 0 && ++i >= args.Count)
                {
                    return $"{arg} needs a value, e.g. {arg} <value>.";
                }
            }
            else if (arg.StartsWith('-'))
            {
                // The configuration provider drops single-dash arguments without a word.
                return UnknownOption(arg, flags);
            }
            else if (arg.Contains('=', StringComparison.Ordinal) && IsSetting(arg[..arg.IndexOf('=', StringComparison.Ordinal)]))
            {
                continue;
            }
            else
            {
                return i == 0 && flags.Length == 0 ? UnknownCommand(arg) : $"unexpected argument '{arg}'. Settings are given as --Section:Key value.";
            }
        }

        return null;
    }

    private static bool IsSetting(string key) =>
        key.Length > 0 && (key.Contains(':', StringComparison.Ordinal) || HostKeys.Contains(key, StringComparer.OrdinalIgnoreCase));

    private static bool IsHelp(string arg) => HelpFlags.Contains(arg, StringComparer.OrdinalIgnoreCase);

    private static string UnknownCommand(string typed) =>
        Suggestions.Closest(typed, Verbs) is { } verb
            ? $"unknown command '{typed}'. Did you mean '{verb}'?"
            : $"unknown command '{typed}'. Commands: {string.Join(", ", Verbs)}.";

    private static string UnknownOption(string typed, string[] flags)
    {
        var key = typed.Split('=')[0];
        string[] known = [.. flags, "--help", VersionFlag, .. HostKeys.Select(k => "--" + k)];
        return Suggestions.Closest(key, known) is { } flag
            ? $"unknown option '{key}'. Did you mean '{flag}'?"
            : $"unknown option '{key}'. Settings are given as --Section:Key value, e.g. --Storage:DatabasePath data/qw.db.";
    }

    private static Invocation Invalid(string error) => new(CliCommand.Invalid, [], error);
}
