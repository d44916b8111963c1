using QualityWatch.Alerting;
using QualityWatch.WebConsole;

namespace QualityWatch.Tests.WebConsole;

/// <summary>The console's pure helpers: alert ids in URLs and the marking of unsupported claims.</summary>
public sealed class ConsoleUnitsTests
{
    [Theory]
    [InlineData("SupportHallucinations", "support", "v2")]
    [InlineData("team/rule with spaces", "support", "")]
    [InlineData("ünïcode", "default", "2026-01-31+1")]
    public void AlertId_RoundTrips_AndIsOnePathSegment(string rule, string stream, string version)
    {
        var id = AlertIds.Of(rule, stream, version);

        Assert.DoesNotContain('/', id);
        Assert.Equal(Uri.EscapeDataString(id), id);
        Assert.True(AlertIds.TryParse(id, out var parsed));
        Assert.Equal((rule, stream, version), parsed);
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData("bm8tc2xhc2g")] // "no-slash"
    public void AlertId_Garbage_DoesNotParse(string id) => Assert.False(AlertIds.TryParse(id, out _));

    [Fact]
    public void Claims_AreMarkedCaseInsensitively_OverlapsMerge_ParaphrasesAreNot()
    {
        var segments = ClaimHighlighter.Segments(
            "It ships by drone tonight. It arrives Friday.",
            ["it ships by drone", "drone tonight.", "The parcel is lost"]);

        Assert.Equal([("It ships by drone tonight", true), (". It arrives Friday.", false)], segments);
    }
}
