namespace QualityWatch.Statistics;

/// <summary>
/// Draws from Beta(a, b) as Gamma(a) / (Gamma(a) + Gamma(b)), with Marsaglia–Tsang gamma variates.
/// Seeded, so the same inputs give the same interval on every call and every replica.
/// </summary>
internal sealed class BetaDraws(int seed)
{
    private readonly Random random = new(seed);

    /// <summary>The Jeffreys posterior of a proportion after <paramref name="successes"/> of <paramref name="trials"/>: Beta(k + ½, n − k + ½).</summary>
    public double Jeffreys(long successes, long trials) => Next(successes + 0.5, trials - successes + 0.5);

    public double Next(double a, double b)
    {
        var x = Gamma(a);
        var y = Gamma(b);
        return x / (x + y);
    }

    private double Gamma(double shape)
    {
        if (shape < 1)
        {
            // Boost a shape below 1 (Jeffreys' ½ with no successes): Gamma(a) = Gamma(a + 1) · U^(1/a).
            return Gamma(shape + 1) * Math.Pow(1 - random.NextDouble(), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal();
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = 1 - random.NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    private double Normal()
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
