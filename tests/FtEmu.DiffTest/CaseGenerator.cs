using System.Buffers.Binary;
using Iced.Intel;

namespace FtEmu.DiffTest;

/// <summary>
/// Builds random cases for one Iced Code: operands chosen from the Code's OpCodeInfo (register and
/// memory forms, immediates, branch targets inside the code page), a random initial state with edge
/// values, and the set-up a few instruction families need to do something interesting (string ops
/// with small RCX, DIV with a divisor that fits, RET to the code page, valid FXRSTOR images, ...).
/// Case <c>i</c> of a run depends only on (seed, i), so any case can be rebuilt.
/// </summary>
public sealed class CaseGenerator
{
    private const int RAX = 0, RCX = 1, RDX = 2, RBX = 3, RSP = 4, RBP = 5, RSI = 6, RDI = 7;
    private const int Tries = 20;

    private static readonly Register[] s_gpr64 =
    [
        Register.RAX, Register.RCX, Register.RDX, Register.RBX, Register.RSP, Register.RBP, Register.RSI, Register.RDI,
        Register.R8, Register.R9, Register.R10, Register.R11, Register.R12, Register.R13, Register.R14, Register.R15,
    ];

    private readonly ulong _seed;
    private readonly Encoder _encoder;
    private readonly CodeWriterImpl _writer = new();

    public CaseGenerator(ulong seed)
    {
        _seed = seed;
        _encoder = Encoder.Create(64, _writer);
    }

    private sealed class CodeWriterImpl : CodeWriter
    {
        public readonly List<byte> Bytes = new();
        public override void WriteByte(byte value) => Bytes.Add(value);
    }

    /// <summary>The case for (seed, index) with the given Code, or null when no encoding could be built.</summary>
    public DiffCase? Generate(long index, Code code)
    {
        var r = new Rng(_seed ^ ((ulong)index * 0xD6E8FEB86659FD93UL));
        for (int attempt = 0; attempt < Tries; attempt++)
        {
            var b = new Builder(r, code);
            if (!b.Build()) continue;
            _writer.Bytes.Clear();
            if (!_encoder.TryEncode(b.Ins, Layout.CodeBase, out _, out _)) continue;
            if (_writer.Bytes.Count > Layout.MaxInstructionLength) continue;
            var c = new DiffCase { Index = index, Code = code, Bytes = _writer.Bytes.ToArray() };
            b.Fill(c);
            return c;
        }
        return null;
    }

    /// <summary>Explains why <paramref name="code"/> cannot be encoded (for the coverage report).</summary>
    public string EncodeError(Code code)
    {
        var r = new Rng(_seed);
        var b = new Builder(r, code);
        if (!b.Build()) return "no operand plan";
        _writer.Bytes.Clear();
        return _encoder.TryEncode(b.Ins, Layout.CodeBase, out _, out var err) ? "ok" : err ?? "?";
    }

    /// <summary>One attempt at a case: the instruction plus the state and memory it starts from.</summary>
    private sealed class Builder
    {
        private readonly Rng _r;
        private readonly Code _code;
        private readonly OpCodeInfo _op;
        private readonly Mnemonic _mn;
        public Instruction Ins;
        private readonly ulong[] _gpr = new ulong[16];
        private readonly byte[] _fx = new byte[DiffCase.FxSize];
        private ulong _rflags;
        private readonly List<(int, byte[])> _patches = new();
        private readonly HashSet<int> _usedRegs = new();
        private ulong _memAddr;
        private int _memSize;
        private bool _hasMem;
        private int _memBase = -1, _memIndex = -1;

        public Builder(Rng r, Code code)
        {
            _r = r;
            _code = code;
            _op = code.ToOpCode();
            _mn = code.Mnemonic();
        }

        public bool Build()
        {
            for (int i = 0; i < 16; i++) _gpr[i] = EdgeValues.Int(_r);
            _gpr[RSP] = Layout.StackTop + (ulong)(_r.Below(0x100) * 8) - 0x400 + (_r.Chance(5) ? (ulong)_r.Below(8) : 0);
            _rflags = 0x202 | (_r.Next() & 0x8D5) | (_r.Chance(25) ? 0x400UL : 0);
            RandomFpState();

            Ins = default;
            Ins.Code = _code;
            bool hadImm = false;
            for (int i = 0; i < _op.OpCount; i++)
                if (!Operand(i, _op.GetOpKind(i), ref hadImm)) return false;
            Prefixes();
            Setup();
            return true;
        }

        public void Fill(DiffCase c)
        {
            _gpr.CopyTo(c.Gpr, 0);
            c.Rflags = _rflags;
            _fx.CopyTo(c.Fx, 0);
            c.DataSeed = _r.Next();
            c.Patches.AddRange(_patches);
        }

        // ---- operands ----

        private bool Operand(int i, OpCodeOperandKind kind, ref bool hadImm)
        {
            switch (kind)
            {
                case OpCodeOperandKind.r8_or_mem:
                case OpCodeOperandKind.r16_or_mem:
                case OpCodeOperandKind.r32_or_mem:
                case OpCodeOperandKind.r64_or_mem:
                case OpCodeOperandKind.xmm_or_mem:
                    if (_r.Chance(50)) return Memory(i);
                    return Reg(i, kind);
                case OpCodeOperandKind.mem:
                    return Memory(i);
                case OpCodeOperandKind.mem_offs:
                    MemoryAddress();
                    Ins.SetOpKind(i, OpKind.Memory);
                    Ins.MemoryBase = Register.None;
                    Ins.MemoryDisplacement64 = _memAddr;
                    Ins.MemoryDisplSize = 8;
                    return true;
                case OpCodeOperandKind.r8_reg or OpCodeOperandKind.r8_opcode:
                case OpCodeOperandKind.r16_reg or OpCodeOperandKind.r16_rm or OpCodeOperandKind.r16_opcode or OpCodeOperandKind.r16_reg_mem:
                case OpCodeOperandKind.r32_reg or OpCodeOperandKind.r32_rm or OpCodeOperandKind.r32_opcode or OpCodeOperandKind.r32_vvvv or OpCodeOperandKind.r32_reg_mem:
                case OpCodeOperandKind.r64_reg or OpCodeOperandKind.r64_rm or OpCodeOperandKind.r64_opcode or OpCodeOperandKind.r64_vvvv or OpCodeOperandKind.r64_reg_mem:
                case OpCodeOperandKind.xmm_reg or OpCodeOperandKind.xmm_rm or OpCodeOperandKind.xmm_vvvv:
                    return Reg(i, kind);
                case OpCodeOperandKind.st0:
                    Ins.SetOpKind(i, OpKind.Register);
                    Ins.SetOpRegister(i, Register.ST0);
                    return true;
                case OpCodeOperandKind.sti_opcode:
                    Ins.SetOpKind(i, OpKind.Register);
                    Ins.SetOpRegister(i, Register.ST0 + _r.Below(8));
                    return true;
                case OpCodeOperandKind.al: return Fixed(i, Register.AL);
                case OpCodeOperandKind.cl: return Fixed(i, Register.CL);
                case OpCodeOperandKind.ax: return Fixed(i, Register.AX);
                case OpCodeOperandKind.dx: return Fixed(i, Register.DX);
                case OpCodeOperandKind.eax: return Fixed(i, Register.EAX);
                case OpCodeOperandKind.rax: return Fixed(i, Register.RAX);
                case OpCodeOperandKind.es: return Fixed(i, Register.ES);
                case OpCodeOperandKind.cs: return Fixed(i, Register.CS);
                case OpCodeOperandKind.ss: return Fixed(i, Register.SS);
                case OpCodeOperandKind.ds: return Fixed(i, Register.DS);
                case OpCodeOperandKind.fs: return Fixed(i, Register.FS);
                case OpCodeOperandKind.gs: return Fixed(i, Register.GS);
                case OpCodeOperandKind.seg_reg:
                    return Fixed(i, Register.ES + _r.Below(6));
                case OpCodeOperandKind.cr_reg:
                    return Fixed(i, _r.Pick(new[] { Register.CR0, Register.CR2, Register.CR3, Register.CR4, Register.CR8 }));
                case OpCodeOperandKind.dr_reg:
                    return Fixed(i, Register.DR0 + _r.Below(8));
                case OpCodeOperandKind.imm8:
                    Ins.SetOpKind(i, hadImm ? OpKind.Immediate8_2nd : OpKind.Immediate8);
                    Ins.SetImmediate(i, Imm8());
                    hadImm = true;
                    return true;
                case OpCodeOperandKind.imm8_const_1:
                    Ins.SetOpKind(i, OpKind.Immediate8);
                    Ins.SetImmediate(i, 1);
                    hadImm = true;
                    return true;
                case OpCodeOperandKind.imm8sex16:
                    return Imm(i, OpKind.Immediate8to16, (ulong)(long)(sbyte)Imm8(), ref hadImm);
                case OpCodeOperandKind.imm8sex32:
                    return Imm(i, OpKind.Immediate8to32, (ulong)(long)(sbyte)Imm8(), ref hadImm);
                case OpCodeOperandKind.imm8sex64:
                    return Imm(i, OpKind.Immediate8to64, (ulong)(long)(sbyte)Imm8(), ref hadImm);
                case OpCodeOperandKind.imm16:
                    return Imm(i, OpKind.Immediate16, (ushort)EdgeValues.Int(_r, 16), ref hadImm);
                case OpCodeOperandKind.imm32:
                    return Imm(i, OpKind.Immediate32, (uint)EdgeValues.Int(_r, 32), ref hadImm);
                case OpCodeOperandKind.imm32sex64:
                    return Imm(i, OpKind.Immediate32to64, (ulong)(long)(int)EdgeValues.Int(_r, 32), ref hadImm);
                case OpCodeOperandKind.imm64:
                    return Imm(i, OpKind.Immediate64, EdgeValues.Int(_r), ref hadImm);
                case OpCodeOperandKind.br64_1:
                    Ins.SetOpKind(i, OpKind.NearBranch64);
                    Ins.NearBranch64 = _r.Chance(4) ? Layout.CodeBase - 0x10 : Layout.CodeBase + 16 + (ulong)_r.Below(110);
                    return true;
                case OpCodeOperandKind.br64_4:
                    Ins.SetOpKind(i, OpKind.NearBranch64);
                    Ins.NearBranch64 = _r.Chance(4) ? Layout.CodeBase + 0x100000 : Layout.CodeBase + 16 + (ulong)_r.Below(Layout.CodeSize - 16);
                    return true;
                case OpCodeOperandKind.seg_rSI:
                    Ins.SetOpKind(i, OpKind.MemorySegRSI);
                    return true;
                case OpCodeOperandKind.seg_rDI:
                    Ins.SetOpKind(i, OpKind.MemorySegRDI);
                    return true;
                case OpCodeOperandKind.es_rDI:
                    Ins.SetOpKind(i, OpKind.MemoryESRDI);
                    return true;
                case OpCodeOperandKind.seg_rBX_al:
                    // XLAT: [RBX + AL], set up in Setup.
                    Ins.SetOpKind(i, OpKind.Memory);
                    Ins.MemoryBase = Register.RBX;
                    Ins.MemoryIndex = Register.AL;
                    return true;
                default:
                    return false;
            }
        }

        private bool Imm(int i, OpKind kind, ulong value, ref bool hadImm)
        {
            Ins.SetOpKind(i, kind);
            Ins.SetImmediate(i, value);
            hadImm = true;
            return true;
        }

        private byte Imm8() => _r.Below(4) switch
        {
            0 => (byte)_r.Below(8),
            1 => (byte)_r.Pick(new[] { 0, 1, 7, 8, 15, 16, 31, 32, 33, 63, 64, 0x7F, 0x80, 0xFF }),
            _ => (byte)_r.Next(),
        };

        private bool Fixed(int i, Register reg)
        {
            Ins.SetOpKind(i, OpKind.Register);
            Ins.SetOpRegister(i, reg);
            if (reg.IsGPR()) _usedRegs.Add(reg.GetFullRegister().GetNumber());
            return true;
        }

        private bool Reg(int i, OpCodeOperandKind kind)
        {
            Register reg;
            string k = kind.ToString();
            if (k.StartsWith("xmm", StringComparison.Ordinal)) reg = Register.XMM0 + _r.Below(16);
            else
            {
                int n;
                do n = _r.Below(16); while (n == RSP);
                reg = k[1] switch
                {
                    '8' => n < 4 && _r.Chance(30) ? Register.AH + n : n < 4 ? Register.AL + n : Register.SPL + (n - 4),
                    '1' => Register.AX + n,
                    '3' => Register.EAX + n,
                    _ => Register.RAX + n,
                };
                _usedRegs.Add(n);
            }
            Ins.SetOpKind(i, OpKind.Register);
            Ins.SetOpRegister(i, reg);
            return true;
        }

        /// <summary>Picks the address a memory operand accesses: mostly inside the data region, sometimes at or past its edge.</summary>
        private void MemoryAddress()
        {
            _hasMem = true;
            _memSize = Math.Max(1, Ins.MemorySize.GetSize());
            int size = _memSize;
            int align = size >= 16 ? 16 : size is 8 or 4 or 2 ? size : 1;
            int roll = _r.Below(100);
            if (roll < 90)
            {
                int off = _r.Below(Layout.DataSize - size + 1);
                if (_r.Chance(85)) off &= ~(align - 1);
                _memAddr = Layout.DataBase + (ulong)off;
            }
            else if (roll < 95) _memAddr = Layout.DataBase + Layout.DataSize - (ulong)Math.Max(1, size / 2); // straddles the end
            else if (roll < 98) _memAddr = _r.Chance(50) ? 0x30000000UL + (ulong)_r.Below(0x1000) : (ulong)_r.Below(0x1000);
            else _memAddr = 0x8000000000000000UL | _r.Next(); // non-canonical
        }

        private bool Memory(int i)
        {
            Ins.SetOpKind(i, OpKind.Memory);
            MemoryAddress();
            int roll = _r.Below(100);
            if (roll < 8)
            {
                Ins.MemoryBase = Register.RIP;
                Ins.MemoryDisplacement64 = _memAddr;
                Ins.MemoryDisplSize = 8;
                return true;
            }
            if (roll < 12 && _memAddr < 0x80000000)
            {
                Ins.MemoryBase = Register.None;
                Ins.MemoryDisplacement64 = _memAddr;
                Ins.MemoryDisplSize = 4;
                return true;
            }
            // Base and index avoid the registers instructions use implicitly (RAX, RCX, RDX, RSI, RDI) and RSP.
            int[] pool = [RBX, RBP, 8, 9, 10, 11, 12, 13, 14, 15];
            int b = _r.Pick(pool);
            long disp = _r.Below(3) switch { 0 => 0, 1 => _r.Below(256) - 128, _ => (int)_r.Next() >> 8 };
            ulong idxVal = 0;
            int scale = 1;
            int idx = -1;
            if (_r.Chance(40))
            {
                do idx = _r.Pick(pool); while (idx == b);
                scale = 1 << _r.Below(4);
                idxVal = (ulong)(long)(_r.Below(0x200) - 0x100);
            }
            bool addr32 = roll < 16 && _memAddr < 0x80000000 && !_mn.ToString().StartsWith("Cmpxchg16", StringComparison.Ordinal);
            ulong baseVal = _memAddr - (ulong)disp - idxVal * (ulong)scale;
            if (addr32)
            {
                Ins.MemoryBase = Register.EAX + b;
                if (idx >= 0) Ins.MemoryIndex = Register.EAX + idx;
                baseVal = (uint)baseVal | (_r.Next() << 32); // upper half is ignored with 67h
                if (idx >= 0) idxVal = (uint)idxVal;
            }
            else
            {
                Ins.MemoryBase = s_gpr64[b];
                if (idx >= 0) Ins.MemoryIndex = s_gpr64[idx];
            }
            Ins.MemoryIndexScale = scale;
            Ins.MemoryDisplacement64 = (ulong)disp;
            Ins.MemoryDisplSize = disp == 0 ? 0 : disp is >= -128 and <= 127 ? 1 : addr32 ? 4 : 8;
            _memBase = b;
            _memIndex = idx;
            _gpr[b] = baseVal;
            if (idx >= 0) _gpr[idx] = idxVal;
            PatchOperandValue();
            return true;
        }

        /// <summary>Writes an edge value of the operand's element type at the memory operand.</summary>
        private void PatchOperandValue()
        {
            if (!Layout.InData(_memAddr, _memSize) || _r.Chance(25)) return;
            var ms = Ins.MemorySize;
            var elem = ms.GetElementType();
            int esz = Math.Max(1, elem.GetSize());
            var bytes = new byte[_memSize];
            for (int o = 0; o + esz <= _memSize; o += esz)
            {
                var span = bytes.AsSpan(o);
                switch (elem)
                {
                    case MemorySize.Float32:
                        BinaryPrimitives.WriteUInt32LittleEndian(span, EdgeValues.Float32(_r));
                        break;
                    case MemorySize.Float64:
                        BinaryPrimitives.WriteUInt64LittleEndian(span, EdgeValues.Float64(_r));
                        break;
                    case MemorySize.Float80:
                        var (se, m) = EdgeValues.Float80(_r);
                        BinaryPrimitives.WriteUInt64LittleEndian(span, m);
                        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], se);
                        break;
                    case MemorySize.Bcd:
                        for (int d = 0; d < 9; d++) span[d] = (byte)(_r.Below(10) | (_r.Below(10) << 4));
                        span[9] = (byte)(_r.Chance(50) ? 0x80 : 0);
                        break;
                    default:
                        ulong v = EdgeValues.Int(_r, esz * 8);
                        for (int k = 0; k < esz && k < 8; k++) span[k] = (byte)(v >> (8 * k));
                        for (int k = 8; k < esz; k++) span[k] = (byte)_r.Next();
                        break;
                }
            }
            Patch(_memAddr, bytes);
        }

        private void Patch(ulong address, byte[] bytes)
        {
            if (!Layout.InData(address, bytes.Length)) return;
            _patches.Add(((int)(address - Layout.DataBase), bytes));
        }

        private void Prefixes()
        {
            if (_op.CanUseLockPrefix && _hasMem && _r.Chance(50)) Ins.HasLockPrefix = true;
            // LOCK on a register destination is #UD (SIGILL): a few of those too.
            else if (_op.CanUseLockPrefix && !_hasMem && _r.Chance(3)) Ins.HasLockPrefix = true;
            if (IsString())
            {
                if (_op.CanUseRepPrefix && _r.Chance(60)) Ins.HasRepPrefix = true;
                else if (_op.CanUseRepnePrefix && _r.Chance(60)) Ins.HasRepnePrefix = true;
            }
        }

        private bool IsString() => _mn is Mnemonic.Movsb or Mnemonic.Movsw or Mnemonic.Movsd or Mnemonic.Movsq
            or Mnemonic.Cmpsb or Mnemonic.Cmpsw or Mnemonic.Cmpsd or Mnemonic.Cmpsq
            or Mnemonic.Stosb or Mnemonic.Stosw or Mnemonic.Stosd or Mnemonic.Stosq
            or Mnemonic.Lodsb or Mnemonic.Lodsw or Mnemonic.Lodsd or Mnemonic.Lodsq
            or Mnemonic.Scasb or Mnemonic.Scasw or Mnemonic.Scasd or Mnemonic.Scasq
            or Mnemonic.Insb or Mnemonic.Insw or Mnemonic.Insd or Mnemonic.Outsb or Mnemonic.Outsw or Mnemonic.Outsd;

        // ---- per-family set-up ----

        private void Setup()
        {
            if (IsString() || _mn is Mnemonic.Maskmovdqu or Mnemonic.Xlatb)
            {
                // String pointers inside the data region, leaving room for a short REP run either way.
                _gpr[RSI] = Layout.DataBase + 0x200 + (ulong)_r.Below(Layout.DataSize - 0x400);
                _gpr[RDI] = Layout.DataBase + 0x200 + (ulong)_r.Below(Layout.DataSize - 0x400);
                if (_r.Chance(5)) _gpr[_r.Chance(50) ? RSI : RDI] = Layout.DataBase + Layout.DataSize - 4; // runs off the end
                _gpr[RCX] = _r.Chance(10) ? 0 : (ulong)_r.Below(24);
                if (_mn == Mnemonic.Xlatb) _gpr[RBX] = Layout.DataBase + (ulong)_r.Below(Layout.DataSize - 256);
                if (_mn is Mnemonic.Scasb or Mnemonic.Scasw or Mnemonic.Scasd or Mnemonic.Scasq && _r.Chance(50))
                    _gpr[RAX] = Layout.DataBase; // likely no match: run to RCX = 0
            }
            switch (_mn)
            {
                case Mnemonic.Div or Mnemonic.Idiv:
                    // A high half of 0 (or the sign extension) makes the quotient fit more often than not.
                    if (_r.Chance(60))
                    {
                        if (_code.ToString().Contains("rm8", StringComparison.Ordinal)) _gpr[RAX] = (_gpr[RAX] & ~0xFF00UL) | (_r.Chance(50) ? 0 : 0xFF00UL);
                        else _gpr[RDX] = _mn == Mnemonic.Idiv && (long)_gpr[RAX] < 0 ? ulong.MaxValue : 0;
                    }
                    break;
                case Mnemonic.Loop or Mnemonic.Loope or Mnemonic.Loopne or Mnemonic.Jrcxz or Mnemonic.Jecxz:
                    if (_r.Chance(60)) _gpr[RCX] = (_r.Chance(50) ? _r.Next() & 0xFFFFFFFF00000000UL : 0) + (uint)_r.Below(3);
                    break;
                case Mnemonic.Ret or Mnemonic.Call or Mnemonic.Jmp:
                    SetupIndirect();
                    break;
                case Mnemonic.Popf or Mnemonic.Popfq:
                {
                    // Never TF: a single-step trap would end the case one instruction late natively.
                    ulong f = (_r.Next() & ~0x100UL & 0x3F7FD7UL) | 2;
                    PatchStack(f, _code == Code.Popfw ? 2 : 8);
                    break;
                }
                case Mnemonic.Leave:
                    _gpr[RBP] = Layout.StackTop + (ulong)(_r.Below(0x40) * 8) - 0x100;
                    break;
                case Mnemonic.Enter:
                    _gpr[RBP] = Layout.StackTop + (ulong)(_r.Below(0x40) * 8);
                    Ins.Immediate16 = (ushort)(_r.Below(0x40) * 8);
                    Ins.Immediate8_2nd = (byte)(_r.Chance(70) ? _r.Below(3) : _r.Below(32));
                    break;
                case Mnemonic.Cmpxchg8b or Mnemonic.Cmpxchg16b:
                    if (_hasMem && Layout.InData(_memAddr, _memSize) && _r.Chance(50))
                    {
                        int half = _memSize / 2;
                        _gpr[RAX] = ReadPatched(_memAddr, half);
                        _gpr[RDX] = ReadPatched(_memAddr + (ulong)half, half);
                        if (half == 4)
                        {
                            _gpr[RAX] |= _r.Next() << 32;
                            _gpr[RDX] |= _r.Next() << 32;
                        }
                    }
                    break;
                case Mnemonic.Cmpxchg:
                    if (_r.Chance(50))
                    {
                        int sz = Ins.GetOpRegister(1).GetSize();
                        ulong cur = _hasMem ? (Layout.InData(_memAddr, sz) ? ReadPatched(_memAddr, sz) : 0) : ReadReg(Ins.GetOpRegister(0));
                        ulong m = sz == 8 ? ulong.MaxValue : (1UL << (sz * 8)) - 1;
                        _gpr[RAX] = (_gpr[RAX] & ~m) | (cur & m);
                    }
                    break;
                case Mnemonic.Bt or Mnemonic.Bts or Mnemonic.Btr or Mnemonic.Btc:
                    // A register bit offset with a memory operand addresses up to 2^63 bits away: keep it near.
                    if (_hasMem && Ins.Op1Kind == OpKind.Register)
                    {
                        int n = Ins.GetOpRegister(1).GetFullRegister().GetNumber();
                        if (n != _memBase && n != _memIndex) _gpr[n] = (ulong)(long)(_r.Below(0x400) - 0x200);
                    }
                    break;
                case Mnemonic.Fxrstor or Mnemonic.Fxrstor64:
                    if (_hasMem && _r.Chance(85)) Patch(_memAddr, FxImage());
                    break;
                case Mnemonic.Fldenv or Mnemonic.Frstor:
                    if (_hasMem && _r.Chance(85)) Patch(_memAddr, FpuEnvImage(_memSize));
                    break;
                case Mnemonic.Ldmxcsr:
                    if (_hasMem && _r.Chance(85)) Patch(_memAddr, BitConverter.GetBytes(RandomMxcsr()));
                    break;
                case Mnemonic.Fldcw:
                    if (_hasMem && _r.Chance(85)) Patch(_memAddr, BitConverter.GetBytes(RandomFcw()));
                    break;
            }
        }

        private ulong ReadReg(Register reg)
        {
            if (!reg.IsGPR()) return 0;
            int n = reg.GetFullRegister().GetNumber();
            ulong v = _gpr[n];
            return reg >= Register.AH && reg <= Register.BH ? v >> 8 : v;
        }

        private ulong ReadPatched(ulong address, int size)
        {
            // Operand value patches are written whole; the latest one covering the address wins.
            for (int k = _patches.Count - 1; k >= 0; k--)
            {
                var (off, bytes) = _patches[k];
                ulong start = Layout.DataBase + (ulong)off;
                if (address >= start && address + (ulong)size <= start + (ulong)bytes.Length)
                {
                    ulong v = 0;
                    for (int i = 0; i < size; i++) v |= (ulong)bytes[(int)(address - start) + i] << (8 * i);
                    return v;
                }
            }
            // Not patched: make it so, then the comparison is meaningful.
            var fresh = new byte[size];
            for (int i = 0; i < size; i++) fresh[i] = (byte)_r.Next();
            Patch(address, fresh);
            ulong w = 0;
            for (int i = 0; i < size; i++) w |= (ulong)fresh[i] << (8 * i);
            return w;
        }

        private ulong CodeTarget() => _r.Below(100) switch
        {
            < 85 => Layout.CodeBase + 16 + (ulong)_r.Below(Layout.CodeSize - 16),
            < 92 => Layout.CodeBase + 0x200000 + (ulong)_r.Below(0x1000), // unmapped: fetch fault
            < 96 => Layout.DataBase + (ulong)_r.Below(0x100),             // mapped, not executable
            _ => 0x8000000000000000UL | _r.Next(),                         // non-canonical
        };

        private void PatchStack(ulong value, int size)
        {
            var b = new byte[size];
            for (int i = 0; i < size; i++) b[i] = (byte)(value >> (8 * i));
            Patch(_gpr[RSP], b);
        }

        private void SetupIndirect()
        {
            if (_mn == Mnemonic.Ret)
            {
                if (_r.Chance(90)) PatchStack(CodeTarget(), _code is Code.Retnw or Code.Retnw_imm16 ? 2 : 8);
                return;
            }
            if (Ins.Op0Kind == OpKind.Register && Ins.GetOpRegister(0).IsGPR())
            {
                var reg = Ins.GetOpRegister(0);
                int n = reg.GetFullRegister().GetNumber();
                _gpr[n] = reg.GetSize() == 2 ? (_gpr[n] & ~0xFFFFUL) | (ushort)CodeTarget() : CodeTarget();
            }
            else if (Ins.Op0Kind == OpKind.Memory && _r.Chance(90))
            {
                ulong t = CodeTarget();
                Patch(_memAddr, _memSize == 2 ? BitConverter.GetBytes((ushort)t) : BitConverter.GetBytes(t));
            }
        }

        // ---- floating-point state ----

        private uint RandomMxcsr()
        {
            uint m = 0x1F80;
            m = (m & ~0x6000u) | (uint)(_r.Below(4) << 13);       // rounding
            if (_r.Chance(15)) m |= 0x8000;                         // FTZ
            if (_r.Chance(15)) m |= 0x0040;                         // DAZ
            if (_r.Chance(30)) m |= (uint)_r.Below(64);             // sticky flags
            if (_r.Chance(8)) m &= ~((uint)_r.Below(64) << 7);      // some exceptions unmasked
            return m;
        }

        private ushort RandomFcw()
        {
            int pc = _r.Chance(70) ? 3 : _r.Below(4);
            int rc = _r.Below(4);
            int masks = _r.Chance(90) ? 0x3F : _r.Below(64);
            return (ushort)(0x40 | masks | (pc << 8) | (rc << 10));
        }

        private void RandomFpState()
        {
            var fx = _fx.AsSpan();
            ushort fcw = RandomFcw();
            int top = _r.Below(8);
            // Only masked exception flags: an unmasked pending one would trap at the next x87 instruction.
            int flags = _r.Chance(30) ? _r.Below(64) & fcw & 0x3F : 0;
            int cc = (int)(_r.Next() & 0x4700);
            ushort fsw = (ushort)(cc | flags | (top << 11));
            BinaryPrimitives.WriteUInt16LittleEndian(fx, fcw);
            BinaryPrimitives.WriteUInt16LittleEndian(fx[2..], fsw);
            byte tags = 0;
            for (int i = 0; i < 8; i++)
            {
                // FXSAVE's register slots are in ST(i) order; the abridged tag is by physical register.
                bool valid = _r.Chance(60);
                if (valid) tags |= (byte)(1 << ((top + i) & 7));
                var (se, m) = EdgeValues.Float80(_r);
                BinaryPrimitives.WriteUInt64LittleEndian(fx[(32 + 16 * i)..], valid || _r.Chance(50) ? m : 0);
                BinaryPrimitives.WriteUInt16LittleEndian(fx[(40 + 16 * i)..], valid || _r.Chance(50) ? se : (ushort)0);
            }
            fx[4] = tags;
            BinaryPrimitives.WriteUInt32LittleEndian(fx[24..], RandomMxcsr());
            for (int x = 0; x < 16; x++)
            {
                var lane = fx[(160 + 16 * x)..];
                switch (_r.Below(4))
                {
                    case 0:
                        for (int k = 0; k < 4; k++) BinaryPrimitives.WriteUInt32LittleEndian(lane[(4 * k)..], EdgeValues.Float32(_r));
                        break;
                    case 1:
                        for (int k = 0; k < 2; k++) BinaryPrimitives.WriteUInt64LittleEndian(lane[(8 * k)..], EdgeValues.Float64(_r));
                        break;
                    case 2:
                        for (int k = 0; k < 2; k++) BinaryPrimitives.WriteUInt64LittleEndian(lane[(8 * k)..], EdgeValues.Int(_r));
                        break;
                    default:
                        for (int k = 0; k < 2; k++) BinaryPrimitives.WriteUInt64LittleEndian(lane[(8 * k)..], _r.Next());
                        break;
                }
            }
        }

        /// <summary>A loadable FXSAVE image: valid MXCSR, random x87 and XMM contents.</summary>
        private byte[] FxImage()
        {
            var saved = (byte[])_fx.Clone();
            RandomFpState();
            var img = (byte[])_fx.Clone();
            saved.CopyTo(_fx, 0);
            for (int i = 464; i < 512; i++) img[i] = (byte)_r.Next();
            return img;
        }

        /// <summary>An FLDENV/FRSTOR image (14/28-byte environment, then eight 80-bit registers for FRSTOR).</summary>
        private byte[] FpuEnvImage(int size)
        {
            var img = new byte[size];
            bool env16 = size is 14 or 94;
            int top = _r.Below(8);
            ushort fcw = RandomFcw();
            int flags = _r.Chance(30) ? _r.Below(64) & fcw & 0x3F : 0;
            ushort fsw = (ushort)((uint)(_r.Next() & 0x4700) | (uint)flags | (uint)(top << 11));
            ushort ftw = 0;
            for (int i = 0; i < 8; i++) ftw |= (ushort)((_r.Chance(40) ? 3 : _r.Below(3)) << (2 * i));
            int step = env16 ? 2 : 4;
            BinaryPrimitives.WriteUInt16LittleEndian(img, fcw);
            BinaryPrimitives.WriteUInt16LittleEndian(img.AsSpan(step), fsw);
            BinaryPrimitives.WriteUInt16LittleEndian(img.AsSpan(2 * step), ftw);
            int envSize = env16 ? 14 : 28;
            for (int i = 0; i + envSize + 10 <= size; i += 10)
            {
                var (se, m) = EdgeValues.Float80(_r);
                BinaryPrimitives.WriteUInt64LittleEndian(img.AsSpan(envSize + i), m);
                BinaryPrimitives.WriteUInt16LittleEndian(img.AsSpan(envSize + i + 8), se);
            }
            return img;
        }
    }
}
