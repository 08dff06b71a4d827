using System.Text;
using FtEmu.Cpu;

namespace FtEmu.Linux;

/// <summary>
/// The /proc/self files FtEmu generates from the emulated process. Other /proc/self entries are
/// reported missing, since the host's would describe the emulator rather than the guest.
/// </summary>
public static class ProcFiles
{
    /// <summary>The part after /proc/self/ (or /proc/PID/ for the guest's own pid), or null for other paths.</summary>
    public static string? SelfEntry(LinuxProcess p, string guestPath)
    {
        if (guestPath.StartsWith("/proc/self/", StringComparison.Ordinal)) return guestPath[11..];
        if (guestPath.StartsWith("/proc/thread-self/", StringComparison.Ordinal)) return guestPath[18..];
        string own = $"/proc/{p.Host.GetIdentity().Pid}/";
        return guestPath.StartsWith(own, StringComparison.Ordinal) ? guestPath[own.Length..] : null;
    }

    /// <summary>Contents of a generated entry, or null when FtEmu does not provide it.</summary>
    public static byte[]? Generate(LinuxProcess p, string entry) => entry switch
    {
        "maps" => Encoding.UTF8.GetBytes(Maps(p)),
        "cmdline" => Join(p.Options.Argv),
        "environ" => Join(p.Options.Envp),
        "comm" => Encoding.UTF8.GetBytes(p.Name + "\n"),
        "status" => Encoding.UTF8.GetBytes(Status(p)),
        _ => null,
    };

    private static byte[] Join(IReadOnlyList<string> items)
    {
        var sb = new StringBuilder();
        foreach (var s in items) sb.Append(s).Append('\0');
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>/proc/self/maps lines, in address order, padded as the kernel pads them.</summary>
    private static string Maps(LinuxProcess p)
    {
        var sb = new StringBuilder();
        foreach (var v in p.AddressSpace.Mappings)
        {
            string line = $"{v.Start:x8}-{v.End:x8} {((v.Prot & Protection.Read) != 0 ? 'r' : '-')}{((v.Prot & Protection.Write) != 0 ? 'w' : '-')}" +
                $"{((v.Prot & Protection.Exec) != 0 ? 'x' : '-')}p 00000000 00:00 0";
            if (v.Name.Length > 0) line = line.PadRight(73) + v.Name;
            sb.Append(line).Append('\n');
        }
        return sb.ToString();
    }

    private static string Status(LinuxProcess p)
    {
        var id = p.Host.GetIdentity();
        return $"Name:\t{p.Name}\nUmask:\t{Convert.ToString(p.Umask, 8).PadLeft(4, '0')}\nState:\tR (running)\nTgid:\t{id.Pid}\nPid:\t{id.Pid}\n" +
            $"PPid:\t{id.ParentPid}\nUid:\t{id.Uid}\t{id.EffectiveUid}\t{id.EffectiveUid}\t{id.EffectiveUid}\n" +
            $"Gid:\t{id.Gid}\t{id.EffectiveGid}\t{id.EffectiveGid}\t{id.EffectiveGid}\nThreads:\t1\n";
    }
}
