namespace QualityWatch.Backfill;

/// <summary>
/// Splits a byte stream at <c>\n</c> into lines of at most <c>maxBytes</c>, never holding more than that:
/// a longer line is read through to its end and reported as overlong instead of buffered, so a file
/// without newlines (or a small gzip that inflates to gigabytes) cannot exhaust memory.
/// </summary>
internal sealed class LogLineReader(Stream stream, int maxBytes)
{
    private readonly byte[] chunk = new byte[64 * 1024];
    private byte[] line = new byte[Math.Min(maxBytes, 64 * 1024)];
    private int chunkStart;
    private int chunkEnd;

    /// <summary>
    /// The next line without its <c>\n</c> (valid until the next call), or false at the end of the stream.
    /// <paramref name="overlong"/> says the line passed the limit; it is then empty.
    /// </summary>
    public bool TryRead(out ReadOnlyMemory<byte> next, out bool overlong)
    {
        var length = 0;
        var started = false;
        overlong = false;
        while (true)
        {
            if (chunkStart == chunkEnd)
            {
                chunkStart = 0;
                chunkEnd = stream.Read(chunk);
                if (chunkEnd == 0)
                {
                    next = line.AsMemory(0, length);
                    return started;
                }
            }

            started = true;
            var available = chunk.AsSpan(chunkStart, chunkEnd - chunkStart);
            var newline = available.IndexOf((byte)'\n');
            var piece = newline >= 0 ? available[..newline] : available;
            chunkStart += piece.Length + (newline >= 0 ? 1 : 0);
            if (!overlong && length + piece.Length > maxBytes)
            {
                overlong = true;
                length = 0;
            }

            if (!overlong)
            {
                Append(piece, ref length);
            }

            if (newline >= 0)
            {
                next = line.AsMemory(0, length);
                return true;
            }
        }
    }

    private void Append(ReadOnlySpan<byte> piece, ref int length)
    {
        if (length + piece.Length > line.Length)
        {
            Array.Resize(ref line, (int)Math.Min(maxBytes, Math.Max(2L * line.Length, length + piece.Length)));
        }

        piece.CopyTo(line.AsSpan(length));
        length += piece.Length;
    }
}
