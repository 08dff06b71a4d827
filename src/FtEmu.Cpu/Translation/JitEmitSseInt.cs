using System.Reflection.Emit;
using System.Runtime.Intrinsics;

namespace FtEmu.Cpu;

/// <summary>
/// Inline IL for the SSE integer instructions of <see cref="JitSseIntTable"/>: instead of a handler
/// call (write-back, RIP, a calli and the handler's operand dispatch) a load of the XMM state as a
/// Vector128, a call of a <see cref="JitSseIntOps"/> operation (inlined by .NET) and a store. A
/// memory operand is checked and read into locals before anything is written, so a fault leaves
/// the destination as it was; 16-byte operands are checked for alignment first, as the handlers
/// check them (#GP). GPRs go through the block's register cache. No RFLAGS access.
/// </summary>
internal sealed unsafe partial class JitEmitter
{
    private static readonly Type s_vector = typeof(Vector128<ulong>);
    private static readonly System.Reflection.MethodInfo s_makeVector = typeof(JitSseIntOps).GetMethod(nameof(JitSseIntOps.Make))!;
    private static readonly System.Reflection.MethodInfo s_checkAligned = typeof(JitSseIntOps).GetMethod(nameof(JitSseIntOps.CheckAligned))!;
    private static readonly System.Reflection.MethodInfo s_pmovmskb = typeof(JitSseIntOps).GetMethod(nameof(JitSseIntOps.Pmovmskb))!;

    private void EmitSseInt(ref DecodedOp op)
    {
        var (shape, f) = JitSseIntTable.Get(op.Code);
        int dst = XmmOffset(op.Reg0, 0);
        switch (shape)
        {
            case SseIntShape.Binary:
                ReadSseSource128(ref op);
                PushXmm(op.Reg0);
                PushSseSource128(ref op);
                _il.Emit(OpCodes.Call, f!);
                StoreXmm(op.Reg0);
                return;
            case SseIntShape.ShiftByXmm:
                ReadSseSource128(ref op);
                PushXmm(op.Reg0);
                if (op.Kind1 == OperandKind.Memory) _il.Emit(OpCodes.Ldloc, _t0);
                else LoadState64(XmmOffset(op.Reg1, 0));
                _il.Emit(OpCodes.Call, f!);
                StoreXmm(op.Reg0);
                return;
            case SseIntShape.ShiftImm:
                PushXmm(op.Reg0);
                _il.Emit(OpCodes.Ldc_I8, (long)(byte)op.Imm);
                _il.Emit(OpCodes.Call, f!);
                StoreXmm(op.Reg0);
                return;
            case SseIntShape.Unary:
                ReadSseSource128(ref op);
                PushSseSource128(ref op);
                _il.Emit(OpCodes.Call, f!);
                StoreXmm(op.Reg0);
                return;
            case SseIntShape.ShuffleImm:
                ReadSseSource128(ref op);
                PushSseSource128(ref op);
                _il.Emit(OpCodes.Ldc_I4, (int)(byte)op.Imm);
                _il.Emit(OpCodes.Call, f!);
                StoreXmm(op.Reg0);
                return;
            case SseIntShape.AlignImm:
                ReadSseSource128(ref op);
                PushXmm(op.Reg0);
                PushSseSource128(ref op);
                _il.Emit(OpCodes.Ldc_I4, (int)(byte)op.Imm);
                _il.Emit(OpCodes.Call, f!);
                StoreXmm(op.Reg0);
                return;
            case SseIntShape.MovdMovq: EmitMovdMovq(ref op); return;
            case SseIntShape.Pmovmskb:
                PushXmm(op.Reg1);
                _il.Emit(OpCodes.Call, s_pmovmskb);
                _il.Emit(OpCodes.Stloc, _t0);
                StoreGpr(op.Reg0, op.Size0, _t0);
                ReadXmmStateOnly();
                return;
            case SseIntShape.MovLow or SseIntShape.MovHigh:
            {
                int half = shape == SseIntShape.MovHigh ? 1 : 0;
                if (op.Kind0 == OperandKind.Memory)
                {
                    LoadState64(XmmOffset(op.Reg1, half));
                    _il.Emit(OpCodes.Stloc, _t0);
                    WriteMemory(_ea, 8, _t0);
                    ReadXmmStateOnly();
                }
                else
                {
                    ReadMemory(_ea, 8);
                    _il.Emit(OpCodes.Stloc, _t0);
                    StoreState64(XmmOffset(op.Reg0, half), _t0);
                    WroteXmmState(op.Reg0);
                }
                return;
            }
            case SseIntShape.Movhlps: CopyState64(XmmOffset(op.Reg0, 0), XmmOffset(op.Reg1, 1)); WroteXmmState(op.Reg0); return;
            case SseIntShape.Movlhps: CopyState64(XmmOffset(op.Reg0, 1), XmmOffset(op.Reg1, 0)); WroteXmmState(op.Reg0); return;
            case SseIntShape.Pextrw: EmitExtract(ref op, 2, (int)op.Imm & 7, gprSize: op.Size0); ReadXmmStateOnly(); return;
            case SseIntShape.Pextr:
            {
                int size = JitSseIntTable.ElementSize(op.Code);
                EmitExtract(ref op, size, (int)op.Imm & (16 / size - 1), gprSize: op.Size0 < 4 ? 4 : op.Size0);
                ReadXmmStateOnly();
                return;
            }
            case SseIntShape.Pinsrw:
                // The handler reads a 32-bit register (its low word) or a word of memory.
                if (op.Kind1 == OperandKind.Gpr) LoadGpr(op.Reg1, 4);
                else ReadMemory(_ea, 2);
                EmitInsert(ref op, 2, (int)op.Imm & 7);
                WroteXmmState(op.Reg0);
                return;
            case SseIntShape.Pinsr:
            {
                int size = JitSseIntTable.ElementSize(op.Code);
                if (op.Kind1 == OperandKind.Gpr) LoadGpr(op.Reg1, 8);
                else ReadMemory(_ea, size);
                EmitInsert(ref op, size, (int)op.Imm & (16 / size - 1));
                WroteXmmState(op.Reg0);
                return;
            }
            default: throw new InvalidOperationException($"SSE integer shape {shape}");
        }
    }

    /// <summary>
    /// A memory source into _t0/_t1 before anything is written, as <see cref="Inst.ReadXmmSource"/>
    /// reads it: 16 bytes after the alignment check, a narrower operand (PMOVZX m64, ...) unaligned
    /// and zero-extended. Registers: nothing.
    /// </summary>
    private void ReadSseSource128(ref DecodedOp op)
    {
        if (op.Kind1 != OperandKind.Memory) return;
        if (op.Size1 != 16)
        {
            ReadMemory(_ea, op.Size1);
            _il.Emit(OpCodes.Stloc, _t0);
            _il.Emit(OpCodes.Ldc_I8, 0L);
            _il.Emit(OpCodes.Stloc, _t1);
            return;
        }
        EmitAlignmentCheck(_ea);
        ReadMemory128(_ea);
    }

    /// <summary>Pushes operand 1 as a vector: the XMM register, or the memory value <see cref="ReadSseSource128"/> read.</summary>
    private void PushSseSource128(ref DecodedOp op)
    {
        if (op.Kind1 != OperandKind.Memory)
        {
            PushXmm(op.Reg1);
            return;
        }
        PushReadVector();
    }

    /// <summary>Pushes the 16 bytes <see cref="ReadMemory128"/> read into _t0/_t1 as a Vector128&lt;ulong&gt;.</summary>
    private void PushReadVector()
    {
        _il.Emit(OpCodes.Ldloc, _t0);
        _il.Emit(OpCodes.Ldloc, _t1);
        _il.Emit(OpCodes.Call, s_makeVector);
    }

    /// <summary>MOVD/MOVQ as <see cref="Inst.MovdMovq"/>: a load into an XMM register zeroes the rest of it; a store takes its low quadword.</summary>
    private void EmitMovdMovq(ref DecodedOp op)
    {
        if (op.Kind0 == OperandKind.Xmm)
        {
            switch (op.Kind1)
            {
                case OperandKind.Xmm: LoadState64(XmmOffset(op.Reg1, 0)); break;
                case OperandKind.Gpr: LoadGpr(op.Reg1, op.Size1); break; // zero-extended from 32 bits for MOVD
                default: ReadMemory(_ea, op.Size1); break;
            }
            _il.Emit(OpCodes.Stloc, _t0);
            StoreState64(XmmOffset(op.Reg0, 0), _t0);
            StoreState64(XmmOffset(op.Reg0, 1), 0UL);
            WroteXmmState(op.Reg0);
            return;
        }
        LoadState64(XmmOffset(op.Reg1, 0));
        _il.Emit(OpCodes.Stloc, _t0);
        if (op.Kind0 == OperandKind.Gpr) StoreGpr(op.Reg0, op.Size0, _t0);
        else WriteMemory(_ea, op.Size0, _t0);
        ReadXmmStateOnly();
    }

    /// <summary>PEXTRW/PEXTRB/D/Q: element <paramref name="index"/> of operand 1, zero-extended into a GPR of <paramref name="gprSize"/> bytes, or stored.</summary>
    private void EmitExtract(ref DecodedOp op, int size, int index, int gprSize)
    {
        StateAddress(XmmOffset(op.Reg1, 0) + size * index);
        switch (size)
        {
            case 1: _il.Emit(OpCodes.Ldind_U1); break;
            case 2: _il.Emit(OpCodes.Ldind_U2); break;
            case 4: _il.Emit(OpCodes.Ldind_U4); break;
            default: _il.Emit(OpCodes.Ldind_I8); break;
        }
        if (size != 8) _il.Emit(OpCodes.Conv_U8);
        _il.Emit(OpCodes.Stloc, _t0);
        if (op.Kind0 == OperandKind.Gpr) StoreGpr(op.Reg0, gprSize, _t0);
        else WriteMemory(_ea, size, _t0);
    }

    /// <summary>PINSRW/PINSRB/D/Q: the value on the stack (already read: a fault changes nothing) into element <paramref name="index"/> of operand 0.</summary>
    private void EmitInsert(ref DecodedOp op, int size, int index)
    {
        _il.Emit(OpCodes.Stloc, _t0);
        StateAddress(XmmOffset(op.Reg0, 0) + size * index);
        _il.Emit(OpCodes.Ldloc, _t0);
        switch (size)
        {
            case 1: _il.Emit(OpCodes.Conv_U1); _il.Emit(OpCodes.Stind_I1); break;
            case 2: _il.Emit(OpCodes.Conv_U2); _il.Emit(OpCodes.Stind_I2); break;
            case 4: _il.Emit(OpCodes.Conv_U4); _il.Emit(OpCodes.Stind_I4); break;
            default: _il.Emit(OpCodes.Stind_I8); break;
        }
    }
}
