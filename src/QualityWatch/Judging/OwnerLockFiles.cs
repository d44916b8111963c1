namespace QualityWatch.Judging;

/// <summary>
/// One lock file per lease owner, in a folder beside the database. A live process holds its file
/// exclusively; the operating system drops the lock when the process dies, kill -9 included, so
/// another process on the machine can prove an owner dead at once instead of waiting for its
/// heartbeat to go stale. A file held by someone is a live owner, whatever its heartbeat says.
/// </summary>
internal sealed class OwnerLockFiles(string databasePath) : IDisposable
{
    private readonly Lock gate = new();
    private readonly string folder = databasePath + ".owners";
    private FileStream? held;
    private string? heldPath;

    /// <summary>Takes this process's lock (once).</summary>
    public void Hold(string instance)
    {
        lock (gate)
        {
            if (held is not null)
            {
                return;
            }

            Directory.CreateDirectory(folder);
            heldPath = PathOf(instance);
            held = new FileStream(heldPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        }
    }

    /// <summary>
    /// True when the owner's lock file is here and free (its process is gone); false when someone
    /// holds it; null when there is no file to ask (an owner on another machine, or an older build).
    /// </summary>
    public bool? IsGone(string instance)
    {
        if (!Guid.TryParseExact(instance, "N", out _))
        {
            return null;
        }

        var path = PathOf(instance);
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Removes a dead owner's file once its leases were reclaimed.</summary>
    public void Delete(string instance)
    {
        if (Guid.TryParseExact(instance, "N", out _))
        {
            File.Delete(PathOf(instance));
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (held is null)
            {
                return;
            }

            try
            {
                File.Delete(heldPath!);
            }
            catch (IOException)
            {
                // The folder went away under us (an operator removed the data directory): nothing is left to clean up.
            }

            held.Dispose();
            held = null;
        }
    }

    private string PathOf(string instance) => Path.Combine(folder, instance + ".lock");
}
