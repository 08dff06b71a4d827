using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>Feeds Iced bytes from executable guest pages; an unmapped or non-executable byte ends the stream.</summary>
internal sealed class GuestCodeReader : CodeReader
{
    private readonly GuestMemory _memory;

    public GuestCodeReader(GuestMemory memory) => _memory = memory;

    public ulong Position { get; set; }

    public override unsafe int ReadByte()
    {
        try
        {
            byte* page = _memory.TranslateExec(Position);
            return page[Position++ & GuestMemory.PageMask];
        }
        catch (GuestFault)
        {
            return -1;
        }
    }
}
