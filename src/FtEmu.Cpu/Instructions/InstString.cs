using System.Runtime.CompilerServices;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>
/// String instructions MOVS, STOS, LODS, CMPS, SCAS in byte/word/dword/qword sizes, with REP,
/// REPE and REPNE, the direction flag and the 0x67 (ESI/EDI/ECX) address size.
/// </summary>
/// <remarks>
/// A repeated instruction runs to completion inside one handler call, so it retires as one
/// instruction. After each element RSI/RDI/RCX are updated, so a fault part-way leaves them
/// describing exactly the elements done, and the restarted instruction continues from there.
/// Forward REP MOVS/STOS copy whole page-bounded chunks through the bulk memory helpers; a chunk
/// that would fault is redone element by element so that the fault lands on the right element.
/// </remarks>
public static unsafe partial class Inst
{
    /// <summary>Below this many bytes a REP MOVS/STOS runs element by element.</summary>
    private const int StringBulkThreshold = 64;

    private static void RegisterString(OpcodeRegistry r)
    {
        // By Code: MOVSD and CMPSD also name SSE2 instructions.
        r.Add(Code.Movsb_m8_m8, &Movs);
        r.Add(Code.Movsw_m16_m16, &Movs);
        r.Add(Code.Movsd_m32_m32, &Movs);
        r.Add(Code.Movsq_m64_m64, &Movs);
        r.Add(Code.Stosb_m8_AL, &Stos);
        r.Add(Code.Stosw_m16_AX, &Stos);
        r.Add(Code.Stosd_m32_EAX, &Stos);
        r.Add(Code.Stosq_m64_RAX, &Stos);
        r.Add(Code.Lodsb_AL_m8, &Lods);
        r.Add(Code.Lodsw_AX_m16, &Lods);
        r.Add(Code.Lodsd_EAX_m32, &Lods);
        r.Add(Code.Lodsq_RAX_m64, &Lods);
        r.Add(Code.Cmpsb_m8_m8, &Cmps);
        r.Add(Code.Cmpsw_m16_m16, &Cmps);
        r.Add(Code.Cmpsd_m32_m32, &Cmps);
        r.Add(Code.Cmpsq_m64_m64, &Cmps);
        r.Add(Code.Scasb_AL_m8, &Scas);
        r.Add(Code.Scasw_AX_m16, &Scas);
        r.Add(Code.Scasd_EAX_m32, &Scas);
        r.Add(Code.Scasq_RAX_m64, &Scas);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsRepeated(ref DecodedOp op) => (op.Prefix & (OpPrefix.Rep | OpPrefix.Repne)) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAddress32(ref DecodedOp op) => (op.Prefix & OpPrefix.Address32) != 0;

    /// <summary>Element step: +size, or -size when DF is set (DF lives in the always-exact FlagsBase).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong StringStep(Cpu cpu, int size) =>
        (cpu.State->FlagsBase & RFlags.DF) != 0 ? (ulong)(long)-size : (ulong)size;

    /// <summary>RSI, RDI or RCX as the address size sees it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong StringReg(Cpu cpu, int reg, bool a32) => a32 ? (uint)cpu.Gpr(reg) : cpu.Gpr(reg);

    /// <summary>Adds to RSI, RDI or RCX; a 32-bit address size writes the 32-bit register (zero-extending).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StringAdd(Cpu cpu, int reg, ulong delta, bool a32)
    {
        ref ulong r = ref cpu.Gpr(reg);
        r = a32 ? (uint)(r + delta) : r + delta;
    }

    /// <summary>Base added to RSI: an FS/GS override applies to the source only; ES:RDI cannot be overridden.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SourceBase(Cpu cpu, ref DecodedOp op) => op.Segment switch
    {
        1 => cpu.State->FsBase,
        2 => cpu.State->GsBase,
        _ => 0,
    };

    public static void Movs(Cpu cpu, ref DecodedOp op)
    {
        int size = op.Size0;
        bool a32 = IsAddress32(ref op);
        ulong step = StringStep(cpu, size);
        ulong srcBase = SourceBase(cpu, ref op);
        if (!IsRepeated(ref op))
        {
            MovsOne(cpu, size, step, srcBase, a32);
            return;
        }
        if (!a32 && step == (ulong)size && cpu.Gpr(Reg.Rcx) >= (ulong)(StringBulkThreshold / size))
        {
            MovsForwardBulk(cpu, size, srcBase);
            return;
        }
        while (StringReg(cpu, Reg.Rcx, a32) != 0)
        {
            MovsOne(cpu, size, step, srcBase, a32);
            StringAdd(cpu, Reg.Rcx, ulong.MaxValue, a32);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MovsOne(Cpu cpu, int size, ulong step, ulong srcBase, bool a32)
    {
        ulong v = cpu.Memory.Read(srcBase + StringReg(cpu, Reg.Rsi, a32), size);
        cpu.Memory.Write(StringReg(cpu, Reg.Rdi, a32), v, size);
        StringAdd(cpu, Reg.Rsi, step, a32);
        StringAdd(cpu, Reg.Rdi, step, a32);
    }

    /// <summary>REP MOVS with DF=0 and 64-bit addresses, in chunks that stay within one source and one destination page.</summary>
    /// <remarks>The buffer is not cleared (SkipLocalsInit): only bytes TryRead filled are written.</remarks>
    [SkipLocalsInit]
    private static void MovsForwardBulk(Cpu cpu, int size, ulong srcBase)
    {
        const int page = (int)GuestMemory.PageSize;
        Span<byte> buffer = stackalloc byte[page];
        ref ulong rcx = ref cpu.Gpr(Reg.Rcx);
        ref ulong rsi = ref cpu.Gpr(Reg.Rsi);
        ref ulong rdi = ref cpu.Gpr(Reg.Rdi);
        while (rcx != 0)
        {
            ulong src = srcBase + rsi, dst = rdi;
            int chunk = ChunkBytes(rcx, size, src, dst);
            // A destination just above the source sees its own writes element by element; a bulk copy would not.
            ulong distance = dst - src;
            if (distance != 0 && distance < (ulong)chunk) chunk = (int)distance / size * size;
            if (chunk == 0 || !cpu.Memory.TryRead(src, buffer[..chunk]) || !cpu.Memory.TryWrite(dst, buffer[..chunk]))
            {
                // Straddling element or a fault somewhere in the chunk: do it precisely.
                int elements = Math.Max(chunk / size, 1);
                for (int i = 0; i < elements && rcx != 0; i++)
                {
                    MovsOne(cpu, size, (ulong)size, srcBase, false);
                    rcx--;
                }
                continue;
            }
            rsi += (ulong)chunk;
            rdi += (ulong)chunk;
            rcx -= (ulong)(chunk / size);
        }
    }

    /// <summary>Whole elements that fit before the end of the page of src (if any) and of dst, at most one page.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ChunkBytes(ulong count, int size, ulong src, ulong dst)
    {
        const ulong page = GuestMemory.PageSize;
        ulong bytes = Math.Min(count, page / (ulong)size) * (ulong)size;
        bytes = Math.Min(bytes, page - (src & GuestMemory.PageMask));
        bytes = Math.Min(bytes, page - (dst & GuestMemory.PageMask));
        return (int)(bytes / (ulong)size * (ulong)size);
    }

    public static void Stos(Cpu cpu, ref DecodedOp op)
    {
        int size = op.Size0;
        bool a32 = IsAddress32(ref op);
        ulong step = StringStep(cpu, size);
        ulong v = cpu.Gpr(Reg.Rax);
        if (!IsRepeated(ref op))
        {
            cpu.Memory.Write(StringReg(cpu, Reg.Rdi, a32), v, size);
            StringAdd(cpu, Reg.Rdi, step, a32);
            return;
        }
        if (!a32 && step == (ulong)size && cpu.Gpr(Reg.Rcx) >= (ulong)(StringBulkThreshold / size))
        {
            StosForwardBulk(cpu, size, v);
            return;
        }
        while (StringReg(cpu, Reg.Rcx, a32) != 0)
        {
            cpu.Memory.Write(StringReg(cpu, Reg.Rdi, a32), v, size);
            StringAdd(cpu, Reg.Rdi, step, a32);
            StringAdd(cpu, Reg.Rcx, ulong.MaxValue, a32);
        }
    }

    /// <summary>REP STOS with DF=0 and 64-bit addresses, one destination page at a time.</summary>
    /// <remarks>Only as much of the pattern buffer as the count can use is filled (SkipLocalsInit: not cleared first).</remarks>
    [SkipLocalsInit]
    private static void StosForwardBulk(Cpu cpu, int size, ulong v)
    {
        const int page = (int)GuestMemory.PageSize;
        Span<byte> pattern = stackalloc byte[page];
        // Chunks are at most a page and at most the count's bytes.
        pattern = pattern[..(int)Math.Min((ulong)page, Math.Min(cpu.Gpr(Reg.Rcx), (ulong)page) * (ulong)size)];
        // One element, then doubling copies: byte-span code is precompiled, while Fill over ushort,
        // uint or ulong spans was JIT-compiled when a guest first ran REP STOS (every glibc start).
        for (int i = 0; i < size; i++) pattern[i] = (byte)(v >> (8 * i));
        for (int filled = size; filled < pattern.Length;)
        {
            int n = Math.Min(filled, pattern.Length - filled);
            pattern[..n].CopyTo(pattern[filled..]);
            filled += n;
        }
        ref ulong rcx = ref cpu.Gpr(Reg.Rcx);
        ref ulong rdi = ref cpu.Gpr(Reg.Rdi);
        while (rcx != 0)
        {
            ulong dst = rdi;
            int chunk = ChunkBytes(rcx, size, dst, dst);
            if (chunk == 0 || !cpu.Memory.TryWrite(dst, pattern[..chunk]))
            {
                int elements = Math.Max(chunk / size, 1);
                for (int i = 0; i < elements && rcx != 0; i++)
                {
                    cpu.Memory.Write(rdi, v, size);
                    rdi += (ulong)size;
                    rcx--;
                }
                continue;
            }
            rdi += (ulong)chunk;
            rcx -= (ulong)(chunk / size);
        }
    }

    public static void Lods(Cpu cpu, ref DecodedOp op)
    {
        int size = op.Size0;
        bool a32 = IsAddress32(ref op);
        ulong step = StringStep(cpu, size);
        ulong srcBase = SourceBase(cpu, ref op);
        if (!IsRepeated(ref op))
        {
            cpu.WriteGpr(Reg.Rax, size, cpu.Memory.Read(srcBase + StringReg(cpu, Reg.Rsi, a32), size));
            StringAdd(cpu, Reg.Rsi, step, a32);
            return;
        }
        while (StringReg(cpu, Reg.Rcx, a32) != 0)
        {
            cpu.WriteGpr(Reg.Rax, size, cpu.Memory.Read(srcBase + StringReg(cpu, Reg.Rsi, a32), size));
            StringAdd(cpu, Reg.Rsi, step, a32);
            StringAdd(cpu, Reg.Rcx, ulong.MaxValue, a32);
        }
    }

    public static void Cmps(Cpu cpu, ref DecodedOp op)
    {
        int size = op.Size0;
        bool a32 = IsAddress32(ref op);
        ulong step = StringStep(cpu, size);
        ulong srcBase = SourceBase(cpu, ref op);
        if (!IsRepeated(ref op))
        {
            CmpsOne(cpu, size, step, srcBase, a32);
            return;
        }
        // REPE (F3) stops on a difference, REPNE (F2) on equality.
        bool stopWhenEqual = (op.Prefix & OpPrefix.Repne) != 0;
        while (StringReg(cpu, Reg.Rcx, a32) != 0)
        {
            bool equal = CmpsOne(cpu, size, step, srcBase, a32);
            StringAdd(cpu, Reg.Rcx, ulong.MaxValue, a32);
            if (equal == stopWhenEqual) break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool CmpsOne(Cpu cpu, int size, ulong step, ulong srcBase, bool a32)
    {
        ulong a = cpu.Memory.Read(srcBase + StringReg(cpu, Reg.Rsi, a32), size);
        ulong b = cpu.Memory.Read(StringReg(cpu, Reg.Rdi, a32), size);
        cpu.SetLazyFlags(FlagOp.Sub, size, a, b, a - b);
        StringAdd(cpu, Reg.Rsi, step, a32);
        StringAdd(cpu, Reg.Rdi, step, a32);
        return a == b;
    }

    public static void Scas(Cpu cpu, ref DecodedOp op)
    {
        int size = op.Size0;
        bool a32 = IsAddress32(ref op);
        ulong step = StringStep(cpu, size);
        ulong a = cpu.ReadGpr(Reg.Rax, size);
        if (!IsRepeated(ref op))
        {
            ScasOne(cpu, size, step, a, a32);
            return;
        }
        bool stopWhenEqual = (op.Prefix & OpPrefix.Repne) != 0;
        while (StringReg(cpu, Reg.Rcx, a32) != 0)
        {
            bool equal = ScasOne(cpu, size, step, a, a32);
            StringAdd(cpu, Reg.Rcx, ulong.MaxValue, a32);
            if (equal == stopWhenEqual) break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ScasOne(Cpu cpu, int size, ulong step, ulong a, bool a32)
    {
        ulong b = cpu.Memory.Read(StringReg(cpu, Reg.Rdi, a32), size);
        cpu.SetLazyFlags(FlagOp.Sub, size, a, b, a - b);
        StringAdd(cpu, Reg.Rdi, step, a32);
        return a == b;
    }
}
