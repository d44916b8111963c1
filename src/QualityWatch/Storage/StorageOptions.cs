using System.ComponentModel.DataAnnotations;

namespace QualityWatch.Storage;

/// <summary>Where and how QualityWatch keeps its SQLite database.</summary>
internal sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>
    /// Path of the SQLite file; a relative path is resolved against the working directory.
    /// The folder is created when missing. Default <c>data/qualitywatch.db</c>.
    /// </summary>
    [Required]
    public string DatabasePath { get; set; } = "data/qualitywatch.db";

    /// <summary>How long a connection waits for a lock held by another. Default 5 s.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// SQLite <c>synchronous</c> level. <c>Full</c> (default) fsyncs every commit, so an
    /// acknowledged ingest survives power loss; <c>Normal</c> survives a process kill only.
    /// </summary>
    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Full;
}
