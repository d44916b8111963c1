using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using QualityWatch.Storage;

namespace QualityWatch.WebConsole;

/// <summary>
/// Data Protection keys (which encrypt session and antiforgery cookies) live in <c>console-keys/</c> beside the
/// database, so a restart or a new container on the same volume does not log everyone out.
/// </summary>
internal sealed class ConsoleKeyStorage(IOptions<StorageOptions> storage, ILoggerFactory loggerFactory) : IConfigureOptions<KeyManagementOptions>
{
    public const string FolderName = "console-keys";

    public void Configure(KeyManagementOptions options)
    {
        var database = Path.GetFullPath(storage.Value.DatabasePath);
        var folder = new DirectoryInfo(Path.Combine(Path.GetDirectoryName(database) ?? ".", FolderName));
        options.XmlRepository = new FileSystemXmlRepository(folder, loggerFactory);
    }
}
