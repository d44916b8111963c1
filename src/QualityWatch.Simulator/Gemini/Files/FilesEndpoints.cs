using System.Globalization;
using System.Text.Json.Nodes;
using QualityWatch.Simulator.Stats;
using QualityWatch.Simulator.Wire;

namespace QualityWatch.Simulator.Gemini.Files;

/// <summary>
/// The Files API's resumable upload (<c>POST /upload/v1beta/files</c>: a <c>start</c> command answered
/// with <c>X-Goog-Upload-URL</c>, then <c>upload, finalize</c> with the bytes) and media download.
/// </summary>
internal sealed class FilesEndpoints(FileStore files, SimulatorOptions options, SimulatorStats stats, TimeProvider time)
{
    public async Task UploadAsync(HttpContext context)
    {
        stats.Received(EndpointKind.FileUpload, time.GetUtcNow());
        if (GeminiAuth.Check(context.Request, options) is { } denied)
        {
            await denied.WriteAsync(context, context.RequestAborted);
            return;
        }

        var command = context.Request.Headers["X-Goog-Upload-Command"].ToString();
        if (context.Request.Query["upload_id"].ToString() is { Length: > 0 } uploadId)
        {
            if (!command.Contains("finalize", StringComparison.OrdinalIgnoreCase) || context.Request.Headers["X-Goog-Upload-Offset"] != "0")
            {
                await GoogleErrors.InvalidArgument("The simulator takes an upload in one 'upload, finalize' command at offset 0.").WriteAsync(context, context.RequestAborted);
                return;
            }

            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            if (files.Finish(uploadId, buffer.ToArray()) is not { } file)
            {
                await GoogleErrors.NotFound("Upload session not found.").WriteAsync(context, context.RequestAborted);
                return;
            }

            context.Response.Headers["X-Goog-Upload-Status"] = "final";
            await Json(Resource(file)).WriteAsync(context, context.RequestAborted);
            return;
        }

        if (!command.Equals("start", StringComparison.OrdinalIgnoreCase) || context.Request.Headers["X-Goog-Upload-Protocol"] != "resumable")
        {
            await GoogleErrors.InvalidArgument("Start a resumable upload with X-Goog-Upload-Protocol: resumable and X-Goog-Upload-Command: start.").WriteAsync(context, context.RequestAborted);
            return;
        }

        var (body, _) = await JsonBody.ReadAsync(context);
        var displayName = JsonFields.String(body?["file"]?["display_name"] ?? body?["file"]?["displayName"]) ?? "upload";
        var mime = context.Request.Headers["X-Goog-Upload-Header-Content-Type"].ToString();
        var id = files.StartUpload(displayName, mime.Length > 0 ? mime : "application/octet-stream");
        var request = context.Request;
        context.Response.Headers["X-Goog-Upload-URL"] = $"{request.Scheme}://{request.Host}/upload/v1beta/files?upload_id={id}&upload_protocol=resumable";
        context.Response.Headers["X-Goog-Upload-Status"] = "active";
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    public async Task DownloadAsync(HttpContext context, string idAndMethod)
    {
        stats.Received(EndpointKind.FileDownload, time.GetUtcNow());
        if (GeminiAuth.Check(context.Request, options) is { } denied)
        {
            await denied.WriteAsync(context, context.RequestAborted);
            return;
        }

        var id = idAndMethod.EndsWith(":download", StringComparison.Ordinal) ? idAndMethod[..^":download".Length] : idAndMethod;
        if (files.Find($"files/{id}") is not { } file || context.Request.Query["alt"] != "media")
        {
            await GoogleErrors.NotFound($"File files/{id} not found (download needs alt=media).").WriteAsync(context, context.RequestAborted);
            return;
        }

        context.Response.ContentType = file.MimeType;
        context.Response.ContentLength = file.Content.Length;
        await context.Response.Body.WriteAsync(file.Content, context.RequestAborted);
    }

    private static JsonObject Resource(StoredFile file) => new()
    {
        ["file"] = new JsonObject
        {
            ["name"] = file.Name,
            ["displayName"] = file.DisplayName,
            ["mimeType"] = file.MimeType,
            ["sizeBytes"] = file.Content.Length.ToString(CultureInfo.InvariantCulture),
            ["state"] = "ACTIVE",
        },
    };

    internal static WireReply Json(JsonNode node) => new(StatusCodes.Status200OK, System.Text.Encoding.UTF8.GetBytes(node.ToJsonString(WireJson.NodeOptions)));
}
