namespace QualityWatch.Telemetry;

/// <summary>One feature's part of the database-backed gauge state: the value its read last returned.</summary>
internal sealed class StateRead<T>
{
    private readonly StateReads owner;

    internal StateRead(StateReads owner, Func<StateTransaction, T> read, T empty)
    {
        this.owner = owner;
        Read = read;
        Last = empty;
    }

    /// <summary>The value as of the last refresh, re-read first when it is older than <c>Metrics:StateRefreshInterval</c>.</summary>
    public T Current
    {
        get
        {
            owner.Refresh();
            return Last;
        }
    }

    internal Func<StateTransaction, T> Read { get; }

    internal T Last { get; set; }
}
