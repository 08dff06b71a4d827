using System.Reflection;
using System.Runtime.InteropServices;

namespace FtEmu.Cpu;

/// <summary>Field offsets of <see cref="CpuState"/> and the members generated code calls, looked up once.</summary>
internal static unsafe class JitLayout
{
    public static readonly int Gpr = Offset(nameof(CpuState.Gpr));
    public static readonly int Rip = Offset(nameof(CpuState.Rip));
    public static readonly int FsBase = Offset(nameof(CpuState.FsBase));
    public static readonly int GsBase = Offset(nameof(CpuState.GsBase));
    public static readonly int FlagsBase = Offset(nameof(CpuState.FlagsBase));
    public static readonly int LazyA = Offset(nameof(CpuState.LazyA));
    public static readonly int LazyB = Offset(nameof(CpuState.LazyB));
    public static readonly int LazyResult = Offset(nameof(CpuState.LazyResult));
    public static readonly int LazyOp = Offset(nameof(CpuState.LazyOp));
    public static readonly int InstructionCount = Offset(nameof(CpuState.InstructionCount));

    public static readonly int Xmm = Offset(nameof(CpuState.Xmm));
    public static readonly int Mxcsr = Offset(nameof(CpuState.Mxcsr));

    public static readonly FieldInfo StateField = typeof(Cpu).GetField(nameof(Cpu.State))!;
    public static readonly FieldInfo StopRequested = typeof(Cpu).GetField(nameof(Cpu.StopRequested))!;
    public static readonly FieldInfo StopAt = typeof(Cpu).GetField(nameof(Cpu.JitStopAt), BindingFlags.Instance | BindingFlags.NonPublic)!;
    public static readonly FieldInfo YieldRequested = typeof(Cpu).GetField("_yieldRequested", BindingFlags.Instance | BindingFlags.NonPublic)!;
    public static readonly FieldInfo OpIndex = typeof(Cpu).GetField(nameof(Cpu.JitOpIndex), BindingFlags.Instance | BindingFlags.NonPublic)!;
    public static readonly MethodInfo Memory = typeof(Cpu).GetProperty(nameof(Cpu.Memory))!.GetMethod!;
    public static readonly MethodInfo Condition = typeof(Cpu).GetMethod(nameof(Cpu.Condition))!;
    public static readonly MethodInfo MaterializeCarry = typeof(Cpu).GetMethod(nameof(Cpu.MaterializeCarry), BindingFlags.Instance | BindingFlags.NonPublic)!;
    public static readonly MethodInfo ReplaceStatusFlags = typeof(Cpu).GetMethod(nameof(Cpu.ReplaceStatusFlags), BindingFlags.Static | BindingFlags.NonPublic)!;
    public static readonly MethodInfo SetMulFlags = InstMethod(nameof(Inst.SetMulFlags));
    public static readonly MethodInfo RotateLeft = InstMethod(nameof(Inst.RotateLeft));
    public static readonly MethodInfo RotateLeft32 = typeof(System.Numerics.BitOperations).GetMethod(nameof(System.Numerics.BitOperations.RotateLeft), new[] { typeof(uint), typeof(int) })!;
    public static readonly MethodInfo RotateLeft64 = typeof(System.Numerics.BitOperations).GetMethod(nameof(System.Numerics.BitOperations.RotateLeft), new[] { typeof(ulong), typeof(int) })!;
    public static readonly MethodInfo SetRolFlags = InstMethod(nameof(Inst.SetRolFlags));
    public static readonly MethodInfo SetRorFlags = InstMethod(nameof(Inst.SetRorFlags));
    public static readonly MethodInfo SetAdcFlags = InstMethod(nameof(Inst.SetAdcFlags));
    public static readonly MethodInfo SetSbbFlags = InstMethod(nameof(Inst.SetSbbFlags));
    public static readonly MethodInfo CarryFlag = typeof(Cpu).GetProperty(nameof(Cpu.CarryFlag))!.GetMethod!;
    public static readonly MethodInfo ReverseEndianness32 = typeof(System.Buffers.Binary.BinaryPrimitives).GetMethod("ReverseEndianness", new[] { typeof(uint) })!;
    public static readonly MethodInfo ReverseEndianness64 = typeof(System.Buffers.Binary.BinaryPrimitives).GetMethod("ReverseEndianness", new[] { typeof(ulong) })!;
    public static readonly MethodInfo SetBitScanFlags = InstMethod(nameof(Inst.SetBitScanFlags));
    public static readonly MethodInfo TrailingZeroCount = typeof(System.Numerics.BitOperations).GetMethod(nameof(System.Numerics.BitOperations.TrailingZeroCount), new[] { typeof(ulong) })!;
    public static readonly MethodInfo LeadingZeroCount = typeof(System.Numerics.BitOperations).GetMethod(nameof(System.Numerics.BitOperations.LeadingZeroCount), new[] { typeof(ulong) })!;
    public static readonly MethodInfo CheckBranchTarget = InstMethod(nameof(Inst.CheckTarget));
    public static readonly MethodInfo Read128 = MemoryMethod(nameof(GuestMemory.Read128));
    public static readonly MethodInfo Write128 = MemoryMethod(nameof(GuestMemory.Write128));
    public static readonly MethodInfo BigMul = typeof(Math).GetMethod(nameof(Math.BigMul), new[] { typeof(long), typeof(long), typeof(long).MakeByRefType() })!;

    private static int Offset(string field) => (int)Marshal.OffsetOf<CpuState>(field);

    private static MethodInfo MemoryMethod(string name) => typeof(GuestMemory).GetMethod(name, BindingFlags.Instance | BindingFlags.Public)!;

    private static MethodInfo InstMethod(string name) => typeof(Inst).GetMethod(name, BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)!;
}
