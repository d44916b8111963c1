using QualityWatch.Demo;

namespace QualityWatch.Tests.Demo;

public sealed class DemoPaceTests
{
    private const double Full = 1800;

    [Fact]
    public void Behind_DropsToAQuarter_NotBelowTheFloor()
    {
        var behind = DemoPace.Behind + TimeSpan.FromMinutes(1);

        Assert.Equal(450, DemoPace.Next(Full, behind, Full));
        Assert.Equal(112.5, DemoPace.Next(450, behind, Full));
        Assert.Equal(Full * DemoPace.Floor, DemoPace.Next(112.5, behind, Full));
        Assert.Equal(Full * DemoPace.Floor, DemoPace.Next(Full * DemoPace.Floor, TimeSpan.FromHours(5), Full));
    }

    [Fact]
    public void CaughtUp_DoublesBackToFullSpeed_AndNoFurther()
    {
        var speed = Full * DemoPace.Floor;
        var ticks = 0;
        while (speed < Full)
        {
            speed = DemoPace.Next(speed, TimeSpan.Zero, Full);
            ticks++;
        }

        Assert.Equal(Full, speed);
        Assert.Equal(5, ticks);
        Assert.Equal(Full, DemoPace.Next(Full, DemoPace.CaughtUp - TimeSpan.FromSeconds(1), Full));
    }

    [Fact]
    public void BetweenCaughtUpAndBehind_HoldsTheSpeed()
    {
        Assert.Equal(300, DemoPace.Next(300, DemoPace.CaughtUp + TimeSpan.FromMinutes(1), Full));
        Assert.Equal(300, DemoPace.Next(300, DemoPace.Behind, Full));
    }

    [Fact]
    public void SlowFullSpeed_NeverGoesBelowRealTime()
    {
        Assert.Equal(1, DemoPace.Next(2, TimeSpan.FromHours(1), 10));
    }
}
