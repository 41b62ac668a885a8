/* test_sha256.c - SHA-256 against FIPS 180-4 vectors, Python's hashlib and
 * `sha256sum` of a shared data file. */
#include "check.h"
#include "sha256.h"

#include <stdlib.h>

/* Hex digest of a buffer. */
static void digest_hex(const void *p, size_t n, char hex[65])
{
    uint8_t d[32];
    sha256_bytes(p, n, d);
    sha256_hex(d, hex);
}

/* FIPS 180-4 / NIST example messages (C.1, C.2, and the 896-bit one). */
static void test_fips_vectors(void)
{
    static const struct {
        const char *msg, *hex;
    } cases[] = {
        {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
        {"abc",
         "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
        {"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
         "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char hex[65];
        digest_hex(cases[k].msg, strlen(cases[k].msg), hex);
        CHECK_STR(hex, cases[k].hex);
    }
}

/* One million 'a' (FIPS C.3), fed in uneven pieces to exercise buffering. */
static void test_million_a(void)
{
    char *a = malloc(1000000);
    CHECK(a != NULL);
    if (!a)
        return;
    memset(a, 'a', 1000000);
    char hex[65];
    digest_hex(a, 1000000, hex);
    CHECK_STR(hex,
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    sha256_ctx c;
    sha256_init(&c);
    size_t pos = 0, step = 1;
    while (pos < 1000000) {
        size_t take = step < 1000000 - pos ? step : 1000000 - pos;
        sha256_update(&c, a + pos, take);
        pos += take;
        step = step * 3 % 997 + 1;
    }
    uint8_t d[32];
    sha256_final(&c, d);
    sha256_hex(d, hex);
    CHECK_STR(hex,
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    free(a);
}

/* Lengths around the padding boundaries; bytes (i*7+3)&255. Expected values
 * from python3: hashlib.sha256(bytes((i*7+3)&255 for i in range(n))). */
static void test_padding_boundaries(void)
{
    static const struct {
        size_t n;
        const char *hex;
    } cases[] = {
        {55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b"},
        {56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27"},
        {57, "35df609437dcfea3279283ab79fd554e2bf78f8f7ae2de532d8ee300b09e8f73"},
        {63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055"},
        {64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241"},
        {65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e"},
        {119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e"},
        {120, "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5"},
        {128, "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6"},
    };
    uint8_t buf[128];
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = (uint8_t)((i * 7 + 3) & 255);
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char hex[65];
        digest_hex(buf, cases[k].n, hex);
        CHECK_STR(hex, cases[k].hex);
        /* the same in two pieces split at every position */
        for (size_t cut = 0; cut <= cases[k].n; cut += 5) {
            sha256_ctx c;
            uint8_t d[32];
            sha256_init(&c);
            sha256_update(&c, buf, cut);
            sha256_update(&c, buf + cut, cases[k].n - cut);
            sha256_final(&c, d);
            sha256_hex(d, hex);
            CHECK_STR(hex, cases[k].hex);
        }
    }
}

/* A real shared file; expected value from
 * `sha256sum cbs_kwb_2024_wijk_gemeente/wijken_2024.geojson`. */
static void test_file(void)
{
    char hex[65];
    int rc = sha256_file(
        DNW_SHARED_DATA "/cbs_kwb_2024_wijk_gemeente/wijken_2024.geojson", hex);
    CHECK(rc == 0);
    CHECK_STR(hex,
              "475cde506f94f4438875ef3bb1540411280e7de2a8bae7ac50f429a783222379");
    /* the prj of the Almere shapefile: `sha256sum buurt_2011_v3.prj` */
    rc = sha256_file(DNW_SHARED_DATA "/cbs_kwb_2011_almere/buurt_2011_v3.prj",
                     hex);
    CHECK(rc == 0);
    CHECK_STR(hex,
              "b9515dfdb5a4827fb262b1c4f848e2e777bf1b36e85c4fd693339d90b12b6518");
}

/* A missing file is an IO error naming the file; a folder too. */
static void test_file_errors(void)
{
    char hex[65];
    err_clear();
    CHECK(sha256_file(DNW_SHARED_DATA "/no_such_file.csv", hex) == -1);
    CHECK(err_get() && err_get()->category == ERR_IO);
    CHECK(err_get() && strstr(err_get()->file, "no_such_file.csv") != NULL);
    CHECK(hex[0] == '\0');
    err_clear();
    CHECK(sha256_file(DNW_SHARED_DATA, hex) == -1);
    CHECK(err_get() && err_get()->category == ERR_IO);
    err_clear();
}

int main(void)
{
    test_fips_vectors();
    test_million_a();
    test_padding_boundaries();
    test_file();
    test_file_errors();
    return check_done();
}
