using Microsoft.AspNetCore.Http.Features;

namespace QualityWatch.Api;

/// <summary>Reads a request body into memory, stopping at the configured limit.</summary>
internal static class RequestBodyReader
{
    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpContext context, long maxBytes)
    {
        var request = context.Request;
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            // Kestrel then refuses a chunked body past the limit without buffering it.
            sizeFeature.MaxRequestBodySize = maxBytes;
        }

        using var buffer = new MemoryStream((int)Math.Min(request.ContentLength ?? 64 * 1024, maxBytes));
        try
        {
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.Length > maxBytes ? null : new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
