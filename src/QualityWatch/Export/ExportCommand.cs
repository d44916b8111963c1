using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using QualityWatch.Hosting;
using QualityWatch.Storage;

namespace QualityWatch.Export;

/// <summary>
/// <c>qualitywatch export</c>: the stored samples as a dataset, to a file (with its manifest beside it)
/// or stdout. The same configuration as the service; the database may be shared with a running service.
/// </summary>
internal static class ExportCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        using var interrupt = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = !interrupt.IsCancellationRequested;
            interrupt.Cancel();
        };
        return RunAsync(args, Console.Out, Console.Error, progress: !Console.IsErrorRedirected, interrupt.Token).GetAwaiter().GetResult();
    }

    /// <summary>Runs the command; <paramref name="progress"/> says whether stderr is a terminal. Tests add settings through <paramref name="configure"/>.</summary>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, TextWriter output, TextWriter errors, bool progress, CancellationToken cancellationToken,
        Action<WebApplicationBuilder>? configure = null)
    {
        if (args is ["--help" or "-h", ..])
        {
            await output.WriteLineAsync(ExportArguments.Usage);
            return 0;
        }

        if (ExportArguments.Parse(args, out var error) is not { } parsed)
        {
            await errors.WriteLineAsync($"export: {error}\n{ExportArguments.Usage}");
            return ExitCodes.InvalidConfiguration;
        }

        WebApplication app;
        try
        {
            app = QualityWatchApp.Build([.. parsed.Settings], builder =>
            {
                // stdout may be the dataset: nothing but warnings and errors are logged, and those go to stderr.
                builder.Logging.ClearProviders();
                builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Logging:LogLevel:Default"] = "Warning",
                    ["Logging:LogLevel:QualityWatch.Api"] = "Error", // the API is not served here: its open-auth warning would only mislead
                });
                configure?.Invoke(builder);
            });
        }
        catch (OptionsValidationException ex)
        {
            await errors.WriteLineAsync($"export: invalid configuration.\n  {string.Join("\n  ", ex.Failures)}");
            return ExitCodes.InvalidConfiguration;
        }

        await using (app)
        {
            try
            {
                await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
                return await ExportAsync(app.Services, parsed, output, errors, progress, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await errors.WriteLineAsync("export: interrupted; the output is incomplete and has no manifest.");
                return 130;
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            }
        }
    }

    private static async Task<int> ExportAsync(
        IServiceProvider services, ExportArguments parsed, TextWriter output, TextWriter errors, bool progress, CancellationToken cancellationToken)
    {
        var writer = services.GetRequiredService<ExportWriter>();
        var bar = progress ? new ExportProgress(errors, services.GetRequiredService<TimeProvider>()) : null;
        ExportCounts counts;
        if (parsed.Output is null)
        {
            counts = await writer.WriteAsync(parsed.Filter, parsed.Format, output, c => bar?.Report(c), cancellationToken);
        }
        else
        {
            await using var file = new StreamWriter(parsed.Output, append: false, new UTF8Encoding(false));
            counts = await writer.WriteAsync(parsed.Filter, parsed.Format, file, c => bar?.Report(c), cancellationToken);
        }

        bar?.Report(counts, final: true);
        if (parsed.Output is not null)
        {
            var manifest = services.GetRequiredService<ExportManifests>().Build(parsed.Filter, parsed.Format, counts);
            var json = JsonSerializer.Serialize(manifest, ExportJsonContext.Default.ExportManifest);
            await File.WriteAllTextAsync(parsed.Output + ".manifest.json", json + "\n", cancellationToken);
            await errors.WriteLineAsync($"export: {counts.Samples:N0} samples to {parsed.Output}, manifest {parsed.Output}.manifest.json");
        }

        return 0;
    }
}
