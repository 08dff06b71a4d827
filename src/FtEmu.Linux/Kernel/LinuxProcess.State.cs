using System.Text;

namespace FtEmu.Linux;

/// <summary>The OS state that affects the guest, serialized in a fixed order for the state hash.</summary>
public sealed partial class LinuxProcess
{
    /// <summary>Bytes describing the working directory, umask, heap, mappings, descriptors and signal state.</summary>
    public byte[] SerializeOsState()
    {
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms, Encoding.UTF8);
        w.Write(Cwd);
        w.Write(Umask);
        w.Write(AddressSpace.BrkStart);
        w.Write(AddressSpace.Brk);
        foreach (var v in AddressSpace.Mappings)
        {
            w.Write(v.Start);
            w.Write(v.End);
            w.Write((byte)v.Prot);
            w.Write(v.Name);
        }
        foreach (var (fd, f) in Files.All())
        {
            w.Write(fd);
            w.Write(f.GetType().Name);
            w.Write(f.GuestPath);
            w.Write(f.Offset);
            w.Write(f.Flags);
            w.Write(Files.GetCloseOnExec(fd));
        }
        for (int sig = 1; sig <= SignalState.MaxSignal; sig++)
        {
            var a = Signals.GetAction(sig);
            w.Write(a.Handler);
            w.Write(a.Flags);
            w.Write(a.Restorer);
            w.Write(a.Mask);
        }
        w.Write(Signals.Blocked);
        w.Write(Signals.Pending);
        w.Write(ClearChildTid);
        w.Write(RobustList);
        w.Flush();
        return ms.ToArray();
    }

    /// <summary>The guest-state hash: CPU, memory and OS state.</summary>
    public byte[] StateHash() => FtEmu.Cpu.StateHash.Compute(Cpu, SerializeOsState());
}
