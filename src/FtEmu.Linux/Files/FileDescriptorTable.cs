namespace FtEmu.Linux;

/// <summary>The process's descriptor table: descriptor number to open file plus the close-on-exec bit. Lowest free number first, as POSIX requires.</summary>
public sealed class FileDescriptorTable
{
    public const int MaxDescriptors = 1024;

    private readonly OpenFile?[] _files = new OpenFile?[MaxDescriptors];
    private readonly bool[] _closeOnExec = new bool[MaxDescriptors];

    /// <summary>New descriptors stay below this (RLIMIT_NOFILE's soft limit).</summary>
    public int Limit { get; set; } = MaxDescriptors;

    public OpenFile? Get(int fd) => fd >= 0 && fd < MaxDescriptors ? _files[fd] : null;

    public bool GetCloseOnExec(int fd) => _closeOnExec[fd];

    public void SetCloseOnExec(int fd, bool value) => _closeOnExec[fd] = value;

    /// <summary>Installs <paramref name="file"/> at the lowest free descriptor ≥ <paramref name="min"/>; -EMFILE if none.</summary>
    public int Add(OpenFile file, int min = 0, bool closeOnExec = false)
    {
        for (int fd = Math.Max(0, min); fd < Math.Min(Limit, MaxDescriptors); fd++)
        {
            if (_files[fd] != null) continue;
            Install(fd, file, closeOnExec);
            return fd;
        }
        return -Errno.EMFILE;
    }

    /// <summary>Puts <paramref name="file"/> at <paramref name="fd"/>, closing what was there (dup2).</summary>
    public void Install(int fd, OpenFile file, bool closeOnExec, LinuxProcess? owner = null)
    {
        if (_files[fd] != null && owner != null) Close(fd, owner);
        file.References++;
        _files[fd] = file;
        _closeOnExec[fd] = closeOnExec;
    }

    public long Close(int fd, LinuxProcess p)
    {
        var f = Get(fd);
        if (f == null) return -Errno.EBADF;
        _files[fd] = null;
        _closeOnExec[fd] = false;
        if (--f.References == 0) f.Release(p);
        return 0;
    }

    /// <summary>Open descriptors in ascending order.</summary>
    public IEnumerable<(int Fd, OpenFile File)> All()
    {
        for (int fd = 0; fd < MaxDescriptors; fd++)
            if (_files[fd] is { } f) yield return (fd, f);
    }
}
