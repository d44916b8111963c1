using System.Collections.Concurrent;

namespace QualityWatch.Simulator.Gemini.Files;

/// <summary>Files uploaded through the resumable upload protocol, and batch output files.</summary>
internal sealed class FileStore
{
    private readonly ConcurrentDictionary<string, StoredFile> files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string DisplayName, string MimeType)> uploads = new(StringComparer.Ordinal);

    public StoredFile Add(string id, string mimeType, byte[] content, string? displayName = null)
    {
        var file = new StoredFile($"files/{id}", displayName ?? id, mimeType, content);
        files[file.Name] = file;
        return file;
    }

    public StoredFile? Find(string name) => files.GetValueOrDefault(name);

    public string StartUpload(string displayName, string mimeType)
    {
        var id = Guid.NewGuid().ToString("N");
        uploads[id] = (displayName, mimeType);
        return id;
    }

    public StoredFile? Finish(string uploadId, byte[] content) =>
        uploads.TryRemove(uploadId, out var upload) ? Add(Guid.NewGuid().ToString("N")[..16], upload.MimeType, content, upload.DisplayName) : null;
}
