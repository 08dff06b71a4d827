using System.Runtime.Intrinsics.X86;
using System.Text;

namespace FtEmu.DiffTest;

/// <summary>
/// The host CPU's vendor. FtEmu presents itself as GenuineIntel and follows Intel hardware where CPUs
/// differ (the operand order of DPPS/DPPD's adds, which picks the NaN of two); a test that compares
/// such a guest with the host compares with Intel's output recorded in guest-images/expected/ when the
/// host is another vendor's.
/// </summary>
public static class HostCpu
{
    public static string Vendor { get; } = ReadVendor();

    public static bool IsIntel => Vendor == "GenuineIntel";

    private static string ReadVendor()
    {
        if (!X86Base.IsSupported) return "";
        var (_, ebx, ecx, edx) = X86Base.CpuId(0, 0);
        var bytes = new byte[12];
        BitConverter.TryWriteBytes(bytes.AsSpan(0), ebx);
        BitConverter.TryWriteBytes(bytes.AsSpan(4), edx);
        BitConverter.TryWriteBytes(bytes.AsSpan(8), ecx);
        return Encoding.ASCII.GetString(bytes);
    }
}
