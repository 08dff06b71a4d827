using System.Text;

namespace FtEmu.Linux;

/// <summary>Formats syscalls strace-style from the signature letters of their table row.</summary>
public static class SyscallFormatter
{
    private const int MaxShown = 32;

    /// <summary>The call as it looks on entry; output buffers are filled in by <see cref="FormatResult"/>.</summary>
    public static string FormatCall(LinuxProcess p, SyscallDef def, in SyscallArgs a)
    {
        var sb = new StringBuilder(def.Name).Append('(');
        for (int i = 0; i < def.Signature.Length; i++)
        {
            char c = def.Signature[i];
            // As strace does, the mode of open/openat is shown only when the call can create.
            if (c == 'm' && i > 0 && def.Signature[i - 1] == 'f' && ((int)a[i - 1] & LinuxConstants.O_CREAT) == 0) continue;
            if (i > 0) sb.Append(", ");
            sb.Append(c is 'b' or 'P' ? "\u0000" + i : FormatArg(p, c, a, i));
        }
        return sb.Append(')').ToString();
    }

    public static string FormatResult(LinuxProcess p, SyscallDef? def, in SyscallArgs a, string call, long ret)
    {
        if (def != null)
        {
            for (int i = 0; i < def.Signature.Length; i++)
            {
                char c = def.Signature[i];
                if (c is not ('b' or 'P')) continue;
                string shown = ret < 0 ? $"0x{a[i]:x}"
                    : c == 'P' ? PipeFds(p, a[i])
                    : Quote(p, a[i], (int)Math.Min(ret, MaxShown), ret > MaxShown);
                call = call.Replace("\u0000" + i, shown);
            }
        }
        string result = ret < 0 && ret >= -4095 ? $"-1 {Errno.Name((int)-ret)} ({Errno.Describe((int)-ret)})"
            : def?.Name is "mmap" or "brk" or "mremap" ? $"0x{ret:x}"
            : def?.Name is "umask" ? "0" + Convert.ToString(ret, 8)
            : ret.ToString();
        return $"{call} = {result}";
    }

    private static string FormatArg(LinuxProcess p, char c, in SyscallArgs a, int i)
    {
        ulong v = a[i];
        switch (c)
        {
            case 'd': return ((int)v).ToString();
            case 'u': return v.ToString();
            case 'p': return v == 0 ? "NULL" : $"0x{v:x}";
            case 'm': return "0" + Convert.ToString((long)(v & 0xFFFF), 8);
            case 'a': return (int)v == LinuxConstants.AT_FDCWD ? "AT_FDCWD" : ((int)v).ToString();
            case 'f': return OpenFlags((int)v);
            case 'l': return ((long)v).ToString();
            case 'M': return v == 0 ? "PROT_NONE" : Bits((int)v, s_prot);
            case 'G': return Bits((int)v, s_mapFlags);
            case 'r': return (int)v is >= 0 and < 16 ? s_rlimits[(int)v] : ((int)v).ToString();
            case 'C': return (int)v switch { 0x1001 => "ARCH_SET_GS", 0x1002 => "ARCH_SET_FS", 0x1003 => "ARCH_GET_FS", 0x1004 => "ARCH_GET_GS", _ => $"0x{v:x}" };
            case 'w': return (int)v switch { 0 => "SEEK_SET", 1 => "SEEK_CUR", 2 => "SEEK_END", 3 => "SEEK_DATA", 4 => "SEEK_HOLE", _ => ((int)v).ToString() };
            case 'k': return AccessMode((int)v);
            case 'A': return Bits((int)v, s_atFlags);
            case 'S': return SignalNames.Name((int)v);
            case 'h': return (int)v switch { 0 => "SIG_BLOCK", 1 => "SIG_UNBLOCK", 2 => "SIG_SETMASK", _ => ((int)v).ToString() };
            case 'c': return (int)v is >= 0 and < 12 ? s_clocks[(int)v] : ((int)v).ToString();
            case 'F': return s_fcntl.FirstOrDefault(e => e.Value == (int)v).Name ?? ((int)v).ToString();
            case 'i': return s_ioctl.FirstOrDefault(e => e.Value == (uint)v).Name ?? $"0x{(uint)v:x}";
            case 's':
            {
                var bytes = p.Memory.ReadCString(v, 4096);
                return bytes == null ? $"0x{v:x}" : "\"" + Escape(bytes, bytes.Length) + "\"";
            }
            case 'B':
            {
                ulong len = i + 1 < 6 ? a[i + 1] : 0;
                return Quote(p, v, (int)Math.Min(len, (ulong)MaxShown), len > MaxShown);
            }
            default: return $"0x{v:x}";
        }
    }

    private static string Quote(LinuxProcess p, ulong address, int length, bool more)
    {
        var buf = new byte[Math.Max(0, length)];
        if (!p.Memory.TryRead(address, buf)) return $"0x{address:x}";
        return "\"" + Escape(buf, buf.Length) + "\"" + (more ? "..." : "");
    }

    private static string Escape(byte[] bytes, int n)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < n; i++)
        {
            byte b = bytes[i];
            sb.Append(b switch
            {
                (byte)'\n' => "\\n",
                (byte)'\t' => "\\t",
                (byte)'\r' => "\\r",
                (byte)'"' => "\\\"",
                (byte)'\\' => "\\\\",
                >= 32 and < 127 => ((char)b).ToString(),
                _ => $"\\{Convert.ToString(b, 8)}",
            });
        }
        return sb.ToString();
    }

    private static readonly (int Value, string Name)[] s_atFlags =
    {
        (LinuxConstants.AT_SYMLINK_NOFOLLOW, "AT_SYMLINK_NOFOLLOW"), (LinuxConstants.AT_REMOVEDIR, "AT_REMOVEDIR"),
        (LinuxConstants.AT_SYMLINK_FOLLOW, "AT_SYMLINK_FOLLOW"), (0x800, "AT_NO_AUTOMOUNT"), (LinuxConstants.AT_EMPTY_PATH, "AT_EMPTY_PATH"),
    };

    private static readonly (int Value, string Name)[] s_prot =
    {
        (LinuxConstants.PROT_READ, "PROT_READ"), (LinuxConstants.PROT_WRITE, "PROT_WRITE"), (LinuxConstants.PROT_EXEC, "PROT_EXEC"),
    };

    private static readonly (int Value, string Name)[] s_mapFlags =
    {
        (LinuxConstants.MAP_SHARED, "MAP_SHARED"), (LinuxConstants.MAP_PRIVATE, "MAP_PRIVATE"), (LinuxConstants.MAP_FIXED, "MAP_FIXED"),
        (LinuxConstants.MAP_ANONYMOUS, "MAP_ANONYMOUS"), (LinuxConstants.MAP_GROWSDOWN, "MAP_GROWSDOWN"), (LinuxConstants.MAP_NORESERVE, "MAP_NORESERVE"),
        (LinuxConstants.MAP_POPULATE, "MAP_POPULATE"), (LinuxConstants.MAP_FIXED_NOREPLACE, "MAP_FIXED_NOREPLACE"), (0x20000, "MAP_STACK"),
    };

    private static readonly string[] s_rlimits =
    {
        "RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_DATA", "RLIMIT_STACK", "RLIMIT_CORE", "RLIMIT_RSS", "RLIMIT_NPROC", "RLIMIT_NOFILE",
        "RLIMIT_MEMLOCK", "RLIMIT_AS", "RLIMIT_LOCKS", "RLIMIT_SIGPENDING", "RLIMIT_MSGQUEUE", "RLIMIT_NICE", "RLIMIT_RTPRIO", "RLIMIT_RTTIME",
    };

    private static readonly string[] s_clocks =
    {
        "CLOCK_REALTIME", "CLOCK_MONOTONIC", "CLOCK_PROCESS_CPUTIME_ID", "CLOCK_THREAD_CPUTIME_ID", "CLOCK_MONOTONIC_RAW",
        "CLOCK_REALTIME_COARSE", "CLOCK_MONOTONIC_COARSE", "CLOCK_BOOTTIME", "CLOCK_REALTIME_ALARM", "CLOCK_BOOTTIME_ALARM",
        "CLOCK_SGI_CYCLE", "CLOCK_TAI",
    };

    private static readonly (int Value, string Name)[] s_fcntl =
    {
        (0, "F_DUPFD"), (1, "F_GETFD"), (2, "F_SETFD"), (3, "F_GETFL"), (4, "F_SETFL"), (5, "F_GETLK"), (6, "F_SETLK"),
        (7, "F_SETLKW"), (8, "F_SETOWN"), (9, "F_GETOWN"), (36, "F_OFD_GETLK"), (37, "F_OFD_SETLK"), (38, "F_OFD_SETLKW"),
        (1030, "F_DUPFD_CLOEXEC"), (1031, "F_SETPIPE_SZ"), (1032, "F_GETPIPE_SZ"),
    };

    private static readonly (uint Value, string Name)[] s_ioctl =
    {
        (Sys.TCGETS, "TCGETS"), (Sys.TCSETS, "TCSETS"), (Sys.TCSETSW, "TCSETSW"), (Sys.TCSETSF, "TCSETSF"),
        (Sys.TIOCGPGRP, "TIOCGPGRP"), (Sys.TIOCSPGRP, "TIOCSPGRP"), (Sys.TIOCGWINSZ, "TIOCGWINSZ"), (Sys.TIOCSWINSZ, "TIOCSWINSZ"),
        (Sys.FIONREAD, "FIONREAD"), (Sys.FIONBIO, "FIONBIO"), (Sys.FIOCLEX, "FIOCLEX"), (Sys.FIONCLEX, "FIONCLEX"), (Sys.TIOCGSID, "TIOCGSID"),
    };

    private static string AccessMode(int mode)
    {
        if (mode == 0) return "F_OK";
        var parts = new List<string>();
        if ((mode & 4) != 0) parts.Add("R_OK");
        if ((mode & 2) != 0) parts.Add("W_OK");
        if ((mode & 1) != 0) parts.Add("X_OK");
        if ((mode & ~7) != 0) parts.Add($"0x{mode & ~7:x}");
        return string.Join('|', parts);
    }

    private static string Bits(int v, (int Value, string Name)[] names)
    {
        if (v == 0) return "0";
        var parts = new List<string>();
        foreach (var (bit, name) in names)
        {
            if ((v & bit) == 0) continue;
            parts.Add(name);
            v &= ~bit;
        }
        if (v != 0) parts.Add($"0x{v:x}");
        return string.Join('|', parts);
    }

    private static string PipeFds(LinuxProcess p, ulong address)
    {
        Span<byte> b = stackalloc byte[8];
        if (!p.Memory.TryRead(address, b)) return $"0x{address:x}";
        return $"[{System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(b)}, {System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(b[4..])}]";
    }

    private static string OpenFlags(int f)
    {
        var parts = new List<string> { (f & 3) switch { 0 => "O_RDONLY", 1 => "O_WRONLY", _ => "O_RDWR" } };
        (int Bit, string Name)[] names =
        {
            (LinuxConstants.O_CREAT, "O_CREAT"), (LinuxConstants.O_EXCL, "O_EXCL"), (LinuxConstants.O_NOCTTY, "O_NOCTTY"),
            (LinuxConstants.O_TRUNC, "O_TRUNC"), (LinuxConstants.O_APPEND, "O_APPEND"), (LinuxConstants.O_NONBLOCK, "O_NONBLOCK"),
            (LinuxConstants.O_DIRECTORY, "O_DIRECTORY"), (LinuxConstants.O_NOFOLLOW, "O_NOFOLLOW"), (LinuxConstants.O_CLOEXEC, "O_CLOEXEC"),
            (LinuxConstants.O_PATH, "O_PATH"),
        };
        foreach (var (bit, name) in names)
            if ((f & bit) == bit) parts.Add(name);
        return string.Join('|', parts);
    }
}
