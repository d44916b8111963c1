using System.Text;
using QualityWatch.Bench.Shared;

namespace QualityWatch.Bench.Connections;

/// <summary>The <c>## Connections</c> section of bench/RESULTS.md.</summary>
internal static class ConnectionsReport
{
    public static string Section(IReadOnlyList<ConnectionsResult> results, int connections, int probes, string benchFileLimit)
    {
        var table = new MarkdownTable([
            "scenario", "service open-file limit", "idle connections opened", "closed by the service", "service fds before / during",
            "/healthz before: p50 / max", "/healthz during, new connections: answered, p50 / max", "/healthz during, kept-alive connection",
            "/healthz after the flood closed", "load avg before",
        ]);
        foreach (var r in results)
        {
            table.Add(
                r.Scenario,
                r.ServiceFileLimit,
                Fmt.N0(r.Opened) + (r.ConnectFailed > 0 ? $" ({Fmt.N0(r.ConnectFailed)} failed)" : ""),
                Fmt.N0(r.ClosedByServer),
                $"{Fmt.N0(r.ServiceFilesBefore)} / " + (r.ServiceFilesDuring == 0 ? "-" : Fmt.N0(r.ServiceFilesDuring)) +
                    (r.ServiceExitCode is { } code ? $" (**the service crashed, exit {code}**)" : ""),
                Ms(r.Before),
                $"{r.NewConnections.Answered}/{r.NewConnections.Sent}, {Ms(r.NewConnections)}",
                $"{r.KeptConnection.Answered}/{r.KeptConnection.Sent}, {Ms(r.KeptConnection)}",
                $"{r.After.Answered}/{r.After.Sent}, {Ms(r.After)}",
                r.LoadBefore < 0 ? "-" : Fmt.F(r.LoadBefore, 2));
        }

        var text = new StringBuilder();
        text.Append(Heading()).Append("\n\n");
        text.Append("Machine: ").Append(Machine.Describe()).Append(", Release build. Reproduce:\n\n")
            .Append("```sh\ndotnet build -c Release bench/QualityWatch.Bench\n")
            .Append("dotnet bench/QualityWatch.Bench/bin/Release/net10.0/QualityWatch.Bench.dll connections --connections ").Append(connections).Append('\n')
            .Append("```\n\n")
            .Append("Per scenario the service runs as its own process (fresh database, an ingest key, no judge key). The bench times ")
            .Append(probes).Append(" `GET /healthz`\nprobes, each on a new connection, then opens ").Append(Fmt.N0(connections))
            .Append(" idle TCP connections to it (connect, never send a byte), waits 3 s,\ncounts the ones the service has closed, ")
            .Append("its file descriptors (`/proc/PID/fd`), and times the probes again: on new connections, and on a\n")
            .Append("keep-alive connection opened before the flood; then closes the flood and probes once more. Open-file limits\n")
            .Append("(soft / hard): the bench process ").Append(benchFileLimit).Append("; the service inherits the same (the .NET runtime raises soft\n")
            .Append("to hard at start), and in the last two scenarios `prlimit --pid` lowers it after start, as a unit or container with a\n")
            .Append("low `nofile` limit would run it. A probe times out after 15 s.\n\n");
        text.Append(table).Append('\n');
        text.Append("Reading: the cap bounds what a flood costs the service (its descriptors stay near the cap plus its own files, ")
            .Append("whatever the flood's size), and connections over it are accepted and closed at once, so the listen backlog never fills. ")
            .Append("While a flood holds every capped connection, a new connection is refused too, /healthz probes included; ")
            .Append("connections already open (a chatbot's keep-alive pool) are still served, and the service answers new ones as soon as the flood lets go. ")
            .Append("Without the cap, a flood below the open-file limit costs one descriptor per connection and nothing else; at the limit, ")
            .Append("accepts fail and the process's own files (SQLite, the judge client) compete with the flood for descriptors")
            .Append(results.Any(r => r.ServiceExitCode is not null) ? " (in this run it crashed)." : ".").Append('\n');
        return text.ToString();
    }

    private static string Ms(ProbeStats s) => s.Answered == 0 ? "-" : $"{Fmt.F(s.P50Ms, 1)} / {Fmt.F(s.MaxMs, 1)} ms";

    private static string Heading() => $"{ConnectionsCommand.Heading} ({Machine.Today()})";
}
