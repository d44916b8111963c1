namespace QualityWatch.WebConsole;

/// <summary>The review queue's keyboard shortcuts (a few lines of vanilla JS), embedded in the assembly like the stylesheet.</summary>
internal static class ReviewScript
{
    public const string Path = "/console/reviews.js";

    private static readonly Lazy<byte[]> Script = new(() =>
    {
        using var stream = typeof(ReviewScript).Assembly.GetManifestResourceStream("Console/reviews.js")
            ?? throw new InvalidOperationException("The embedded resource Console/reviews.js is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static IResult Serve(HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Bytes(Script.Value, "text/javascript; charset=utf-8");
    }

    /// <summary>Served without a session, as the stylesheet is: it holds nothing but key bindings.</summary>
    public static WebApplication MapReviewScript(this WebApplication app)
    {
        app.MapGet(Path, Serve).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
