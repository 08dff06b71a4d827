using FtEmu.Cpu;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace FtEmu.Tests.Jit;

/// <summary>
/// The inline SSE integer forms (JitSseIntTable, aligned MOVAPS/MOVDQA/MOVNT* with memory) against
/// the interpreter: every form on random and edge data, with register and memory sources, immediates
/// and shift counts at and past the element width; misaligned 16-byte operands (#GP) and operands
/// at the end of the mapped pages (SIGSEGV) inside compiled blocks.
/// </summary>
public partial class JitTests
{
    private static readonly AssemblerRegisterXMM[] X =
    {
        xmm0, xmm1, xmm2, xmm3, xmm4, xmm5, xmm6, xmm7, xmm8, xmm9, xmm10, xmm11, xmm12, xmm13, xmm14, xmm15,
    };

    private delegate void XmmXmm(Assembler a, AssemblerRegisterXMM d, AssemblerRegisterXMM s);
    private delegate void XmmMem(Assembler a, AssemblerRegisterXMM d, AssemblerMemoryOperand m);

    /// <summary>xmm, xmm/m128 forms (the memory forms need 16-aligned operands); the shifts by a register count last.</summary>
    private static readonly (string Name, XmmXmm Reg, XmmMem Mem)[] s_binaryOps =
    {
        ("pand", (a, d, s) => a.pand(d, s), (a, d, m) => a.pand(d, m)),
        ("andps", (a, d, s) => a.andps(d, s), (a, d, m) => a.andps(d, m)),
        ("andpd", (a, d, s) => a.andpd(d, s), (a, d, m) => a.andpd(d, m)),
        ("pandn", (a, d, s) => a.pandn(d, s), (a, d, m) => a.pandn(d, m)),
        ("andnps", (a, d, s) => a.andnps(d, s), (a, d, m) => a.andnps(d, m)),
        ("andnpd", (a, d, s) => a.andnpd(d, s), (a, d, m) => a.andnpd(d, m)),
        ("por", (a, d, s) => a.por(d, s), (a, d, m) => a.por(d, m)),
        ("orps", (a, d, s) => a.orps(d, s), (a, d, m) => a.orps(d, m)),
        ("orpd", (a, d, s) => a.orpd(d, s), (a, d, m) => a.orpd(d, m)),
        ("pxor", (a, d, s) => a.pxor(d, s), (a, d, m) => a.pxor(d, m)),
        ("xorps", (a, d, s) => a.xorps(d, s), (a, d, m) => a.xorps(d, m)),
        ("xorpd", (a, d, s) => a.xorpd(d, s), (a, d, m) => a.xorpd(d, m)),
        ("paddb", (a, d, s) => a.paddb(d, s), (a, d, m) => a.paddb(d, m)),
        ("paddw", (a, d, s) => a.paddw(d, s), (a, d, m) => a.paddw(d, m)),
        ("paddd", (a, d, s) => a.paddd(d, s), (a, d, m) => a.paddd(d, m)),
        ("paddq", (a, d, s) => a.paddq(d, s), (a, d, m) => a.paddq(d, m)),
        ("psubb", (a, d, s) => a.psubb(d, s), (a, d, m) => a.psubb(d, m)),
        ("psubw", (a, d, s) => a.psubw(d, s), (a, d, m) => a.psubw(d, m)),
        ("psubd", (a, d, s) => a.psubd(d, s), (a, d, m) => a.psubd(d, m)),
        ("psubq", (a, d, s) => a.psubq(d, s), (a, d, m) => a.psubq(d, m)),
        ("paddusb", (a, d, s) => a.paddusb(d, s), (a, d, m) => a.paddusb(d, m)),
        ("paddusw", (a, d, s) => a.paddusw(d, s), (a, d, m) => a.paddusw(d, m)),
        ("psubusb", (a, d, s) => a.psubusb(d, s), (a, d, m) => a.psubusb(d, m)),
        ("psubusw", (a, d, s) => a.psubusw(d, s), (a, d, m) => a.psubusw(d, m)),
        ("pmullw", (a, d, s) => a.pmullw(d, s), (a, d, m) => a.pmullw(d, m)),
        ("pmuludq", (a, d, s) => a.pmuludq(d, s), (a, d, m) => a.pmuludq(d, m)),
        ("pavgb", (a, d, s) => a.pavgb(d, s), (a, d, m) => a.pavgb(d, m)),
        ("pavgw", (a, d, s) => a.pavgw(d, s), (a, d, m) => a.pavgw(d, m)),
        ("pminub", (a, d, s) => a.pminub(d, s), (a, d, m) => a.pminub(d, m)),
        ("pmaxub", (a, d, s) => a.pmaxub(d, s), (a, d, m) => a.pmaxub(d, m)),
        ("pminsw", (a, d, s) => a.pminsw(d, s), (a, d, m) => a.pminsw(d, m)),
        ("pmaxsw", (a, d, s) => a.pmaxsw(d, s), (a, d, m) => a.pmaxsw(d, m)),
        ("pcmpeqb", (a, d, s) => a.pcmpeqb(d, s), (a, d, m) => a.pcmpeqb(d, m)),
        ("pcmpeqw", (a, d, s) => a.pcmpeqw(d, s), (a, d, m) => a.pcmpeqw(d, m)),
        ("pcmpeqd", (a, d, s) => a.pcmpeqd(d, s), (a, d, m) => a.pcmpeqd(d, m)),
        ("pcmpgtb", (a, d, s) => a.pcmpgtb(d, s), (a, d, m) => a.pcmpgtb(d, m)),
        ("pcmpgtw", (a, d, s) => a.pcmpgtw(d, s), (a, d, m) => a.pcmpgtw(d, m)),
        ("pcmpgtd", (a, d, s) => a.pcmpgtd(d, s), (a, d, m) => a.pcmpgtd(d, m)),
        ("packsswb", (a, d, s) => a.packsswb(d, s), (a, d, m) => a.packsswb(d, m)),
        ("packuswb", (a, d, s) => a.packuswb(d, s), (a, d, m) => a.packuswb(d, m)),
        ("packssdw", (a, d, s) => a.packssdw(d, s), (a, d, m) => a.packssdw(d, m)),
        ("punpcklbw", (a, d, s) => a.punpcklbw(d, s), (a, d, m) => a.punpcklbw(d, m)),
        ("punpckhbw", (a, d, s) => a.punpckhbw(d, s), (a, d, m) => a.punpckhbw(d, m)),
        ("punpcklwd", (a, d, s) => a.punpcklwd(d, s), (a, d, m) => a.punpcklwd(d, m)),
        ("punpckhwd", (a, d, s) => a.punpckhwd(d, s), (a, d, m) => a.punpckhwd(d, m)),
        ("punpckldq", (a, d, s) => a.punpckldq(d, s), (a, d, m) => a.punpckldq(d, m)),
        ("punpckhdq", (a, d, s) => a.punpckhdq(d, s), (a, d, m) => a.punpckhdq(d, m)),
        ("punpcklqdq", (a, d, s) => a.punpcklqdq(d, s), (a, d, m) => a.punpcklqdq(d, m)),
        ("punpckhqdq", (a, d, s) => a.punpckhqdq(d, s), (a, d, m) => a.punpckhqdq(d, m)),
        ("unpcklps", (a, d, s) => a.unpcklps(d, s), (a, d, m) => a.unpcklps(d, m)),
        ("unpckhps", (a, d, s) => a.unpckhps(d, s), (a, d, m) => a.unpckhps(d, m)),
        ("unpcklpd", (a, d, s) => a.unpcklpd(d, s), (a, d, m) => a.unpcklpd(d, m)),
        ("unpckhpd", (a, d, s) => a.unpckhpd(d, s), (a, d, m) => a.unpckhpd(d, m)),
        ("pshufb", (a, d, s) => a.pshufb(d, s), (a, d, m) => a.pshufb(d, m)),
        ("paddsb", (a, d, s) => a.paddsb(d, s), (a, d, m) => a.paddsb(d, m)),
        ("paddsw", (a, d, s) => a.paddsw(d, s), (a, d, m) => a.paddsw(d, m)),
        ("psubsb", (a, d, s) => a.psubsb(d, s), (a, d, m) => a.psubsb(d, m)),
        ("psubsw", (a, d, s) => a.psubsw(d, s), (a, d, m) => a.psubsw(d, m)),
        ("pmulhw", (a, d, s) => a.pmulhw(d, s), (a, d, m) => a.pmulhw(d, m)),
        ("pmulhuw", (a, d, s) => a.pmulhuw(d, s), (a, d, m) => a.pmulhuw(d, m)),
        ("pmaddwd", (a, d, s) => a.pmaddwd(d, s), (a, d, m) => a.pmaddwd(d, m)),
        ("psadbw", (a, d, s) => a.psadbw(d, s), (a, d, m) => a.psadbw(d, m)),
        ("pmulld", (a, d, s) => a.pmulld(d, s), (a, d, m) => a.pmulld(d, m)),
        ("pmuldq", (a, d, s) => a.pmuldq(d, s), (a, d, m) => a.pmuldq(d, m)),
        ("pminsb", (a, d, s) => a.pminsb(d, s), (a, d, m) => a.pminsb(d, m)),
        ("pmaxsb", (a, d, s) => a.pmaxsb(d, s), (a, d, m) => a.pmaxsb(d, m)),
        ("pminuw", (a, d, s) => a.pminuw(d, s), (a, d, m) => a.pminuw(d, m)),
        ("pmaxuw", (a, d, s) => a.pmaxuw(d, s), (a, d, m) => a.pmaxuw(d, m)),
        ("pminsd", (a, d, s) => a.pminsd(d, s), (a, d, m) => a.pminsd(d, m)),
        ("pmaxsd", (a, d, s) => a.pmaxsd(d, s), (a, d, m) => a.pmaxsd(d, m)),
        ("pminud", (a, d, s) => a.pminud(d, s), (a, d, m) => a.pminud(d, m)),
        ("pmaxud", (a, d, s) => a.pmaxud(d, s), (a, d, m) => a.pmaxud(d, m)),
        ("pcmpeqq", (a, d, s) => a.pcmpeqq(d, s), (a, d, m) => a.pcmpeqq(d, m)),
        ("pcmpgtq", (a, d, s) => a.pcmpgtq(d, s), (a, d, m) => a.pcmpgtq(d, m)),
        ("packusdw", (a, d, s) => a.packusdw(d, s), (a, d, m) => a.packusdw(d, m)),
        ("psllw", (a, d, s) => a.psllw(d, s), (a, d, m) => a.psllw(d, m)),
        ("pslld", (a, d, s) => a.pslld(d, s), (a, d, m) => a.pslld(d, m)),
        ("psllq", (a, d, s) => a.psllq(d, s), (a, d, m) => a.psllq(d, m)),
        ("psrlw", (a, d, s) => a.psrlw(d, s), (a, d, m) => a.psrlw(d, m)),
        ("psrld", (a, d, s) => a.psrld(d, s), (a, d, m) => a.psrld(d, m)),
        ("psrlq", (a, d, s) => a.psrlq(d, s), (a, d, m) => a.psrlq(d, m)),
        ("psraw", (a, d, s) => a.psraw(d, s), (a, d, m) => a.psraw(d, m)),
        ("psrad", (a, d, s) => a.psrad(d, s), (a, d, m) => a.psrad(d, m)),
    };

    private static readonly int FirstShiftByXmm = Array.FindIndex(s_binaryOps, o => o.Name == "psllw");

    private static readonly (string Name, Action<Assembler, AssemblerRegisterXMM, int> Op)[] s_shiftImmOps =
    {
        ("psllw", (a, d, i) => a.psllw(d, (byte)i)), ("pslld", (a, d, i) => a.pslld(d, (byte)i)), ("psllq", (a, d, i) => a.psllq(d, (byte)i)),
        ("psrlw", (a, d, i) => a.psrlw(d, (byte)i)), ("psrld", (a, d, i) => a.psrld(d, (byte)i)), ("psrlq", (a, d, i) => a.psrlq(d, (byte)i)),
        ("psraw", (a, d, i) => a.psraw(d, (byte)i)), ("psrad", (a, d, i) => a.psrad(d, (byte)i)),
        ("pslldq", (a, d, i) => a.pslldq(d, (byte)i)), ("psrldq", (a, d, i) => a.psrldq(d, (byte)i)),
    };

    private static readonly int[] s_shiftCounts = { 0, 1, 7, 8, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 255 };

    private static (XmmXmm Reg, XmmMem Mem)[] ShuffleOps(int imm) => new (XmmXmm, XmmMem)[]
    {
        ((a, d, s) => a.pshufd(d, s, (byte)imm), (a, d, m) => a.pshufd(d, m, (byte)imm)),
        ((a, d, s) => a.pshuflw(d, s, (byte)imm), (a, d, m) => a.pshuflw(d, m, (byte)imm)),
        ((a, d, s) => a.pshufhw(d, s, (byte)imm), (a, d, m) => a.pshufhw(d, m, (byte)imm)),
        ((a, d, s) => a.palignr(d, s, (byte)imm), (a, d, m) => a.palignr(d, m, (byte)imm)),
        ((a, d, s) => a.pblendw(d, s, (byte)imm), (a, d, m) => a.pblendw(d, m, (byte)imm)),
    };

    /// <summary>One-source forms; the memory operand has the size of the elements read (PMOVZXBQ: m16), unaligned.</summary>
    private static readonly (XmmXmm Reg, Action<Assembler, AssemblerRegisterXMM, int> Mem)[] s_unaryOps =
    {
        ((a, d, s) => a.pabsb(d, s), (a, d, o) => a.pabsb(d, __xmmword_ptr[rsi + o])),
        ((a, d, s) => a.pabsw(d, s), (a, d, o) => a.pabsw(d, __xmmword_ptr[rsi + o])),
        ((a, d, s) => a.pabsd(d, s), (a, d, o) => a.pabsd(d, __xmmword_ptr[rsi + o])),
        ((a, d, s) => a.pmovzxbw(d, s), (a, d, o) => a.pmovzxbw(d, __qword_ptr[rsi + o + 1])),
        ((a, d, s) => a.pmovzxbd(d, s), (a, d, o) => a.pmovzxbd(d, __dword_ptr[rsi + o + 3])),
        ((a, d, s) => a.pmovzxbq(d, s), (a, d, o) => a.pmovzxbq(d, __word_ptr[rsi + o + 5])),
        ((a, d, s) => a.pmovzxwd(d, s), (a, d, o) => a.pmovzxwd(d, __qword_ptr[rsi + o + 2])),
        ((a, d, s) => a.pmovzxwq(d, s), (a, d, o) => a.pmovzxwq(d, __dword_ptr[rsi + o + 6])),
        ((a, d, s) => a.pmovzxdq(d, s), (a, d, o) => a.pmovzxdq(d, __qword_ptr[rsi + o + 4])),
        ((a, d, s) => a.pmovsxbw(d, s), (a, d, o) => a.pmovsxbw(d, __qword_ptr[rsi + o + 7])),
        ((a, d, s) => a.pmovsxbd(d, s), (a, d, o) => a.pmovsxbd(d, __dword_ptr[rsi + o + 1])),
        ((a, d, s) => a.pmovsxbq(d, s), (a, d, o) => a.pmovsxbq(d, __word_ptr[rsi + o + 3])),
        ((a, d, s) => a.pmovsxwd(d, s), (a, d, o) => a.pmovsxwd(d, __qword_ptr[rsi + o + 2])),
        ((a, d, s) => a.pmovsxwq(d, s), (a, d, o) => a.pmovsxwq(d, __dword_ptr[rsi + o + 6])),
        ((a, d, s) => a.pmovsxdq(d, s), (a, d, o) => a.pmovsxdq(d, __qword_ptr[rsi + o + 4])),
    };

    private static readonly int[] s_shuffleImms = { 0x00, 0x01, 0x05, 0x0F, 0x10, 0x11, 0x1B, 0x1F, 0x20, 0x21, 0x4E, 0x93, 0xB1, 0xC8, 0xE4, 0xFF };

    private const int RandomArea = 0x100, CountSlot = 0x180, EdgeArea = 0x000, StoreArea = 0x200;

    /// <summary>xorshift64 on R8 (RAX scratch): a new random quadword in R8.</summary>
    private static void Rand(Assembler a)
    {
        a.mov(rax, r8);
        a.shl(rax, 13);
        a.xor(r8, rax);
        a.mov(rax, r8);
        a.shr(rax, 7);
        a.xor(r8, rax);
        a.mov(rax, r8);
        a.shl(rax, 17);
        a.xor(r8, rax);
    }

    /// <summary>A random XMM register: both quadwords from R8.</summary>
    private static void RandXmm(Assembler a, AssemblerRegisterXMM x)
    {
        Rand(a);
        a.movq(x, r8);
        Rand(a);
        a.pinsrq(x, r8, (byte)(1));
    }

    /// <summary>
    /// A loop of <paramref name="iterations"/> over <paramref name="body"/>, which gets fresh inputs
    /// each time: xmm0, xmm1, xmm7 random; xmm2 sparse (random AND random AND random); xmm3 = xmm0
    /// XOR xmm2 (mostly equal elements); xmm4/xmm5 small signed words/dwords (packs in range);
    /// xmm6 one of four vectors of edge bytes (0, 1, 7F, 80, FF ...); xmm14 a shift count 0..7 or
    /// 64..71, xmm15 0..63; 64 random bytes at RSI+0x100 and a count at RSI+0x180 (sometimes with
    /// bit 32 set). Results are folded into XMM13 (PADDQ) and GPRs by the body; RSI is the data base.
    /// </summary>
    private static byte[] SseKernel(Action<Assembler> body, int iterations)
    {
        return TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            a.mov(rsi, TestMachine.DataBase);
            a.mov(r8, 0x243F6A8885A308D3);
            a.mov(r12d, iterations);
            ulong[] edges =
            {
                0x80FF7F0100817FFE, 0x00FF80017F7E8081, 0xFFFFFFFF80000000, 0x7FFFFFFF00000001,
                0x8000800080007FFF, 0xFFFF00017FFE8001, 0x0000000000000000, 0xFFFFFFFFFFFFFFFF,
            };
            for (int i = 0; i < edges.Length; i++)
            {
                a.mov(rax, edges[i]);
                a.mov(__qword_ptr[rsi + EdgeArea + 8 * i], rax);
                a.not(rax);
                a.mov(__qword_ptr[rsi + EdgeArea + 64 + 8 * i], rax);
            }
            a.Label(ref loop);
            for (int i = 0; i < 8; i++)
            {
                Rand(a);
                a.mov(__qword_ptr[rsi + RandomArea + 8 * i], r8);
            }
            Rand(a);
            a.mov(rax, r8);
            a.and(eax, 0x1F);
            a.mov(rcx, r8);
            a.shr(rcx, 40);
            a.and(ecx, 1);
            a.shl(rcx, 32);
            a.or(rax, rcx);
            a.mov(__qword_ptr[rsi + CountSlot], rax);
            a.mov(__qword_ptr[rsi + CountSlot + 8], r8);
            RandXmm(a, xmm0);
            RandXmm(a, xmm1);
            RandXmm(a, xmm7);
            for (int half = 0; half < 2; half++)
            {
                Rand(a);
                a.mov(rdx, r8);
                Rand(a);
                a.and(rdx, r8);
                Rand(a);
                a.and(rdx, r8);
                if (half == 0) a.movq(xmm2, rdx);
                else a.pinsrq(xmm2, rdx, (byte)(1));
            }
            a.movdqa(xmm3, xmm0);
            a.pxor(xmm3, xmm2);
            RandXmm(a, xmm4);
            a.psraw(xmm4, (byte)9);
            RandXmm(a, xmm5);
            a.psrad(xmm5, (byte)17);
            a.mov(eax, r12d);
            a.and(eax, 0x30);
            a.movdqa(xmm6, __xmmword_ptr[rsi + rax + EdgeArea]);
            Rand(a);
            a.mov(rax, r8);
            a.and(eax, 0x47);
            a.movq(xmm14, rax);
            a.mov(rax, r8);
            a.shr(rax, 20);
            a.and(eax, 0x3F);
            a.movq(xmm15, rax);
            EndBlock(a);
            body(a);
            a.psignb(xmm13, xmm0); // stays a handler call: the probe of the inline test
            a.dec(r12d);
            a.jnz(loop);
            Exit(a);
        });
    }

    /// <summary>
    /// Ends the block here (a jump to the next instruction): a run that stops in straight-line code
    /// resumes with blocks that start there, so without fixed block ends the compiled blocks would
    /// rarely run again after a stop.
    /// </summary>
    private static void EndBlock(Assembler a)
    {
        var next = a.CreateLabel();
        a.jmp(next);
        a.Label(ref next);
    }

    /// <summary>Folds a result into XMM13 and, every few results, into GPRs through MOVQ/PEXTRQ (the register cache sees XMM-to-GPR moves).</summary>
    private static void Fold(Assembler a, AssemblerRegisterXMM x, int k)
    {
        a.paddq(xmm13, x);
        if (k % 4 != 0) return;
        a.movq(rax, x);
        a.add(r15, rax);
        a.pextrq(rdx, x, (byte)(1));
        a.xor(r14, rdx);
    }

    /// <summary>Every xmm, xmm/m128 form on five operand pairs (one a memory operand, one the register with itself).</summary>
    private static byte[] BinaryOpsKernel(int iterations = 40) => SseKernel(a =>
    {
        for (int j = 0; j < s_binaryOps.Length; j++)
        {
            var (_, reg, mem) = s_binaryOps[j];
            var m = __xmmword_ptr[rsi + RandomArea + 16 * (j % 4)];
            if (j < FirstShiftByXmm)
            {
                (AssemblerRegisterXMM D, AssemblerRegisterXMM From, AssemblerRegisterXMM S)[] pairs =
                    { (xmm8, xmm0, xmm1), (xmm9, xmm0, xmm3), (xmm10, xmm4, xmm5), (xmm11, xmm6, xmm2), (xmm12, xmm1, xmm12) };
                foreach (var (d, from, s) in pairs)
                {
                    a.movdqa(d, from);
                    reg(a, d, s);
                    Fold(a, d, j);
                }
                a.movdqa(xmm12, xmm5);
                mem(a, xmm12, m);
                Fold(a, xmm12, j + 1);
                EndBlock(a);
            }
            else
            {
                // Counts: 0..7 or 64..71, 0..63, sparse random (mostly huge), from memory (sometimes 2^32 + small).
                (AssemblerRegisterXMM D, AssemblerRegisterXMM From, AssemblerRegisterXMM S)[] pairs =
                    { (xmm8, xmm0, xmm14), (xmm9, xmm1, xmm15), (xmm10, xmm7, xmm2), (xmm11, xmm6, xmm15) };
                foreach (var (d, from, s) in pairs)
                {
                    a.movdqa(d, from);
                    reg(a, d, s);
                    Fold(a, d, j);
                }
                a.movdqa(xmm12, xmm4);
                mem(a, xmm12, __xmmword_ptr[rsi + CountSlot]);
                Fold(a, xmm12, j + 1);
                EndBlock(a);
            }
        }
    }, iterations);

    /// <summary>
    /// Shifts by every interesting immediate; PSHUFD/PSHUFLW/PSHUFHW/PALIGNR/PBLENDW by many
    /// immediates, register and memory sources; the one-source forms (PABS*, PMOVZX*/PMOVSX* with
    /// unaligned narrow memory operands) on every input register.
    /// </summary>
    private static byte[] ImmediateOpsKernel(int iterations = 40) => SseKernel(a =>
    {
        int k = 0;
        foreach (var (_, op) in s_shiftImmOps)
            foreach (int c in s_shiftCounts)
            {
                var d = X[8 + k % 5];
                a.movdqa(d, X[k % 8]);
                op(a, d, c);
                Fold(a, d, k++);
                if (k % 8 == 0) EndBlock(a);
            }
        foreach (int imm in s_shuffleImms)
            foreach (var (reg, mem) in ShuffleOps(imm))
            {
                var d = X[8 + k % 5];
                a.movdqa(d, X[k % 8]);
                reg(a, d, X[(k + 3) % 8]);
                Fold(a, d, k++);
                a.movdqa(d, X[k % 8]);
                mem(a, d, __xmmword_ptr[rsi + RandomArea + 16 * (k % 4)]);
                Fold(a, d, k++);
                if (k % 8 == 0) EndBlock(a);
            }
        foreach (var (reg, mem) in s_unaryOps)
            for (int i = 0; i < 8; i++)
            {
                var d = X[8 + k % 5];
                a.movdqa(d, X[(k + 1) % 8]);
                if (i < 7) reg(a, d, X[i]);
                else mem(a, d, RandomArea + 16 * (k % 4));
                Fold(a, d, k++);
                if (k % 8 == 0) EndBlock(a);
            }
    }, iterations);

    /// <summary>
    /// MOVD/MOVQ in every direction (GPR, memory, XMM, both MOVQ xmm,xmm encodings), PMOVMSKB,
    /// MOVLPS/MOVHPS/MOVLPD/MOVHPD, MOVHLPS/MOVLHPS, PEXTRW/PINSRW, PEXTRB/D/Q and PINSRB/D/Q
    /// (indices past the element count wrap), aligned loads and stores; GPR results are used right
    /// away in the same block, GPR sources are registers the block has just written.
    /// </summary>
    private static byte[] MoveOpsKernel(int iterations = 60) => SseKernel(a =>
    {
        var m0 = __qword_ptr[rsi + RandomArea];
        a.mov(rbx, -1);
        a.movd(ebx, xmm0); // zero-extends into RBX
        a.add(r15, rbx);
        a.mov(rcx, r8);
        a.movd(xmm8, ecx);
        Fold(a, xmm8, 1);
        a.movq(xmm9, rcx);
        Fold(a, xmm9, 1);
        a.movq(rdi, xmm1);
        a.xor(r14, rdi);
        a.movd(r9d, xmm7);
        a.add(r15, r9);
        EndBlock(a);
        a.movd(xmm10, __dword_ptr[rsi + RandomArea + 4]);
        Fold(a, xmm10, 1);
        a.movq(xmm11, __qword_ptr[rsi + RandomArea + 8]);
        Fold(a, xmm11, 1);
        a.movd(__dword_ptr[rsi + StoreArea + 0], xmm1);
        a.movq(__qword_ptr[rsi + StoreArea + 8], xmm7);
        a.movdqa(xmm12, xmm7);
        a.movq(xmm12, xmm0); // F3 0F 7E: the high quadword cleared
        Fold(a, xmm12, 1);
        a.movdqa(xmm12, xmm7);
        a.db(0x66, 0x44, 0x0F, 0xD6, 0xE1); // movq xmm1, xmm12 in the 66 0F D6 encoding (Iced assembles F3 0F 7E)
        Fold(a, xmm1, 1);
        a.db(0x66, 0x44, 0x0F, 0xD6, 0x2E); // movq [rsi], xmm13
        a.mov(rax, __qword_ptr[rsi]);
        a.add(r15, rax);
        EndBlock(a);
        a.pmovmskb(eax, xmm6);
        a.add(r13, rax);
        a.pmovmskb(r10, xmm0);
        a.add(r13, r10);
        a.pmovmskb(r11d, xmm3);
        a.xor(r13, r11);
        a.movdqa(xmm8, xmm0);
        a.movlps(xmm8, m0);
        Fold(a, xmm8, 1);
        a.movdqa(xmm8, xmm1);
        a.movhps(xmm8, m0);
        Fold(a, xmm8, 1);
        a.movdqa(xmm9, xmm7);
        a.movlpd(xmm9, __qword_ptr[rsi + RandomArea + 24]);
        Fold(a, xmm9, 1);
        a.movhpd(xmm9, __qword_ptr[rsi + RandomArea + 32]);
        Fold(a, xmm9, 1);
        EndBlock(a);
        a.movlps(__qword_ptr[rsi + StoreArea + 16], xmm1);
        a.movhps(__qword_ptr[rsi + StoreArea + 24], xmm1);
        a.movlpd(__qword_ptr[rsi + StoreArea + 32], xmm7);
        a.movhpd(__qword_ptr[rsi + StoreArea + 40], xmm0);
        a.movdqa(xmm10, xmm0);
        a.movhlps(xmm10, xmm1);
        Fold(a, xmm10, 1);
        a.movlhps(xmm10, xmm7);
        Fold(a, xmm10, 1);
        for (int i = 0; i < 9; i++)
        {
            a.pextrw(eax, X[i % 8], (byte)(i));
            a.add(r15, rax);
            a.mov(rdx, -1);
            a.pextrw(rdx, X[(i + 1) % 8], (byte)(i + 3));
            a.xor(r14, rdx);
            a.pextrw(__word_ptr[rsi + StoreArea + 48 + 2 * i], X[(i + 2) % 8], (byte)(i));
            a.movdqa(xmm11, X[(i + 3) % 8]);
            a.lea(ecx, __[r8 + i]);
            a.pinsrw(xmm11, ecx, (byte)(i));
            a.pinsrw(xmm11, __word_ptr[rsi + RandomArea + 2 * i], (byte)(i + 5));
            Fold(a, xmm11, 1);
            if (i % 2 == 0) EndBlock(a);
        }
        for (int i = 0; i < 17; i++)
        {
            a.mov(rax, -1);
            a.pextrb(eax, X[i % 8], (byte)(i));
            a.add(r15, rax);
            a.pextrb(rdx, X[(i + 5) % 8], (byte)(i + 1));
            a.xor(r14, rdx);
            a.pextrb(__byte_ptr[rsi + StoreArea + 64 + i], X[(i + 2) % 8], (byte)(i + 7));
            a.movdqa(xmm12, X[(i + 4) % 8]);
            a.lea(ecx, __[r8 + 3 * i]);
            a.pinsrb(xmm12, ecx, (byte)(i));
            a.pinsrb(xmm12, __byte_ptr[rsi + RandomArea + 3 * i], (byte)(i + 9));
            Fold(a, xmm12, 1);
            if (i % 2 == 0) EndBlock(a);
        }
        for (int i = 0; i < 5; i++)
        {
            a.mov(rax, -1);
            a.pextrd(eax, X[i % 8], (byte)(i));
            a.add(r15, rax);
            a.pextrd(__dword_ptr[rsi + StoreArea + 96 + 4 * i], X[(i + 3) % 8], (byte)(i + 1));
            a.pextrq(rdx, X[(i + 1) % 8], (byte)(i));
            a.xor(r14, rdx);
            a.pextrq(__qword_ptr[rsi + StoreArea + 128 + 8 * i], X[(i + 6) % 8], (byte)(i + 1));
            a.movdqa(xmm12, X[(i + 2) % 8]);
            a.lea(rcx, __[r8 + 5 * i]);
            a.pinsrd(xmm12, ecx, (byte)(i));
            a.pinsrd(xmm12, __dword_ptr[rsi + RandomArea + 4 * i], (byte)(i + 2));
            Fold(a, xmm12, 1);
            a.pinsrq(xmm12, rcx, (byte)(i));
            a.pinsrq(xmm12, __qword_ptr[rsi + RandomArea + 8 * i], (byte)(i + 1));
            Fold(a, xmm12, 1);
            EndBlock(a);
        }
        EndBlock(a);
        // Aligned loads and stores (the data base is page-aligned).
        a.movdqa(xmm8, __xmmword_ptr[rsi + RandomArea + 16]);
        a.movaps(xmm9, __xmmword_ptr[rsi + RandomArea + 32]);
        a.movapd(xmm10, __xmmword_ptr[rsi + RandomArea + 48]);
        Fold(a, xmm8, 1);
        Fold(a, xmm9, 1);
        Fold(a, xmm10, 1);
        a.movdqa(__xmmword_ptr[rsi + StoreArea + 176], xmm13);
        a.movaps(__xmmword_ptr[rsi + StoreArea + 192], xmm1);
        a.movapd(__xmmword_ptr[rsi + StoreArea + 208], xmm7);
        a.movntdq(__xmmword_ptr[rsi + StoreArea + 224], xmm0);
        a.movntps(__xmmword_ptr[rsi + StoreArea + 240], xmm3);
        a.movntpd(__xmmword_ptr[rsi + StoreArea + 256], xmm6);
        a.paddq(xmm13, __xmmword_ptr[rsi + StoreArea]);
        a.paddq(xmm13, __xmmword_ptr[rsi + StoreArea + 16]);
        a.paddq(xmm13, __xmmword_ptr[rsi + StoreArea + 48]);
        a.paddq(xmm13, __xmmword_ptr[rsi + StoreArea + 64]);
        a.paddq(xmm13, __xmmword_ptr[rsi + StoreArea + 96]);
        a.paddq(xmm13, __xmmword_ptr[rsi + StoreArea + 128]);
    }, iterations);

    private static unsafe ulong XmmLane(TestMachine m, int reg, int half) => m.Cpu.State->Xmm[2 * reg + half];

    private static unsafe string XmmState(TestMachine m)
    {
        var parts = new string[16];
        for (int i = 0; i < 16; i++) parts[i] = $"xmm{i}={m.Cpu.State->Xmm[2 * i + 1]:x16}{m.Cpu.State->Xmm[2 * i]:x16}";
        return string.Join(' ', parts);
    }

    /// <summary>
    /// <see cref="RunBoth"/> that also compares all XMM registers after every slice. The kernels'
    /// blocks are long (up to 128 instructions) and a compiled block runs only when the budget
    /// covers it, so slices go up to <paramref name="maxSlice"/> in a scattered order; the test
    /// fails unless most instructions ran in compiled blocks.
    /// </summary>
    private static (TestMachine Jit, TestMachine Interp) RunBothSse(byte[] code, int maxSlice = 2500, ulong limit = 5_000_000, bool mostlyCompiled = true)
    {
        var jit = new TestMachine(code, Jit);
        var interp = new TestMachine(code, Interp);
        jit.Cpu.Jit.Profiling = true;
        ulong stop = 0;
        for (int n = 0; !jit.Cpu.Halted && stop < limit; n++)
        {
            stop += (ulong)(1 + n * 37 % maxSlice);
            bool hj = jit.Cpu.Run(stop);
            bool hi = interp.Cpu.Run(stop);
            Assert.Equal(hi, hj);
            Assert.Equal(interp.Cpu.InstructionCount, jit.Cpu.InstructionCount);
            Assert.True(interp.Registers() == jit.Registers(), $"registers differ after {stop} instructions:\n{jit.Registers()}\n{interp.Registers()}");
            Assert.True(XmmState(interp) == XmmState(jit), $"XMM registers differ after {stop} instructions:\n{XmmState(jit)}\n{XmmState(interp)}");
            if (n % 16 == 0) Assert.Equal(interp.Hash(), jit.Hash());
        }
        Assert.True(jit.Cpu.Halted, "the kernel did not finish");
        Assert.Equal(interp.Hash(), jit.Hash());
        Assert.True(jit.Cpu.Jit.CompiledBlockRuns > 0);
        if (mostlyCompiled)
            Assert.True(jit.Cpu.Jit.CompiledOpRuns * 2 > (long)jit.Cpu.InstructionCount,
                $"only {jit.Cpu.Jit.CompiledOpRuns} of {jit.Cpu.InstructionCount} instructions ran compiled");
        return (jit, interp);
    }

    public static TheoryData<string> SseKernels => new() { "binary", "immediate", "move" };

    private static byte[] Kernel(string name, int? iterations = null) => name switch
    {
        "binary" => iterations is int n ? BinaryOpsKernel(n) : BinaryOpsKernel(),
        "immediate" => iterations is int m ? ImmediateOpsKernel(m) : ImmediateOpsKernel(),
        _ => iterations is int k ? MoveOpsKernel(k) : MoveOpsKernel(),
    };

    [Theory]
    [MemberData(nameof(SseKernels))]
    public void SseIntegerFormsMatchTheInterpreter(string kernel)
    {
        var (jit, interp) = RunBothSse(Kernel(kernel));
        Assert.Empty(jit.Faults);
        Assert.Empty(interp.Faults);
        // The folds saw data (a kernel that computed nothing would agree trivially).
        Assert.NotEqual(0UL, XmmLane(jit, 13, 0) | XmmLane(jit, 13, 1));
        Assert.NotEqual(0UL, jit.Cpu.Gpr(Reg.R15) | jit.Cpu.Gpr(Reg.R14));
    }

    /// <summary>Short slices: runs stop at many counts around and between the compiled blocks.</summary>
    [Theory]
    [MemberData(nameof(SseKernels))]
    public void SseIntegerFormsInShortSlices(string kernel)
    {
        RunBothSse(Kernel(kernel, iterations: 10), maxSlice: 300, mostlyCompiled: false);
    }

    /// <summary>Every SSE instruction of the kernels runs inline; PSIGNB (no inline form) shows that the probe sees handler calls.</summary>
    [Theory]
    [MemberData(nameof(SseKernels))]
    public void SseIntegerFormsAreInline(string kernel)
    {
        using var machine = new TestMachine(Kernel(kernel, iterations: 5), Jit);
        machine.Cpu.Jit.Profiling = true;
        machine.Cpu.Run(10_000_000);
        Assert.True(machine.Cpu.Halted);
        Assert.Empty(machine.Faults);
        var fallbacks = machine.Cpu.Jit.FallbackProfile().Select(e => e.Code).ToHashSet();
        Assert.Contains(Code.Psignb_xmm_xmmm128, fallbacks);
        fallbacks.Remove(Code.Psignb_xmm_xmmm128);
        Assert.Empty(fallbacks);
    }
}
