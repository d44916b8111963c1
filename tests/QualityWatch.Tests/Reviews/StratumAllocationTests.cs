using QualityWatch.Reviews;

namespace QualityWatch.Tests.Reviews;

public sealed class StratumAllocationTests
{
    [Theory]
    [InlineData(0, 0, 10, 0.5, 100, 100, 5, 5)]
    [InlineData(0, 0, 10, 0.5, 2, 100, 2, 8)]
    [InlineData(0, 0, 10, 0.5, 100, 3, 7, 3)]
    [InlineData(0, 0, 10, 0.5, 1, 1, 1, 1)]
    [InlineData(0, 0, 1, 0.5, 9, 9, 1, 0)]
    [InlineData(1, 0, 1, 0.5, 9, 9, 0, 1)]
    [InlineData(0, 10, 4, 0.5, 9, 9, 4, 0)]
    [InlineData(0, 0, 10, 0.2, 100, 100, 2, 8)]
    public void Allocate_TargetsTheShareOfAllLabels_AndGivesShortPlacesToTheOtherStratum(
        long labelledYes, long labelledNo, int n, double share, int availableYes, int availableNo, int yes, int no)
    {
        var allocated = StratumAllocation.Allocate(new StratumCounts(labelledYes, labelledNo), n, share, availableYes, availableNo);

        Assert.Equal((yes, no), allocated);
    }

    [Theory]
    // Below the floor both strata alternate whatever the share; past it the share rules, the floor kept.
    [InlineData(0, 0, 10, 0.1, 20, 5, 5)]
    [InlineData(10, 10, 20, 0.1, 20, 10, 10)]
    [InlineData(20, 20, 60, 0.1, 20, 0, 60)]
    [InlineData(20, 20, 60, 0.33, 20, 13, 47)]
    [InlineData(0, 0, 10, 0.9, 3, 7, 3)]
    public void Allocate_GivesEachStratumItsFloor_ThenFollowsTheShare(long labelledYes, long labelledNo, int n, double share, int floor, int yes, int no)
    {
        var allocated = StratumAllocation.Allocate(new StratumCounts(labelledYes, labelledNo), n, share, 1000, 1000, floor);

        Assert.Equal((yes, no), allocated);
    }
}
