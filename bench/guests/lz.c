/* Compression benchmark: an LZ77 encoder (hash-chain match finding over a 32 KB window) whose
 * literals, lengths and distances are written with Elias-gamma bit packing, and the decoder,
 * round-tripping generated text-like data; the output names the compressed size and a checksum.
 * Usage: lz [SCALE]  (SCALE 1.0 takes about a second natively). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { LEN = 1 << 20, WINDOW = 1 << 15, HASH_BITS = 15, MIN_MATCH = 3, MAX_MATCH = 258, MAX_CHAIN = 32 };

static uint8_t input[LEN], output[LEN];
static uint8_t packed[LEN * 2];
static int32_t head[1 << HASH_BITS], prev[WINDOW];

typedef struct { uint8_t *p; uint64_t acc; int n; } bitwriter;
typedef struct { const uint8_t *p; uint64_t acc; int n; } bitreader;

static void put_bits(bitwriter *w, uint32_t v, int n)
{
    w->acc |= (uint64_t)v << w->n;
    w->n += n;
    while (w->n >= 8) { *w->p++ = (uint8_t)w->acc; w->acc >>= 8; w->n -= 8; }
}

/* Elias gamma code of v >= 1: floor(log2 v) zeros, then v's bits from the top. */
static void put_gamma(bitwriter *w, uint32_t v)
{
    int top = 31 - __builtin_clz(v);
    put_bits(w, 0, top);
    for (int i = top; i >= 0; i--) put_bits(w, (v >> i) & 1, 1);
}

static uint32_t get_bits(bitreader *r, int n)
{
    while (r->n < n) { r->acc |= (uint64_t)*r->p++ << r->n; r->n += 8; }
    uint32_t v = (uint32_t)(r->acc & ((1ull << n) - 1));
    r->acc >>= n;
    r->n -= n;
    return v;
}

static uint32_t get_gamma(bitreader *r)
{
    int zeros = 0;
    while (get_bits(r, 1) == 0) zeros++;
    uint32_t v = 1;
    for (int i = 0; i < zeros; i++) v = v << 1 | get_bits(r, 1);
    return v;
}

static uint32_t hash3(const uint8_t *p) { return ((uint32_t)p[0] << 16 | p[1] << 8 | p[2]) * 2654435761u >> (32 - HASH_BITS); }

static size_t compress(const uint8_t *in, size_t n, uint8_t *out)
{
    bitwriter w = {out, 0, 0};
    for (size_t i = 0; i < (1u << HASH_BITS); i++) head[i] = -1;
    size_t i = 0;
    while (i < n) {
        int best = 0, dist = 0;
        if (i + MIN_MATCH <= n) {
            uint32_t h = hash3(in + i);
            int32_t cand = head[h];
            int limit = (int)(n - i < MAX_MATCH ? n - i : MAX_MATCH);
            for (int chain = 0; cand >= 0 && (int32_t)i - cand <= WINDOW - 1 && chain < MAX_CHAIN; chain++) {
                if (in[cand + best] == in[i + best]) {
                    int len = 0;
                    while (len < limit && in[cand + len] == in[i + len]) len++;
                    if (len > best) { best = len; dist = (int)(i - cand); if (len == limit) break; }
                }
                cand = prev[cand & (WINDOW - 1)];
            }
            prev[i & (WINDOW - 1)] = head[h];
            head[h] = (int32_t)i;
        }
        if (best >= MIN_MATCH) {
            put_bits(&w, 1, 1);
            put_gamma(&w, (uint32_t)(best - MIN_MATCH + 1));
            put_gamma(&w, (uint32_t)dist);
            /* Insert the matched positions so later matches can refer to them. */
            for (size_t k = i + 1; k < i + (size_t)best && k + MIN_MATCH <= n; k++) {
                uint32_t h = hash3(in + k);
                prev[k & (WINDOW - 1)] = head[h];
                head[h] = (int32_t)k;
            }
            i += (size_t)best;
        } else {
            put_bits(&w, 0, 1);
            put_bits(&w, in[i], 8);
            i++;
        }
    }
    put_bits(&w, 0, 7);
    return (size_t)(w.p - out);
}

static void decompress(const uint8_t *in, uint8_t *out, size_t n)
{
    bitreader r = {in, 0, 0};
    size_t o = 0;
    while (o < n) {
        if (get_bits(&r, 1)) {
            size_t len = get_gamma(&r) + MIN_MATCH - 1, dist = get_gamma(&r);
            for (size_t k = 0; k < len; k++, o++) out[o] = out[o - dist];
        } else {
            out[o++] = (uint8_t)get_bits(&r, 8);
        }
    }
}

int main(int argc, char **argv)
{
    double scale = argc > 1 ? atof(argv[1]) : 1.0;
    static const char *words[] = {"the ", "emulator ", "runs ", "guest ", "code ", "and ", "records ", "every ",
                                  "input ", "of ", "a ", "deterministic ", "machine ", "lockstep ", "replay ", "\n"};
    uint64_t x = 0x9E3779B97F4A7C15ull;
    size_t n = 0;
    while (n < LEN) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        const char *wd = (x & 0x300) == 0 ? NULL : words[x & 15];
        if (wd) { size_t l = strlen(wd); if (n + l > LEN) l = LEN - n; memcpy(input + n, wd, l); n += l; }
        else input[n++] = (uint8_t)(x >> 40); /* noise: a quarter of the tokens are random bytes */
    }
    long rounds = (long)(scale * 55);
    if (rounds < 1) rounds = 1;
    size_t size = 0;
    uint64_t sum = 0;
    for (long r = 0; r < rounds; r++) {
        input[(r * 7919) % LEN] ^= (uint8_t)r; /* the data changes every round */
        size = compress(input, LEN, packed);
        decompress(packed, output, LEN);
        if (memcmp(input, output, LEN) != 0) { puts("round trip failed"); return 2; }
        for (size_t i = 0; i < size; i++) sum = (sum ^ packed[i]) * 0x100000001b3ull;
    }
    printf("rounds %ld in %d packed %zu sum %016llx\n", rounds, LEN, size, (unsigned long long)sum);
    return 0;
}
