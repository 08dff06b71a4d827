using FtEmu.Cpu;

namespace FtEmu.Tests.Memory;

/// <summary>
/// Guest pages in the host window (the lowest and the highest 2 GiB of the address space) and pages
/// with storage of their own behave alike: no two guest pages share host memory (the window keeps
/// only the low 32 bits of an address), an unmapped or remapped page reads as zero again, pages a
/// remap leaves alone keep their contents, and the resident-page count (the guest's ru_maxrss) is
/// the same wherever a page lives. The same holds without a window (a host that cannot reserve one).
/// </summary>
public sealed class GuestMemoryWindowTests
{
    private const ulong Page = GuestMemory.PageSize;

    /// <summary>Page addresses in the low half, in the high half, and outside the window with the same low 32 bits as a window page.</summary>
    public static readonly ulong[] Places =
    {
        0x10000,
        HostWindow.LowEnd - Page, // the last low-half page
        0x1_0001_0000, // 0x10000 plus 4 GiB: outside, aliases the first
        HostWindow.HighStart - Page, // just below the high half: outside
        HostWindow.HighStart, // the first high-half page
        GuestMemory.AddressLimit - Page, // the last user page
        0x5555_0000_0000, // the middle of the address space
    };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void PagesWithTheSameLow32BitsKeepTheirOwnContents(bool hostWindow)
    {
        using var m = new GuestMemory(hostWindow);
        foreach (var p in Places) m.Map(p, Page, Protection.ReadWrite);
        for (int round = 0; round < 2; round++) // the second round runs on filled TLB entries
        {
            for (int i = 0; i < Places.Length; i++)
            {
                m.Write64(Places[i] + 8, 0x1111_0000UL + (ulong)(i + round));
                m.Write16(Places[i] + Page - 1 - 1, (ushort)(0xA0 + i));
            }
            for (int i = 0; i < Places.Length; i++)
            {
                Assert.Equal(0x1111_0000UL + (ulong)(i + round), m.Read64(Places[i] + 8));
                Assert.Equal((ushort)(0xA0 + i), m.Read16(Places[i] + Page - 2));
                Assert.Equal(0UL, m.Read64(Places[i] + 16));
            }
        }
        Assert.Equal(Places.Length, m.ResidentPages);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AnUnmappedOrRemappedPageReadsAsZeroAndItsNeighboursKeepTheirContents(bool hostWindow)
    {
        foreach (var start in new[] { 0x20_0000UL, HostWindow.HighStart + 0x40_0000, 0x5555_0000_0000UL })
        {
            using var m = new GuestMemory(hostWindow);
            m.Map(start, 8 * Page, Protection.ReadWrite);
            for (ulong k = 0; k < 8; k++) m.Write64(start + k * Page + 40, 0xC0DE_0000 + k);
            Assert.Equal(8, m.ResidentPages);

            m.Unmap(start + Page, 3 * Page); // a run of written pages
            m.Map(start + 5 * Page, Page, Protection.Read); // one written page, replaced
            Assert.Equal(4, m.ResidentPages);
            Assert.Throws<GuestFault>(() => m.Read8(start + 2 * Page));
            m.Map(start + Page, 3 * Page, Protection.ReadWrite);
            for (ulong k = 0; k < 8; k++)
            {
                ulong expected = k is >= 1 and <= 3 or 5 ? 0 : 0xC0DE_0000 + k;
                Assert.Equal(expected, m.Read64(start + k * Page + 40));
            }
            Assert.Throws<GuestFault>(() => m.Write8(start + 5 * Page, 1));
            Assert.Equal(4, m.ResidentPages);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WrittenPagesCountTheSameInsideAndOutsideTheWindow(bool hostWindow)
    {
        using var m = new GuestMemory(hostWindow);
        foreach (var p in Places)
        {
            m.Map(p, Page, Protection.ReadWrite);
            Assert.Equal(0UL, m.Read64(p)); // reading gives no storage
        }
        Assert.Equal(0, m.ResidentPages);
        foreach (var p in Places) m.WriteInitial(p + 100, new byte[] { 1, 2, 3 });
        Assert.Equal(Places.Length, m.ResidentPages);
        foreach (var p in Places) m.Unmap(p, Page);
        Assert.Equal(0, m.ResidentPages);
    }
}
