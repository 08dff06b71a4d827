using FtEmu.Cpu;

namespace FtEmu.Tests.Memory;

/// <summary>
/// The paths past the TLB: a miss translates the page once, a page-crossing access translates both
/// pages, and a faulting access reports the lowest bad byte and leaves memory unchanged.
/// </summary>
public sealed class GuestMemorySlowPathTests
{
    private const ulong Base = 0x10000000;
    private const ulong Page = GuestMemory.PageSize;
    // TlbSize pages apart: the same slot of the direct-mapped TLB, so every access misses.
    private const ulong Conflict = GuestMemory.TlbSize * Page;

    [Fact]
    public void MissesReadAndWriteEverySize()
    {
        using var m = new GuestMemory();
        m.Map(Base, Page, Protection.ReadWrite);
        m.Map(Base + Conflict, Page, Protection.ReadWrite);
        for (int round = 0; round < 3; round++)
        {
            foreach (int size in new[] { 1, 2, 4, 8 })
            {
                ulong value = 0x8877665544332211UL & Cpu.Cpu.SizeMask(size);
                m.Write(Base + 100, value + (ulong)round, size);
                m.Write(Base + Conflict + 100, ~value & Cpu.Cpu.SizeMask(size), size);
                Assert.Equal(value + (ulong)round, m.Read(Base + 100, size));
                Assert.Equal(~value & Cpu.Cpu.SizeMask(size), m.Read(Base + Conflict + 100, size));
            }
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void CrossesPages(int size)
    {
        using var m = new GuestMemory();
        m.Map(Base, 2 * Page, Protection.ReadWrite);
        var bytes = new byte[size];
        for (ulong offset = Page - (ulong)size + 1; offset < Page; offset++)
        {
            ulong value = 0x0102030405060708UL & Cpu.Cpu.SizeMask(size);
            m.Write(Base + offset, value, size);
            Assert.Equal(value, m.Read(Base + offset, size));
            Assert.True(m.TryRead(Base + offset, bytes));
            for (int i = 0; i < size; i++) Assert.Equal((byte)(value >> (8 * i)), bytes[i]);
        }
    }

    [Fact]
    public void CrossingIntoAnUnmappedPageFaultsAtItsFirstByteAndWritesNothing()
    {
        using var m = new GuestMemory();
        m.Map(Base, Page, Protection.ReadWrite);
        m.Write64(Base + Page - 8, 0x1111111111111111);
        var read = Assert.Throws<GuestFault>(() => m.Read64(Base + Page - 4));
        Assert.Equal(Base + Page, read.Address);
        var write = Assert.Throws<GuestFault>(() => m.Write64(Base + Page - 4, 0x2222222222222222));
        Assert.Equal(Base + Page, write.Address);
        Assert.Equal(0x1111111111111111UL, m.Read64(Base + Page - 8));
    }

    [Fact]
    public void CrossingIntoAReadOnlyPageWritesNothing()
    {
        using var m = new GuestMemory();
        m.Map(Base, 2 * Page, Protection.ReadWrite);
        m.Write64(Base + Page - 8, 0x3333333333333333);
        m.Protect(Base + Page, Page, Protection.Read);
        var fault = Assert.Throws<GuestFault>(() => m.Write32(Base + Page - 2, 0x44444444));
        Assert.Equal(GuestFault.SEGV_ACCERR, fault.Code);
        Assert.Equal(0x3333333333333333UL, m.Read64(Base + Page - 8));
        Assert.Equal(0UL, m.Read64(Base + Page));
    }
}
