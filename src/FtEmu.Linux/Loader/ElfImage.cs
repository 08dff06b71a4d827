using System.Buffers.Binary;

namespace FtEmu.Linux;

/// <summary>A program that cannot be loaded; the message is one line fit for the user.</summary>
public sealed class LoadException(string message) : Exception(message);

public readonly record struct ProgramHeader(uint Type, uint Flags, ulong Offset, ulong VirtualAddress, ulong FileSize, ulong MemorySize, ulong Align);

/// <summary>A parsed and validated ELF64 x86-64 executable (static or static-pie).</summary>
public sealed class ElfImage
{
    public const uint PT_LOAD = 1, PT_DYNAMIC = 2, PT_INTERP = 3, PT_PHDR = 6, PT_TLS = 7, PT_GNU_STACK = 0x6474e551;
    public const uint PF_X = 1, PF_W = 2, PF_R = 4;
    public const ushort ET_EXEC = 2, ET_DYN = 3;
    private const ushort EM_X86_64 = 62;

    private ElfImage(byte[] bytes, ushort type, ulong entry, ulong phOffset, ushort phEntrySize, ProgramHeader[] headers)
    {
        Bytes = bytes;
        Type = type;
        Entry = entry;
        ProgramHeaderOffset = phOffset;
        ProgramHeaderEntrySize = phEntrySize;
        _headers = headers;
    }

    public byte[] Bytes { get; }
    public ushort Type { get; }
    public ulong Entry { get; }
    public ulong ProgramHeaderOffset { get; }
    public ushort ProgramHeaderEntrySize { get; }
    private readonly ProgramHeader[] _headers;

    /// <summary>
    /// A span rather than IReadOnlyList: enumerating an array of our struct through the interface
    /// (or LINQ over it) is framework generic code ReadyToRun cannot precompile, JIT-compiled at start-up.
    /// </summary>
    public ReadOnlySpan<ProgramHeader> ProgramHeaders => _headers;
    public bool IsPositionIndependent => Type == ET_DYN;

    public static ElfImage Parse(byte[] b, string name)
    {
        if (b.Length < 64 || b[0] != 0x7F || b[1] != (byte)'E' || b[2] != (byte)'L' || b[3] != (byte)'F')
            throw new LoadException($"{name}: not an ELF executable");
        if (b[4] != 2) throw new LoadException($"{name}: 32-bit ELF is not supported (x86-64 only)");
        if (b[5] != 1) throw new LoadException($"{name}: big-endian ELF is not supported");
        ushort type = U16(b, 16), machine = U16(b, 18);
        if (machine != EM_X86_64) throw new LoadException($"{name}: ELF for machine {machine}, not x86-64");
        if (type != ET_EXEC && type != ET_DYN) throw new LoadException($"{name}: ELF type {type} is not an executable");
        ulong entry = U64(b, 24), phoff = U64(b, 32);
        ushort phentsize = U16(b, 54), phnum = U16(b, 56);
        if (phentsize < 56 || phnum == 0 || phoff > (ulong)b.Length || (ulong)phentsize * phnum > (ulong)b.Length - phoff)
            throw new LoadException($"{name}: malformed ELF program headers");
        var headers = new ProgramHeader[phnum];
        for (int i = 0; i < phnum; i++)
        {
            int o = (int)phoff + i * phentsize;
            headers[i] = new ProgramHeader(U32(b, o), U32(b, o + 4), U64(b, o + 8), U64(b, o + 16), U64(b, o + 32), U64(b, o + 40), U64(b, o + 48));
        }
        foreach (var h in headers)
        {
            if (h.Type == PT_INTERP)
                throw new LoadException($"{name}: dynamically linked programs are not supported yet; link it with -static");
            if (h.Type == PT_LOAD)
            {
                if (h.FileSize > h.MemorySize || h.Offset > (ulong)b.Length || h.FileSize > (ulong)b.Length - h.Offset)
                    throw new LoadException($"{name}: malformed ELF segment at offset 0x{h.Offset:x}");
                if (h.VirtualAddress >= FtEmu.Cpu.GuestMemory.AddressLimit || h.MemorySize >= FtEmu.Cpu.GuestMemory.AddressLimit - h.VirtualAddress)
                    throw new LoadException($"{name}: ELF segment outside the user address space");
            }
        }
        if (!HasLoadSegment(headers)) throw new LoadException($"{name}: ELF has no loadable segment");
        return new ElfImage(b, type, entry, phoff, phentsize, headers);
    }

    private static bool HasLoadSegment(ProgramHeader[] headers)
    {
        foreach (var h in headers)
            if (h.Type == PT_LOAD) return true;
        return false;
    }

    private static ushort U16(byte[] b, int o) => BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(o));
    private static uint U32(byte[] b, int o) => BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(o));
    private static ulong U64(byte[] b, int o) => BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(o));
}
