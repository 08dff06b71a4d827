using System.Reflection.Emit;

namespace FtEmu.Cpu;

/// <summary>Inline IL for BSWAP of a 32 or 64-bit register (the undefined 16-bit form stays with the handler).</summary>
internal sealed unsafe partial class JitEmitter
{
    private void EmitBswap(ref DecodedOp op)
    {
        int size = op.Size0;
        LoadGpr(op.Reg0, size);
        if (size == 4)
        {
            _il.Emit(OpCodes.Conv_U4);
            _il.Emit(OpCodes.Call, JitLayout.ReverseEndianness32);
            _il.Emit(OpCodes.Conv_U8);
        }
        else _il.Emit(OpCodes.Call, JitLayout.ReverseEndianness64);
        _il.Emit(OpCodes.Stloc, _t2);
        StoreGpr(op.Reg0, size, _t2);
    }
}
