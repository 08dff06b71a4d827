using System.Buffers.Binary;

namespace FtEmu.Cpu;

/// <summary>The 512-byte FXSAVE image of x87, MXCSR and XMM state (used by FXSAVE/FXRSTOR and signal frames).</summary>
public sealed unsafe partial class Cpu
{
    public const int FxsaveSize = 512;

    public void FxSave(Span<byte> area)
    {
        area[..FxsaveSize].Clear();
        CpuState* s = State;
        BinaryPrimitives.WriteUInt16LittleEndian(area, s->FpuControl);
        BinaryPrimitives.WriteUInt16LittleEndian(area[2..], FpuStatusWord);
        area[4] = AbridgedTag();
        BinaryPrimitives.WriteUInt16LittleEndian(area[6..], s->FpuLastOpcode);
        BinaryPrimitives.WriteUInt64LittleEndian(area[8..], s->FpuLastIp);
        BinaryPrimitives.WriteUInt64LittleEndian(area[16..], s->FpuLastDp);
        BinaryPrimitives.WriteUInt32LittleEndian(area[24..], s->Mxcsr);
        BinaryPrimitives.WriteUInt32LittleEndian(area[28..], 0xFFFF); // MXCSR_MASK: DAZ supported
        for (int i = 0; i < 8; i++)
        {
            int phys = (s->FpuTop + i) & 7; // ST(i)
            BinaryPrimitives.WriteUInt64LittleEndian(area[(32 + 16 * i)..], s->FpuSignificand[phys]);
            BinaryPrimitives.WriteUInt16LittleEndian(area[(40 + 16 * i)..], s->FpuSignExponent[phys]);
        }
        for (int i = 0; i < 32; i++) BinaryPrimitives.WriteUInt64LittleEndian(area[(160 + 8 * i)..], s->Xmm[i]);
    }

    public void FxRestore(ReadOnlySpan<byte> area)
    {
        CpuState* s = State;
        s->FpuControl = BinaryPrimitives.ReadUInt16LittleEndian(area);
        ushort sw = BinaryPrimitives.ReadUInt16LittleEndian(area[2..]);
        s->FpuTop = (sw >> 11) & 7;
        s->FpuStatus = (ushort)(sw & ~(7 << 11));
        s->FpuLastOpcode = BinaryPrimitives.ReadUInt16LittleEndian(area[6..]);
        s->FpuLastIp = BinaryPrimitives.ReadUInt64LittleEndian(area[8..]);
        s->FpuLastDp = BinaryPrimitives.ReadUInt64LittleEndian(area[16..]);
        s->Mxcsr = BinaryPrimitives.ReadUInt32LittleEndian(area[24..]) & 0xFFFF;
        for (int i = 0; i < 8; i++)
        {
            int phys = (s->FpuTop + i) & 7;
            s->FpuSignificand[phys] = BinaryPrimitives.ReadUInt64LittleEndian(area[(32 + 16 * i)..]);
            s->FpuSignExponent[phys] = BinaryPrimitives.ReadUInt16LittleEndian(area[(40 + 16 * i)..]);
        }
        RestoreFullTag(area[4]);
        for (int i = 0; i < 32; i++) s->Xmm[i] = BinaryPrimitives.ReadUInt64LittleEndian(area[(160 + 8 * i)..]);
    }

    /// <summary>
    /// The x87/SSE init state (as after FNINIT, MXCSR 0x1F80, XMM zero): what Linux gives a signal
    /// handler once the interrupted state is saved in the frame.
    /// </summary>
    public void ResetFpuToInit()
    {
        CpuState* s = State;
        for (int i = 0; i < 32; i++) s->Xmm[i] = 0;
        for (int i = 0; i < 8; i++)
        {
            s->FpuSignificand[i] = 0;
            s->FpuSignExponent[i] = 0;
        }
        s->Mxcsr = 0x1F80;
        s->FpuControl = 0x037F;
        s->FpuStatus = 0;
        s->FpuTag = 0xFFFF;
        s->FpuTop = 0;
        s->FpuLastOpcode = 0;
        s->FpuLastIp = 0;
        s->FpuLastDp = 0;
    }

    /// <summary>The status word with TOP merged in.</summary>
    public ushort FpuStatusWord => (ushort)((State->FpuStatus & ~(7 << 11)) | ((State->FpuTop & 7) << 11));

    private byte AbridgedTag()
    {
        int tag = 0;
        for (int i = 0; i < 8; i++)
            if (((State->FpuTag >> (2 * i)) & 3) != 3) tag |= 1 << i;
        return (byte)tag;
    }

    /// <summary>Rebuilds the two-bit tags from the abridged (valid/empty) tag and register contents.</summary>
    private void RestoreFullTag(byte abridged)
    {
        int tag = 0;
        for (int i = 0; i < 8; i++)
        {
            int t;
            if ((abridged & (1 << i)) == 0) t = 3;
            else
            {
                ushort se = State->FpuSignExponent[i];
                ulong m = State->FpuSignificand[i];
                int exp = se & 0x7FFF;
                if (exp == 0x7FFF) t = 2;
                else if (exp == 0) t = m == 0 ? 1 : 2;
                else t = (m >> 63) != 0 ? 0 : 2;
            }
            tag |= t << (2 * i);
        }
        State->FpuTag = (ushort)tag;
    }
}
