namespace FtEmu.Cpu;

public static unsafe partial class Inst
{
    private static void RegisterShift(OpcodeRegistry r)
    {
    }
}
