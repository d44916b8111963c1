using Microsoft.Data.Sqlite;

namespace QualityWatch.Storage;

/// <summary>
/// A connection that holds this process's write turn (<see cref="SqliteWriteTurn"/>) until it is disposed,
/// so a writer's transaction and the statements around it never race another writer of this process.
/// </summary>
internal sealed class WriterConnection(string connectionString, SqliteWriteTurn turn) : SqliteConnection(connectionString)
{
    private int released;

    protected override void Dispose(bool disposing)
    {
        try
        {
            base.Dispose(disposing);
        }
        finally
        {
            // Once only: DisposeAsync and Dispose may both run for one connection.
            if (disposing && Interlocked.Exchange(ref released, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}
