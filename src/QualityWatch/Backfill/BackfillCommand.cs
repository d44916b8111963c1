using System.Globalization;
using Microsoft.Extensions.Options;
using QualityWatch.Evaluations;
using QualityWatch.Hosting;
using QualityWatch.Judging;
using QualityWatch.Storage;

namespace QualityWatch.Backfill;

/// <summary>
/// <c>qualitywatch backfill</c>: reads historical logs (or, with --rejudge, the stored samples),
/// stores and queues the samples, prints the estimate, then judges them with progress. The same
/// configuration as the service; the database may be shared with a running service.
/// </summary>
internal static class BackfillCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        using var interrupt = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl-C stops cleanly (leases given back); a second one is the default hard stop.
            e.Cancel = !interrupt.IsCancellationRequested;
            interrupt.Cancel();
        };
        return RunAsync(args, Console.Out, Console.Error, !Console.IsOutputRedirected, Console.IsInputRedirected ? null : Console.In, interrupt.Token)
            .GetAwaiter().GetResult();
    }

    /// <summary>
    /// Runs the command. <paramref name="confirm"/> is where the answer to "judge now?" is read;
    /// null (no terminal) means --yes is required. Tests add settings and services through <paramref name="configure"/>.
    /// </summary>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, TextWriter output, TextWriter errors, bool interactive, TextReader? confirm, CancellationToken cancellationToken,
        Action<WebApplicationBuilder>? configure = null)
    {
        if (args is ["--help" or "-h", ..])
        {
            output.WriteLine(BackfillArguments.Usage);
            return 0;
        }

        if (BackfillArguments.Parse(args, out var error) is not { } parsed)
        {
            await errors.WriteLineAsync($"backfill: {error}\n{BackfillArguments.Usage}");
            return 2;
        }

        // Without --rubric the run judges with the configured Judge:Rubric: the host's own registration loads it.
        Rubric? rubric;
        try
        {
            rubric = parsed.Rubric is { } version ? Rubric.Load(version) : null;
        }
        catch (InvalidOperationException ex)
        {
            await errors.WriteLineAsync($"backfill: {ex.Message}");
            return 2;
        }

        WebApplication app;
        try
        {
            app = QualityWatchApp.Build([.. parsed.Settings], builder =>
            {
                // Progress owns the console: only warnings and errors are logged beside it.
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Logging:LogLevel:Default"] = "Warning",
                    ["Logging:LogLevel:QualityWatch.Ingestion"] = "Error", // the HTTP ingest endpoint is not served here
                });
                if (rubric is not null)
                {
                    builder.Services.AddSingleton(rubric);
                }

                configure?.Invoke(builder);
            });
        }
        catch (OptionsValidationException ex)
        {
            await errors.WriteLineAsync($"backfill: invalid configuration.\n  {string.Join("\n  ", ex.Failures)}");
            return 2;
        }

        await using (app)
        {
            var run = new BackfillRun(app.Services, parsed, rubric ?? app.Services.GetRequiredService<Rubric>(), output, errors, interactive, confirm);
            // The host is never started here, so its hosted services do not run; the verdict export is the one this
            // command needs (Export:Otlp:Endpoint): what it judges or collects is exported as the service's verdicts are.
            var export = app.Services.GetServices<IHostedService>().OfType<EvaluationEmitter>().Single();
            await export.StartAsync(cancellationToken);
            try
            {
                await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
                return await run.ExecuteAsync(cancellationToken);
            }
            catch (FileNotFoundException ex)
            {
                await errors.WriteLineAsync($"backfill: {ex.Message}");
                return 2;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await run.ReportInterruptedAsync();
                return 130;
            }
            finally
            {
                // Sends what is still queued, also after an interrupt: those verdicts are stored and must not be lost.
                await export.StopAsync(CancellationToken.None);
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            }
        }
    }

    internal static string Money(decimal usd) => usd.ToString("$#,0.0000", CultureInfo.InvariantCulture);
}
