using System.Reflection.Emit;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>Inline IL for the hot SSE moves: full-register copies and loads/stores (MOVAPS/MOVUPS/MOVDQA/MOVNTDQ/...) and MOVSD.</summary>
internal sealed unsafe partial class JitEmitter
{
    private static int XmmOffset(int reg, int half) => JitLayout.Xmm + 16 * reg + 8 * half;

    private void CopyState64(int to, int from)
    {
        StateAddress(to);
        LoadState64(from);
        _il.Emit(OpCodes.Stind_I8);
    }

    private void EmitXmmMove(ref DecodedOp op)
    {
        if (op.Kind0 == OperandKind.Xmm && op.Kind1 == OperandKind.Xmm)
        {
            PushXmm(op.Reg1);
            StoreXmm(op.Reg0);
            return;
        }
        // The aligned forms (Inst.MovAligned): #GP before the access when the address is not 16-aligned.
        if (op.Code.Mnemonic() is Mnemonic.Movaps or Mnemonic.Movapd or Mnemonic.Movdqa
            or Mnemonic.Movntps or Mnemonic.Movntpd or Mnemonic.Movntdq)
            EmitAlignmentCheck(_ea);
        if (op.Kind0 == OperandKind.Xmm)
        {
            // Into locals first: a fault leaves the register as it was.
            ReadMemory128(_ea);
            PushReadVector();
            StoreXmm(op.Reg0);
            return;
        }
        LoadState64(XmmOffset(op.Reg1, 0));
        _il.Emit(OpCodes.Stloc, _t0);
        LoadState64(XmmOffset(op.Reg1, 1));
        _il.Emit(OpCodes.Stloc, _t1);
        WriteMemory128(_ea, _t0, _t1);
        ReadXmmStateOnly();
    }

    private void EmitMovsd(ref DecodedOp op)
    {
        if (op.Kind0 == OperandKind.Memory)
        {
            LoadState64(XmmOffset(op.Reg1, 0));
            _il.Emit(OpCodes.Stloc, _t0);
            WriteMemory(_ea, 8, _t0);
            ReadXmmStateOnly();
            return;
        }
        if (op.Kind1 == OperandKind.Xmm)
        {
            CopyState64(XmmOffset(op.Reg0, 0), XmmOffset(op.Reg1, 0));
            WroteXmmState(op.Reg0);
            return;
        }
        // From memory: the low quadword is loaded and the high one cleared.
        ReadMemory(_ea, 8);
        _il.Emit(OpCodes.Stloc, _t0);
        StoreState64(XmmOffset(op.Reg0, 0), _t0);
        StoreState64(XmmOffset(op.Reg0, 1), 0UL);
        WroteXmmState(op.Reg0);
    }
}
