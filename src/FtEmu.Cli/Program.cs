using FtEmu.Cli;

StartupWarmUp.StartFor(args);
return FtEmuCommand.Invoke(args);
