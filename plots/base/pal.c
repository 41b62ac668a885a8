/* pal.c - colour palettes; see pal.h.
 *
 * This product includes color specifications and designs developed by
 * Cynthia Brewer (http://colorbrewer.org/), under the Apache License 2.0:
 * Copyright (c) 2002 Cynthia Brewer, Mark Harrower, and The Pennsylvania
 * State University. The colour tables and the per-class-count safety flags
 * below are the published ColorBrewer ones (colours as in the colorbrewer
 * package 1.7.0, flags as in colorbrewer_schemes.js of colorbrewer2.org).
 * viridis and cividis are matplotlib's 256-entry colour maps (CC0), each
 * channel rounded to 8 bits.
 */
#include "pal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "err.h"

/* ---- ColorBrewer class picks ----------------------------------------- */

/* ColorBrewer builds every k-class table of a scheme from one list of
 * colours, lettered from A: 13 (A..M) for a sequential scheme, 15 (A..O)
 * for a diverging one, and the k-class table picks the same letters in
 * every scheme of its kind. The picks for k = 3, 4, ... stand below,
 * separated by spaces; the schemes (further down) hold their lettered
 * colours, 6 hex digits each. A qualitative scheme's k-class table is the
 * first k of its colours, so it holds just those. */
static const char seq_picks[] = "CFI BEGJ BEGIK BDFGIK BDFGHJL ACDFGHJL ACDFGHJKM";
static const char div_picks[] =
    "EHK CFJM CFHJM BEGIKN BEGHIKN BDFGIJLN BDFGHIJLN ABDFGIJLNO ABDFGHIJLNO";

/* The one published table that departs from its letters: ColorBrewer's
 * 4-class Oranges ends in d94701 where its letter J is d94801. */
static const struct {
    const char *scheme;
    int k, i;         /* k-class table, colour i */
    const char *hex;
} cb_exceptions[] = {{"Oranges", 4, 3, "d94701"}};

/* ---- continuous ramps ------------------------------------------------ */

/* 256 colours each, 6 hex digits per colour, dark to light. */
static const char viridis_hex[] =
    "44015444025645045745055946075a46085c460a5d460b5e470d60470e61471063471164"
    "47136548146748166848176948186a481a6c481b6d481c6e481d6f481f70482071482173"
    "482374482475482576482677482878482979472a7a472c7a472d7b472e7c472f7d46307e"
    "46327e46337f463480453581453781453882443983443a83443b84433d84433e85423f85"
    "4240864241864142874144874045884046883f47883f48893e49893e4a893e4c8a3d4d8a"
    "3d4e8a3c4f8a3c508b3b518b3b528b3a538b3a548c39558c39568c38588c38598c375a8c"
    "375b8d365c8d365d8d355e8d355f8d34608d34618d33628d33638d32648e32658e31668e"
    "31678e31688e30698e306a8e2f6b8e2f6c8e2e6d8e2e6e8e2e6f8e2d708e2d718e2c718e"
    "2c728e2c738e2b748e2b758e2a768e2a778e2a788e29798e297a8e297b8e287c8e287d8e"
    "277e8e277f8e27808e26818e26828e26828e25838e25848e25858e24868e24878e23888e"
    "23898e238a8d228b8d228c8d228d8d218e8d218f8d21908d21918c20928c20928c20938c"
    "1f948c1f958b1f968b1f978b1f988b1f998a1f9a8a1e9b8a1e9c891e9d891f9e891f9f88"
    "1fa0881fa1881fa1871fa28720a38620a48621a58521a68522a78522a88423a98324aa83"
    "25ab8225ac8226ad8127ad8128ae8029af7f2ab07f2cb17e2db27d2eb37c2fb47c31b57b"
    "32b67a34b67935b77937b87838b9773aba763bbb753dbc743fbc7340bd7242be7144bf70"
    "46c06f48c16e4ac16d4cc26c4ec36b50c46a52c56954c56856c66758c7655ac8645cc863"
    "5ec96260ca6063cb5f65cb5e67cc5c69cd5b6ccd5a6ece5870cf5773d05675d05477d153"
    "7ad1517cd2507fd34e81d34d84d44b86d54989d5488bd6468ed64590d74393d74195d840"
    "98d83e9bd93c9dd93ba0da39a2da37a5db36a8db34aadc32addc30b0dd2fb2dd2db5de2b"
    "b8de29bade28bddf26c0df25c2df23c5e021c8e020cae11fcde11dd0e11cd2e21bd5e21a"
    "d8e219dae319dde318dfe318e2e418e5e419e7e419eae51aece51befe51cf1e51df4e61e"
    "f6e620f8e621fbe723fde725";

static const char cividis_hex[] =
    "00224e00234f00245100255300255400265600275800285900285b00295d002a5f002a61"
    "002b62002c64002c66002d68002e6a002e6c002f6d00306f003070003170003171013271"
    "0533710833700c34700f357012357014367016377018376f1a386f1c396f1e3a6f203a6f"
    "213b6e233c6e243c6e263d6e273e6e293f6e2a3f6d2b406d2d416d2e416d2f426d31436d"
    "32436d33446d34456c35456c36466c38476c39486c3a486c3b496c3c4a6c3d4a6c3e4b6c"
    "3f4c6c404c6c414d6c424e6c434e6c444f6c45506c46516c47516c48526c49536c4a536c"
    "4b546c4c556c4d556c4e566c4f576c50576c51586d52596d535a6d545a6d555b6d555c6d"
    "565c6d575d6d585e6d595e6e5a5f6e5b606e5c616e5d616e5e626e5e636f5f636f60646f"
    "61656f62656f636670646770656870656870666970676a71686a71696b716a6c716b6d72"
    "6c6d726c6e726d6f726e6f736f7073707173717274727274727374737475747475757575"
    "7676767777767777777878777979777a7a787b7a787c7b787d7c787e7c787e7d787f7e78"
    "807f78817f788280798381798482798582798683798784788885788985788a86788b8778"
    "8c88788d88788e89788f8a78908b78918b78928c78928d78938e78948e77958f77969077"
    "9791779892779992779a93769b94769c95769d95769e96769f9775a09875a19975a29975"
    "a39a74a49b74a59c74a69c74a79d73a89e73a99f73aaa073aba072aca172ada272aea371"
    "afa471b0a571b1a570b3a670b4a76fb5a86fb6a96fb7a96eb8aa6eb9ab6dbaac6dbbad6d"
    "bcae6cbdae6cbeaf6bbfb06bc0b16ac1b26ac2b369c3b369c4b468c5b568c6b667c7b767"
    "c8b866c9b965cbb965ccba64cdbb63cebc63cfbd62d0be62d1bf61d2c060d3c05fd4c15f"
    "d5c25ed6c35dd7c45cd9c55cdac65bdbc75adcc859ddc858dec958dfca57e0cb56e1cc55"
    "e2cd54e4ce53e5cf52e6d051e7d150e8d24fe9d34eead34cebd44bedd54aeed649efd748"
    "f0d846f1d945f2da44f3db42f5dc41f6dd3ff7de3ef8df3cf9e03afbe138fce236fde334"
    "fee434fee535fee636fee838";


/* ---- schemes --------------------------------------------------------- */

struct pal_scheme {
    const char *name;
    pal_kind kind;
    int k_max;            /* largest table (continuous: PAL_K_MAX) */
    const char *cb;       /* ColorBrewer colours, NULL if continuous */
    const char *ramp;     /* 256 hex colours, NULL if ColorBrewer */
    const char *flags[3]; /* colour-blind, print, photocopy digits */
};

/* ColorBrewer schemes: name, flags (one digit per k from 3: 0 no, 1 yes,
 * 2 maybe; a single digit holds for every k) for colour-blind, print and
 * photocopy, and the colours (see the picks above). */
#define SEQ(n, c, p, g, hex) {n, PAL_SEQUENTIAL, 9, hex, NULL, {c, p, g}}
#define DIV(n, c, p, g, hex) {n, PAL_DIVERGING, 11, hex, NULL, {c, p, g}}
#define QUAL(n, c, p, g, hex)                                              \
    {n, PAL_QUALITATIVE, (int)(sizeof hex - 1) / 6, hex, NULL, {c, p, g}}

static const pal_scheme schemes[] = {
    SEQ("Blues", "1", "1200000", "1000000",
        "f7fbffeff3ffdeebf7c6dbefbdd7e79ecae16baed64292c63182bd2171b508519c08459408306b"),
    SEQ("Greens", "1", "1000000", "1200000",
        "f7fcf5edf8e9e5f5e0c7e9c0bae4b3a1d99b74c47641ab5d31a354238b45006d2c005a3200441b"),
    SEQ("Greys", "1", "1120000", "1000000",
        "fffffff7f7f7f0f0f0d9d9d9ccccccbdbdbd969696737373636363525252252525252525000000"),
    SEQ("Oranges", "1", "1200000", "1220000",
        "fff5ebfeeddefee6cefdd0a2fdbe85fdae6bfd8d3cf16913e6550dd94801a636038c2d047f2704"),
    SEQ("Purples", "1", "1000000", "1200000",
        "fcfbfdf2f0f7efedf5dadaebcbc9e2bcbddc9e9ac8807dba756bb16a51a354278f4a14863f007d"),
    SEQ("Reds", "1", "1220000", "1200000",
        "fff5f0fee5d9fee0d2fcbba1fcae91fc9272fb6a4aef3b2cde2d26cb181da50f1599000d67000d"),
    SEQ("BuGn", "1", "1120000", "1200000",
        "f7fcfdedf8fbe5f5f9ccece6b2e2e299d8c966c2a441ae762ca25f238b45006d2c00582400441b"),
    SEQ("BuPu", "1", "1122000", "1200000",
        "f7fcfdedf8fbe0ecf4bfd3e6b3cde39ebcda8c96c68c6bb18856a788419d810f7c6e016b4d004b"),
    SEQ("GnBu", "1", "1112220", "1200000",
        "f7fcf0f0f9e8e0f3dbccebc5bae4bca8ddb57bccc44eb3d343a2ca2b8cbe0868ac08589e084081"),
    SEQ("OrRd", "1", "1100000", "1120000",
        "fff7ecfef0d9fee8c8fdd49efdcc8afdbb84fc8d59ef6548e34a33d7301fb300009900007f0000"),
    SEQ("PuBu", "1", "1220000", "1200000",
        "fff7fbf1eef6ece7f2d0d1e6bdc9e1a6bddb74a9cf3690c02b8cbe0570b0045a8d034e7b023858"),
    SEQ("PuBuGn", "1", "1220000", "1200000",
        "fff7fbf6eff7ece2f0d0d1e6bdc9e1a6bddb67a9cf3690c01c909902818a016c59016450014636"),
    SEQ("PuRd", "1", "1110000", "1200000",
        "f7f4f9f1eef6e7e1efd4b9dad7b5d8c994c7df65b0e7298add1c77ce125698004391003f67001f"),
    SEQ("RdPu", "1", "1112000", "1200000",
        "fff7f3feebe2fde0ddfcc5c0fbb4b9fa9fb5f768a1dd3497c51b8aae017e7a01777a017749006a"),
    SEQ("YlGn", "1", "1110000", "1200000",
        "ffffe5ffffccf7fcb9d9f0a3c2e699addd8e78c67941ab5d31a354238443006837005a32004529"),
    SEQ("YlGnBu", "1", "1112220", "1200000",
        "ffffd9ffffccedf8b1c7e9b4a1dab47fcdbb41b6c41d91c02c7fb8225ea82534940c2c84081d58"),
    SEQ("YlOrBr", "1", "1120000", "1220000",
        "ffffe5ffffd4fff7bcfee391fed98efec44ffe9929ec7014d95f0ecc4c029934048c2d04662506"),
    SEQ("YlOrRd", "1", "1122000", "1220000",
        "ffffccffffb2ffeda0fed976fecc5cfeb24cfd8d3cfc4e2af03b20e31a1cbd0026b10026800026"),
    DIV("BrBG", "1", "111100000", "0",
        "5430058c510aa6611abf812dd8b365dfc27df6e8c3f5f5f5c7eae580cdc15ab4ac35978f01857101665e003c30"),
    DIV("PiYG", "1", "112000000", "0",
        "8e0152c51b7dd01c8bde77aee9a3c9f1b6dafde0eff7f7f7e6f5d0b8e186a1d76a7fbc414dac264d9221276419"),
    DIV("PRGn", "1", "111100000", "0",
        "40004b762a837b32949970abaf8dc3c2a5cfe7d4e8f7f7f7d9f0d3a6dba07fbf7b5aae610088371b783700441b"),
    DIV("PuOr", "1", "112200000", "110000000",
        "7f3b08b35806e66101e08214f1a340fdb863fee0b6f7f7f7d8daebb2abd2998ec38073ac5e3c995427882d004b"),
    DIV("RdBu", "1", "111100000", "0",
        "67001fb2182bca0020d6604def8a62f4a582fddbc7f7f7f7d1e5f092c5de67a9cf4393c30571b02166ac053061"),
    DIV("RdGy", "2", "111200000", "0",
        "67001fb2182bca0020d6604def8a62f4a582fddbc7ffffffe0e0e0bababa9999998787874040404d4d4d1a1a1a"),
    DIV("RdYlBu", "1", "111120000", "0",
        "a50026d73027d7191cf46d43fc8d59fdae61fee090ffffbfe0f3f8abd9e991bfdb74add12c7bb64575b4313695"),
    DIV("RdYlGn", "222000000", "111200000", "0",
        "a50026d73027d7191cf46d43fc8d59fdae61fee08bffffbfd9ef8ba6d96a91cf6066bd631a96411a9850006837"),
    DIV("Spectral", "222000000", "111000000", "111000000",
        "9e0142d53e4fd7191cf46d43fc8d59fdae61fee08bffffbfe6f598abdda499d59466c2a52b83ba3288bd5e4fa2"),
    QUAL("Accent", "200000", "112222", "0",
         "7fc97fbeaed4fdc086ffff99386cb0f0027fbf5b17666666"),
    QUAL("Dark2", "122200", "1", "0",
         "1b9e77d95f027570b3e7298a66a61ee6ab02a6761d666666"),
    QUAL("Paired", "1122220000", "1111122220", "0",
         "a6cee31f78b4b2df8a33a02cfb9a99e31a1cfdbf6fff7f00cab2d66a3d9affff99b15928"),
    QUAL("Pastel1", "2000000", "2220000", "0",
         "fbb4aeb3cde3ccebc5decbe4fed9a6ffffcce5d8bdfddaecf2f2f2"),
    QUAL("Pastel2", "200000", "200000", "0",
         "b3e2cdfdcdaccbd5e8f4cae4e6f5c9fff2aef1e2cccccccc"),
    QUAL("Set1", "2", "1", "0",
         "e41a1c377eb84daf4a984ea3ff7f00ffff33a65628f781bf999999"),
    QUAL("Set2", "122200", "111222", "0",
         "66c2a5fc8d628da0cbe78ac3a6d854ffd92fe5c494b3b3b3"),
    QUAL("Set3", "2200000000", "1111112000", "1222222000",
         "8dd3c7ffffb3bebadafb807280b1d3fdb462b3de69fccde5d9d9d9bc80bdccebc5ffed6f"),
    {"viridis", PAL_SEQUENTIAL, PAL_K_MAX, NULL, viridis_hex, {"1", "1", "1"}},
    {"cividis", PAL_SEQUENTIAL, PAL_K_MAX, NULL, cividis_hex, {"1", "1", "1"}},
};

#define N_SCHEMES (sizeof schemes / sizeof schemes[0])

/* Number of schemes; see pal.h. */
size_t pal_count(void)
{
    return N_SCHEMES;
}

/* Scheme i; see pal.h. */
const pal_scheme *pal_at(size_t i)
{
    return i < N_SCHEMES ? &schemes[i] : NULL;
}

/* Scheme by name; see pal.h. */
const pal_scheme *pal_find(const char *name)
{
    for (size_t i = 0; name && i < N_SCHEMES; i++)
        if (strcasecmp(name, schemes[i].name) == 0)
            return &schemes[i];
    char list[600];
    size_t len = 0;
    list[0] = '\0';
    for (size_t i = 0; i < N_SCHEMES && len < sizeof list; i++)
        len += (size_t)snprintf(list + len, sizeof list - len, "%s%s",
                                i ? ", " : "", schemes[i].name);
    err_set(ERR_RECIPE, NULL, 0, NULL,
            "unknown colour palette '%s'; use one of %s",
            name ? name : "(none)", list);
    return NULL;
}

/* Properties; see pal.h. */
const char *pal_name(const pal_scheme *s)
{
    return s->name;
}

pal_kind pal_kind_of(const pal_scheme *s)
{
    return s->kind;
}

int pal_is_continuous(const pal_scheme *s)
{
    return s->ramp != NULL;
}

int pal_k_max(const pal_scheme *s)
{
    return s->k_max;
}

/* Flag digit for k from a flag string (see the tables). */
static pal_flag flag_at(const char *f, int k)
{
    size_t len = strlen(f);
    size_t i = len == 1 ? 0 : (size_t)(k < 3 ? 0 : k - 3);
    if (i >= len)
        return PAL_NO;
    return (pal_flag)(f[i] - '0');
}

/* Safety flags; see pal.h. */
pal_safety pal_safety_of(const pal_scheme *s, int k)
{
    pal_safety r = {PAL_NO, PAL_NO, PAL_NO};
    if (!s || k < 1 || k > s->k_max)
        return r;
    r.colorblind = flag_at(s->flags[0], k);
    r.print = flag_at(s->flags[1], k);
    r.greyscale = flag_at(s->flags[2], k);
    return r;
}

/* Value of one hex digit (input is trusted table data or checked). */
static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Colour i of a string of 6-digit hex colours. */
static pal_rgb hex_at(const char *h, int i)
{
    const char *p = h + 6 * i;
    pal_rgb c = {(uint8_t)(hexval(p[0]) * 16 + hexval(p[1])),
                 (uint8_t)(hexval(p[2]) * 16 + hexval(p[3])),
                 (uint8_t)(hexval(p[4]) * 16 + hexval(p[5]))};
    return c;
}

/* Letters the k-class table (3..k_max) of a sequential or diverging
 * scheme picks: word k - 3 of its kind's picks. Static, never NULL. */
static const char *table_picks(const pal_scheme *s, int k)
{
    const char *p = s->kind == PAL_DIVERGING ? div_picks : seq_picks;
    for (int j = 3; j < k; j++)
        p = strchr(p, ' ') + 1;
    return p;
}

/* Colours of a ColorBrewer table for k (3..k_max) into out. */
static void table_colors(const pal_scheme *s, int k, pal_rgb *out)
{
    const char *picks =
        s->kind == PAL_QUALITATIVE ? NULL : table_picks(s, k);
    for (int i = 0; i < k; i++)
        out[i] = hex_at(s->cb, picks ? picks[i] - 'A' : i);
    for (size_t e = 0; e < sizeof cb_exceptions / sizeof cb_exceptions[0];
         e++)
        if (cb_exceptions[e].k == k &&
            strcmp(cb_exceptions[e].scheme, s->name) == 0)
            out[cb_exceptions[e].i] = hex_at(cb_exceptions[e].hex, 0);
}

/* Colours; see pal.h. */
int pal_colors(const pal_scheme *s, int k, pal_rgb *out)
{
    if (!s || k < 1 || k > s->k_max) {
        err_set(ERR_RECIPE, NULL, 0, NULL,
                "the palette %s gives 1 to %d colours, not %d; ask for fewer "
                "classes or use viridis or cividis",
                s ? s->name : "(none)", s ? s->k_max : 0, k);
        return -1;
    }
    if (s->ramp) {
        for (int i = 0; i < k; i++) {
            double t = k == 1 ? 0.5 : (double)i / (double)(k - 1);
            out[i] = hex_at(s->ramp, (int)floor(t * 255 + 0.5));
        }
        return 0;
    }
    if (k >= 3) {
        table_colors(s, k, out);
        return 0;
    }
    pal_rgb three[3];
    table_colors(s, 3, three);
    if (s->kind == PAL_QUALITATIVE) {
        for (int i = 0; i < k; i++)
            out[i] = three[i];
    } else if (k == 1) {
        out[0] = three[1];
    } else {
        out[0] = three[0];
        out[1] = three[2];
    }
    return 0;
}

/* Reverses colours in place; see pal.h. */
void pal_reverse(pal_rgb *c, int k)
{
    for (int i = 0, j = k - 1; i < j; i++, j--) {
        pal_rgb t = c[i];
        c[i] = c[j];
        c[j] = t;
    }
}

/* Colour j of the n-colour table of a diverging scheme, read in reverse
 * when rev is set. n = 2 takes the outer colours of the 3-colour table. */
static pal_rgb div_color(const pal_scheme *s, int n, int j, int rev)
{
    if (rev)
        j = n - 1 - j;
    if (n == 2) {
        pal_rgb three[3];
        table_colors(s, 3, three);
        return three[j == 0 ? 0 : 2];
    }
    pal_rgb c[11];
    table_colors(s, n, c);
    return c[j];
}

/* Diverging colours around a centre; see pal.h. */
int pal_diverging_centered(const pal_scheme *s, const double *breaks, int k,
                           double centre, int reversed, pal_rgb *out)
{
    if (!s || s->kind != PAL_DIVERGING) {
        err_set(ERR_RECIPE, NULL, 0, NULL,
                "colours centred on a value need a diverging palette (BrBG, "
                "PiYG, PRGn, PuOr, RdBu, RdGy, RdYlBu, RdYlGn, Spectral), "
                "not %s",
                s ? s->name : "(none)");
        return -1;
    }
    if (k < 1 || !breaks || isnan(centre)) {
        err_set(ERR_RECIPE, NULL, 0, NULL,
                "colours centred on a value need at least one class and a "
                "centre that is a number");
        return -1;
    }
    for (int i = 0; i < k; i++) {
        if (!(breaks[i] <= breaks[i + 1])) {
            err_set(ERR_RECIPE, NULL, 0, NULL,
                    "class breaks must increase, but break %d (%g) is above "
                    "break %d (%g)",
                    i + 1, breaks[i], i + 2, breaks[i + 1]);
            return -1;
        }
    }
    /* below/above: classes on each side; neutral: class holding the
     * centre strictly inside, or -1 when the centre is on a break or
     * outside the breaks */
    int below = 0, neutral = -1;
    if (centre > breaks[k]) {
        below = k;
    } else if (centre >= breaks[0]) {
        int on = -1;
        for (int i = 0; i <= k; i++)
            if (breaks[i] == centre)
                on = i;
        if (on >= 0) {
            below = on;
        } else {
            int c = 0;
            while (!(centre < breaks[c + 1]))
                c++;
            neutral = c;
            below = c;
        }
    }
    int above = k - below - (neutral >= 0);
    int side = below > above ? below : above;
    int n = neutral >= 0 ? 2 * side + 1 : 2 * side;
    if (n > s->k_max) {
        err_set(ERR_RECIPE, NULL, 0, NULL,
                "%d classes lie on one side of the centre %g, but the "
                "diverging palette %s has colours for at most %d; use fewer "
                "classes or a sequential palette",
                side, centre, s->name, (s->k_max - 1) / 2);
        return -1;
    }
    if (neutral >= 0) {
        int nn = n < 3 ? 3 : n; /* k = 1: the middle of the 3-table */
        int mid = nn / 2;
        for (int i = 0; i < k; i++)
            out[i] = div_color(s, nn, mid + (i - neutral), reversed);
    } else {
        /* classes below the centre take colours side-1, side-2, ... ;
         * those above take side, side+1, ... */
        for (int i = 0; i < k; i++)
            out[i] = div_color(s, n, side + (i - below), reversed);
    }
    return 0;
}

/* Defaults; see pal.h. */
const pal_scheme *pal_default_sequential(void)
{
    return &schemes[15]; /* YlGnBu */
}

const pal_scheme *pal_default_diverging(void)
{
    return &schemes[22]; /* RdBu */
}

/* Fixed greys; see pal.h. */
pal_rgb pal_missing(void)
{
    return (pal_rgb){200, 200, 200};
}

pal_rgb pal_secret_hatch(void)
{
    return (pal_rgb){125, 125, 125};
}

/* Linear-light value of an 8-bit sRGB channel. */
static double lin(uint8_t v)
{
    double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

/* Relative luminance; see pal.h. */
double pal_luminance(pal_rgb c)
{
    return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

/* Contrast ratio; see pal.h. */
double pal_contrast(pal_rgb a, pal_rgb b)
{
    double la = pal_luminance(a), lb = pal_luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* Label colour; see pal.h. */
pal_rgb pal_label_color(pal_rgb fill)
{
    pal_rgb black = {0, 0, 0}, white = {255, 255, 255};
    return pal_contrast(fill, white) > pal_contrast(fill, black) ? white
                                                                 : black;
}

/* Hex text; see pal.h. */
void pal_hex(pal_rgb c, char out[8])
{
    snprintf(out, 8, "#%02x%02x%02x", c.r, c.g, c.b);
}

/* Parses hex text; see pal.h. */
int pal_parse_hex(const char *s, pal_rgb *out)
{
    const char *p = s && s[0] == '#' ? s + 1 : s;
    size_t len = p ? strlen(p) : 0;
    int ok = len == 6 || (len == 3 && s[0] == '#');
    for (size_t i = 0; ok && i < len; i++)
        ok = hexval(p[i]) >= 0;
    if (!ok) {
        err_set(ERR_RECIPE, NULL, 0, NULL,
                "'%s' is not a colour; write it as #rrggbb (e.g. #1d91c0) "
                "or #rgb",
                s ? s : "(none)");
        return -1;
    }
    if (len == 3) {
        out->r = (uint8_t)(hexval(p[0]) * 17);
        out->g = (uint8_t)(hexval(p[1]) * 17);
        out->b = (uint8_t)(hexval(p[2]) * 17);
    } else {
        *out = hex_at(p, 0);
    }
    return 0;
}
