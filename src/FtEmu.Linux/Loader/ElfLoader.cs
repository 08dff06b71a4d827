using FtEmu.Cpu;

namespace FtEmu.Linux;

/// <summary>Where the loader put a program: what the initial stack and the brk need to know.</summary>
public readonly record struct LoadedImage(ulong LoadBias, ulong Entry, ulong ProgramHeaders, int ProgramHeaderCount, ulong BrkStart, bool ExecutableStack);

/// <summary>Maps the PT_LOAD segments of an ELF image into guest memory, as Linux's binfmt_elf does.</summary>
public static class ElfLoader
{
    /// <summary>Where a position-independent static executable is placed (Linux's ELF_ET_DYN_BASE without randomisation).</summary>
    public const ulong PieBase = 0x555555554000;

    public static LoadedImage Load(ElfImage elf, GuestMemory memory)
    {
        ulong bias = elf.IsPositionIndependent ? PieBase : 0;
        ulong brk = 0, phdrAddr = 0;
        bool execStack = false;
        const ulong pageMask = GuestMemory.PageMask;
        foreach (var h in elf.ProgramHeaders)
        {
            if (h.Type == ElfImage.PT_GNU_STACK) execStack = (h.Flags & ElfImage.PF_X) != 0;
            if (h.Type != ElfImage.PT_LOAD || h.MemorySize == 0) continue;
            ulong start = (h.VirtualAddress + bias) & ~pageMask;
            ulong end = (h.VirtualAddress + bias + h.MemorySize + pageMask) & ~pageMask;
            var prot = Protection.None;
            if ((h.Flags & ElfImage.PF_R) != 0) prot |= Protection.Read;
            if ((h.Flags & ElfImage.PF_W) != 0) prot |= Protection.Write;
            if ((h.Flags & ElfImage.PF_X) != 0) prot |= Protection.Exec | Protection.Read;
            memory.Map(start, end - start, prot);
            memory.WriteInitial(h.VirtualAddress + bias, elf.Bytes.AsSpan((int)h.Offset, (int)h.FileSize));
            brk = Math.Max(brk, end);
            if (h.Offset <= elf.ProgramHeaderOffset && elf.ProgramHeaderOffset < h.Offset + h.FileSize)
                phdrAddr = h.VirtualAddress + bias + (elf.ProgramHeaderOffset - h.Offset);
        }
        foreach (var h in elf.ProgramHeaders)
            if (h.Type == ElfImage.PT_PHDR) phdrAddr = h.VirtualAddress + bias;
        return new LoadedImage(bias, elf.Entry + bias, phdrAddr, elf.ProgramHeaders.Length, brk, execStack);
    }
}
