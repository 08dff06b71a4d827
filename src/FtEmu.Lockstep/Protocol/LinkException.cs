namespace FtEmu.Lockstep;

/// <summary>The peer broke the protocol (garbage, bad authentication, wrong version) or went away.</summary>
public sealed class LinkException(string message) : Exception(message);
