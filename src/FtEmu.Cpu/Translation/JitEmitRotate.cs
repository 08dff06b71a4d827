using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace FtEmu.Cpu;

/// <summary>
/// Inline IL for ROL/ROR by CL, RCL/RCR (by an immediate or CL) and SHLD/SHRD (by an immediate
/// or CL). The count is known only at run time (or is an immediate that may be 0), so all three
/// are partial flag writers for the plan; RCL/RCR also read CF from the state, like ADC/SBB.
/// The arithmetic follows Inst.Rol/Ror/Rcl/Rcr/Shld/Shrd case by case; the flags go to the state
/// through the interpreter's SetFlags/SetArithFlags, only for a nonzero masked count and only
/// where the plan says they are observed.
/// </summary>
internal sealed unsafe partial class JitEmitter
{
    private static readonly MethodInfo s_rotateCarry = Helper(nameof(RotateCarry));
    private static readonly MethodInfo s_doubleShift = Helper(nameof(DoubleShift));
    private static readonly MethodInfo s_setCarryOverflowIfCount = Helper(nameof(SetCarryOverflowIfCount));
    private static readonly MethodInfo s_setArithFlagsIfCount = Helper(nameof(SetArithFlagsIfCount));

    /// <summary>Stores the masked count (an immediate, or CL) of a shift of <paramref name="size"/> bytes to _t1.</summary>
    private void LoadShiftCount(ref DecodedOp op, OperandKind kind, int size)
    {
        int mask = size == 8 ? 0x3F : 0x1F;
        if (kind == OperandKind.Immediate) _il.Emit(OpCodes.Ldc_I8, (long)((int)op.Imm & mask));
        else
        {
            LoadGpr(Reg.Rcx, 1);
            _il.Emit(OpCodes.Ldc_I8, (long)mask);
            _il.Emit(OpCodes.And);
        }
        _il.Emit(OpCodes.Stloc, _t1);
    }

    /// <summary>ROL/ROR r/m, CL.</summary>
    private void EmitRotateCl(ref DecodedOp op, ref JitOpPlan p)
    {
        int size = op.Size0, bits = size * 8;
        LoadShiftCount(ref op, op.Kind1, size);
        LoadOperand0(ref op);
        BeginRotateLeft(size);
        // k = n mod width (ROL) or (width - n mod width) mod width (ROR)
        if (p.Alu == JitAlu.Rol)
        {
            _il.Emit(OpCodes.Ldloc, _t1);
            _il.Emit(OpCodes.Ldc_I8, (long)(bits - 1));
            _il.Emit(OpCodes.And);
        }
        else
        {
            _il.Emit(OpCodes.Ldc_I8, (long)bits);
            _il.Emit(OpCodes.Ldloc, _t1);
            _il.Emit(OpCodes.Ldc_I8, (long)(bits - 1));
            _il.Emit(OpCodes.And);
            _il.Emit(OpCodes.Sub);
            _il.Emit(OpCodes.Ldc_I8, (long)(bits - 1));
            _il.Emit(OpCodes.And);
        }
        _il.Emit(OpCodes.Conv_I4);
        EndRotateLeft(size);
        _il.Emit(OpCodes.Stloc, _t2);
        StoreOperand0(ref op, _t2);
        if (!p.StoreFlags) return;
        var keep = _il.DefineLabel();
        _il.Emit(OpCodes.Ldloc, _t1);
        _il.Emit(OpCodes.Brfalse, keep);
        _il.Emit(OpCodes.Ldarg_1);
        _il.Emit(OpCodes.Ldloc, _t2);
        _il.Emit(OpCodes.Ldc_I4, size);
        _il.Emit(OpCodes.Call, p.Alu == JitAlu.Rol ? JitLayout.SetRolFlags : JitLayout.SetRorFlags);
        _il.MarkLabel(keep);
    }

    /// <summary>RCL/RCR r/m, imm or CL.</summary>
    private void EmitRotateCarry(ref DecodedOp op, ref JitOpPlan p)
    {
        int size = op.Size0;
        var flags = _il.DeclareLocal(typeof(ulong));
        LoadShiftCount(ref op, op.Kind1, size);
        LoadOperand0(ref op);
        _il.Emit(OpCodes.Stloc, _t0);
        _il.Emit(OpCodes.Ldarg_1);
        _il.Emit(OpCodes.Ldloc, _t0);
        _il.Emit(OpCodes.Ldloc, _t1);
        _il.Emit(OpCodes.Conv_I4);
        _il.Emit(OpCodes.Ldc_I4, size);
        _il.Emit(p.Alu == JitAlu.Rcl ? OpCodes.Ldc_I4_1 : OpCodes.Ldc_I4_0);
        _il.Emit(OpCodes.Ldloca, flags);
        _il.Emit(OpCodes.Call, s_rotateCarry);
        _il.Emit(OpCodes.Stloc, _t2);
        StoreOperand0(ref op, _t2);
        if (!p.StoreFlags) return;
        _il.Emit(OpCodes.Ldarg_1);
        _il.Emit(OpCodes.Ldloc, _t1);
        _il.Emit(OpCodes.Ldloc, flags);
        _il.Emit(OpCodes.Call, s_setCarryOverflowIfCount);
    }

    /// <summary>SHLD/SHRD r/m, r, imm or CL.</summary>
    private void EmitDoubleShift(ref DecodedOp op, ref JitOpPlan p)
    {
        int size = op.Size0;
        var flags = _il.DeclareLocal(typeof(ulong));
        LoadShiftCount(ref op, op.Kind2, size);
        LoadOperand0(ref op);
        _il.Emit(OpCodes.Stloc, _t0);
        _il.Emit(OpCodes.Ldloc, _t0);
        LoadGpr(op.Reg1, size);
        _il.Emit(OpCodes.Ldloc, _t1);
        _il.Emit(OpCodes.Conv_I4);
        _il.Emit(OpCodes.Ldc_I4, size);
        _il.Emit(p.Alu == JitAlu.Shl ? OpCodes.Ldc_I4_1 : OpCodes.Ldc_I4_0);
        _il.Emit(OpCodes.Ldloca, flags);
        _il.Emit(OpCodes.Call, s_doubleShift);
        _il.Emit(OpCodes.Stloc, _t2);
        StoreOperand0(ref op, _t2);
        if (!p.StoreFlags) return;
        _il.Emit(OpCodes.Ldarg_1);
        _il.Emit(OpCodes.Ldloc, _t1);
        _il.Emit(OpCodes.Ldloc, flags);
        _il.Emit(OpCodes.Call, s_setArithFlagsIfCount);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong TopBit(ulong v, int size) => (v >> (size * 8 - 1)) & 1;

    /// <summary>
    /// As Inst.Rcl/Rcr for a masked count n of the zero-extended operand a: the result, and in
    /// <paramref name="flags"/> the CF and OF to set when n is not 0. CF is read from the state.
    /// </summary>
    private static ulong RotateCarry(Cpu cpu, ulong a, int n, int size, bool left, out ulong flags)
    {
        int bits = size * 8;
        int k = size switch { 1 => n % 9, 2 => n % 17, _ => n };
        ulong cf = cpu.CarryFlag ? 1UL : 0;
        ulong r = a;
        if (k != 0)
        {
            // CF:dest (width+1 bits) rotated left by k (RCL) or width+1-k (RCR).
            int w = bits + 1;
            int by = left ? k : w - k;
            UInt128 mask = (UInt128.One << w) - 1;
            UInt128 v = ((UInt128)cf << (w - 1)) | (a & Cpu.SizeMask(size));
            v = ((v << by) | (v >> (w - by))) & mask;
            cf = (ulong)(v >> (w - 1)) & 1;
            r = (ulong)v & Cpu.SizeMask(size);
        }
        ulong of = left ? TopBit(r, size) ^ cf : TopBit(r, size) ^ ((r >> (bits - 2)) & 1);
        flags = cf | (of != 0 ? RFlags.OF : 0);
        return r;
    }

    private static void SetCarryOverflowIfCount(Cpu cpu, ulong n, ulong flags)
    {
        if (n != 0) cpu.SetFlags(RFlags.CF | RFlags.OF, flags);
    }

    /// <summary>
    /// As Inst.Shld/Shrd for a masked count n: the result (the operand itself for n = 0), and in
    /// <paramref name="flags"/> the six flags to set when n is not 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong DoubleShift(ulong a, ulong b, int n, int size, bool left, out ulong flags)
    {
        int bits = size * 8;
        ulong m = Cpu.SizeMask(size);
        a &= m;
        flags = 0;
        if (n == 0) return a;
        ulong r, cf, of;
        if (left)
        {
            if (n > bits)
            {
                // Only 16-bit operands get here (undefined): the host shifts dest:src:src and clears CF and OF.
                r = (((a << 32) | (b << 16) | b) << n) >> 32;
                cf = 0;
                of = 0;
            }
            else
            {
                r = n == bits ? b : (a << n) | (b >> (bits - n));
                cf = (a >> (bits - n)) & 1;
                of = n == bits ? cf : TopBit(r, size) ^ cf;
            }
            r &= m;
        }
        else
        {
            if (n > bits)
            {
                r = ((b << 32) | (b << 16) | a) >> n;
                cf = 0;
            }
            else
            {
                r = n == bits ? b : (a >> n) | (b << (bits - n));
                cf = (a >> (n - 1)) & 1;
            }
            r &= m;
            of = TopBit(r, size) ^ ((r >> (bits - 2)) & 1);
        }
        flags = Cpu.ResultFlags(r, size) | cf | RFlags.AF | (of != 0 ? RFlags.OF : 0);
        return r;
    }

    private static void SetArithFlagsIfCount(Cpu cpu, ulong n, ulong flags)
    {
        if (n != 0) Inst.SetArithFlags(cpu, flags);
    }
}
