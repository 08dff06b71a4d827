namespace FtEmu.Microbench;

/// <summary>Real x86-64 machine code to decode: the start of the text segment of this process's own executable.</summary>
internal static class HostCode
{
    /// <summary>Up to <paramref name="length"/> bytes from the ELF entry point of /proc/self/exe (the dotnet host).</summary>
    public static byte[] Read(int length)
    {
        byte[] elf = File.ReadAllBytes("/proc/self/exe");
        if (elf.Length < 64 || elf[0] != 0x7F || elf[1] != (byte)'E' || elf[4] != 2 || BitConverter.ToUInt16(elf, 18) != 62)
            throw new NotSupportedException("the decode benchmark needs an x86-64 ELF host executable");
        ulong entry = BitConverter.ToUInt64(elf, 0x18);
        ulong phoff = BitConverter.ToUInt64(elf, 0x20);
        int phentsize = BitConverter.ToUInt16(elf, 0x36), phnum = BitConverter.ToUInt16(elf, 0x38);
        for (int i = 0; i < phnum; i++)
        {
            int h = (int)phoff + i * phentsize;
            bool load = BitConverter.ToUInt32(elf, h) == 1, exec = (BitConverter.ToUInt32(elf, h + 4) & 1) != 0;
            ulong offset = BitConverter.ToUInt64(elf, h + 8), vaddr = BitConverter.ToUInt64(elf, h + 16), filesz = BitConverter.ToUInt64(elf, h + 32);
            if (!load || !exec || entry < vaddr || entry >= vaddr + filesz) continue;
            ulong start = offset + (entry - vaddr);
            int n = (int)Math.Min((ulong)length, offset + filesz - start);
            return elf.AsSpan((int)start, n).ToArray();
        }
        throw new NotSupportedException("no executable segment holds the entry point");
    }
}
