namespace QualityWatch.Statistics;

/// <summary>
/// Newcombe's hybrid score interval for the difference of two independent proportions, p2 − p1 (his method 10):
/// built from the two Wilson intervals, so it inherits their good coverage at small counts and rates near 0,
/// where the textbook Wald interval for a difference is too narrow. Derivation: docs/statistics.md.
/// </summary>
internal readonly record struct NewcombeInterval(double Difference, double Lower, double Upper)
{
    /// <summary>The 95% interval for <c>x2/n2 − x1/n1</c>; null when either side has no trials.</summary>
    public static NewcombeInterval? For(long x1, long n1, long x2, long n2)
    {
        if (n1 <= 0 || n2 <= 0)
        {
            return null;
        }

        var p1 = (double)x1 / n1;
        var p2 = (double)x2 / n2;
        var w1 = WilsonInterval.For(x1, n1);
        var w2 = WilsonInterval.For(x2, n2);
        var d = p2 - p1;
        var lower = d - Math.Sqrt(Square(p2 - w2.Lower) + Square(w1.Upper - p1));
        var upper = d + Math.Sqrt(Square(w2.Upper - p2) + Square(p1 - w1.Lower));
        return new NewcombeInterval(d, Math.Max(-1, lower), Math.Min(1, upper));
    }

    private static double Square(double x) => x * x;
}
