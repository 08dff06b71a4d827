namespace FtEmu.Lockstep;

/// <summary>Messages of the lockstep link. Numbers are part of the protocol: only append.</summary>
public enum MessageType : byte
{
    /// <summary>Secondary to primary: protocol version and the secondary's nonce.</summary>
    Hello = 1,
    /// <summary>Primary to secondary: its nonce, the log header, the tie-breaker generation and how the secondary starts.</summary>
    Welcome = 2,
    /// <summary>Primary to secondary: one log chunk, exactly as it would be stored in a .ftlog file.</summary>
    Chunk = 3,
    /// <summary>Secondary to primary: chunks received so far and the secondary's instruction count.</summary>
    Ack = 4,
    Heartbeat = 5,
    /// <summary>Primary to secondary: held output number N (and all before it) has been performed.</summary>
    OutputDone = 6,
    /// <summary>Secondary to primary: the state hash it computed at a checkpoint.</summary>
    CheckpointHash = 7,
    /// <summary>Either side: the peer is refused, with a reason.</summary>
    Reject = 8,
    /// <summary>Primary to secondary: the full guest state the new secondary starts from.</summary>
    Snapshot = 9,
    /// <summary>Primary to secondary: the guest has exited and every output is done.</summary>
    Bye = 10,
}
