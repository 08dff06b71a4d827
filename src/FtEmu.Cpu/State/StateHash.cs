using System.Buffers.Binary;
using System.Security.Cryptography;

namespace FtEmu.Cpu;

/// <summary>
/// A SHA-256 digest of everything the guest can observe: registers, flags (materialised, so lazy
/// and eager flag states hash alike), vector and x87 state, the retired-instruction count, every
/// mapped page with its protection and contents (an untouched page hashes as zeros), and OS state
/// supplied by the caller. Fields are fed in a fixed little-endian order, so the digest is the same
/// on every host.
/// </summary>
public static unsafe class StateHash
{
    public static byte[] Compute(Cpu cpu, ReadOnlySpan<byte> osState)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buf = new byte[8];
        void U64(ulong v)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(buf, v);
            h.AppendData(buf);
        }

        CpuState* s = cpu.State;
        for (int i = 0; i < 16; i++) U64(s->Gpr[i]);
        U64(s->Rip);
        U64(cpu.Rflags);
        U64(s->FsBase);
        U64(s->GsBase);
        for (int i = 0; i < 32; i++) U64(s->Xmm[i]);
        U64(s->Mxcsr);
        for (int i = 0; i < 8; i++)
        {
            U64(s->FpuSignificand[i]);
            U64(s->FpuSignExponent[i]);
        }
        U64(s->FpuControl);
        U64(s->FpuStatus);
        U64(s->FpuTag);
        U64((ulong)s->FpuTop);
        U64(s->InstructionCount);

        var zero = new byte[GuestMemory.PageSize];
        foreach (var (vpn, prot, data) in cpu.Memory.EnumeratePages())
        {
            U64(vpn);
            U64((ulong)prot);
            h.AppendData(data != 0 ? new ReadOnlySpan<byte>((void*)data, (int)GuestMemory.PageSize) : zero);
        }
        h.AppendData(osState);
        return h.GetHashAndReset();
    }
}
