using System.Text;
using System.Text.Json;
using QualityWatch.Api;
using QualityWatch.Cli;

namespace QualityWatch.Export;

/// <summary>
/// <c>GET /v1/datasets/export</c>: the export as <c>application/x-ndjson</c>, written while it is read;
/// <c>GET /v1/datasets/export/manifest</c>: the same query's manifest. The manifest is its own route
/// because a streamed body has no place for it (HTTP trailers are dropped by most clients and proxies);
/// the export answer links it (<c>Link: ...; rel="describedby"</c>).
/// </summary>
internal static class ExportEndpoints
{
    public const string Route = "/v1/datasets/export";
    public const string ManifestRoute = "/v1/datasets/export/manifest";

    private static readonly string[] Parameters = [.. ExportFilterParser.Names, "format"];

    public static WebApplication MapExport(this WebApplication app)
    {
        app.MapGet(Route, Export).RequireAuthorization(ApiRoles.Read);
        app.MapGet(ManifestRoute, ManifestAsync).RequireAuthorization(ApiRoles.Read);
        return app;
    }

    private static IResult Export(HttpRequest request, ExportWriter writer)
    {
        if (Read(request, out var filter, out var format) is { } invalid)
        {
            return invalid;
        }

        request.HttpContext.Response.Headers.Link = $"<{ManifestRoute}{request.QueryString}>; rel=\"describedby\"";
        return Results.Stream(
            async body =>
            {
                await using var text = new StreamWriter(body, new UTF8Encoding(false), leaveOpen: true);
                await writer.WriteAsync(filter, format, text, null, request.HttpContext.RequestAborted);
            },
            "application/x-ndjson");
    }

    private static async Task<IResult> ManifestAsync(HttpRequest request, ExportManifests manifests)
    {
        if (Read(request, out var filter, out var format) is { } invalid)
        {
            return invalid;
        }

        var manifest = await manifests.CountAsync(filter, format, request.HttpContext.RequestAborted);
        return Results.Json(manifest, ExportJsonContext.Default.ExportManifest);
    }

    private static IResult? Read(HttpRequest request, out ExportFilter filter, out string format)
    {
        filter = new ExportFilter();
        format = ExportFormats.Jsonl;
        foreach (var key in request.Query.Keys)
        {
            if (!Parameters.Contains(key, StringComparer.Ordinal))
            {
                var hint = Suggestions.Closest(key, Parameters) is { } close ? $" Did you mean '{close}'?" : $" Known: {string.Join(", ", Parameters)}.";
                return ApiErrors.Error(StatusCodes.Status400BadRequest, "invalid_parameter", $"unknown query parameter '{key}'.{hint}");
            }
        }

        var given = request.Query["format"].ToString();
        var formatValue = request.Query.ContainsKey("format") ? given : null;
        if ((ApiQuery.NotEmpty("format", formatValue) ?? ApiQuery.OneOf("format", formatValue, ExportFormats.All)) is { } badFormat)
        {
            return badFormat;
        }

        if (ExportFilterParser.Parse(name => [.. request.Query[name].Select(v => v ?? "")], out var name, out var error) is not { } parsed)
        {
            return ApiErrors.Error(StatusCodes.Status400BadRequest, $"invalid_{name}", error!);
        }

        filter = parsed;
        format = formatValue ?? ExportFormats.Jsonl;
        return null;
    }
}
