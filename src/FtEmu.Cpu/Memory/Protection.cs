namespace FtEmu.Cpu;

/// <summary>Page permissions, with the same bit values as Linux PROT_*.</summary>
[Flags]
public enum Protection : byte
{
    None = 0,
    Read = 1,
    Write = 2,
    Exec = 4,
    ReadWrite = Read | Write,
    All = Read | Write | Exec,
}
