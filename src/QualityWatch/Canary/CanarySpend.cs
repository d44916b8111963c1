namespace QualityWatch.Canary;

/// <summary>Today's canary spend against its cap: a call starts only while the cap is not reached.</summary>
internal sealed class CanarySpend(decimal spent, decimal cap)
{
    private readonly Lock gate = new();

    /// <summary>Items refused because the cap was reached.</summary>
    public int Refused { get; private set; }

    public bool TryStart()
    {
        lock (gate)
        {
            if (spent < cap)
            {
                return true;
            }

            Refused++;
            return false;
        }
    }

    public void Add(decimal cost)
    {
        lock (gate)
        {
            spent += cost;
        }
    }
}
