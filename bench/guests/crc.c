/* Integer benchmark: table-driven CRC-32, FNV-1a and a multiply-xorshift hash over a generated buffer.
 * Usage: crc [SCALE]  (SCALE 1.0 takes about a second natively). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t table[256];

static void make_table(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
}

int main(int argc, char **argv)
{
    double scale = argc > 1 ? atof(argv[1]) : 1.0;
    enum { LEN = 1 << 16 };
    static uint8_t buf[LEN];
    uint64_t x = 0x9E3779B97F4A7C15ull;
    for (int i = 0; i < LEN; i++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        buf[i] = (uint8_t)(x >> 32);
    }
    make_table();
    long rounds = (long)(scale * 6600);
    if (rounds < 1) rounds = 1;
    uint32_t crc = 0xFFFFFFFFu;
    uint64_t fnv = 0xcbf29ce484222325ull, mix = 0;
    for (long r = 0; r < rounds; r++) {
        for (int i = 0; i < LEN; i++) {
            crc = table[(crc ^ buf[i]) & 0xFF] ^ (crc >> 8);
            fnv = (fnv ^ buf[i]) * 0x100000001b3ull;
        }
        for (int i = 0; i < LEN; i += 8) {
            uint64_t w;
            memcpy(&w, &buf[i], sizeof w);
            w += (uint64_t)r;
            w *= 0xff51afd7ed558ccdull; w ^= w >> 33;
            mix += w ^ (mix << 7 | mix >> 57);
        }
        buf[r % LEN] ^= (uint8_t)crc; /* the data changes every round */
    }
    printf("rounds %ld crc %08x fnv %016llx mix %016llx\n", rounds, crc ^ 0xFFFFFFFFu,
           (unsigned long long)fnv, (unsigned long long)mix);
    return 0;
}
