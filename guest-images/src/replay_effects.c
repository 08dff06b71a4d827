/* Creates, writes, renames and deletes files in the working directory. A replay of a recording
   of it must not touch the file system at all. With "keep" as argv[1] the final file stays. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    const char *a = "ftemu-effects-a.tmp", *b = "ftemu-effects-b.tmp";
    int fd = open(a, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) { perror("open"); return 1; }
    const char msg[] = "written by the guest\n";
    if (write(fd, msg, sizeof msg - 1) != (ssize_t)(sizeof msg - 1)) return 2;
    close(fd);
    if (rename(a, b) != 0) { perror("rename"); return 3; }
    char buf[64] = {0};
    fd = open(b, O_RDONLY);
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    printf("read back %zd bytes: %s", n, buf);
    if (argc < 2 || strcmp(argv[1], "keep") != 0) unlink(b);
    return 0;
}
