using System.Reflection;
using QualityWatch.Hosting;

namespace QualityWatch.Cli;

/// <summary>What <c>--help</c>, <c>--version</c> and a mistyped command print. Nothing here touches configuration or the database.</summary>
internal static class Usage
{
    public const string Text =
        """
        Usage: qualitywatch [--Section:Key value ...]       run the service (the default)
               qualitywatch demo [options]                   a simulated support bot and judge on 127.0.0.1:8080, own database
               qualitywatch backfill <file|dir> [options]    judge interactions from log files, or re-judge stored samples
               qualitywatch export [filters] [options]       stored samples, verdicts and review labels as a JSONL dataset
               qualitywatch healthcheck [--ready]            GET /healthz (/readyz) on the service's own address; exit 0 or 1
               qualitywatch help [command]                   this text, or a command's (also --help, -h)
               qualitywatch --version                        the version

        Settings come from appsettings.json beside the binary, then environment variables
        (Section__Key, or QW_Section__Key, which wins), then --Section:Key value. The main ones:
          --urls URL                         listen URL (or ASPNETCORE_URLS); default http://127.0.0.1:8080
          Storage:DatabasePath               SQLite file; default data/qualitywatch.db
          Auth:Keys:0:Name, :Key, :Roles:0   a bearer key and its roles (ingest, read, review, admin);
                                             required when listening beyond loopback
          Judge:Provider, Judge:ApiKey       gemini or openai; the key (or GEMINI_API_KEY / OPENAI_API_KEY)
          Sampling:EveryN                    judge 1 in N interactions; default 100
          Server:MaxConcurrentConnections    open connections accepted at once; default 4096

        Exit codes: 0 stopped cleanly; 2 invalid configuration, arguments or listen address; 3 database refused.
        Every setting, endpoint and metric: README.md in the QualityWatch source (Configuration section).
        """;

    public const string HealthCheckText =
        """
        Usage: qualitywatch healthcheck [--ready] [--urls URL]

        GETs /healthz (liveness), or /readyz with --ready, on the service's own listen URL, read from
        the same settings the service reads (--urls, QW_urls, ASPNETCORE_URLS; a wildcard host is
        probed on loopback). Exits 0 when it answers 2xx, else 1. The container's HEALTHCHECK.
        """;

    public static string Version =>
        typeof(Usage).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static int Help(TextWriter output)
    {
        output.WriteLine($"QualityWatch {Version}: continuous quality monitoring for production LLM chatbots.");
        output.WriteLine();
        output.WriteLine(Text);
        return 0;
    }

    public static int HealthCheckHelp(TextWriter output)
    {
        output.WriteLine(HealthCheckText);
        return 0;
    }

    public static int PrintVersion(TextWriter output)
    {
        output.WriteLine($"QualityWatch {Version}");
        return 0;
    }

    /// <summary>The problem and where help is, on stderr; exit 2 like every refused start.</summary>
    public static int Invalid(TextWriter errors, string? error)
    {
        errors.WriteLine($"qualitywatch: {error} Run 'qualitywatch --help' for usage.");
        return ExitCodes.InvalidConfiguration;
    }
}
