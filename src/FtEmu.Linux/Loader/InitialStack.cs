using System.Buffers.Binary;
using System.Text;
using FtEmu.Cpu;

namespace FtEmu.Linux;

/// <summary>Builds the process's initial stack as Linux does: argc, argv, envp, the auxiliary vector and the strings they point to.</summary>
public static class InitialStack
{
    public const ulong StackTop = 0x7ffffffff000;
    public const ulong StackSize = 8UL << 20;

    public const ulong AT_NULL = 0, AT_PHDR = 3, AT_PHENT = 4, AT_PHNUM = 5, AT_PAGESZ = 6, AT_BASE = 7, AT_FLAGS = 8,
        AT_ENTRY = 9, AT_UID = 11, AT_EUID = 12, AT_GID = 13, AT_EGID = 14, AT_PLATFORM = 15, AT_HWCAP = 16,
        AT_CLKTCK = 17, AT_SECURE = 23, AT_RANDOM = 25, AT_HWCAP2 = 26, AT_EXECFN = 31, AT_MINSIGSTKSZ = 51;

    /// <summary>Maps the stack, writes the initial frame and returns the initial RSP.</summary>
    public static ulong Build(GuestMemory memory, LoadedImage image, IReadOnlyList<string> argv, IReadOnlyList<string> envp,
        string execFn, ReadOnlySpan<byte> random16, ProcessIdentity id)
    {
        memory.Map(StackTop - StackSize, StackSize, Protection.ReadWrite);
        ulong sp = StackTop - 8; // the 8-byte end marker

        ulong PushBytes(ReadOnlySpan<byte> bytes)
        {
            sp -= (ulong)bytes.Length;
            memory.WriteInitial(sp, bytes);
            return sp;
        }
        ulong PushString(string s)
        {
            var b = Encoding.UTF8.GetBytes(s + "\0");
            return PushBytes(b);
        }

        ulong execFnAddr = PushString(execFn);
        // Plain loops and arrays here: LINQ's Select to ulong and List of tuples are framework generics
        // ReadyToRun cannot precompile, so they were JIT-compiled at every start.
        var envAddrs = new ulong[envp.Count];
        for (int i = 0; i < envAddrs.Length; i++) envAddrs[i] = PushString(envp[i]);
        var argAddrs = new ulong[argv.Count];
        for (int i = 0; i < argAddrs.Length; i++) argAddrs[i] = PushString(argv[i]);
        ulong platform = PushString("x86_64");
        sp &= ~15UL;
        ulong randomAddr = PushBytes(random16);

        // The auxiliary vector as key, value pairs.
        ulong[] aux =
        [
            AT_PHDR, image.ProgramHeaders, AT_PHENT, 56, AT_PHNUM, (ulong)image.ProgramHeaderCount,
            AT_PAGESZ, GuestMemory.PageSize, AT_BASE, 0, AT_FLAGS, 0, AT_ENTRY, image.Entry,
            AT_UID, id.Uid, AT_EUID, id.EffectiveUid, AT_GID, id.Gid, AT_EGID, id.EffectiveGid,
            AT_SECURE, 0, AT_RANDOM, randomAddr, AT_HWCAP, CpuidModel.Leaf1Edx, AT_HWCAP2, 0,
            AT_CLKTCK, 100, AT_PLATFORM, platform, AT_EXECFN, execFnAddr, AT_MINSIGSTKSZ, 2048, AT_NULL, 0,
        ];

        int words = 1 + argAddrs.Length + 1 + envAddrs.Length + 1 + aux.Length;
        sp -= (ulong)words * 8;
        sp &= ~15UL;
        var frame = new byte[words * 8];
        int o = 0;
        void W(ulong v)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(frame.AsSpan(o), v);
            o += 8;
        }
        W((ulong)argAddrs.Length);
        foreach (var a in argAddrs) W(a);
        W(0);
        foreach (var e in envAddrs) W(e);
        W(0);
        foreach (var a in aux) W(a);
        memory.WriteInitial(sp, frame);
        return sp;
    }
}
