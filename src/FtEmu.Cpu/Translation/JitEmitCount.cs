using System.Numerics;
using System.Reflection;
using System.Reflection.Emit;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>
/// Inline IL for TZCNT/LZCNT/POPCNT, CLC/STC/CMC and LEAVE. The flag writers among them are
/// partial writers for the plan (TZCNT/LZCNT keep OF, the carry ops all but CF, POPCNT is
/// treated the same way) and store through the interpreter's SetFlags/SetArithFlags only where
/// the plan says the flags are observed.
/// </summary>
internal sealed unsafe partial class JitEmitter
{
    private static readonly MethodInfo s_countBits = Helper(nameof(CountBits));
    private static readonly MethodInfo s_setCountFlags = Helper(nameof(SetCountFlags));
    private static readonly MethodInfo s_setPopcntFlags = Helper(nameof(SetPopcntFlags));
    private static readonly MethodInfo s_carryFlagOp = Helper(nameof(CarryFlagOp));

    private const ulong CountFlags = RFlags.CF | RFlags.ZF | RFlags.SF | RFlags.AF | RFlags.PF;

    /// <summary>TZCNT/LZCNT/POPCNT r, r/m.</summary>
    private void EmitCount(ref DecodedOp op, ref JitOpPlan p)
    {
        int size = op.Size0;
        var kind = op.Code.Mnemonic();
        var flags = _il.DeclareLocal(typeof(ulong));
        LoadOperand(ref op, op.Kind1, op.Reg1, op.Size1);
        _il.Emit(OpCodes.Ldc_I4, size);
        _il.Emit(OpCodes.Ldc_I4, kind == Mnemonic.Tzcnt ? 0 : kind == Mnemonic.Lzcnt ? 1 : 2);
        _il.Emit(OpCodes.Ldloca, flags);
        _il.Emit(OpCodes.Call, s_countBits);
        _il.Emit(OpCodes.Stloc, _t0);
        StoreGpr(op.Reg0, size, _t0);
        if (!p.StoreFlags) return;
        _il.Emit(OpCodes.Ldarg_1);
        _il.Emit(OpCodes.Ldloc, flags);
        _il.Emit(OpCodes.Call, kind == Mnemonic.Popcnt ? s_setPopcntFlags : s_setCountFlags);
    }

    /// <summary>As Inst.Tzcnt/Lzcnt/Popcnt (kind 0/1/2) of the zero-extended source s: the count and the flag values.</summary>
    private static ulong CountBits(ulong s, int size, int kind, out ulong flags)
    {
        int bits = size * 8;
        int n;
        switch (kind)
        {
            case 0:
                n = s == 0 ? bits : BitOperations.TrailingZeroCount(s);
                flags = (s == 0 ? RFlags.CF : 0) | (n == 0 ? RFlags.ZF : 0);
                break;
            case 1:
                n = s == 0 ? bits : BitOperations.LeadingZeroCount(s) - (64 - bits);
                flags = (s == 0 ? RFlags.CF : 0) | (n == 0 ? RFlags.ZF : 0);
                break;
            default:
                n = BitOperations.PopCount(s);
                flags = s == 0 ? RFlags.ZF : 0;
                break;
        }
        return (ulong)n;
    }

    private static void SetCountFlags(Cpu cpu, ulong flags) => cpu.SetFlags(CountFlags, flags);

    private static void SetPopcntFlags(Cpu cpu, ulong flags) => Inst.SetArithFlags(cpu, flags);

    /// <summary>CLC/STC/CMC: CF only.</summary>
    private void EmitCarryFlagOp(ref DecodedOp op, ref JitOpPlan p)
    {
        if (!p.StoreFlags) return;
        _il.Emit(OpCodes.Ldarg_1);
        _il.Emit(OpCodes.Ldc_I4, op.Code switch { Code.Clc => 0, Code.Stc => 1, _ => 2 });
        _il.Emit(OpCodes.Call, s_carryFlagOp);
    }

    /// <summary>As Inst.Clc/Stc/Cmc (kind 0/1/2).</summary>
    private static void CarryFlagOp(Cpu cpu, int kind) =>
        cpu.SetFlags(RFlags.CF, kind switch { 0 => 0, 1 => RFlags.CF, _ => cpu.CarryFlag ? 0 : RFlags.CF });

    /// <summary>
    /// LEAVE (64-bit): RSP := RBP, then RBP is popped. As in Inst.Leave, RSP is already RBP when
    /// the pop faults, so it goes to the state before the read.
    /// </summary>
    private void EmitLeave()
    {
        LoadGpr(Reg.Rbp, 8);
        _il.Emit(OpCodes.Stloc, _t0);
        StoreGpr(Reg.Rsp, 8, _t0);
        StoreState64(JitLayout.Gpr + 8 * Reg.Rsp, _t0);
        CommitForFault(Reg.Rsp);
        ReadMemory(_t0, 8);
        _il.Emit(OpCodes.Stloc, _t1);
        _il.Emit(OpCodes.Ldloc, _t0);
        _il.Emit(OpCodes.Ldc_I8, 8L);
        _il.Emit(OpCodes.Add);
        _il.Emit(OpCodes.Stloc, _t0);
        StoreGpr(Reg.Rsp, 8, _t0);
        StoreGpr(Reg.Rbp, 8, _t1);
    }
}
