/* Shared helpers for the sys_*.c guests: errno names (identical on glibc and musl) and checks. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

static const char *errname(int e)
{
    switch (e) {
    case 0: return "OK";
    case EPERM: return "EPERM";
    case ENOENT: return "ENOENT";
    case EBADF: return "EBADF";
    case EAGAIN: return "EAGAIN";
    case EACCES: return "EACCES";
    case EFAULT: return "EFAULT";
    case EEXIST: return "EEXIST";
    case EXDEV: return "EXDEV";
    case ENOTDIR: return "ENOTDIR";
    case EISDIR: return "EISDIR";
    case EINVAL: return "EINVAL";
    case EMFILE: return "EMFILE";
    case ENOTTY: return "ENOTTY";
    case ESPIPE: return "ESPIPE";
    case EPIPE: return "EPIPE";
    case ERANGE: return "ERANGE";
    case ENAMETOOLONG: return "ENAMETOOLONG";
    case ENOSYS: return "ENOSYS";
    case ENOTEMPTY: return "ENOTEMPTY";
    case ELOOP: return "ELOOP";
    case ENXIO: return "ENXIO";
    default: return "E?";
    }
}

/* Prints "what: result" where a failure shows the errno name. */
#define CHECK(what, expr) do { errno = 0; long _r = (long)(expr); \
    if (_r < 0) printf("%s: -1 %s\n", what, errname(errno)); else printf("%s: %ld\n", what, _r); } while (0)
