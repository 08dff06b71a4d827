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
            if (i > 0) sb.Append(", ");
            char c = def.Signature[i];
            sb.Append(c == 'b' ? "\u0000" + i : FormatArg(p, c, a, i));
        }
        return sb.Append(')').ToString();
    }

    public static string FormatResult(LinuxProcess p, SyscallDef? def, in SyscallArgs a, string call, long ret)
    {
        if (def != null)
        {
            for (int i = 0; i < def.Signature.Length; i++)
            {
                if (def.Signature[i] != 'b') continue;
                string shown = ret >= 0 ? Quote(p, a[i], (int)Math.Min(ret, MaxShown), ret > MaxShown) : $"0x{a[i]:x}";
                call = call.Replace("\u0000" + i, shown);
            }
        }
        string result = ret < 0 && ret >= -4095 ? $"-1 {Errno.Name((int)-ret)}" : (def?.Name is "mmap" or "brk" or "mremap" ? $"0x{ret:x}" : ret.ToString());
        if (def == null && ret == -Errno.ENOSYS) result = "-1 ENOSYS (Function not implemented)";
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
