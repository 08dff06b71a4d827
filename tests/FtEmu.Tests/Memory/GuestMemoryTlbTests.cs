using FtEmu.Cpu;

namespace FtEmu.Tests.Memory;

/// <summary>
/// The TLB hit path (one compare of the page of an access's last byte with the entry of its
/// first): with both pages' entries filled, accesses at every offset near the end of a page give
/// the bytes of a byte-by-byte model, a crossing access still faults on the next page's
/// permissions, writes to a code page still report it, and addresses at the top of the address
/// space fault instead of wrapping into a cached page.
/// </summary>
public sealed class GuestMemoryTlbTests
{
    private const ulong Base = 0x10000000;
    private const ulong Page = GuestMemory.PageSize;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void AccessesNearAPageEndWithBothEntriesFilledMatchAByteModel(int size)
    {
        using var m = new GuestMemory();
        m.Map(Base, 3 * Page, Protection.ReadWrite);
        var model = new byte[3 * Page];
        // Storage in descending order, so that the host page after a guest page's is not the next guest page's.
        for (ulong p = 3; p-- > 0;) m.Write8(Base + p * Page + 64, (byte)(0x40 + p));
        for (ulong p = 0; p < 3; p++) model[p * Page + 64] = (byte)(0x40 + p);
        var rng = new Random(size);
        for (int round = 0; round < 4; round++)
        {
            foreach (ulong offset in Enumerable.Range(0, 48).SelectMany(i => new[] { Page - 24 + (ulong)i, 2 * Page - 24 + (ulong)i }))
            {
                // Fill every page's read and write entries, then access at offset.
                for (ulong p = 0; p < 3; p++) m.Write8(Base + p * Page + 64, m.Read8(Base + p * Page + 64));
                ulong value = (ulong)rng.NextInt64() & Cpu.Cpu.SizeMask(size);
                m.Write(Base + offset, value, size);
                for (int i = 0; i < size; i++) model[offset + (ulong)i] = (byte)(value >> (8 * i));
                for (ulong o = offset - 8; o <= offset + 8; o++)
                {
                    ulong expected = 0;
                    for (int i = 0; i < size; i++) expected |= (ulong)model[o + (ulong)i] << (8 * i);
                    Assert.Equal(expected, m.Read(Base + o, size));
                }
            }
        }
    }

    [Fact]
    public void ACrossingWriteWithACachedFirstPageFaultsOnAReadOnlySecondPage()
    {
        using var m = new GuestMemory();
        m.Map(Base, 2 * Page, Protection.ReadWrite);
        m.Protect(Base + Page, Page, Protection.Read);
        m.Write64(Base + Page - 8, 0x5555555555555555); // the first page's write entry is filled
        Assert.Equal(0UL, m.Read64(Base + Page)); // the second page's read entry too
        var fault = Assert.Throws<GuestFault>(() => m.Write64(Base + Page - 3, 0x6666666666666666));
        Assert.Equal(GuestFault.SEGV_ACCERR, fault.Code);
        Assert.Equal(Base + Page, fault.Address);
        Assert.Equal(0x5555555555555555UL, m.Read64(Base + Page - 8));
        // A crossing read of both readable pages works.
        Assert.Equal(0x0000005555555555UL, m.Read64(Base + Page - 5));
    }

    [Fact]
    public void AWriteToACodePageAfterItsEntryWasFilledReportsTheCodePage()
    {
        using var m = new GuestMemory();
        m.Map(Base, 2 * Page, Protection.ReadWrite);
        var changed = new List<ulong>();
        m.CodePageChanged = vpn => changed.Add(vpn);
        m.Write64(Base + Page + 8, 1); // the write entry of the second page is filled
        m.MarkCode((Base + Page) >> GuestMemory.PageShift);
        m.Write32(Base + Page - 2, 0x77777777); // crosses into it: the slow path sees the code
        Assert.Equal(new[] { (Base + Page) >> GuestMemory.PageShift }, changed);
        m.MarkCode((Base + Page) >> GuestMemory.PageShift);
        m.Write8(Base + Page + 100, 1);
        Assert.Equal(2, changed.Count);
        Assert.Equal(0x7777UL, m.Read16(Base + Page));
    }

    [Fact]
    public void PagesATlbSizeApartEvictEachOtherAndKeepTheirContents()
    {
        using var m = new GuestMemory();
        const ulong other = Base + GuestMemory.TlbSize * Page;
        m.Map(Base, Page, Protection.ReadWrite);
        m.Map(other, Page, Protection.Read);
        m.Write64(Base + 16, 0xAAAA);
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(0xAAAAUL, m.Read64(Base + 16));
            Assert.Equal(0UL, m.Read64(other + 16));
            Assert.Throws<GuestFault>(() => m.Write64(other + 16, 1));
            m.Write64(Base + 16, 0xAAAA);
        }
    }

    [Theory]
    [InlineData(0xFFFF_FFFF_FFFF_FFFCUL)]
    [InlineData(0xFFFF_FFFF_FFFF_F000UL)]
    [InlineData(GuestMemory.AddressLimit - 4)]
    public void AccessesAtTheTopOfTheAddressSpaceFaultEvenWithPageZeroCached(ulong address)
    {
        using var m = new GuestMemory();
        m.Map(0, Page, Protection.ReadWrite);
        m.Write64(0, 0x1234); // page 0's entries are filled
        Assert.Equal(0x1234UL, m.Read64(0));
        Assert.Throws<GuestFault>(() => m.Read64(address));
        Assert.Throws<GuestFault>(() => m.Write64(address, 1));
        Assert.Equal(0x1234UL, m.Read64(0));
    }
}
