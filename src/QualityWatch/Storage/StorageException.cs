namespace QualityWatch.Storage;

/// <summary>The database cannot be used as it is; the message says what to do.</summary>
internal sealed class StorageException : Exception
{
    public StorageException()
    {
    }

    public StorageException(string message)
        : base(message)
    {
    }

    public StorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
