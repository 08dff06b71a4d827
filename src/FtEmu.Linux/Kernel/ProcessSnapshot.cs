using System.IO.Compression;
using System.Runtime.InteropServices;
using FtEmu.Cpu;

namespace FtEmu.Linux;

/// <summary>
/// The complete guest state at an instruction boundary — CPU, every mapped page, mappings, heap,
/// descriptors (host files by path and offset, pipes with their contents, devices), signal state,
/// limits and process attributes — so that a new secondary can start from a running primary.
/// A process restored from a snapshot has the same state hash as the one it was taken from.
/// </summary>
public static class ProcessSnapshot
{
    private const int FormatVersion = 1;

    public static byte[] Capture(LinuxProcess p)
    {
        using var ms = new MemoryStream();
        using (var z = new DeflateStream(ms, CompressionLevel.Fastest, leaveOpen: true))
        using (var w = new BinaryWriter(z))
        {
            w.Write(FormatVersion);
            WriteCpu(w, p.Cpu);
            WriteMemory(w, p.Memory);
            WriteOsState(w, p);
        }
        return ms.ToArray();
    }

    /// <summary>
    /// The OS part of the state in a fixed order: mappings and heap, descriptors, signal state,
    /// limits and process attributes. Snapshots carry it, and the state hash covers it.
    /// </summary>
    public static void WriteOsState(BinaryWriter w, LinuxProcess p)
    {
        w.Write(p.AddressSpace.BrkStart);
        w.Write(p.AddressSpace.Brk);
        var vmas = p.AddressSpace.Mappings.ToList();
        w.Write(vmas.Count);
        foreach (var v in vmas)
        {
            w.Write(v.Start);
            w.Write(v.End);
            w.Write((byte)v.Prot);
            w.Write(v.Name);
        }
        WriteFiles(w, p);
        for (int sig = 1; sig <= SignalState.MaxSignal; sig++)
        {
            var a = p.Signals.GetAction(sig);
            w.Write(a.Handler);
            w.Write(a.Flags);
            w.Write(a.Restorer);
            w.Write(a.Mask);
        }
        w.Write(p.Signals.Blocked);
        w.Write(p.Signals.Pending);
        w.Write(p.Signals.AltStack);
        w.Write(p.Signals.AltStackSize);
        w.Write(p.Signals.AltStackFlags);
        w.Write(p.Signals.SavedMask.HasValue);
        w.Write(p.Signals.SavedMask ?? 0);
        for (int i = 0; i < ResourceLimits.Count; i++)
        {
            var (soft, hard) = p.Limits.Get(i);
            w.Write(soft);
            w.Write(hard);
        }
        w.Write(p.Cwd);
        w.Write(p.Umask);
        w.Write(p.ClearChildTid);
        w.Write(p.RobustList);
        w.Write(p.NextPipeInode);
        w.Write(p.Name);
    }

    /// <summary>Replaces the state of a freshly constructed (not started) process with the snapshot's.</summary>
    public static void Restore(LinuxProcess p, byte[] snapshot)
    {
        try
        {
            using var z = new DeflateStream(new MemoryStream(snapshot), CompressionMode.Decompress);
            using var r = new BinaryReader(z);
            if (r.ReadInt32() != FormatVersion) throw new InvalidDataException("unknown snapshot version");
            ReadCpu(r, p.Cpu);
            ReadMemory(r, p.Memory);
            ulong brkStart = r.ReadUInt64(), brk = r.ReadUInt64();
            int n = r.ReadInt32();
            var vmas = new List<AddressSpace.Vma>();
            for (int i = 0; i < n; i++) vmas.Add(new AddressSpace.Vma(r.ReadUInt64(), r.ReadUInt64(), (Protection)r.ReadByte(), r.ReadString()));
            p.AddressSpace.RestoreState(brkStart, brk, vmas);
            ReadFiles(r, p);
            for (int sig = 1; sig <= SignalState.MaxSignal; sig++)
                p.Signals.SetAction(sig, new SignalAction(r.ReadUInt64(), r.ReadUInt64(), r.ReadUInt64(), r.ReadUInt64()));
            p.Signals.Blocked = r.ReadUInt64();
            p.Signals.Pending = r.ReadUInt64();
            p.Signals.AltStack = r.ReadUInt64();
            p.Signals.AltStackSize = r.ReadUInt64();
            p.Signals.AltStackFlags = r.ReadInt32();
            bool hasSaved = r.ReadBoolean();
            ulong saved = r.ReadUInt64();
            p.Signals.SavedMask = hasSaved ? saved : null;
            for (int i = 0; i < ResourceLimits.Count; i++) p.Limits.Restore(i, r.ReadUInt64(), r.ReadUInt64());
            p.Cwd = r.ReadString();
            p.Umask = r.ReadUInt32();
            p.ClearChildTid = r.ReadUInt64();
            p.RobustList = r.ReadUInt64();
            p.NextPipeInode = r.ReadUInt64();
            p.Name = r.ReadString();
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            throw new LoadException($"corrupt snapshot: {e.Message}");
        }
    }

    private static unsafe void WriteCpu(BinaryWriter w, Cpu.Cpu cpu)
    {
        // Flags are materialised first so that the lazy representation never crosses machines.
        cpu.Rflags = cpu.Rflags;
        w.Write(new ReadOnlySpan<byte>(cpu.State, sizeof(CpuState)));
    }

    private static unsafe void ReadCpu(BinaryReader r, Cpu.Cpu cpu)
    {
        var bytes = r.ReadBytes(sizeof(CpuState));
        if (bytes.Length != sizeof(CpuState)) throw new InvalidDataException("truncated CPU state");
        bytes.CopyTo(new Span<byte>(cpu.State, sizeof(CpuState)));
        cpu.Halted = false;
    }

    private static unsafe void WriteMemory(BinaryWriter w, GuestMemory memory)
    {
        var pages = memory.EnumeratePages().ToList();
        w.Write(pages.Count);
        foreach (var (vpn, prot, data) in pages)
        {
            w.Write(vpn);
            w.Write((byte)prot);
            w.Write(data != 0);
            if (data != 0) w.Write(new ReadOnlySpan<byte>((void*)data, (int)GuestMemory.PageSize));
        }
    }

    private static void ReadMemory(BinaryReader r, GuestMemory memory)
    {
        int n = r.ReadInt32();
        for (int i = 0; i < n; i++)
        {
            ulong vpn = r.ReadUInt64();
            var prot = (Protection)r.ReadByte();
            ulong address = vpn << GuestMemory.PageShift;
            memory.Map(address, GuestMemory.PageSize, prot);
            if (r.ReadBoolean()) memory.WriteInitial(address, r.ReadBytes((int)GuestMemory.PageSize));
        }
    }

    private enum FileKind : byte
    {
        Host = 1,
        Pipe = 2,
        Device = 3,
        Memory = 4,
    }

    private static void WriteFiles(BinaryWriter w, LinuxProcess p)
    {
        // Open file descriptions are shared by dup'ed descriptors: write each once, then the table.
        var ids = new Dictionary<OpenFile, int>(ReferenceEqualityComparer.Instance);
        var buffers = new Dictionary<PipeBuffer, int>(ReferenceEqualityComparer.Instance);
        var table = p.Files.All().ToList();
        var unique = new List<OpenFile>();
        foreach (var (_, f) in table)
            if (!ids.ContainsKey(f)) { ids[f] = unique.Count; unique.Add(f); }
        w.Write(unique.Count);
        foreach (var f in unique)
        {
            switch (f)
            {
                case HostFile h:
                    w.Write((byte)FileKind.Host);
                    w.Write(h.Handle);
                    w.Write(h.HostPath);
                    w.Write(h.IsSeekable);
                    w.Write(h.IsDirectory);
                    w.Write(h.Listing != null);
                    if (h.Listing != null)
                    {
                        w.Write(h.Listing.Length);
                        foreach (var e in h.Listing)
                        {
                            w.Write(e.Name);
                            w.Write(e.Inode);
                            w.Write(e.Type);
                        }
                    }
                    break;
                case PipeEnd pe:
                    w.Write((byte)FileKind.Pipe);
                    if (!buffers.TryGetValue(pe.Buffer, out int bufferId))
                    {
                        bufferId = buffers[pe.Buffer] = buffers.Count;
                        w.Write(bufferId);
                        w.Write(true);
                        var content = pe.Buffer.Peek();
                        w.Write(content.Length);
                        w.Write(content);
                    }
                    else
                    {
                        w.Write(bufferId);
                        w.Write(false);
                    }
                    w.Write(pe.IsWriteEnd);
                    w.Write(pe.Inode);
                    break;
                case DeviceFile d:
                    w.Write((byte)FileKind.Device);
                    w.Write((int)d.DeviceKind);
                    break;
                case MemoryFile m:
                    w.Write((byte)FileKind.Memory);
                    w.Write(m.Content.Length);
                    w.Write(m.Content);
                    break;
                default:
                    throw new NotSupportedException($"cannot snapshot an open {f.GetType().Name}");
            }
            w.Write(f.Flags);
            w.Write(f.GuestPath);
            w.Write(f.Offset);
        }
        w.Write(table.Count);
        foreach (var (fd, f) in table)
        {
            w.Write(fd);
            w.Write(ids[f]);
            w.Write(p.Files.GetCloseOnExec(fd));
        }
    }

    private static void ReadFiles(BinaryReader r, LinuxProcess p)
    {
        foreach (var (fd, _) in p.Files.All().ToList()) p.Files.Close(fd, p);
        int n = r.ReadInt32();
        var files = new OpenFile[n];
        var buffers = new Dictionary<int, PipeBuffer>();
        for (int i = 0; i < n; i++)
        {
            var kind = (FileKind)r.ReadByte();
            OpenFile f;
            switch (kind)
            {
                case FileKind.Host:
                {
                    long handle = r.ReadInt64();
                    string hostPath = r.ReadString();
                    bool seekable = r.ReadBoolean(), directory = r.ReadBoolean();
                    DirectoryEntry[]? listing = null;
                    if (r.ReadBoolean())
                    {
                        listing = new DirectoryEntry[r.ReadInt32()];
                        for (int k = 0; k < listing.Length; k++) listing[k] = new DirectoryEntry(r.ReadString(), r.ReadUInt64(), r.ReadByte());
                    }
                    int flags = r.ReadInt32();
                    string guestPath = r.ReadString();
                    f = new HostFile(handle, hostPath, seekable, directory) { Listing = listing, GuestPath = guestPath, Flags = flags };
                    f.Offset = r.ReadInt64();
                    files[i] = f;
                    continue;
                }
                case FileKind.Pipe:
                {
                    int bufferId = r.ReadInt32();
                    if (r.ReadBoolean())
                    {
                        var buffer = new PipeBuffer();
                        buffer.Write(r.ReadBytes(r.ReadInt32()));
                        buffers[bufferId] = buffer;
                    }
                    bool isWrite = r.ReadBoolean();
                    ulong inode = r.ReadUInt64();
                    int flags = r.ReadInt32();
                    f = new PipeEnd(buffers[bufferId], isWrite, inode) { GuestPath = r.ReadString(), Flags = flags };
                    f.Offset = r.ReadInt64();
                    files[i] = f;
                    continue;
                }
                case FileKind.Device:
                {
                    var device = (DeviceFile.Kind)r.ReadInt32();
                    int flags = r.ReadInt32();
                    f = new DeviceFile(device) { GuestPath = r.ReadString(), Flags = flags };
                    f.Offset = r.ReadInt64();
                    files[i] = f;
                    continue;
                }
                case FileKind.Memory:
                {
                    var content = r.ReadBytes(r.ReadInt32());
                    int flags = r.ReadInt32();
                    f = new MemoryFile(content) { GuestPath = r.ReadString(), Flags = flags };
                    f.Offset = r.ReadInt64();
                    files[i] = f;
                    continue;
                }
                default:
                    throw new InvalidDataException($"unknown file kind {(byte)kind}");
            }
        }
        int fds = r.ReadInt32();
        for (int i = 0; i < fds; i++)
        {
            int fd = r.ReadInt32(), id = r.ReadInt32();
            p.Files.Install(fd, files[id], r.ReadBoolean());
        }
    }
}
