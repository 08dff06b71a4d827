namespace FtEmu.Linux;

/// <summary>The guest-state hash of a process: CPU, memory and the OS state that affects the guest.</summary>
public sealed partial class LinuxProcess
{
    /// <summary>The OS state in the fixed order snapshots use (see <see cref="ProcessSnapshot.WriteOsState"/>).</summary>
    public byte[] SerializeOsState()
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true)) ProcessSnapshot.WriteOsState(w, this);
        return ms.ToArray();
    }

    /// <summary>The guest-state hash: CPU, memory and OS state.</summary>
    public byte[] StateHash() => FtEmu.Cpu.StateHash.Compute(Cpu, SerializeOsState());
}
