namespace QualityWatch.Simulator.Gemini.Files;

internal sealed record StoredFile(string Name, string DisplayName, string MimeType, byte[] Content);
