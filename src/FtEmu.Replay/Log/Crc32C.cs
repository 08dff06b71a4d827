using System.Buffers.Binary;
using System.Numerics;

namespace FtEmu.Replay;

/// <summary>CRC-32C (Castagnoli) over a span, eight bytes at a time with the built-in (hardware-accelerated where available) step.</summary>
public static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> data, uint crc = 0)
    {
        crc = ~crc;
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }
        foreach (byte b in data) crc = BitOperations.Crc32C(crc, b);
        return ~crc;
    }
}
