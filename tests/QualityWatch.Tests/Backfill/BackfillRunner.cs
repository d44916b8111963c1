using System.Globalization;
using QualityWatch.Backfill;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Backfill;

/// <summary>Runs <c>qualitywatch backfill</c> in-process against a temp database and the given settings.</summary>
internal static class BackfillRunner
{
    public static async Task<(int Exit, string Output, string Errors)> RunAsync(
        string database, IDictionary<string, string?> settings, CancellationToken cancellationToken = default, params string[] args)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var errors = new StringWriter(CultureInfo.InvariantCulture);
        var config = new Dictionary<string, string?>(settings) { ["Storage:DatabasePath"] = database };
        var exit = await BackfillCommand.RunAsync(args, output, errors, interactive: false, confirm: null, cancellationToken,
            builder => builder.Configuration.AddInMemoryCollection(config));
        return (exit, output.ToString(), errors.ToString());
    }

    /// <summary>The judge settings of the harness, with a short progress interval.</summary>
    public static Dictionary<string, string?> Settings(Uri simulator, IDictionary<string, string?>? extra = null)
    {
        var settings = JudgeHarness.JudgeSettings("gemini", simulator);
        settings["Backfill:ProgressInterval"] = "00:00:00.200";
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Verdicts stored so far; 0 while the schema is still being created.</summary>
    public static long Verdicts(string database)
    {
        try
        {
            return Db.Scalar<long>(database, "SELECT COUNT(*) FROM verdicts");
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0;
        }
    }
}
