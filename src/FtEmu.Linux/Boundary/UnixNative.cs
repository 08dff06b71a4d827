using System.Runtime.InteropServices;

namespace FtEmu.Linux;

/// <summary>The few POSIX calls .NET has no API for (user and group ids). Used only on Unix-like hosts.</summary>
internal static partial class UnixNative
{
    [LibraryImport("libc")]
    internal static partial uint getuid();

    [LibraryImport("libc")]
    internal static partial uint getgid();

    [LibraryImport("libc")]
    internal static partial uint geteuid();

    [LibraryImport("libc")]
    internal static partial uint getegid();

    [LibraryImport("libc")]
    internal static partial int getppid();
}
