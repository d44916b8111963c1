namespace QualityWatch.WebConsole;

/// <summary>The stylesheet, embedded in the assembly: no Node build step, no files beside the binary.</summary>
internal static class ConsoleAssets
{
    public const string StylesheetPath = "/console/console.css";

    private static readonly Lazy<byte[]> Css = new(() => Read("Console/console.css"));

    public static IResult Stylesheet(HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Bytes(Css.Value, "text/css; charset=utf-8");
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(ConsoleAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
