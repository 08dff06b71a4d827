/*
 * Native side of FtEmu's differential tester: runs one x86-64 instruction per case on the host CPU.
 *
 * Input (stdin), a batch: u32 count, then per case
 *   u8 len, u8 code[15], u64 gpr[16] (encoding order RAX..R15), u64 rflags, u8 fxsave[512],
 *   u64 data_seed, u16 npatch, npatch x (u16 offset, u16 length, u8 bytes[length]).
 * Output (stdout), per case
 *   i32 signo, i32 si_code, u64 si_addr, u64 trapno, u64 gpr[16], u64 rip, u64 rflags,
 *   u8 fxsave[512], u16 nchanged, nchanged x (u16 offset, u8 value) for the data region.
 *
 * The code page is filled with int3 and the instruction copied to its start; the complete register
 * state is installed by returning from a signal handler that rewrote the ucontext, and int3 (or a
 * fault) ends the case in a handler that records the ucontext and siglongjmps back.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#define CODE_BASE 0x10000000UL
#define CODE_SIZE 0x1000
#define DATA_BASE 0x20000000UL
#define DATA_SIZE 0x2000
#define FP_XSTATE_MAGIC1 0x46505853U

struct in_case {
    uint8_t len;
    uint8_t code[15];
    uint64_t gpr[16];
    uint64_t rflags;
    uint8_t fx[512];
    uint64_t seed;
    const uint8_t *patches;
    uint16_t npatch;
};

struct out_case {
    int32_t signo, si_code;
    uint64_t fault_addr, trapno;
    uint64_t gpr[16];
    uint64_t rip, rflags;
    uint8_t fx[512];
};

static const int greg_of[16] = {
    REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP, REG_RSI, REG_RDI,
    REG_R8, REG_R9, REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15,
};

static struct in_case *cur_in;
static struct out_case cur_out;
static sigjmp_buf case_jmp;
static volatile sig_atomic_t in_case;
static uint8_t initial_data[DATA_SIZE];

static void die(const char *msg)
{
    fprintf(stderr, "harness: %s\n", msg);
    exit(2);
}

static void read_all(void *buf, size_t n)
{
    uint8_t *p = buf;
    while (n > 0) {
        ssize_t r = read(0, p, n);
        if (r <= 0) {
            if (r == 0 && p == buf) exit(0);
            die("short read on stdin");
        }
        p += r;
        n -= (size_t)r;
    }
}

static void write_all(const void *buf, size_t n)
{
    const uint8_t *p = buf;
    while (n > 0) {
        ssize_t w = write(1, p, n);
        if (w <= 0) die("write to stdout failed");
        p += w;
        n -= (size_t)w;
    }
}

static void fill_data(uint64_t seed, uint8_t *data)
{
    uint64_t x = seed | 1;
    for (int i = 0; i + 8 <= DATA_SIZE; i += 8) {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        uint64_t v = x * 0x2545F4914F6CDD1DULL;
        memcpy(data + i, &v, 8);
    }
}

/* SIGUSR1: replace the interrupted context with the case's state; sigreturn then runs the instruction. */
static void install_state(int sig, siginfo_t *si, void *ctx)
{
    (void)sig;
    (void)si;
    ucontext_t *uc = ctx;
    for (int i = 0; i < 16; i++) uc->uc_mcontext.gregs[greg_of[i]] = (greg_t)cur_in->gpr[i];
    uc->uc_mcontext.gregs[REG_RIP] = (greg_t)CODE_BASE;
    uc->uc_mcontext.gregs[REG_EFL] = (greg_t)cur_in->rflags;
    uint8_t *fp = (uint8_t *)uc->uc_mcontext.fpregs;
    /* Bytes 464..511 carry the kernel's software-reserved XSAVE description: keep them. */
    memcpy(fp, cur_in->fx, 464);
    uint32_t magic;
    memcpy(&magic, fp + 464, 4);
    if (magic == FP_XSTATE_MAGIC1) {
        /* XSTATE_BV without x87|SSE makes XRSTOR load their init state instead of the frame. */
        uint64_t bv;
        memcpy(&bv, fp + 512, 8);
        bv |= 3;
        memcpy(fp + 512, &bv, 8);
    }
}

/* int3 after the instruction, or a fault in it: record the context and leave the case. */
static void capture_state(int sig, siginfo_t *si, void *ctx)
{
    /* The kernel enters the handler with the case's AC flag: clear it before any unaligned access. */
    __asm__ volatile("pushfq\n\tandq $~0x40000, (%%rsp)\n\tpopfq" ::: "memory", "cc");
    ucontext_t *uc = ctx;
    if (!in_case) {
        static const char msg[] = "harness: unexpected signal outside a case\n";
        write(2, msg, sizeof msg - 1);
        _exit(3);
    }
    cur_out.signo = sig;
    cur_out.si_code = si->si_code;
    cur_out.fault_addr = (uint64_t)si->si_addr;
    cur_out.trapno = (uint64_t)uc->uc_mcontext.gregs[REG_TRAPNO];
    for (int i = 0; i < 16; i++) cur_out.gpr[i] = (uint64_t)uc->uc_mcontext.gregs[greg_of[i]];
    cur_out.rip = (uint64_t)uc->uc_mcontext.gregs[REG_RIP];
    cur_out.rflags = (uint64_t)uc->uc_mcontext.gregs[REG_EFL];
    uint8_t *fp = (uint8_t *)uc->uc_mcontext.fpregs;
    memcpy(cur_out.fx, fp, 512);
    uint32_t magic;
    memcpy(&magic, fp + 464, 4);
    if (magic == FP_XSTATE_MAGIC1) {
        uint64_t bv;
        memcpy(&bv, fp + 512, 8);
        if (!(bv & 1)) {
            /* x87 in its init state: the legacy area need not hold it. */
            uint16_t fcw = 0x037F;
            memset(cur_out.fx, 0, 24);
            memcpy(cur_out.fx, &fcw, 2);
            for (int i = 0; i < 8; i++) memset(cur_out.fx + 32 + 16 * i, 0, 16);
        }
        if (!(bv & 2)) memset(cur_out.fx + 160, 0, 256);
    }
    siglongjmp(case_jmp, 1);
}

static uint8_t *out_buf;
static size_t out_len, out_cap;

static void out_put(const void *p, size_t n)
{
    if (out_len + n > out_cap) {
        out_cap = (out_len + n) * 2;
        out_buf = realloc(out_buf, out_cap);
        if (!out_buf) die("out of memory");
    }
    memcpy(out_buf + out_len, p, n);
    out_len += n;
}

static void run_case(struct in_case *c)
{
    uint8_t *code = (uint8_t *)CODE_BASE;
    uint8_t *data = (uint8_t *)DATA_BASE;
    memset(code, 0xCC, CODE_SIZE);
    memcpy(code, c->code, c->len);
    fill_data(c->seed, initial_data);
    const uint8_t *p = c->patches;
    for (int i = 0; i < c->npatch; i++) {
        uint16_t off, len;
        memcpy(&off, p, 2);
        memcpy(&len, p + 2, 2);
        if ((uint32_t)off + len > DATA_SIZE) die("patch outside the data region");
        memcpy(initial_data + off, p + 4, len);
        p += 4 + len;
    }
    memcpy(data, initial_data, DATA_SIZE);
    cur_in = c;
    memset(&cur_out, 0, sizeof cur_out);
    if (sigsetjmp(case_jmp, 1) == 0) {
        in_case = 1;
        raise(SIGUSR1);
        die("the case returned without a trap");
    }
    in_case = 0;
    /* The kernel keeps AC, NT and ID of the interrupted context in the handler, and siglongjmp keeps
     * them here: clear them, or AC would make the harness's own unaligned accesses fault and the
     * next case would inherit NT/ID (sigreturn does not restore them). */
    __asm__ volatile("pushfq\n\tandq $~0x244000, (%%rsp)\n\tpopfq" ::: "memory", "cc");
    out_put(&cur_out.signo, 4);
    out_put(&cur_out.si_code, 4);
    out_put(&cur_out.fault_addr, 8);
    out_put(&cur_out.trapno, 8);
    out_put(cur_out.gpr, 128);
    out_put(&cur_out.rip, 8);
    out_put(&cur_out.rflags, 8);
    out_put(cur_out.fx, 512);
    uint16_t n = 0;
    for (int i = 0; i < DATA_SIZE; i++) n += data[i] != initial_data[i];
    out_put(&n, 2);
    for (int i = 0; i < DATA_SIZE; i++) {
        if (data[i] != initial_data[i]) {
            uint16_t off = (uint16_t)i;
            out_put(&off, 2);
            out_put(&data[i], 1);
        }
    }
}

int main(void)
{
    if (mmap((void *)CODE_BASE, CODE_SIZE, PROT_READ | PROT_WRITE | PROT_EXEC,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0) != (void *)CODE_BASE)
        die("cannot map the code page");
    if (mmap((void *)DATA_BASE, DATA_SIZE, PROT_READ | PROT_WRITE,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0) != (void *)DATA_BASE)
        die("cannot map the data region");

    static uint8_t altstack[1 << 16];
    stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack};
    if (sigaltstack(&ss, NULL) != 0) die("sigaltstack failed");

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigfillset(&sa.sa_mask);
    sa.sa_sigaction = install_state;
    sigaction(SIGUSR1, &sa, NULL);
    sa.sa_sigaction = capture_state;
    sigaction(SIGTRAP, &sa, NULL);
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    sigaction(SIGFPE, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);

    for (;;) {
        uint32_t count;
        read_all(&count, 4);
        /* A hung case (a loop that never reaches int3) kills the harness; the runner reports it. */
        alarm(20);
        struct in_case *cases = calloc(count ? count : 1, sizeof *cases);
        uint8_t **patch_bufs = calloc(count ? count : 1, sizeof *patch_bufs);
        if (!cases || !patch_bufs) die("out of memory");
        for (uint32_t i = 0; i < count; i++) {
            struct in_case *c = &cases[i];
            read_all(&c->len, 1);
            read_all(c->code, 15);
            read_all(c->gpr, 128);
            read_all(&c->rflags, 8);
            read_all(c->fx, 512);
            read_all(&c->seed, 8);
            read_all(&c->npatch, 2);
            /* Patches are variable length: read them into one growing buffer. */
            size_t cap = 256, len = 0;
            uint8_t *buf = malloc(cap);
            for (int k = 0; k < c->npatch; k++) {
                uint8_t hdr[4];
                read_all(hdr, 4);
                uint16_t plen;
                memcpy(&plen, hdr + 2, 2);
                while (len + 4 + plen > cap) cap *= 2;
                buf = realloc(buf, cap);
                if (!buf) die("out of memory");
                memcpy(buf + len, hdr, 4);
                read_all(buf + len + 4, plen);
                len += 4 + plen;
            }
            c->patches = buf;
            patch_bufs[i] = buf;
            if (c->len > 15) die("instruction longer than 15 bytes");
        }
        out_len = 0;
        for (uint32_t i = 0; i < count; i++) run_case(&cases[i]);
        write_all(out_buf, out_len);
        for (uint32_t i = 0; i < count; i++) free(patch_bufs[i]);
        free(patch_bufs);
        free(cases);
    }
}
