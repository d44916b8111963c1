using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace QualityWatch.Bench.NotifyOutages;

/// <summary>
/// A minimal plain SMTP server on a fixed loopback port (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; no
/// extensions offered, so MailKit neither pipelines nor chunks) that the bench takes down and brings back.
/// A message counts as received, by its Message-Id, when the sink answers 250 to its DATA; it answers after
/// <c>delay</c>, as a relay that writes to disk does, so a kill can land while a send is in flight.
/// </summary>
internal sealed class SmtpSink(int port, TimeSpan delay) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<TcpClient, byte> sessions = new();
    private TcpListener? listener;
    private CancellationTokenSource? stop;
    private Task accepting = Task.CompletedTask;

    public int Port => port;

    public Receipts Received { get; } = new();

    public void Start()
    {
        stop = new CancellationTokenSource();
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        accepting = AcceptAsync(listener, stop.Token);
    }

    /// <summary>An outage: the port refuses connections and sessions in progress are cut.</summary>
    public async Task StopAsync()
    {
        if (listener is null || stop is null)
        {
            return;
        }

        await stop.CancelAsync();
        listener.Stop();
        foreach (var session in sessions.Keys)
        {
            session.Dispose();
        }

        await accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        stop.Dispose();
        listener = null;
        stop = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task AcceptAsync(TcpListener server, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var client = await server.AcceptTcpClientAsync(cancellationToken);
            sessions[client] = 0;
            _ = Task.Run(() => SessionAsync(client, cancellationToken), CancellationToken.None);
        }
    }

    private async Task SessionAsync(TcpClient client, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 bench SMTP sink");
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                if (verb == "QUIT")
                {
                    await writer.WriteLineAsync("221 bye");
                    return;
                }

                if (verb == "DATA")
                {
                    await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                    if (await ReadMessageIdAsync(reader, cancellationToken) is not { } id)
                    {
                        return;
                    }

                    await Task.Delay(delay, cancellationToken);
                    Received.Record(id);
                    await writer.WriteLineAsync("250 queued");
                    continue;
                }

                await writer.WriteLineAsync(verb is "EHLO" or "HELO" or "MAIL" or "RCPT" or "RSET" or "NOOP" ? "250 ok" : "502 not implemented");
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client was killed, or the sink taken down: the session ends without a 250.
        }
        finally
        {
            sessions.TryRemove(client, out _);
            client.Dispose();
        }
    }

    /// <summary>
    /// Reads the message up to the lone dot and returns its Message-Id's local part (the notification id,
    /// <c>&lt;msg_…@qualitywatch&gt;</c>); null when the connection ended before the dot.
    /// </summary>
    private static async Task<string?> ReadMessageIdAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var id = "";
        var inHeaders = true;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line == ".")
            {
                return id;
            }

            inHeaders &= line.Length > 0;
            if (inHeaders && line.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase))
            {
                id = line["Message-Id:".Length..].Trim().Trim('<', '>').Split('@')[0];
            }
        }

        return null;
    }
}
