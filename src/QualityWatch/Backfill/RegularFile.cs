using System.Runtime.InteropServices;

namespace QualityWatch.Backfill;

/// <summary>
/// Whether a path names a regular file, symlinks followed. A character device (<c>/dev/zero</c>), FIFO or
/// socket never ends and a FIFO blocks on open, so backfill refuses them before opening. .NET reports no
/// file type on Unix, so Linux asks <c>statx(2)</c>, whose layout is the same on every architecture.
/// </summary>
internal static class RegularFile
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;

    public static bool Is(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return File.Exists(path);
        }

        var buffer = new byte[256];
        if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
        {
            return false;
        }

        return (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) == Regular;
    }

    // DllImport rather than LibraryImport: the generated stub needs unsafe code, which the project does not allow.
    [DllImport("libc", EntryPoint = "statx", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
