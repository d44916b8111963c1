using QualityWatch.Judging;

namespace QualityWatch.Tests.Judging;

/// <summary>Rubric v3's fixed prefix is long enough for Gemini 3.5 Flash's implicit cache, and stays a prefix.</summary>
public sealed class RubricPrefixTests
{
    // Gemini 3.5 Flash caches a request's prefix implicitly only from this many tokens on.
    private const int ImplicitCacheMinTokens = 4_096;

    [Fact]
    public void RubricV3_FixedPrefix_IsAtLeast4096EstimatedTokens_WhereV1IsBelow()
    {
        var v3 = Rubric.Load("v3");
        var v1 = Rubric.Load("v1");

        // EstimatedTokens is chars / 4, the estimate the judge's token limiter uses; pinned so a trimmed rubric fails here.
        Assert.InRange(v3.EstimatedTokens, ImplicitCacheMinTokens, 6_000);
        Assert.True(v1.EstimatedTokens < ImplicitCacheMinTokens, $"v1 is {v1.EstimatedTokens} tokens");
        Assert.Equal("v3", v3.Version);
    }

    [Fact]
    public void RubricV3_EndsBeforeTheSample_AndHoldsNothingPerSample()
    {
        var v3 = Rubric.Load("v3");
        var sample = Rubric.SampleText(new SampleForJudging("id-1", "default", "Where is my order?", "It shipped.", "Order 1 shipped.", 1, null, null));

        // The per-sample part follows the fixed prefix: the rubric closes by handing over to it and never repeats per sample.
        Assert.EndsWith("The sample to grade follows. Return only the JSON object.", v3.Text.TrimEnd(), StringComparison.Ordinal);
        Assert.StartsWith("# Sample", sample.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("# Sample", v3.Text, StringComparison.Ordinal);

        // The simulator reads truth markers from the text it judges: a marker in the rubric would flag every sample.
        Assert.DoesNotContain("[[", v3.Text, StringComparison.Ordinal);

        // v3 keeps v1's rules and anchors word for word: only examples are added.
        var v1 = Rubric.Load("v1").Text;
        Assert.StartsWith(v1[..v1.IndexOf("# Worked examples", StringComparison.Ordinal)], v3.Text, StringComparison.Ordinal);
    }
}
