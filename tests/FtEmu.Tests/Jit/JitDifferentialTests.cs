using FtEmu.Cpu;
using FtEmu.DiffTest;
using Iced.Intel;
using Xunit.Abstractions;

namespace FtEmu.Tests.Jit;

/// <summary>
/// The differential tester's generated cases (random and edge operands, memory operands in and
/// out of the data page, faults) for every claimed Code the JIT emits inline, run as a compiled
/// block and by the interpreter: registers, RIP, RFLAGS, vector state, the data page and the
/// fault must agree. The instruction is followed by INT3, so the block is the instruction (and
/// the INT3 when it does not end the block), run to its end in both engines.
/// </summary>
public class JitDifferentialTests(ITestOutputHelper output)
{
    private const int CasesPerCode = 60;
    private const ulong Seed = 0x11D1_2026;

    [Fact]
    public void EveryInlineCodeMatchesTheInterpreterOnGeneratedCases()
    {
        var gen = new CaseGenerator(Seed);
        var inline = new Dictionary<Code, int>();
        var mismatches = new List<string>();
        using var interp = new EngineRunner(jit: false);
        using var jit = new EngineRunner(jit: true);
        var codes = ClaimedCodes.All().Where(c => ClaimedCodes.ExclusionReason(c) == null).ToList();
        long index = 0;
        foreach (var code in codes)
        {
            for (int k = 0; k < CasesPerCode; k++)
            {
                var c = gen.Generate(index++, code);
                if (c == null) break;
                var decoder = Decoder.Create(64, c.Bytes);
                decoder.IP = Layout.CodeBase;
                var ins = decoder.Decode();
                var op = BlockDecoder.Translate(in ins);
                if (JitInlineTable.Classify(in op).Form == JitForm.Fallback) continue; // e.g. a LOCK prefix, or a Code that is not inline
                inline[code] = inline.GetValueOrDefault(code) + 1;
                var a = interp.Run(c);
                var b = jit.Run(c);
                if (a != b && mismatches.Count < 20) mismatches.Add($"{code} {c.Disassembly()} {Convert.ToHexString(c.Bytes)}\n  interp {a}\n  jit    {b}");
            }
        }
        output.WriteLine($"{inline.Count} inline Codes, {inline.Values.Sum()} cases");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.True(inline.Count > 300, $"only {inline.Count} inline Codes were generated");
        foreach (var m in new[] { Code.Bt_rm64_r64, Code.Bts_rm32_imm8, Code.Div_rm64, Code.Idiv_rm8, Code.Mul_rm32, Code.Imul_rm16,
                     Code.Shld_rm64_r64_CL, Code.Shrd_rm16_r16_imm8, Code.Rcl_rm8_CL, Code.Rcr_rm64_imm8, Code.Rol_rm32_CL,
                     Code.Xchg_rm64_r64, Code.Cqo, Code.Cwde, Code.Tzcnt_r32_rm32, Code.Popcnt_r64_rm64, Code.Cmc, Code.Leaveq,
                     Code.Sqrtsd_xmm_xmmm64, Code.Sqrtpd_xmm_xmmm128, Code.Ucomisd_xmm_xmmm64, Code.Comisd_xmm_xmmm64,
                     Code.Cvtsi2sd_xmm_rm32, Code.Cvtsi2sd_xmm_rm64, Code.Cvttsd2si_r32_xmmm64, Code.Cvttsd2si_r64_xmmm64,
                     Code.Minsd_xmm_xmmm64, Code.Maxsd_xmm_xmmm64, Code.Minpd_xmm_xmmm128, Code.Maxpd_xmm_xmmm128 })
            Assert.True(inline.ContainsKey(m), $"{m} had no inline case");
    }

    /// <summary>One Cpu per engine, set up as the differential tester's emulator runner sets up its.</summary>
    private sealed class EngineRunner : IDisposable, ICpuEnvironment
    {
        private readonly GuestMemory _memory = new();
        private readonly FtEmu.Cpu.Cpu _cpu;
        private readonly bool _jit;
        private readonly byte[] _code = new byte[Layout.CodeSize];
        private readonly byte[] _data = new byte[Layout.DataSize];
        private GuestFault? _fault;

        public EngineRunner(bool jit)
        {
            _jit = jit;
            _memory.Map(Layout.CodeBase, Layout.CodeSize, Protection.All);
            _memory.Map(Layout.DataBase, Layout.DataSize, Protection.ReadWrite);
            _cpu = new FtEmu.Cpu.Cpu(_memory, this);
            _cpu.Configure(new CpuEngineOptions { Engine = jit ? CpuEngine.Jit : CpuEngine.Interpreter, JitThreshold = 1_000_000 });
        }

        public string Run(DiffCase c)
        {
            EmulatorRunner.Load(_cpu, _memory, c, _code, _data);
            _fault = null;
            var block = _cpu.Blocks.Get(Layout.CodeBase);
            if (_jit) _cpu.Jit.CompileNow(block, _cpu.Blocks);
            _cpu.Run((ulong)block.Ops.Length);
            var fx = new byte[512];
            _cpu.FxSave(fx);
            var data = new byte[Layout.DataSize];
            _memory.TryRead(Layout.DataBase, data);
            var sb = new System.Text.StringBuilder();
            for (int i = 0; i < 16; i++) sb.Append($"r{i}={_cpu.Gpr(i):x} ");
            sb.Append($"rip={_cpu.Rip:x} rflags={_cpu.Rflags:x} count={_cpu.InstructionCount} ");
            sb.Append(_fault == null ? "no fault " : $"fault {_fault.Signal}/{_fault.Code}@{_fault.Address:x} ");
            sb.Append($"fx={Convert.ToHexString(fx.AsSpan(0, 416))} data={Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(data))}");
            return sb.ToString();
        }

        void ICpuEnvironment.Syscall(FtEmu.Cpu.Cpu cpu) => cpu.Halted = true;

        void ICpuEnvironment.Fault(FtEmu.Cpu.Cpu cpu, GuestFault fault)
        {
            _fault ??= fault;
            cpu.Halted = true;
        }

        ulong ICpuEnvironment.ReadTimestampCounter(FtEmu.Cpu.Cpu cpu) => 0;

        public void Dispose()
        {
            _cpu.Dispose();
            _memory.Dispose();
        }
    }
}
