namespace FtEmu.Replay;

/// <summary>
/// Kinds of records in the event stream. Numbers are part of the file format: never renumber,
/// only append. One kind per boundary method, plus the session's own records.
/// </summary>
public enum EventKind : byte
{
    // Session records.
    Checkpoint = 1,
    End = 2,

    // Boundary: time, randomness, identity.
    GetTime = 16,
    GetClockResolution = 17,
    ReadTimestampCounter = 18,
    GetRandomBytes = 19,
    GetIdentity = 20,
    GetHostName = 21,
    GetSystemInfo = 22,
    Sleep = 23,
    GetInitialDirectory = 24,

    // Boundary: files by handle.
    Open = 32,
    Close = 33,
    Read = 34,
    Write = 35,
    GetStatusHandle = 36,
    SetLength = 37,
    Flush = 38,
    Poll = 39,
    IsTerminal = 40,
    GetWindowSize = 41,

    // Boundary: files by path.
    GetStatusPath = 48,
    ReadDirectory = 49,
    ReadLink = 50,
    Access = 51,
    CreateDirectory = 52,
    RemoveDirectory = 53,
    Unlink = 54,
    Rename = 55,
    CreateSymlink = 56,
    CreateHardLink = 57,
    SetMode = 58,
    SetTimes = 59,
}
