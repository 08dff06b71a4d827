namespace FtEmu.Linux;

public readonly record struct Timespec(long Seconds, long Nanoseconds);

/// <summary>What stat(2) reports about a host file, in Linux terms (mode includes the S_IF* type bits).</summary>
public readonly record struct FileStatus(
    ulong Device,
    ulong Inode,
    uint Mode,
    ulong LinkCount,
    uint Uid,
    uint Gid,
    ulong RDevice,
    long Size,
    long BlockSize,
    long Blocks,
    Timespec AccessTime,
    Timespec ModifyTime,
    Timespec ChangeTime);

/// <summary>One directory entry; <see cref="Type"/> is a Linux DT_* value.</summary>
public readonly record struct DirectoryEntry(string Name, ulong Inode, byte Type);

public readonly record struct ProcessIdentity(int Pid, int ParentPid, uint Uid, uint Gid, uint EffectiveUid, uint EffectiveGid);

/// <summary>What statfs(2) reports about the file system holding a path.</summary>
public readonly record struct FileSystemStatus(
    long Type,
    long BlockSize,
    ulong Blocks,
    ulong FreeBlocks,
    ulong AvailableBlocks,
    ulong Files,
    ulong FreeFiles,
    ulong FsId,
    long NameMax,
    long FragmentSize,
    long Flags);

public readonly record struct SystemInfo(long UptimeSeconds, ulong TotalRam, ulong FreeRam, ushort Processes);

/// <summary>Linux file type bits of st_mode and DT_* directory entry types.</summary>
public static class FileTypes
{
    public const uint S_IFMT = 0xF000, S_IFSOCK = 0xC000, S_IFLNK = 0xA000, S_IFREG = 0x8000, S_IFBLK = 0x6000,
        S_IFDIR = 0x4000, S_IFCHR = 0x2000, S_IFIFO = 0x1000;

    public const byte DT_UNKNOWN = 0, DT_FIFO = 1, DT_CHR = 2, DT_DIR = 4, DT_BLK = 6, DT_REG = 8, DT_LNK = 10, DT_SOCK = 12;

    public static byte DirentType(uint mode) => (mode & S_IFMT) switch
    {
        S_IFDIR => DT_DIR,
        S_IFREG => DT_REG,
        S_IFLNK => DT_LNK,
        S_IFCHR => DT_CHR,
        S_IFBLK => DT_BLK,
        S_IFIFO => DT_FIFO,
        S_IFSOCK => DT_SOCK,
        _ => DT_UNKNOWN,
    };
}
