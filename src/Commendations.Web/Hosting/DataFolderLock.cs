namespace Commendations.Web.Hosting;

/// <summary>
/// An exclusive lock on the local data folder, held for the life of the process, so that a second
/// instance started on the same folder stops with a clear message instead of touching a running cluster.
/// .NET maps FileShare.None to an advisory flock on Unix; the kernel releases it if the process dies.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    private readonly FileStream _stream;

    private DataFolderLock(FileStream stream) => _stream = stream;

    public static DataFolderLock? TryAcquire(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "instance.lock");
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            // The locked file cannot be read by others, so the holder's id goes beside it for the error message.
            File.WriteAllText(Path.Combine(folder, "instance.pid"), Environment.ProcessId.ToString());
            return new DataFolderLock(stream);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static string? Holder(string folder)
    {
        try
        {
            return File.ReadAllText(Path.Combine(folder, "instance.pid")).Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
