using System.Buffers.Binary;

namespace FtEmu.Linux;

/// <summary>statfs and fstatfs, answered by the boundary for host files.</summary>
public static partial class Sys
{
    public static long Statfs(LinuxProcess p, in SyscallArgs a)
    {
        long r = ResolveArg(p, LinuxConstants.AT_FDCWD, a.A0, true, out var host, out _);
        if (r < 0) return r;
        r = p.Host.GetFileSystemStatus(host, out var st);
        return r < 0 ? r : WriteStatfs(p, a.A1, st);
    }

    public static long Fstatfs(LinuxProcess p, in SyscallArgs a)
    {
        var f = p.Files.Get((int)a.A0);
        if (f == null) return -Errno.EBADF;
        FileSystemStatus st;
        if (f is HostFile { HostPath.Length: > 0 } h)
        {
            long r = p.Host.GetFileSystemStatus(h.HostPath, out st);
            if (r < 0) return r;
        }
        else
        {
            // Pipes and our own devices live in pseudo file systems (pipefs, devtmpfs).
            long type = f is PipeEnd ? 0x50495045 : 0x01021994;
            st = new FileSystemStatus(type, 4096, 0, 0, 0, 0, 0, 0, 255, 4096, 0);
        }
        return WriteStatfs(p, a.A1, st);
    }

    /// <summary>struct statfs, x86-64 layout (120 bytes).</summary>
    private static long WriteStatfs(LinuxProcess p, ulong address, in FileSystemStatus st)
    {
        Span<byte> b = stackalloc byte[120];
        b.Clear();
        long[] fields = { st.Type, st.BlockSize, (long)st.Blocks, (long)st.FreeBlocks, (long)st.AvailableBlocks, (long)st.Files,
            (long)st.FreeFiles, (long)st.FsId, st.NameMax, st.FragmentSize, st.Flags };
        for (int i = 0; i < fields.Length; i++) BinaryPrimitives.WriteInt64LittleEndian(b[(8 * i)..], fields[i]);
        return p.Memory.TryWrite(address, b) ? 0 : -Errno.EFAULT;
    }
}
