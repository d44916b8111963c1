using System.IO.Compression;
using System.Runtime.InteropServices;

namespace QualityWatch.Api;

/// <summary>
/// Reads an ingest body sent with <c>Content-Encoding</c> gzip, deflate, br or identity. The size limit applies
/// to the decompressed bytes, read in chunks, so a small bomb is stopped at the limit with a 413 instead of
/// inflating into memory.
/// </summary>
internal static class CompressedBodyReader
{
    private const int Chunk = 64 * 1024;

    /// <summary>The decompressed body, or the 413/415/400 answer; <paramref name="limitName"/> is the configuration key of <paramref name="maxBytes"/>, named in the 413.</summary>
    public static async Task<RequestBody> ReadAsync(HttpContext context, long maxBytes, string limitName)
    {
        var encoding = context.Request.Headers.ContentEncoding.ToString().Trim();
        if (encoding.Length == 0 || encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return await RequestBodyReader.ReadAsync(context, maxBytes) is { } plain ? new RequestBody(plain) : TooLarge(maxBytes, limitName);
        }

        Func<Stream, Stream>? open = encoding.ToLowerInvariant() switch
        {
            "gzip" or "x-gzip" => s => new GZipStream(s, CompressionMode.Decompress),
            "deflate" => s => new ZLibStream(s, CompressionMode.Decompress),
            "br" => s => new BrotliStream(s, CompressionMode.Decompress),
            _ => null,
        };
        if (open is null)
        {
            return RequestBody.Fail(
                StatusCodes.Status415UnsupportedMediaType,
                "unsupported_encoding",
                $"Content-Encoding '{encoding}' is not supported; send gzip, deflate, br or an uncompressed body.");
        }

        // The compressed body can be no larger than the decompressed limit allows.
        if (await RequestBodyReader.ReadAsync(context, maxBytes) is not { } compressed)
        {
            return TooLarge(maxBytes, limitName);
        }

        try
        {
            // The reader's buffer is an array already: inflate from it in place rather than copying it first.
            var source = MemoryMarshal.TryGetArray(compressed, out var segment)
                ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
                : new MemoryStream(compressed.ToArray(), writable: false);
            await using var inflating = open(source);
            using var output = new MemoryStream();
            var buffer = new byte[Chunk];
            int read;
            while ((read = await inflating.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    return TooLarge(maxBytes, limitName);
                }

                output.Write(buffer, 0, read);
            }

            return new RequestBody(new ReadOnlyMemory<byte>(output.GetBuffer(), 0, (int)output.Length));
        }
        catch (InvalidDataException)
        {
            return RequestBody.Fail(
                StatusCodes.Status400BadRequest, "malformed_encoding", $"The body is not valid {encoding} data; nothing from this request was stored.");
        }
    }

    private static RequestBody TooLarge(long maxBytes, string limitName) =>
        RequestBody.Fail(StatusCodes.Status413PayloadTooLarge, "body_too_large", $"The body is larger than {limitName} ({maxBytes} bytes) once decompressed.");
}
