using System.ComponentModel;
using System.Globalization;
using QualityWatch.Hosting;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Deploy;

/// <summary><c>deploy/qualitywatch.service</c>: valid for systemd, hardened, and in step with the service's own shutdown.</summary>
public sealed class SystemdUnitTests
{
    private static readonly string UnitText = File.ReadAllText(RepoRoot.File("deploy", "qualitywatch.service"));

    [Fact]
    public async Task SystemdAnalyzeVerify_ReportsNothing()
    {
        var (code, output) = await VerifyAsync(UnitText);

        Assert.True(code == 0 && output.Trim().Length == 0, $"systemd-analyze verify (exit {code}):\n{output}");
    }

    // verify exits 0 on a value it cannot parse, so the test above fails on any output: these
    // mistakes show the check sees such lines here, not just a missing binary.
    [Theory]
    [InlineData("Type=notfy")]
    [InlineData("ProtectSystem=strictest")]
    [InlineData("TimeoutStopSec=forty-five")]
    [InlineData("RestrictAddressFamilies=AF_INET AF_BOGUS")]
    [InlineData("StateDirectory=/var/lib/qualitywatch")]
    [InlineData("WatchdogSecs=30")]
    public async Task SystemdAnalyzeVerify_ReportsAMistakeInTheUnit(string mistake)
    {
        var broken = UnitText.Replace("[Install]", mistake + "\n\n[Install]", StringComparison.Ordinal);

        var (_, output) = await VerifyAsync(broken);

        Assert.Contains("qualitywatch.service:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unit_IsANotifyServiceOfItsOwnUser_WithTheDatabaseInItsStateDirectory_AndSecretsFromAnOptionalFile()
    {
        var unit = new UnitFile(UnitText);

        Assert.Equal("notify", unit.Get("Service", "Type"));
        Assert.True(unit.Get("Service", "DynamicUser") == "yes" || unit.Get("Service", "User") is { } user && user != "root", "runs as a dedicated or dynamic user");
        Assert.Equal("qualitywatch", unit.Get("Service", "StateDirectory"));
        Assert.StartsWith("/var/lib/qualitywatch/", unit.Environment()["Storage__DatabasePath"], StringComparison.Ordinal);
        Assert.Contains("-/etc/qualitywatch/env", unit.All("Service", "EnvironmentFile"));
        Assert.Equal("on-failure", unit.Get("Service", "Restart"));

        // The service sends no WATCHDOG=1, so systemd must not expect it.
        Assert.Null(unit.Get("Service", "WatchdogSec"));

        var exec = unit.Get("Service", "ExecStart")!.Split(' ');
        Assert.Equal(Path.Combine(unit.Get("Service", "WorkingDirectory")!, "QualityWatch.dll"), exec[1]);
    }

    [Fact]
    public void Unit_IsHardened()
    {
        var unit = new UnitFile(UnitText);

        Assert.Equal("strict", unit.Get("Service", "ProtectSystem"));
        Assert.Equal("yes", unit.Get("Service", "ProtectHome"));
        Assert.Equal("yes", unit.Get("Service", "NoNewPrivileges"));
        Assert.Equal("yes", unit.Get("Service", "PrivateTmp"));
        Assert.Equal("", unit.Get("Service", "CapabilityBoundingSet"));
        var families = unit.Get("Service", "RestrictAddressFamilies")!.Split(' ');
        Assert.Contains("AF_INET", families);
        Assert.Contains("AF_INET6", families);
        Assert.DoesNotContain("AF_PACKET", families);
    }

    [Fact]
    public void Unit_StopTimeout_IsAboveTheServiceShutdownTimeout_WhichTheServiceAccepts()
    {
        var unit = new UnitFile(UnitText);
        var shutdown = new ShutdownOptions { Timeout = TimeSpan.Parse(unit.Environment()["Shutdown__Timeout"], CultureInfo.InvariantCulture) };
        var stopSec = TimeSpan.FromSeconds(int.Parse(unit.Get("Service", "TimeoutStopSec")!, CultureInfo.InvariantCulture));

        Assert.True(new ShutdownOptionsValidator().Validate(null, shutdown).Succeeded);

        // systemd's SIGKILL must not cut the graceful stop short; but not wait much longer than it either.
        Assert.InRange(stopSec, shutdown.Timeout + TimeSpan.FromSeconds(5), shutdown.Timeout + TimeSpan.FromSeconds(60));
        Assert.Equal("SIGTERM", unit.Get("Service", "KillSignal") ?? "SIGTERM");
    }

    /// <summary>
    /// <c>systemd-analyze verify</c> on a copy whose ExecStart runs an executable that exists here
    /// (the unit names the install path, /usr/bin/dotnet, which a test machine may lack).
    /// </summary>
    private static async Task<(int ExitCode, string Output)> VerifyAsync(string unitText)
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "qualitywatch.service");
        var runnable = Environment.ProcessPath!;
        var lines = unitText.Split('\n').Select(l => l.StartsWith("ExecStart=/usr/bin/dotnet ", StringComparison.Ordinal)
            ? "ExecStart=" + runnable + l["ExecStart=/usr/bin/dotnet".Length..]
            : l);
        await File.WriteAllLinesAsync(path, lines);
        Assert.Contains("ExecStart=" + runnable + " /opt/qualitywatch/QualityWatch.dll", await File.ReadAllTextAsync(path), StringComparison.Ordinal);

        try
        {
            return await Command.RunAsync("systemd-analyze", ["verify", "--man=no", path], temp.Path, TimeSpan.FromMinutes(1));
        }
        catch (Win32Exception ex)
        {
            Assert.Fail($"systemd-analyze is needed to verify the unit (Debian package 'systemd'): {ex.Message}");
            throw;
        }
    }
}
