using QualityWatch.Redaction;

namespace QualityWatch.Tests.Redaction;

public sealed class RedactionCountsTests
{
    [Fact]
    public void Add_SameTypeTwice_CountsTwo()
    {
        var counts = new RedactionCounts();

        counts.Add(PiiTypes.Email);
        counts.Add(PiiTypes.Email);
        counts.Add(PiiTypes.Phone);

        Assert.Equal(2, counts[PiiTypes.Email]);
        Assert.Equal(1, counts[PiiTypes.Phone]);
        Assert.Equal(3, counts.Total);
        Assert.Equal(new Dictionary<string, int> { ["email"] = 2, ["phone"] = 1 }, counts.AsDictionary());
    }

    [Fact]
    public void Indexer_UnseenType_IsZeroAndNotAdded()
    {
        var counts = new RedactionCounts();

        Assert.Equal(0, counts[PiiTypes.Card]);
        Assert.Equal(0, counts.Total);
        Assert.Empty(counts.AsDictionary());
    }
}
