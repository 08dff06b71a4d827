using FtEmu.Cli;

return FtEmuCommand.Invoke(args);
