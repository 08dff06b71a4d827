namespace FtEmu.Linux;

/// <summary>Linux errno values (x86-64). Syscall handlers return them negated.</summary>
public static class Errno
{
    public const int EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, ENXIO = 6, E2BIG = 7, ENOEXEC = 8,
        EBADF = 9, ECHILD = 10, EAGAIN = 11, ENOMEM = 12, EACCES = 13, EFAULT = 14, EBUSY = 16, EEXIST = 17,
        EXDEV = 18, ENODEV = 19, ENOTDIR = 20, EISDIR = 21, EINVAL = 22, ENFILE = 23, EMFILE = 24, ENOTTY = 25,
        ETXTBSY = 26, EFBIG = 27, ENOSPC = 28, ESPIPE = 29, EROFS = 30, EMLINK = 31, EPIPE = 32, EDOM = 33,
        ERANGE = 34, EDEADLK = 35, ENAMETOOLONG = 36, ENOLCK = 37, ENOSYS = 38, ENOTEMPTY = 39, ELOOP = 40,
        ENOTSUP = 95, EOPNOTSUPP = 95, ETIMEDOUT = 110;

    private static readonly Dictionary<int, string> s_names = new()
    {
        [EPERM] = "EPERM", [ENOENT] = "ENOENT", [ESRCH] = "ESRCH", [EINTR] = "EINTR", [EIO] = "EIO",
        [ENXIO] = "ENXIO", [E2BIG] = "E2BIG", [ENOEXEC] = "ENOEXEC", [EBADF] = "EBADF", [ECHILD] = "ECHILD",
        [EAGAIN] = "EAGAIN", [ENOMEM] = "ENOMEM", [EACCES] = "EACCES", [EFAULT] = "EFAULT", [EBUSY] = "EBUSY",
        [EEXIST] = "EEXIST", [EXDEV] = "EXDEV", [ENODEV] = "ENODEV", [ENOTDIR] = "ENOTDIR", [EISDIR] = "EISDIR",
        [EINVAL] = "EINVAL", [ENFILE] = "ENFILE", [EMFILE] = "EMFILE", [ENOTTY] = "ENOTTY", [ETXTBSY] = "ETXTBSY",
        [EFBIG] = "EFBIG", [ENOSPC] = "ENOSPC", [ESPIPE] = "ESPIPE", [EROFS] = "EROFS", [EMLINK] = "EMLINK",
        [EPIPE] = "EPIPE", [EDOM] = "EDOM", [ERANGE] = "ERANGE", [EDEADLK] = "EDEADLK",
        [ENAMETOOLONG] = "ENAMETOOLONG", [ENOLCK] = "ENOLCK", [ENOSYS] = "ENOSYS", [ENOTEMPTY] = "ENOTEMPTY",
        [ELOOP] = "ELOOP", [ENOTSUP] = "EOPNOTSUPP", [ETIMEDOUT] = "ETIMEDOUT",
    };

    private static readonly Dictionary<int, string> s_descriptions = new()
    {
        [EPERM] = "Operation not permitted", [ENOENT] = "No such file or directory", [ESRCH] = "No such process",
        [EINTR] = "Interrupted system call", [EIO] = "Input/output error", [ENXIO] = "No such device or address",
        [EBADF] = "Bad file descriptor", [EAGAIN] = "Resource temporarily unavailable", [ENOMEM] = "Cannot allocate memory",
        [EACCES] = "Permission denied", [EFAULT] = "Bad address", [EBUSY] = "Device or resource busy", [EEXIST] = "File exists",
        [EXDEV] = "Invalid cross-device link", [ENOTDIR] = "Not a directory", [EISDIR] = "Is a directory",
        [EINVAL] = "Invalid argument", [EMFILE] = "Too many open files", [ENOTTY] = "Inappropriate ioctl for device",
        [ENOSPC] = "No space left on device", [ESPIPE] = "Illegal seek", [EROFS] = "Read-only file system", [EPIPE] = "Broken pipe",
        [ERANGE] = "Numerical result out of range", [ENAMETOOLONG] = "File name too long", [ENOSYS] = "Function not implemented",
        [ENOTEMPTY] = "Directory not empty", [ELOOP] = "Too many levels of symbolic links", [ENOTSUP] = "Operation not supported",
        [ETIMEDOUT] = "Connection timed out",
    };

    /// <summary>strerror-style text, as strace shows after the errno name.</summary>
    public static string Describe(int errno) => s_descriptions.TryGetValue(errno, out var d) ? d : $"Unknown error {errno}";

    public static string Name(int errno) => s_names.TryGetValue(errno, out var n) ? n : $"E{errno}";
}
