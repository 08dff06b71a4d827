using System.Buffers.Binary;

namespace FtEmu.Linux;

/// <summary>ioctl: the terminal queries libc and shells make, and the generic FIO* requests.</summary>
public static partial class Sys
{
    public const uint TCGETS = 0x5401, TCSETS = 0x5402, TCSETSW = 0x5403, TCSETSF = 0x5404, TIOCGPGRP = 0x540F, TIOCSPGRP = 0x5410,
        TIOCGWINSZ = 0x5413, TIOCSWINSZ = 0x5414, FIONREAD = 0x541B, FIONBIO = 0x5421, FIONCLEX = 0x5450, FIOCLEX = 0x5451,
        TIOCGSID = 0x5429;

    public static long Ioctl(LinuxProcess p, in SyscallArgs a)
    {
        int fd = (int)a.A0;
        var f = p.Files.Get(fd);
        if (f == null) return -Errno.EBADF;
        uint request = (uint)a.A1;
        switch (request)
        {
            case FIOCLEX:
                p.Files.SetCloseOnExec(fd, true);
                return 0;
            case FIONCLEX:
                p.Files.SetCloseOnExec(fd, false);
                return 0;
            case FIONBIO:
            {
                if (!ReadU32(p, a.A2, out uint on)) return -Errno.EFAULT;
                f.Flags = on != 0 ? f.Flags | LinuxConstants.O_NONBLOCK : f.Flags & ~LinuxConstants.O_NONBLOCK;
                return 0;
            }
            case FIONREAD:
            {
                long available;
                if (f is PipeEnd pipe) available = pipe.Buffer.Count;
                else if (f.IsSeekable && f.GetStatus(p, out var st) == 0) available = Math.Max(0, st.Size - f.Offset);
                else if (f.IsDirectory) return -Errno.ENOTTY;
                else available = 0;
                return WriteU32(p, a.A2, (uint)Math.Min(available, int.MaxValue)) ? 0 : -Errno.EFAULT;
            }
        }
        bool tty = f is HostFile h && !h.IsSeekable && !h.IsDirectory && p.Host.IsTerminal(h.Handle);
        if (!tty) return -Errno.ENOTTY;
        long handle = ((HostFile)f).Handle;
        switch (request)
        {
            case TCGETS:
            {
                // A cooked terminal at 38400 baud, 8 data bits, with the usual control characters.
                var t = new byte[60];
                BinaryPrimitives.WriteUInt32LittleEndian(t, 0x500);          // ICRNL | IXON
                BinaryPrimitives.WriteUInt32LittleEndian(t.AsSpan(4), 0x5);  // OPOST | ONLCR
                BinaryPrimitives.WriteUInt32LittleEndian(t.AsSpan(8), 0xbf); // B38400 | CS8 | CREAD
                BinaryPrimitives.WriteUInt32LittleEndian(t.AsSpan(12), 0x8a3b); // ISIG ICANON ECHO ECHOE ECHOK ECHOCTL ECHOKE IEXTEN
                byte[] cc = { 3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22, 0 };
                cc.CopyTo(t, 17);
                return p.Memory.TryWrite(a.A2, t) ? 0 : -Errno.EFAULT;
            }
            case TCSETS:
            case TCSETSW:
            case TCSETSF:
                return p.Memory.IsReadable(a.A2, 60) ? 0 : -Errno.EFAULT;
            case TIOCGWINSZ:
            {
                long r = p.Host.GetWindowSize(handle, out ushort rows, out ushort cols);
                if (r < 0) return r;
                var ws = new byte[8];
                BinaryPrimitives.WriteUInt16LittleEndian(ws, rows);
                BinaryPrimitives.WriteUInt16LittleEndian(ws.AsSpan(2), cols);
                return p.Memory.TryWrite(a.A2, ws) ? 0 : -Errno.EFAULT;
            }
            case TIOCSWINSZ:
                return 0;
            case TIOCGPGRP:
            case TIOCGSID:
                return WriteU32(p, a.A2, (uint)p.Host.GetIdentity().Pid) ? 0 : -Errno.EFAULT;
            case TIOCSPGRP:
                return 0;
            default:
                return -Errno.ENOTTY;
        }
    }
}
