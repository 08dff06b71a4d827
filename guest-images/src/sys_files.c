#define _GNU_SOURCE
/* File and directory syscalls through libc in a fresh directory under /tmp: create, write, read, seek,
 * stat, rename, link, symlink, unlink, mkdir, rmdir, readdir (sorted), truncate, append, chmod, utimensat.
 * Prints sizes, modes, errno names and sorted names only - nothing host-specific. */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include "sys_common.h"

static char dir[256];

static const char *P(const char *name)
{
    static char buf[4][512];
    static int n;
    char *b = buf[n++ & 3];
    snprintf(b, 512, "%s/%s", dir, name);
    return b;
}

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void list(const char *path)
{
    DIR *d = opendir(path);
    if (!d) { printf("opendir: %s\n", errname(errno)); return; }
    char *names[64];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 64) {
        char t = e->d_type == DT_DIR ? 'd' : e->d_type == DT_REG ? 'f' : e->d_type == DT_LNK ? 'l' : '?';
        char *s = malloc(strlen(e->d_name) + 3);
        sprintf(s, "%s:%c", e->d_name, t);
        names[n++] = s;
    }
    closedir(d);
    qsort(names, n, sizeof names[0], cmp);
    printf("list:");
    for (int i = 0; i < n; i++) { printf(" %s", names[i]); free(names[i]); }
    printf("\n");
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/ftemu_sys_files_%d", (int)getpid());
    umask(022);
    CHECK("mkdir", mkdir(dir, 0755));
    CHECK("mkdir again", mkdir(dir, 0755));

    int fd = open(P("a.txt"), O_CREAT | O_WRONLY | O_TRUNC, 0644);
    printf("open creat: %s\n", fd >= 0 ? "ok" : errname(errno));
    CHECK("write", write(fd, "The quick brown fox\n", 20));
    CHECK("pwrite", pwrite(fd, "QUICK", 5, 4));
    CHECK("lseek end", lseek(fd, 0, SEEK_END));
    CHECK("lseek cur+5", lseek(fd, 5, SEEK_CUR));
    CHECK("write past end", write(fd, "!", 1));
    CHECK("close", close(fd));
    CHECK("close again", close(fd));

    struct stat st;
    CHECK("stat", stat(P("a.txt"), &st));
    printf("size %lld mode %o type-reg %d nlink %ld\n", (long long)st.st_size, st.st_mode & 07777, S_ISREG(st.st_mode), (long)st.st_nlink);

    fd = open(P("a.txt"), O_RDONLY);
    char buf[128];
    ssize_t n = read(fd, buf, sizeof buf);
    printf("read %zd:", n);
    for (ssize_t i = 0; i < n; i++) printf(" %02x", (unsigned char)buf[i]);
    printf("\n");
    CHECK("read at eof", read(fd, buf, sizeof buf));
    CHECK("lseek negative", lseek(fd, -100, SEEK_SET));
    CHECK("pread", pread(fd, buf, 9, 4));
    printf("pread data: %.9s\n", buf);
    CHECK("write to rdonly", write(fd, "x", 1));
    close(fd);

    FILE *f = fopen(P("b.txt"), "w");
    for (int i = 0; i < 100; i++) fprintf(f, "line %d\n", i);
    fclose(f);
    f = fopen(P("b.txt"), "a+");
    fputs("appended\n", f);
    fseek(f, 0, SEEK_SET);
    char line[64];
    int lines = 0;
    while (fgets(line, sizeof line, f)) lines++;
    printf("lines %d last %s", lines, line);
    fclose(f);

    CHECK("truncate", truncate(P("b.txt"), 10));
    stat(P("b.txt"), &st);
    printf("truncated size %lld\n", (long long)st.st_size);
    fd = open(P("b.txt"), O_RDWR);
    CHECK("ftruncate grow", ftruncate(fd, 4096));
    fstat(fd, &st);
    printf("grown size %lld\n", (long long)st.st_size);
    CHECK("pread hole", pread(fd, buf, 4, 100));
    printf("hole bytes %d %d %d %d\n", buf[0], buf[1], buf[2], buf[3]);
    close(fd);

    CHECK("rename", rename(P("a.txt"), P("c.txt")));
    CHECK("stat renamed-away", stat(P("a.txt"), &st));
    CHECK("link", link(P("c.txt"), P("d.txt")));
    stat(P("c.txt"), &st);
    printf("nlink after link %ld\n", (long)st.st_nlink);
    CHECK("link exists", link(P("c.txt"), P("d.txt")));
    CHECK("symlink", symlink("c.txt", P("e.lnk")));
    CHECK("symlink dangling", symlink("nowhere", P("f.lnk")));
    memset(buf, 0, sizeof buf);
    CHECK("readlink", readlink(P("e.lnk"), buf, sizeof buf));
    printf("readlink -> %s\n", buf);
    CHECK("readlink short", readlink(P("e.lnk"), buf, 2));
    CHECK("readlink regular", readlink(P("c.txt"), buf, sizeof buf));
    CHECK("lstat link", lstat(P("e.lnk"), &st));
    printf("lstat islnk %d size %lld\n", S_ISLNK(st.st_mode), (long long)st.st_size);
    CHECK("stat dangling", stat(P("f.lnk"), &st));
    CHECK("open nofollow", open(P("e.lnk"), O_RDONLY | O_NOFOLLOW));
    CHECK("open excl existing", open(P("c.txt"), O_CREAT | O_EXCL | O_WRONLY, 0600));

    CHECK("chmod", chmod(P("c.txt"), 0600));
    stat(P("c.txt"), &st);
    printf("mode after chmod %o\n", st.st_mode & 07777);
    struct timespec ts[2] = { { 1000000000, 0 }, { 1234567890, 500000000 } };
    CHECK("utimensat", utimensat(AT_FDCWD, P("c.txt"), ts, 0));
    stat(P("c.txt"), &st);
    printf("mtime %lld.%09ld atime %lld\n", (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec, (long long)st.st_atim.tv_sec);
    CHECK("access R_OK", access(P("c.txt"), R_OK));
    CHECK("access missing", access(P("zzz"), F_OK));

    CHECK("mkdir sub", mkdir(P("sub"), 0700));
    CHECK("mkdir sub/deeper", mkdir(P("sub/deeper"), 0777));
    stat(P("sub/deeper"), &st);
    printf("umasked dir mode %o isdir %d\n", st.st_mode & 07777, S_ISDIR(st.st_mode));
    CHECK("mkdir missing parent", mkdir(P("nope/x"), 0777));
    CHECK("mkdir under file", mkdir(P("c.txt/x"), 0777));
    CHECK("rmdir non-empty", rmdir(P("sub")));
    CHECK("unlink dir", unlink(P("sub")));
    CHECK("rmdir file", rmdir(P("c.txt")));
    CHECK("open dir for write", open(P("sub"), O_WRONLY));
    CHECK("open file as dir", open(P("c.txt"), O_RDONLY | O_DIRECTORY));
    CHECK("rename dir over nonempty dir", rename(P("sub/deeper"), dir));
    CHECK("rename file over dir", rename(P("c.txt"), P("sub")));
    list(dir);
    list(P("sub"));
    CHECK("opendir file", opendir(P("c.txt")) ? 0 : -1);

    /* Relative paths and *at calls against a directory descriptor. */
    int dfd = open(dir, O_RDONLY | O_DIRECTORY);
    CHECK("openat rel", (fd = openat(dfd, "sub/../c.txt", O_RDONLY)) >= 0 ? 0 : -1);
    close(fd);
    CHECK("fstatat", fstatat(dfd, "d.txt", &st, 0));
    printf("fstatat size %lld\n", (long long)st.st_size);
    CHECK("fstatat nofollow", fstatat(dfd, "e.lnk", &st, AT_SYMLINK_NOFOLLOW));
    printf("islnk %d\n", S_ISLNK(st.st_mode));
    CHECK("mkdirat", mkdirat(dfd, "made", 0755));
    CHECK("renameat", renameat(dfd, "made", dfd, "sub/made"));
    CHECK("unlinkat dir", unlinkat(dfd, "sub/made", AT_REMOVEDIR));
    CHECK("faccessat", faccessat(dfd, "d.txt", W_OK, 0));
    CHECK("chdir", chdir(P("sub")));
    char cwd[512];
    CHECK("getcwd ok", getcwd(cwd, sizeof cwd) ? (long)strlen(cwd) - (long)strlen(dir) : -1);
    CHECK("getcwd small", getcwd(cwd, 3) ? 0 : -1);
    CHECK("fchdir", fchdir(dfd));
    CHECK("open relative", (fd = open("d.txt", O_RDONLY)) >= 0 ? 0 : -1);
    close(fd);
    CHECK("chdir file", chdir("c.txt"));
    close(dfd);

    /* Clean up; every name is known. */
    const char *names[] = { "c.txt", "d.txt", "e.lnk", "f.lnk", "b.txt" };
    for (int i = 0; i < 5; i++) CHECK(names[i], unlink(P(names[i])));
    CHECK("rmdir deeper", rmdir(P("sub/deeper")));
    CHECK("rmdir sub", rmdir(P("sub")));
    CHECK("chdir /", chdir("/"));
    CHECK("rmdir dir", rmdir(dir));
    CHECK("unlink gone", unlink(P("c.txt")));
    return 0;
}
