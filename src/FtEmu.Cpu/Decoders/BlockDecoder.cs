using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>Decodes guest code with Iced into blocks of <see cref="DecodedOp"/>, each bound to its handler.</summary>
public sealed unsafe class BlockDecoder
{
    /// <summary>Instructions per block at most; longer straight-line code is split.</summary>
    public const int MaxBlockLength = 128;

    private readonly GuestCodeReader _reader;
    private readonly Decoder _decoder;
    // An array, not a List: List<DecodedOp> is framework code over our struct that ReadyToRun cannot
    // precompile, so every start JIT-compiled it (and ran its unoptimised code until tier-up).
    private readonly DecodedOp[] _scratch = new DecodedOp[MaxBlockLength];

    public BlockDecoder(GuestMemory memory)
    {
        _reader = new GuestCodeReader(memory);
        _decoder = Decoder.Create(64, _reader, DecoderOptions.None);
    }

    public Block Decode(ulong ip)
    {
        int n = 0;
        _reader.Position = ip;
        _decoder.IP = ip;
        ulong next = ip;
        while (n < MaxBlockLength)
        {
            _decoder.Decode(out var instr);
            if (instr.IsInvalid)
            {
                // Undecodable bytes end the block before them; on their own they become a faulting op.
                if (n == 0) _scratch[n++] = FaultOp(ip, _decoder.LastError);
                break;
            }
            _scratch[n++] = Translate(in instr);
            next = instr.NextIP;
            if (EndsBlock(in instr)) break;
        }
        ulong end = n == 1 && _scratch[0].Length == 0 ? ip + 1 : next;
        var ops = new DecodedOp[n];
        Array.Copy(_scratch, ops, n);
        return new Block(ip, ops, end);
    }

    private static bool EndsBlock(in Instruction instr) =>
        instr.FlowControl != FlowControl.Next || instr.Code == Code.Syscall || OpcodeTable.EndsBlock(instr.Code);

    private static DecodedOp FaultOp(ulong ip, DecoderError error) => new()
    {
        Exec = error == DecoderError.NoMoreBytes ? &Inst.FetchFault : &Inst.InvalidOpcode,
        NextIp = ip,
        Length = 0,
        Code = Code.INVALID,
    };

    /// <summary>Flattens one Iced instruction into a <see cref="DecodedOp"/>.</summary>
    public static DecodedOp Translate(in Instruction instr)
    {
        var op = new DecodedOp
        {
            Exec = OpcodeTable.Handler(instr.Code),
            Code = instr.Code,
            NextIp = instr.NextIP,
            Length = (byte)instr.Length,
            Base = Reg.None,
            Index = Reg.None,
            OpCount = (byte)instr.OpCount,
        };
        if (instr.ConditionCode != ConditionCode.None) op.Cond = (byte)Inst.ConditionOf(instr.ConditionCode);
        if (instr.HasLockPrefix) op.Prefix |= OpPrefix.Lock;
        if (instr.HasRepPrefix) op.Prefix |= OpPrefix.Rep;
        if (instr.HasRepnePrefix) op.Prefix |= OpPrefix.Repne;

        bool haveImm = false;
        int count = Math.Min(instr.OpCount, 4);
        for (int i = 0; i < count; i++)
        {
            var kind = instr.GetOpKind(i);
            OperandKind k;
            byte reg = 0, size = 0;
            switch (kind)
            {
                case Iced.Intel.OpKind.Register:
                    (k, reg, size) = RegisterMap.Map(instr.GetOpRegister(i));
                    break;
                case Iced.Intel.OpKind.Memory:
                    k = OperandKind.Memory;
                    size = (byte)MemorySizeBytes(instr.MemorySize);
                    FillMemory(ref op, in instr);
                    break;
                case Iced.Intel.OpKind.NearBranch16:
                case Iced.Intel.OpKind.NearBranch32:
                case Iced.Intel.OpKind.NearBranch64:
                    k = OperandKind.Immediate;
                    op.Imm = instr.NearBranchTarget;
                    size = 8;
                    haveImm = true;
                    break;
                case Iced.Intel.OpKind.Immediate8:
                case Iced.Intel.OpKind.Immediate16:
                case Iced.Intel.OpKind.Immediate32:
                case Iced.Intel.OpKind.Immediate64:
                case Iced.Intel.OpKind.Immediate8to16:
                case Iced.Intel.OpKind.Immediate8to32:
                case Iced.Intel.OpKind.Immediate8to64:
                case Iced.Intel.OpKind.Immediate32to64:
                case Iced.Intel.OpKind.Immediate8_2nd:
                    k = OperandKind.Immediate;
                    if (!haveImm) op.Imm = instr.GetImmediate(i);
                    else op.Imm2 = instr.GetImmediate(i);
                    size = ImmediateSize(kind);
                    haveImm = true;
                    break;
                case Iced.Intel.OpKind.MemorySegSI:
                case Iced.Intel.OpKind.MemorySegESI:
                case Iced.Intel.OpKind.MemorySegRSI:
                case Iced.Intel.OpKind.MemoryESDI:
                case Iced.Intel.OpKind.MemoryESEDI:
                case Iced.Intel.OpKind.MemoryESRDI:
                case Iced.Intel.OpKind.MemorySegDI:
                case Iced.Intel.OpKind.MemorySegEDI:
                case Iced.Intel.OpKind.MemorySegRDI:
                    // String operands: handlers use RSI/RDI and the element size.
                    k = OperandKind.Memory;
                    size = (byte)MemorySizeBytes(instr.MemorySize);
                    if (kind is Iced.Intel.OpKind.MemorySegESI or Iced.Intel.OpKind.MemoryESEDI or Iced.Intel.OpKind.MemorySegEDI)
                        op.Prefix |= OpPrefix.Address32;
                    if (instr.SegmentPrefix == Register.FS) op.Segment = 1;
                    else if (instr.SegmentPrefix == Register.GS) op.Segment = 2;
                    break;
                default:
                    k = OperandKind.Other;
                    break;
            }
            SetOperand(ref op, i, k, reg, size);
        }
        var fast = Inst.FastPath(instr.Mnemonic, in op);
        if (fast != null) op.Exec = fast;
        return op;
    }

    private static void SetOperand(ref DecodedOp op, int i, OperandKind k, byte reg, byte size)
    {
        switch (i)
        {
            case 0: op.Kind0 = k; op.Reg0 = reg; op.Size0 = size; break;
            case 1: op.Kind1 = k; op.Reg1 = reg; op.Size1 = size; break;
            case 2: op.Kind2 = k; op.Reg2 = reg; op.Size2 = size; break;
            default: op.Kind3 = k; op.Reg3 = reg; op.Size3 = size; break;
        }
    }

    private static void FillMemory(ref DecodedOp op, in Instruction instr)
    {
        if (instr.IsIPRelativeMemoryOperand)
        {
            op.Disp = instr.IPRelativeMemoryAddress;
        }
        else
        {
            op.Base = RegisterMap.AddressRegister(instr.MemoryBase);
            op.Index = RegisterMap.AddressRegister(instr.MemoryIndex);
            op.ScaleShift = (byte)System.Numerics.BitOperations.Log2((uint)Math.Max(1, instr.MemoryIndexScale));
            op.Disp = instr.MemoryDisplacement64;
            if (instr.MemoryBase.IsGPR32() || instr.MemoryIndex.IsGPR32()) op.Prefix |= OpPrefix.Address32;
        }
        var seg = instr.MemorySegment;
        if (seg == Register.FS) op.Segment = 1;
        else if (seg == Register.GS) op.Segment = 2;
    }

    private static byte ImmediateSize(Iced.Intel.OpKind kind) => kind switch
    {
        Iced.Intel.OpKind.Immediate8 or Iced.Intel.OpKind.Immediate8_2nd => 1,
        Iced.Intel.OpKind.Immediate16 or Iced.Intel.OpKind.Immediate8to16 => 2,
        Iced.Intel.OpKind.Immediate32 or Iced.Intel.OpKind.Immediate8to32 => 4,
        _ => 8,
    };

    /// <summary>Bytes accessed by a memory operand of the given Iced size (0 for unsized, e.g. LEA).</summary>
    public static int MemorySizeBytes(MemorySize size) => size.GetSize();
}
