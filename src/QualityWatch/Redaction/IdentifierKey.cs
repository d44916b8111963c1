using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using QualityWatch.Storage;

namespace QualityWatch.Redaction;

/// <summary>
/// The key of the hash that keeps redacted identifiers distinct: <c>Redaction:IdKey</c> when set, else a
/// random key generated once into <c>{Storage:DatabasePath}.idkey</c> (mode 0600). It is never in the
/// database, so a copy of the database alone cannot confirm a guessed email or card number by hashing it.
/// </summary>
internal sealed class IdentifierKey
{
    /// <summary>Appended to the database path to name the generated key file.</summary>
    public const string FileSuffix = ".idkey";

    private const int GeneratedBytes = 32;
    private readonly Lazy<byte[]> key;

    public IdentifierKey(IOptions<RedactionOptions> options, SqliteConnectionFactory connections, ILogger<IdentifierKey> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(connections);
        var configured = options.Value.IdKey;
        // Read on first use, not at construction: the migrator creates the database folder at start.
        key = new Lazy<byte[]>(
            () => string.IsNullOrEmpty(configured) ? LoadOrCreate(connections.DatabasePath + FileSuffix, logger) : Encoding.UTF8.GetBytes(configured),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public ReadOnlySpan<byte> Value => key.Value;

    private static byte[] LoadOrCreate(string path, ILogger logger)
    {
        if (!File.Exists(path))
        {
            Create(path, logger);
        }

        var text = File.ReadAllText(path).Trim();
        var bytes = new byte[text.Length];
        if (!Convert.TryFromBase64String(text, bytes, out var length) || length < GeneratedBytes)
        {
            throw new InvalidOperationException(
                $"The identifier key file '{path}' is not a base64 key of at least {GeneratedBytes} bytes. Restore it from the backup " +
                "taken with the database, or set Redaction:IdKey; deleting it changes the stored id of every id that contains PII.");
        }

        return bytes[..length];
    }

    private static void Create(string path, ILogger logger)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Written aside and moved into place, so a crash never leaves a half-written key, and a second
        // process creating it at the same moment (the service and a backfill) keeps the first one's.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temporary, file))
            {
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(GeneratedBytes)) + "\n"));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: false);
            Log.IdKeyGenerated(logger, path);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process won the race; its key is the one.
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
