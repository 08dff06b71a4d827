namespace FtEmu.DiffTest;

/// <summary>
/// The fixed guest address space both sides set up for every case: one code page and a small
/// data region that also holds the stack. The native harness (native/harness.c) uses the same values.
/// </summary>
public static class Layout
{
    public const ulong CodeBase = 0x10000000;
    public const int CodeSize = 0x1000;
    public const ulong DataBase = 0x20000000;
    public const int DataSize = 0x2000;
    /// <summary>Initial RSP is near here, so pushes and pops stay inside the data region.</summary>
    public const ulong StackTop = DataBase + 0x1000;
    public const int MaxInstructionLength = 15;
    public const byte Int3 = 0xCC;

    public static bool InData(ulong a, int size) => a >= DataBase && a + (ulong)size <= DataBase + DataSize;

    public static bool InCode(ulong a) => a >= CodeBase && a < CodeBase + CodeSize;

    /// <summary>
    /// The data region's initial contents before a case's patches: xorshift64* from the case's seed,
    /// so a case need not carry 8 KiB. native/harness.c has the same function.
    /// </summary>
    public static void FillData(ulong seed, Span<byte> data)
    {
        ulong x = seed | 1;
        for (int i = 0; i + 8 <= data.Length; i += 8)
        {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(data[i..], x * 0x2545F4914F6CDD1DUL);
        }
    }
}
