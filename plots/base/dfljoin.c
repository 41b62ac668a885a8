/* dfljoin.c - walking the blocks of a raw deflate stream (RFC 1951) to
 * make it joinable; see dfljoin.h. The walk decodes every Huffman code
 * (through a small lookup table per code) but writes no output. */
#include "dfljoin.h"

#include <string.h>

/* LSB-first bit reader over [p, end); reads past the end give zero bits
 * and set over. */
typedef struct {
    const uint8_t *start, *p, *end;
    uint64_t buf;
    int cnt;
    int over;
} bitrd;

/* Tops the bit buffer up to at least 56 bits: eight bytes at once while
 * they are there, then byte by byte. */
static void refill(bitrd *b)
{
    if (b->cnt <= 56 && b->end - b->p >= 8) {
        uint64_t w;
        memcpy(&w, b->p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        w = __builtin_bswap64(w);
#endif
        b->buf |= w << b->cnt;
        b->p += (63 - b->cnt) >> 3;
        b->cnt |= 56;
        return;
    }
    while (b->cnt <= 56) {
        uint64_t byte = 0;
        if (b->p < b->end)
            byte = *b->p;
        else
            b->over++;
        b->p++;
        b->buf |= byte << b->cnt;
        b->cnt += 8;
    }
}

/* The next k (0..32) bits as a number. */
static uint32_t getbits(bitrd *b, int k)
{
    if (k == 0)
        return 0;
    refill(b);
    uint32_t v = (uint32_t)(b->buf & ((1ull << k) - 1));
    b->buf >>= k;
    b->cnt -= k;
    return v;
}

/* Position of the next unread bit from the start of the stream. */
static size_t bitpos(const bitrd *b)
{
    return (size_t)(b->p - b->start) * 8 - (size_t)b->cnt;
}

/* A decoding table: fast[] indexed by the next FAST_BITS bits gives
 * symbol << 4 | code length for codes up to FAST_BITS long (0 for a longer
 * code or none); longer codes are decoded bit by bit from the canonical
 * counts and the symbols sorted by code (as zlib's puff.c does). */
#define FAST_BITS 11
typedef struct {
    uint16_t fast[1 << FAST_BITS];
    uint16_t count[16]; /* codes of each length */
    uint16_t sym[320];  /* symbols in code order */
} htab;

/* Builds t from the code lengths len[0..n) (canonical Huffman, RFC 1951
 * 3.2.2). Returns 0, or -1 when the lengths over-subscribe the code. An
 * incomplete code is allowed (its unused codes decode as errors). */
static int build(htab *t, const uint8_t *len, int n)
{
    int next[16], offs[16];
    memset(t->count, 0, sizeof t->count);
    for (int s = 0; s < n; s++)
        t->count[len[s]]++;
    t->count[0] = 0;
    int code = 0, left = 1;
    offs[1] = 0;
    for (int l = 1; l < 16; l++) {
        left = left * 2 - t->count[l];
        if (left < 0)
            return -1;
        code = (code + t->count[l - 1]) << 1;
        next[l] = code;
        if (l < 15)
            offs[l + 1] = offs[l] + t->count[l];
    }
    memset(t->fast, 0, sizeof t->fast);
    for (int s = 0; s < n; s++) {
        int l = len[s];
        if (!l)
            continue;
        t->sym[offs[l]++] = (uint16_t)s;
        int c = next[l]++;
        if (l > FAST_BITS)
            continue;
        int rev = 0;
        for (int k = 0; k < l; k++)
            rev |= ((c >> k) & 1) << (l - 1 - k);
        for (int i = rev; i < (1 << FAST_BITS); i += 1 << l)
            t->fast[i] = (uint16_t)(s << 4 | l);
    }
    return 0;
}

/* Drops the next k bits; the buffer must hold them (after refill). */
static void skip_bits(bitrd *b, int k)
{
    b->buf >>= k;
    b->cnt -= k;
}

/* Decodes one symbol with t from the bits in the buffer, which must hold
 * at least 15 (after refill); -1 on an unused code. */
static int decode_buffered(bitrd *b, const htab *t)
{
    uint16_t e = t->fast[b->buf & ((1u << FAST_BITS) - 1)];
    int l = e & 15;
    if (l) {
        b->buf >>= l;
        b->cnt -= l;
        return e >> 4;
    }
    int code = 0, first = 0, index = 0;
    for (l = 1; l < 16; l++) {
        code |= (int)((b->buf >> (l - 1)) & 1);
        int count = t->count[l];
        if (code - first < count) {
            b->buf >>= l;
            b->cnt -= l;
            return t->sym[index + code - first];
        }
        index += count;
        first = (first + count) << 1;
        code <<= 1;
    }
    return -1;
}

/* Decodes one symbol with t; -1 on an unused code. */
static int decode(bitrd *b, const htab *t)
{
    refill(b);
    return decode_buffered(b, t);
}

/* Extra bits of length symbols 257..285 and distance symbols 0..29. */
static const uint8_t len_extra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                      2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const uint8_t dist_extra[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6,
                                       6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12,
                                       13, 13};

/* Walks the symbols of one Huffman block up to its end-of-block code.
 * Returns 0 or -1 on a malformed block. */
static int walk_codes(bitrd *b, const htab *lit, const htab *dist)
{
    for (;;) {
        /* one refill (56 bits or more) covers a length code, its extra
         * bits, a distance code and its extra bits: at most 48 */
        refill(b);
        int s = decode_buffered(b, lit);
        if (s < 0 || b->over > 8)
            return -1;
        if (s < 256)
            continue;
        if (s == 256)
            return 0;
        if (s > 285)
            return -1;
        skip_bits(b, len_extra[s - 257]);
        int d = decode_buffered(b, dist);
        if (d < 0 || d > 29)
            return -1;
        skip_bits(b, dist_extra[d]);
    }
}

/* Reads the code lengths of a dynamic block and builds both tables.
 * Returns 0 or -1. */
static int read_dynamic(bitrd *b, htab *lit, htab *dist)
{
    static const uint8_t order[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5,
                                      11, 4, 12, 3, 13, 2, 14, 1, 15};
    int nlit = (int)getbits(b, 5) + 257, ndist = (int)getbits(b, 5) + 1;
    int ncode = (int)getbits(b, 4) + 4;
    if (nlit > 286 || ndist > 30)
        return -1;
    uint8_t cl[19] = {0}, lens[286 + 30];
    for (int k = 0; k < ncode; k++)
        cl[order[k]] = (uint8_t)getbits(b, 3);
    if (build(lit, cl, 19) < 0) /* lit doubles as the code-length table */
        return -1;
    int n = 0;
    while (n < nlit + ndist) {
        int s = decode(b, lit);
        if (s < 0 || b->over > 8)
            return -1;
        if (s < 16) {
            lens[n++] = (uint8_t)s;
            continue;
        }
        int rep, val = 0;
        if (s == 16) {
            if (n == 0)
                return -1;
            val = lens[n - 1];
            rep = 3 + (int)getbits(b, 2);
        } else if (s == 17) {
            rep = 3 + (int)getbits(b, 3);
        } else {
            rep = 11 + (int)getbits(b, 7);
        }
        if (n + rep > nlit + ndist)
            return -1;
        while (rep--)
            lens[n++] = (uint8_t)val;
    }
    if (lens[256] == 0)
        return -1; /* no end-of-block code */
    return build(lit, lens, nlit) < 0 || build(dist, lens + nlit, ndist) < 0
               ? -1 : 0;
}

/* Builds the fixed Huffman tables (RFC 1951 3.2.6). */
static void build_fixed(htab *lit, htab *dist)
{
    uint8_t l[288];
    for (int s = 0; s < 288; s++)
        l[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
    build(lit, l, 288);
    for (int s = 0; s < 30; s++)
        l[s] = 5;
    build(dist, l, 30);
}

/* Walks the stream; on success sets *final_at (bit position of the final
 * block's header) and *end_bit (first bit after it). Returns 0 or -1. */
static int walk(const uint8_t *s, size_t len, size_t *final_at, size_t *end_bit,
                htab *lit, htab *dist)
{
    bitrd b = {s, s, s + len, 0, 0, 0};
    for (;;) {
        size_t at = bitpos(&b);
        int last = (int)getbits(&b, 1), type = (int)getbits(&b, 2);
        if (type == 0) {
            getbits(&b, (int)((8 - bitpos(&b) % 8) % 8));
            uint32_t n = getbits(&b, 16), nn = getbits(&b, 16);
            if ((n ^ 0xffffu) != nn)
                return -1;
            size_t pos = bitpos(&b) / 8; /* byte aligned here */
            if (pos + n > len)
                return -1;
            b = (bitrd){s, s + pos + n, s + len, 0, 0, 0};
        } else if (type == 1 || type == 2) {
            if (type == 1)
                build_fixed(lit, dist);
            else if (read_dynamic(&b, lit, dist) < 0)
                return -1;
            if (walk_codes(&b, lit, dist) < 0)
                return -1;
        } else {
            return -1;
        }
        if (bitpos(&b) > len * 8)
            return -1;
        if (last) {
            *final_at = at;
            *end_bit = bitpos(&b);
            return 0;
        }
    }
}

int dfl_make_joinable(uint8_t *s, size_t *len, size_t cap)
{
    htab lit, dist;
    size_t final_at, end_bit;
    if (cap < *len + 5 || walk(s, *len, &final_at, &end_bit, &lit, &dist) < 0)
        return -1;
    s[final_at / 8] &= (uint8_t)~(1u << (final_at % 8));
    /* an empty stored block: three zero header bits, zero padding to the
     * byte boundary, LEN 0000 and NLEN FFFF */
    size_t bytes = (end_bit + 3 + 7) / 8;
    if (end_bit % 8)
        s[end_bit / 8] &= (uint8_t)((1u << (end_bit % 8)) - 1);
    for (size_t k = (end_bit + 7) / 8; k < bytes; k++)
        s[k] = 0;
    if (bytes + 4 > cap)
        return -1;
    s[bytes] = 0;
    s[bytes + 1] = 0;
    s[bytes + 2] = 0xff;
    s[bytes + 3] = 0xff;
    *len = bytes + 4;
    return 0;
}
