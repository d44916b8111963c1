using Microsoft.Extensions.Options;
using QualityWatch.Canary;
using QualityWatch.Hosting;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Canary;

/// <summary>The shipped reference sets: v2 by default, large enough to catch a specificity drop in one run; v1 kept.</summary>
public sealed class ReferenceSetTests
{
    [Fact]
    public void ReferenceSet_Default_IsV2_1200CleanAnd300Hallucinated_MarkedExactlyWhereHallucinated_V1Kept()
    {
        var v2 = ReferenceSet.Load();

        Assert.Equal("v2", v2.Version);
        Assert.Equal((1200, 300), (v2.Items.Count(i => !i.Hallucination), v2.Items.Count(i => i.Hallucination)));
        Assert.Equal(v2.Items.Count, v2.Items.Select(i => i.Id).Distinct().Count());
        Assert.All(v2.Items, i => Assert.Equal(i.Hallucination, i.Response.Contains("[[hallucination]]", StringComparison.Ordinal)));
        Assert.All(v2.Items, i => Assert.DoesNotContain("[[", ReferenceSet.WithoutMarkers(i.Response), StringComparison.Ordinal));
        Assert.All(v2.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.Context) || string.IsNullOrWhiteSpace(i.Prompt)));
        Assert.Equal(["v1", "v2"], ReferenceSet.Shipped);
        Assert.Equal(500, ReferenceSet.Load("v1").Items.Count);
    }

    [Fact]
    public void Build_UnknownReferenceSet_FailsNamingTheKeyAndTheShippedSets()
    {
        using var temp = new TempDirectory();

        var ex = Assert.Throws<OptionsValidationException>(() => QualityWatchApp.Build(
            ["--urls", "http://127.0.0.1:0"],
            builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DatabasePath"] = temp.DatabasePath,
                ["Canary:ReferenceSet"] = "v7",
            })));

        Assert.Contains("Canary:ReferenceSet must be one of the reference sets built into this QualityWatch (v1, v2), was 'v7'.", ex.Failures);
    }
}
