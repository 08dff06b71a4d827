namespace FtEmu.Linux;

/// <summary>
/// The non-determinism boundary: every input that can differ between two runs of the same guest
/// enters through this interface, and nothing else in the CPU or the Linux layer touches the host.
/// </summary>
/// <remarks>
/// Contract for implementations and for the recorder/replayer built on top:
/// <list type="bullet">
/// <item>Every method is a pure request/response: its result (return value, out values and the bytes
/// it writes into the spans it is given) is all that flows back into the guest, so recording those
/// results and returning them again reproduces the run.</item>
/// <item>Results are Linux-shaped: a negative return value is a negated errno.</item>
/// <item>Handles are opaque numbers chosen by the implementation; 0, 1 and 2 are the process's
/// standard input, output and error. Paths are host paths already resolved by the Linux layer.</item>
/// <item>Methods marked "external effect" change the world outside the process; a replayer must not
/// perform them (except showing guest output again when asked to).</item>
/// </list>
/// </remarks>
public interface IHostBoundary
{
    // ---- Time, randomness, identity ----

    /// <summary>A clock reading; <paramref name="clockId"/> is a Linux CLOCK_* id already validated.</summary>
    Timespec GetTime(int clockId);

    /// <summary>Resolution of a Linux clock.</summary>
    Timespec GetClockResolution(int clockId);

    /// <summary>The time-stamp counter value for RDTSC.</summary>
    ulong ReadTimestampCounter();

    /// <summary>Fills <paramref name="buffer"/> with random bytes (getrandom, AT_RANDOM).</summary>
    void GetRandomBytes(Span<byte> buffer);

    ProcessIdentity GetIdentity();

    string GetHostName();

    SystemInfo GetSystemInfo();

    /// <summary>Sleeps for the given duration (an effect on timing only); returns 0.</summary>
    long Sleep(Timespec duration);

    // ---- Files: handles ----

    /// <summary>Opens a host file or directory with Linux O_* flags; returns 0 and a handle, or -errno. External effect when it creates or truncates.</summary>
    long Open(string path, int flags, uint mode, out long handle);

    long Close(long handle);

    /// <summary>Reads at <paramref name="offset"/>, or from the stream position when offset is -1; returns bytes read or -errno.</summary>
    long Read(long handle, Span<byte> buffer, long offset);

    /// <summary>External effect. Writes at <paramref name="offset"/>, or at the stream position when -1 (appending for O_APPEND files).</summary>
    long Write(long handle, ReadOnlySpan<byte> data, long offset);

    long GetStatus(long handle, out FileStatus status);

    /// <summary>External effect.</summary>
    long SetLength(long handle, long length);

    /// <summary>External effect.</summary>
    long Flush(long handle);

    /// <summary>Waits up to <paramref name="timeoutMs"/> (-1 forever) for readiness; returns the ready Linux POLL* bits or -errno.</summary>
    long Poll(long handle, int events, int timeoutMs);

    bool IsTerminal(long handle);

    /// <summary>Terminal size; -ENOTTY when the handle is not a terminal.</summary>
    long GetWindowSize(long handle, out ushort rows, out ushort columns);

    // ---- Files: paths ----

    long GetStatus(string path, bool followSymlinks, out FileStatus status);

    /// <summary>All entries of a directory except "." and "..", in the host's order.</summary>
    long ReadDirectory(string path, out DirectoryEntry[] entries);

    long ReadLink(string path, out string target);

    /// <summary>access(2) check with Linux R_OK/W_OK/X_OK bits (F_OK = 0).</summary>
    long Access(string path, int mode);

    /// <summary>External effect.</summary>
    long CreateDirectory(string path, uint mode);

    /// <summary>External effect.</summary>
    long RemoveDirectory(string path);

    /// <summary>External effect.</summary>
    long Unlink(string path);

    /// <summary>External effect.</summary>
    long Rename(string from, string to);

    /// <summary>External effect.</summary>
    long CreateSymlink(string target, string path);

    /// <summary>External effect.</summary>
    long CreateHardLink(string existing, string path);

    /// <summary>External effect.</summary>
    long SetMode(string path, uint mode);

    /// <summary>External effect. chown/lchown; uint.MaxValue leaves an id unchanged.</summary>
    long SetOwner(string path, uint uid, uint gid, bool followSymlinks);

    /// <summary>External effect. A null time leaves it unchanged.</summary>
    long SetTimes(string path, Timespec? access, Timespec? modify);

    /// <summary>The host's working directory at start, as a host path.</summary>
    string GetInitialDirectory();
}
