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

/* ---- tables ---------------------------------------------------------- */

/* ColorBrewer: table[k - 3] holds k colours as 6 hex digits each;
 * qualitative schemes store only their largest table, since their k-class
 * tables are its first k colours. Flags: one digit per k from 3 (0 no,
 * 1 yes, 2 maybe); a single digit holds for every k. Order: colour-blind,
 * print, photocopy. */
static const char *const cb_blues[] = {
    "deebf79ecae13182bd",
    "eff3ffbdd7e76baed62171b5",
    "eff3ffbdd7e76baed63182bd08519c",
    "eff3ffc6dbef9ecae16baed63182bd08519c",
    "eff3ffc6dbef9ecae16baed64292c62171b5084594",
    "f7fbffdeebf7c6dbef9ecae16baed64292c62171b5084594",
    "f7fbffdeebf7c6dbef9ecae16baed64292c62171b508519c08306b",
};
#define CB_BLUES_FLAGS "1", "1200000", "1000000"
static const char *const cb_greens[] = {
    "e5f5e0a1d99b31a354",
    "edf8e9bae4b374c476238b45",
    "edf8e9bae4b374c47631a354006d2c",
    "edf8e9c7e9c0a1d99b74c47631a354006d2c",
    "edf8e9c7e9c0a1d99b74c47641ab5d238b45005a32",
    "f7fcf5e5f5e0c7e9c0a1d99b74c47641ab5d238b45005a32",
    "f7fcf5e5f5e0c7e9c0a1d99b74c47641ab5d238b45006d2c00441b",
};
#define CB_GREENS_FLAGS "1", "1000000", "1200000"
static const char *const cb_greys[] = {
    "f0f0f0bdbdbd636363",
    "f7f7f7cccccc969696525252",
    "f7f7f7cccccc969696636363252525",
    "f7f7f7d9d9d9bdbdbd969696636363252525",
    "f7f7f7d9d9d9bdbdbd969696737373525252252525",
    "fffffff0f0f0d9d9d9bdbdbd969696737373525252252525",
    "fffffff0f0f0d9d9d9bdbdbd969696737373525252252525000000",
};
#define CB_GREYS_FLAGS "1", "1120000", "1000000"
static const char *const cb_oranges[] = {
    "fee6cefdae6be6550d",
    "feeddefdbe85fd8d3cd94701",
    "feeddefdbe85fd8d3ce6550da63603",
    "feeddefdd0a2fdae6bfd8d3ce6550da63603",
    "feeddefdd0a2fdae6bfd8d3cf16913d948018c2d04",
    "fff5ebfee6cefdd0a2fdae6bfd8d3cf16913d948018c2d04",
    "fff5ebfee6cefdd0a2fdae6bfd8d3cf16913d94801a636037f2704",
};
#define CB_ORANGES_FLAGS "1", "1200000", "1220000"
static const char *const cb_purples[] = {
    "efedf5bcbddc756bb1",
    "f2f0f7cbc9e29e9ac86a51a3",
    "f2f0f7cbc9e29e9ac8756bb154278f",
    "f2f0f7dadaebbcbddc9e9ac8756bb154278f",
    "f2f0f7dadaebbcbddc9e9ac8807dba6a51a34a1486",
    "fcfbfdefedf5dadaebbcbddc9e9ac8807dba6a51a34a1486",
    "fcfbfdefedf5dadaebbcbddc9e9ac8807dba6a51a354278f3f007d",
};
#define CB_PURPLES_FLAGS "1", "1000000", "1200000"
static const char *const cb_reds[] = {
    "fee0d2fc9272de2d26",
    "fee5d9fcae91fb6a4acb181d",
    "fee5d9fcae91fb6a4ade2d26a50f15",
    "fee5d9fcbba1fc9272fb6a4ade2d26a50f15",
    "fee5d9fcbba1fc9272fb6a4aef3b2ccb181d99000d",
    "fff5f0fee0d2fcbba1fc9272fb6a4aef3b2ccb181d99000d",
    "fff5f0fee0d2fcbba1fc9272fb6a4aef3b2ccb181da50f1567000d",
};
#define CB_REDS_FLAGS "1", "1220000", "1200000"
static const char *const cb_bugn[] = {
    "e5f5f999d8c92ca25f",
    "edf8fbb2e2e266c2a4238b45",
    "edf8fbb2e2e266c2a42ca25f006d2c",
    "edf8fbccece699d8c966c2a42ca25f006d2c",
    "edf8fbccece699d8c966c2a441ae76238b45005824",
    "f7fcfde5f5f9ccece699d8c966c2a441ae76238b45005824",
    "f7fcfde5f5f9ccece699d8c966c2a441ae76238b45006d2c00441b",
};
#define CB_BUGN_FLAGS "1", "1120000", "1200000"
static const char *const cb_bupu[] = {
    "e0ecf49ebcda8856a7",
    "edf8fbb3cde38c96c688419d",
    "edf8fbb3cde38c96c68856a7810f7c",
    "edf8fbbfd3e69ebcda8c96c68856a7810f7c",
    "edf8fbbfd3e69ebcda8c96c68c6bb188419d6e016b",
    "f7fcfde0ecf4bfd3e69ebcda8c96c68c6bb188419d6e016b",
    "f7fcfde0ecf4bfd3e69ebcda8c96c68c6bb188419d810f7c4d004b",
};
#define CB_BUPU_FLAGS "1", "1122000", "1200000"
static const char *const cb_gnbu[] = {
    "e0f3dba8ddb543a2ca",
    "f0f9e8bae4bc7bccc42b8cbe",
    "f0f9e8bae4bc7bccc443a2ca0868ac",
    "f0f9e8ccebc5a8ddb57bccc443a2ca0868ac",
    "f0f9e8ccebc5a8ddb57bccc44eb3d32b8cbe08589e",
    "f7fcf0e0f3dbccebc5a8ddb57bccc44eb3d32b8cbe08589e",
    "f7fcf0e0f3dbccebc5a8ddb57bccc44eb3d32b8cbe0868ac084081",
};
#define CB_GNBU_FLAGS "1", "1112220", "1200000"
static const char *const cb_orrd[] = {
    "fee8c8fdbb84e34a33",
    "fef0d9fdcc8afc8d59d7301f",
    "fef0d9fdcc8afc8d59e34a33b30000",
    "fef0d9fdd49efdbb84fc8d59e34a33b30000",
    "fef0d9fdd49efdbb84fc8d59ef6548d7301f990000",
    "fff7ecfee8c8fdd49efdbb84fc8d59ef6548d7301f990000",
    "fff7ecfee8c8fdd49efdbb84fc8d59ef6548d7301fb300007f0000",
};
#define CB_ORRD_FLAGS "1", "1100000", "1120000"
static const char *const cb_pubu[] = {
    "ece7f2a6bddb2b8cbe",
    "f1eef6bdc9e174a9cf0570b0",
    "f1eef6bdc9e174a9cf2b8cbe045a8d",
    "f1eef6d0d1e6a6bddb74a9cf2b8cbe045a8d",
    "f1eef6d0d1e6a6bddb74a9cf3690c00570b0034e7b",
    "fff7fbece7f2d0d1e6a6bddb74a9cf3690c00570b0034e7b",
    "fff7fbece7f2d0d1e6a6bddb74a9cf3690c00570b0045a8d023858",
};
#define CB_PUBU_FLAGS "1", "1220000", "1200000"
static const char *const cb_pubugn[] = {
    "ece2f0a6bddb1c9099",
    "f6eff7bdc9e167a9cf02818a",
    "f6eff7bdc9e167a9cf1c9099016c59",
    "f6eff7d0d1e6a6bddb67a9cf1c9099016c59",
    "f6eff7d0d1e6a6bddb67a9cf3690c002818a016450",
    "fff7fbece2f0d0d1e6a6bddb67a9cf3690c002818a016450",
    "fff7fbece2f0d0d1e6a6bddb67a9cf3690c002818a016c59014636",
};
#define CB_PUBUGN_FLAGS "1", "1220000", "1200000"
static const char *const cb_purd[] = {
    "e7e1efc994c7dd1c77",
    "f1eef6d7b5d8df65b0ce1256",
    "f1eef6d7b5d8df65b0dd1c77980043",
    "f1eef6d4b9dac994c7df65b0dd1c77980043",
    "f1eef6d4b9dac994c7df65b0e7298ace125691003f",
    "f7f4f9e7e1efd4b9dac994c7df65b0e7298ace125691003f",
    "f7f4f9e7e1efd4b9dac994c7df65b0e7298ace125698004367001f",
};
#define CB_PURD_FLAGS "1", "1110000", "1200000"
static const char *const cb_rdpu[] = {
    "fde0ddfa9fb5c51b8a",
    "feebe2fbb4b9f768a1ae017e",
    "feebe2fbb4b9f768a1c51b8a7a0177",
    "feebe2fcc5c0fa9fb5f768a1c51b8a7a0177",
    "feebe2fcc5c0fa9fb5f768a1dd3497ae017e7a0177",
    "fff7f3fde0ddfcc5c0fa9fb5f768a1dd3497ae017e7a0177",
    "fff7f3fde0ddfcc5c0fa9fb5f768a1dd3497ae017e7a017749006a",
};
#define CB_RDPU_FLAGS "1", "1112000", "1200000"
static const char *const cb_ylgn[] = {
    "f7fcb9addd8e31a354",
    "ffffccc2e69978c679238443",
    "ffffccc2e69978c67931a354006837",
    "ffffccd9f0a3addd8e78c67931a354006837",
    "ffffccd9f0a3addd8e78c67941ab5d238443005a32",
    "ffffe5f7fcb9d9f0a3addd8e78c67941ab5d238443005a32",
    "ffffe5f7fcb9d9f0a3addd8e78c67941ab5d238443006837004529",
};
#define CB_YLGN_FLAGS "1", "1110000", "1200000"
static const char *const cb_ylgnbu[] = {
    "edf8b17fcdbb2c7fb8",
    "ffffcca1dab441b6c4225ea8",
    "ffffcca1dab441b6c42c7fb8253494",
    "ffffccc7e9b47fcdbb41b6c42c7fb8253494",
    "ffffccc7e9b47fcdbb41b6c41d91c0225ea80c2c84",
    "ffffd9edf8b1c7e9b47fcdbb41b6c41d91c0225ea80c2c84",
    "ffffd9edf8b1c7e9b47fcdbb41b6c41d91c0225ea8253494081d58",
};
#define CB_YLGNBU_FLAGS "1", "1112220", "1200000"
static const char *const cb_ylorbr[] = {
    "fff7bcfec44fd95f0e",
    "ffffd4fed98efe9929cc4c02",
    "ffffd4fed98efe9929d95f0e993404",
    "ffffd4fee391fec44ffe9929d95f0e993404",
    "ffffd4fee391fec44ffe9929ec7014cc4c028c2d04",
    "ffffe5fff7bcfee391fec44ffe9929ec7014cc4c028c2d04",
    "ffffe5fff7bcfee391fec44ffe9929ec7014cc4c02993404662506",
};
#define CB_YLORBR_FLAGS "1", "1120000", "1220000"
static const char *const cb_ylorrd[] = {
    "ffeda0feb24cf03b20",
    "ffffb2fecc5cfd8d3ce31a1c",
    "ffffb2fecc5cfd8d3cf03b20bd0026",
    "ffffb2fed976feb24cfd8d3cf03b20bd0026",
    "ffffb2fed976feb24cfd8d3cfc4e2ae31a1cb10026",
    "ffffccffeda0fed976feb24cfd8d3cfc4e2ae31a1cb10026",
    "ffffccffeda0fed976feb24cfd8d3cfc4e2ae31a1cbd0026800026",
};
#define CB_YLORRD_FLAGS "1", "1122000", "1220000"
static const char *const cb_brbg[] = {
    "d8b365f5f5f55ab4ac",
    "a6611adfc27d80cdc1018571",
    "a6611adfc27df5f5f580cdc1018571",
    "8c510ad8b365f6e8c3c7eae55ab4ac01665e",
    "8c510ad8b365f6e8c3f5f5f5c7eae55ab4ac01665e",
    "8c510abf812ddfc27df6e8c3c7eae580cdc135978f01665e",
    "8c510abf812ddfc27df6e8c3f5f5f5c7eae580cdc135978f01665e",
    "5430058c510abf812ddfc27df6e8c3c7eae580cdc135978f01665e003c30",
    "5430058c510abf812ddfc27df6e8c3f5f5f5c7eae580cdc135978f01665e003c30",
};
#define CB_BRBG_FLAGS "1", "111100000", "0"
static const char *const cb_piyg[] = {
    "e9a3c9f7f7f7a1d76a",
    "d01c8bf1b6dab8e1864dac26",
    "d01c8bf1b6daf7f7f7b8e1864dac26",
    "c51b7de9a3c9fde0efe6f5d0a1d76a4d9221",
    "c51b7de9a3c9fde0eff7f7f7e6f5d0a1d76a4d9221",
    "c51b7dde77aef1b6dafde0efe6f5d0b8e1867fbc414d9221",
    "c51b7dde77aef1b6dafde0eff7f7f7e6f5d0b8e1867fbc414d9221",
    "8e0152c51b7dde77aef1b6dafde0efe6f5d0b8e1867fbc414d9221276419",
    "8e0152c51b7dde77aef1b6dafde0eff7f7f7e6f5d0b8e1867fbc414d9221276419",
};
#define CB_PIYG_FLAGS "1", "112000000", "0"
static const char *const cb_prgn[] = {
    "af8dc3f7f7f77fbf7b",
    "7b3294c2a5cfa6dba0008837",
    "7b3294c2a5cff7f7f7a6dba0008837",
    "762a83af8dc3e7d4e8d9f0d37fbf7b1b7837",
    "762a83af8dc3e7d4e8f7f7f7d9f0d37fbf7b1b7837",
    "762a839970abc2a5cfe7d4e8d9f0d3a6dba05aae611b7837",
    "762a839970abc2a5cfe7d4e8f7f7f7d9f0d3a6dba05aae611b7837",
    "40004b762a839970abc2a5cfe7d4e8d9f0d3a6dba05aae611b783700441b",
    "40004b762a839970abc2a5cfe7d4e8f7f7f7d9f0d3a6dba05aae611b783700441b",
};
#define CB_PRGN_FLAGS "1", "111100000", "0"
static const char *const cb_puor[] = {
    "f1a340f7f7f7998ec3",
    "e66101fdb863b2abd25e3c99",
    "e66101fdb863f7f7f7b2abd25e3c99",
    "b35806f1a340fee0b6d8daeb998ec3542788",
    "b35806f1a340fee0b6f7f7f7d8daeb998ec3542788",
    "b35806e08214fdb863fee0b6d8daebb2abd28073ac542788",
    "b35806e08214fdb863fee0b6f7f7f7d8daebb2abd28073ac542788",
    "7f3b08b35806e08214fdb863fee0b6d8daebb2abd28073ac5427882d004b",
    "7f3b08b35806e08214fdb863fee0b6f7f7f7d8daebb2abd28073ac5427882d004b",
};
#define CB_PUOR_FLAGS "1", "112200000", "110000000"
static const char *const cb_rdbu[] = {
    "ef8a62f7f7f767a9cf",
    "ca0020f4a58292c5de0571b0",
    "ca0020f4a582f7f7f792c5de0571b0",
    "b2182bef8a62fddbc7d1e5f067a9cf2166ac",
    "b2182bef8a62fddbc7f7f7f7d1e5f067a9cf2166ac",
    "b2182bd6604df4a582fddbc7d1e5f092c5de4393c32166ac",
    "b2182bd6604df4a582fddbc7f7f7f7d1e5f092c5de4393c32166ac",
    "67001fb2182bd6604df4a582fddbc7d1e5f092c5de4393c32166ac053061",
    "67001fb2182bd6604df4a582fddbc7f7f7f7d1e5f092c5de4393c32166ac053061",
};
#define CB_RDBU_FLAGS "1", "111100000", "0"
static const char *const cb_rdgy[] = {
    "ef8a62ffffff999999",
    "ca0020f4a582bababa404040",
    "ca0020f4a582ffffffbababa404040",
    "b2182bef8a62fddbc7e0e0e09999994d4d4d",
    "b2182bef8a62fddbc7ffffffe0e0e09999994d4d4d",
    "b2182bd6604df4a582fddbc7e0e0e0bababa8787874d4d4d",
    "b2182bd6604df4a582fddbc7ffffffe0e0e0bababa8787874d4d4d",
    "67001fb2182bd6604df4a582fddbc7e0e0e0bababa8787874d4d4d1a1a1a",
    "67001fb2182bd6604df4a582fddbc7ffffffe0e0e0bababa8787874d4d4d1a1a1a",
};
#define CB_RDGY_FLAGS "2", "111200000", "0"
static const char *const cb_rdylbu[] = {
    "fc8d59ffffbf91bfdb",
    "d7191cfdae61abd9e92c7bb6",
    "d7191cfdae61ffffbfabd9e92c7bb6",
    "d73027fc8d59fee090e0f3f891bfdb4575b4",
    "d73027fc8d59fee090ffffbfe0f3f891bfdb4575b4",
    "d73027f46d43fdae61fee090e0f3f8abd9e974add14575b4",
    "d73027f46d43fdae61fee090ffffbfe0f3f8abd9e974add14575b4",
    "a50026d73027f46d43fdae61fee090e0f3f8abd9e974add14575b4313695",
    "a50026d73027f46d43fdae61fee090ffffbfe0f3f8abd9e974add14575b4313695",
};
#define CB_RDYLBU_FLAGS "1", "111120000", "0"
static const char *const cb_rdylgn[] = {
    "fc8d59ffffbf91cf60",
    "d7191cfdae61a6d96a1a9641",
    "d7191cfdae61ffffbfa6d96a1a9641",
    "d73027fc8d59fee08bd9ef8b91cf601a9850",
    "d73027fc8d59fee08bffffbfd9ef8b91cf601a9850",
    "d73027f46d43fdae61fee08bd9ef8ba6d96a66bd631a9850",
    "d73027f46d43fdae61fee08bffffbfd9ef8ba6d96a66bd631a9850",
    "a50026d73027f46d43fdae61fee08bd9ef8ba6d96a66bd631a9850006837",
    "a50026d73027f46d43fdae61fee08bffffbfd9ef8ba6d96a66bd631a9850006837",
};
#define CB_RDYLGN_FLAGS "222000000", "111200000", "0"
static const char *const cb_spectral[] = {
    "fc8d59ffffbf99d594",
    "d7191cfdae61abdda42b83ba",
    "d7191cfdae61ffffbfabdda42b83ba",
    "d53e4ffc8d59fee08be6f59899d5943288bd",
    "d53e4ffc8d59fee08bffffbfe6f59899d5943288bd",
    "d53e4ff46d43fdae61fee08be6f598abdda466c2a53288bd",
    "d53e4ff46d43fdae61fee08bffffbfe6f598abdda466c2a53288bd",
    "9e0142d53e4ff46d43fdae61fee08be6f598abdda466c2a53288bd5e4fa2",
    "9e0142d53e4ff46d43fdae61fee08bffffbfe6f598abdda466c2a53288bd5e4fa2",
};
#define CB_SPECTRAL_FLAGS "222000000", "111000000", "111000000"
static const char *const cb_accent[] = {
    "7fc97fbeaed4fdc086ffff99386cb0f0027fbf5b17666666",
};
#define CB_ACCENT_FLAGS "200000", "112222", "0"
static const char *const cb_dark2[] = {
    "1b9e77d95f027570b3e7298a66a61ee6ab02a6761d666666",
};
#define CB_DARK2_FLAGS "122200", "1", "0"
static const char *const cb_paired[] = {
    "a6cee31f78b4b2df8a33a02cfb9a99e31a1cfdbf6fff7f00cab2d66a3d9affff99b15928",
};
#define CB_PAIRED_FLAGS "1122220000", "1111122220", "0"
static const char *const cb_pastel1[] = {
    "fbb4aeb3cde3ccebc5decbe4fed9a6ffffcce5d8bdfddaecf2f2f2",
};
#define CB_PASTEL1_FLAGS "2000000", "2220000", "0"
static const char *const cb_pastel2[] = {
    "b3e2cdfdcdaccbd5e8f4cae4e6f5c9fff2aef1e2cccccccc",
};
#define CB_PASTEL2_FLAGS "200000", "200000", "0"
static const char *const cb_set1[] = {
    "e41a1c377eb84daf4a984ea3ff7f00ffff33a65628f781bf999999",
};
#define CB_SET1_FLAGS "2", "1", "0"
static const char *const cb_set2[] = {
    "66c2a5fc8d628da0cbe78ac3a6d854ffd92fe5c494b3b3b3",
};
#define CB_SET2_FLAGS "122200", "111222", "0"
static const char *const cb_set3[] = {
    "8dd3c7ffffb3bebadafb807280b1d3fdb462b3de69fccde5d9d9d9bc80bdccebc5ffed6f",
};
#define CB_SET3_FLAGS "2200000000", "1111112000", "1222222000"

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
    int k_max;                /* largest table (continuous: PAL_K_MAX) */
    const char *const *table; /* ColorBrewer tables, NULL if continuous */
    const char *ramp;         /* 256 hex colours, NULL if ColorBrewer */
    const char *flags[3];     /* colour-blind, print, photocopy digits */
};

#define SEQ(n, id, f) {n, PAL_SEQUENTIAL, 9, id, NULL, {f}}
#define DIV(n, id, f) {n, PAL_DIVERGING, 11, id, NULL, {f}}
#define QUAL(n, kmax, id, f) {n, PAL_QUALITATIVE, kmax, id, NULL, {f}}

static const pal_scheme schemes[] = {
    SEQ("Blues", cb_blues, CB_BLUES_FLAGS),
    SEQ("Greens", cb_greens, CB_GREENS_FLAGS),
    SEQ("Greys", cb_greys, CB_GREYS_FLAGS),
    SEQ("Oranges", cb_oranges, CB_ORANGES_FLAGS),
    SEQ("Purples", cb_purples, CB_PURPLES_FLAGS),
    SEQ("Reds", cb_reds, CB_REDS_FLAGS),
    SEQ("BuGn", cb_bugn, CB_BUGN_FLAGS),
    SEQ("BuPu", cb_bupu, CB_BUPU_FLAGS),
    SEQ("GnBu", cb_gnbu, CB_GNBU_FLAGS),
    SEQ("OrRd", cb_orrd, CB_ORRD_FLAGS),
    SEQ("PuBu", cb_pubu, CB_PUBU_FLAGS),
    SEQ("PuBuGn", cb_pubugn, CB_PUBUGN_FLAGS),
    SEQ("PuRd", cb_purd, CB_PURD_FLAGS),
    SEQ("RdPu", cb_rdpu, CB_RDPU_FLAGS),
    SEQ("YlGn", cb_ylgn, CB_YLGN_FLAGS),
    SEQ("YlGnBu", cb_ylgnbu, CB_YLGNBU_FLAGS),
    SEQ("YlOrBr", cb_ylorbr, CB_YLORBR_FLAGS),
    SEQ("YlOrRd", cb_ylorrd, CB_YLORRD_FLAGS),
    DIV("BrBG", cb_brbg, CB_BRBG_FLAGS),
    DIV("PiYG", cb_piyg, CB_PIYG_FLAGS),
    DIV("PRGn", cb_prgn, CB_PRGN_FLAGS),
    DIV("PuOr", cb_puor, CB_PUOR_FLAGS),
    DIV("RdBu", cb_rdbu, CB_RDBU_FLAGS),
    DIV("RdGy", cb_rdgy, CB_RDGY_FLAGS),
    DIV("RdYlBu", cb_rdylbu, CB_RDYLBU_FLAGS),
    DIV("RdYlGn", cb_rdylgn, CB_RDYLGN_FLAGS),
    DIV("Spectral", cb_spectral, CB_SPECTRAL_FLAGS),
    QUAL("Accent", 8, cb_accent, CB_ACCENT_FLAGS),
    QUAL("Dark2", 8, cb_dark2, CB_DARK2_FLAGS),
    QUAL("Paired", 12, cb_paired, CB_PAIRED_FLAGS),
    QUAL("Pastel1", 9, cb_pastel1, CB_PASTEL1_FLAGS),
    QUAL("Pastel2", 8, cb_pastel2, CB_PASTEL2_FLAGS),
    QUAL("Set1", 9, cb_set1, CB_SET1_FLAGS),
    QUAL("Set2", 8, cb_set2, CB_SET2_FLAGS),
    QUAL("Set3", 12, cb_set3, CB_SET3_FLAGS),
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

/* Colours of a ColorBrewer table for k (3..k_max) into out. */
static void table_colors(const pal_scheme *s, int k, pal_rgb *out)
{
    const char *t = s->kind == PAL_QUALITATIVE ? s->table[0]
                                               : s->table[k - 3];
    for (int i = 0; i < k; i++)
        out[i] = hex_at(t, i);
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
