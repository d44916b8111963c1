using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace QualityWatch.Tests.Support;

/// <summary>A real SMTP server (SmtpServer package) on a free loopback port that keeps every message it accepts.</summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;

    private SmtpTestServer(int port, string? user, string? password, X509Certificate2? certificate = null, bool implicitTls = false)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b =>
            {
                b.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).AllowUnsecureAuthentication(certificate is null).AuthenticationRequired(user is not null);

                // A certificate offers STARTTLS; with implicitTls the session is TLS from the first byte.
                if (certificate is not null)
                {
                    b.Certificate(certificate).IsSecure(implicitTls);
                }
            })
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new CapturingStore(this));
        if (user is not null)
        {
            services.Add(new DelegatingUserAuthenticator((u, p) =>
            {
                var ok = u == user && p == password;
                if (ok)
                {
                    AuthenticatedUsers.Enqueue(u);
                }

                return ok;
            }));
        }

        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    public ConcurrentQueue<string> AuthenticatedUsers { get; } = new();

    /// <summary>Per accepted message: its SMTP session and whether that session was under TLS.</summary>
    public ConcurrentQueue<(ISessionContext Session, bool Secure)> Sessions { get; } = new();

    public static async Task<SmtpTestServer> StartAsync(string? user = null, string? password = null)
    {
        var server = new SmtpTestServer(FreePort(), user, password);
        await WaitListeningAsync(server.Port);
        return server;
    }

    /// <summary>With a server certificate: STARTTLS offered, or TLS from the first byte when <paramref name="implicitTls"/>.</summary>
    public static async Task<SmtpTestServer> StartTlsAsync(X509Certificate2 certificate, bool implicitTls, string? user = null, string? password = null)
    {
        var server = new SmtpTestServer(FreePort(), user, password, certificate, implicitTls);
        await WaitListeningAsync(server.Port);
        return server;
    }

    /// <summary>Starts on a given port, e.g. one a client was already failing to reach.</summary>
    public static async Task<SmtpTestServer> StartOnPortAsync(int port)
    {
        var server = new SmtpTestServer(port, null, null);
        await WaitListeningAsync(server.Port);
        return server;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await running.ContinueWith(_ => { }, TaskScheduler.Default);
        stop.Dispose();
    }

    private static async Task WaitListeningAsync(int port)
    {
        var listening = await Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    using var probe = new TcpClient();
                    await probe.ConnectAsync(IPAddress.Loopback, port);
                    return true;
                }
                catch (SocketException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(15));
        if (!listening)
        {
            throw new InvalidOperationException($"The test SMTP server did not listen on port {port}.");
        }
    }

    private sealed class CapturingStore(SmtpTestServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            server.Sessions.Enqueue((context, context.Pipe.IsSecure));
            server.Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
