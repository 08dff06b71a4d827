using System.Numerics;
using System.Reflection;
using System.Reflection.Emit;

namespace FtEmu.Cpu;

/// <summary>Inline IL for BT, BTS, BTR and BTC (Alu Test/Or/And/Xor: test, set, reset, complement).</summary>
internal sealed unsafe partial class JitEmitter
{
    private static readonly MethodInfo s_setCarryOnly =
        typeof(JitEmitter).GetMethod(nameof(SetCarryOnly), BindingFlags.Static | BindingFlags.NonPublic)!;

    /// <summary>CF := cf, every other flag kept: exactly the interpreter's <c>SetFlags(CF, cf)</c>.</summary>
    private static void SetCarryOnly(Cpu cpu, ulong cf) => cpu.SetFlags(RFlags.CF, cf);

    /// <summary>
    /// As Inst.BitOp: an immediate offset (and any offset into a register) is taken modulo the
    /// operand width; a register offset into memory is signed and moves the address by whole
    /// operand-sized words (the 67h prefix truncates the whole address to 32 bits). Only CF
    /// changes: a partial writer for the plan, stored through the interpreter's SetFlags.
    /// </summary>
    private void EmitBit(ref DecodedOp op, ref JitOpPlan p)
    {
        int size = op.Size0;
        int bits = size * 8;
        // _t1 := bit index (0..bits-1)
        if (op.Kind0 == OperandKind.Memory && op.Kind1 == OperandKind.Gpr)
        {
            LoadGpr(op.Reg1, size);
            SignExtend(size);
            _il.Emit(OpCodes.Stloc, _t1);
            _il.Emit(OpCodes.Ldloc, _ea);
            _il.Emit(OpCodes.Ldloc, _t1);
            _il.Emit(OpCodes.Ldc_I4, BitOperations.Log2((uint)bits));
            _il.Emit(OpCodes.Shr);
            _il.Emit(OpCodes.Ldc_I8, (long)size);
            _il.Emit(OpCodes.Mul);
            _il.Emit(OpCodes.Add);
            if ((op.Prefix & OpPrefix.Address32) != 0)
            {
                _il.Emit(OpCodes.Conv_U4);
                _il.Emit(OpCodes.Conv_U8);
            }
            _il.Emit(OpCodes.Stloc, _ea);
            _il.Emit(OpCodes.Ldloc, _t1);
            _il.Emit(OpCodes.Ldc_I8, (long)(bits - 1));
            _il.Emit(OpCodes.And);
            _il.Emit(OpCodes.Stloc, _t1);
        }
        else if (op.Kind1 == OperandKind.Immediate)
        {
            _il.Emit(OpCodes.Ldc_I8, (long)(op.Imm & (ulong)(bits - 1)));
            _il.Emit(OpCodes.Stloc, _t1);
        }
        else
        {
            LoadGpr(op.Reg1, size);
            _il.Emit(OpCodes.Ldc_I8, (long)(bits - 1));
            _il.Emit(OpCodes.And);
            _il.Emit(OpCodes.Stloc, _t1);
        }
        LoadOperand0(ref op);
        _il.Emit(OpCodes.Stloc, _t0);
        if (p.Alu != JitAlu.Test)
        {
            _il.Emit(OpCodes.Ldloc, _t0);
            _il.Emit(OpCodes.Ldc_I8, 1L);
            _il.Emit(OpCodes.Ldloc, _t1);
            _il.Emit(OpCodes.Conv_I4);
            _il.Emit(OpCodes.Shl);
            switch (p.Alu)
            {
                case JitAlu.Or: _il.Emit(OpCodes.Or); break;
                case JitAlu.Xor: _il.Emit(OpCodes.Xor); break;
                default:
                    _il.Emit(OpCodes.Not);
                    _il.Emit(OpCodes.And);
                    break;
            }
            _il.Emit(OpCodes.Stloc, _t2);
            StoreOperand0(ref op, _t2);
        }
        if (!p.StoreFlags) return;
        _il.Emit(OpCodes.Ldarg_1);
        _il.Emit(OpCodes.Ldloc, _t0);
        _il.Emit(OpCodes.Ldloc, _t1);
        _il.Emit(OpCodes.Conv_I4);
        _il.Emit(OpCodes.Shr_Un);
        _il.Emit(OpCodes.Ldc_I8, 1L);
        _il.Emit(OpCodes.And);
        _il.Emit(OpCodes.Call, s_setCarryOnly);
    }

    /// <summary>CBW/CWDE/CDQE (sign-extend the accumulator) and CWD/CDQ/CQO (its sign into RDX).</summary>
    private void EmitSignExtendAccumulator(ref DecodedOp op)
    {
        switch (op.Code)
        {
            case Iced.Intel.Code.Cbw: SignExtendInto(Reg.Rax, 1, 2); break;
            case Iced.Intel.Code.Cwde: SignExtendInto(Reg.Rax, 2, 4); break;
            case Iced.Intel.Code.Cdqe: SignExtendInto(Reg.Rax, 4, 8); break;
            case Iced.Intel.Code.Cwd: SignInto(2); break;
            case Iced.Intel.Code.Cdq: SignInto(4); break;
            default: SignInto(8); break;
        }
    }

    /// <summary>dst(size to) := sign-extended RAX(size from).</summary>
    private void SignExtendInto(int dst, int from, int to)
    {
        LoadGpr(Reg.Rax, from);
        SignExtend(from);
        _il.Emit(OpCodes.Stloc, _t0);
        StoreGpr(dst, to, _t0);
    }

    /// <summary>RDX(size) := all ones if RAX(size) is negative, else zero.</summary>
    private void SignInto(int size)
    {
        LoadGpr(Reg.Rax, size);
        SignExtend(size);
        _il.Emit(OpCodes.Ldc_I4, 63);
        _il.Emit(OpCodes.Shr);
        _il.Emit(OpCodes.Stloc, _t0);
        StoreGpr(Reg.Rdx, size, _t0);
    }

    /// <summary>XCHG: memory is written first, so a fault leaves the register unchanged (as the handler does).</summary>
    private void EmitXchg(ref DecodedOp op)
    {
        LoadOperand0(ref op);
        _il.Emit(OpCodes.Stloc, _t0);
        LoadGpr(op.Reg1, op.Size1);
        _il.Emit(OpCodes.Stloc, _t1);
        StoreOperand0(ref op, _t1);
        StoreGpr(op.Reg1, op.Size1, _t0);
    }
}
