/* sheet_fixture.h - synthetic fact-sheet data for test_sheet.c and
 * bench_sheet.c: a made-up gemeente "Voorbeeldrecht" whose buurten are a
 * jittered grid of quadrilaterals (the inner cells are the area, a ring of
 * cells around them the context), with realistic key figures, charts and
 * the two text boxes. Header-only (static functions) so both can include
 * it. */
#ifndef DNW_SHEET_FIXTURE_H
#define DNW_SHEET_FIXTURE_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "present.h"
#include "sheet.h"
#include "tbl.h"

#define FX_GX 8 /* grid cells across (outer ring = context) */
#define FX_GY 7
#define FX_CELLS (FX_GX * FX_GY)
#define FX_N_ALL 30

/* A deterministic pseudo-random number in [0, 1). */
static double fx_rand(unsigned *s)
{
    *s = *s * 1664525u + 1013904223u;
    return (double)(*s >> 8) / 16777216.0;
}

/* A jittered grid of FX_CELLS quadrilaterals in RD-like metres, as a
 * table with one geometry column. *in_area gets the inner cells. The
 * caller frees the table with tbl_free and *in_area with free. */
static tbl *fx_grid(uint8_t **in_area)
{
    double vx[(FX_GX + 1) * (FX_GY + 1)], vy[(FX_GX + 1) * (FX_GY + 1)];
    unsigned s = 7;
    for (int j = 0; j <= FX_GY; j++)
        for (int i = 0; i <= FX_GX; i++) {
            int edge = i == 0 || j == 0 || i == FX_GX || j == FX_GY;
            vx[j * (FX_GX + 1) + i] =
                150000 + i * 800 + (edge ? 0 : (fx_rand(&s) - 0.5) * 420);
            vy[j * (FX_GX + 1) + i] =
                450000 + j * 700 + (edge ? 0 : (fx_rand(&s) - 0.5) * 380);
        }
    size_t np = FX_CELLS * 5;
    double *xy = malloc(np * 2 * sizeof *xy);
    uint64_t *row_part = malloc((FX_CELLS + 1) * sizeof *row_part);
    uint64_t *part_ring = malloc((FX_CELLS + 1) * sizeof *part_ring);
    uint64_t *ring_pt = malloc((FX_CELLS + 1) * sizeof *ring_pt);
    *in_area = calloc(FX_CELLS, 1);
    size_t k = 0;
    for (int j = 0; j < FX_GY; j++)
        for (int i = 0; i < FX_GX; i++) {
            size_t c = (size_t)(j * FX_GX + i);
            int corner[5][2] = {{i, j}, {i + 1, j}, {i + 1, j + 1},
                                {i, j + 1}, {i, j}};
            row_part[c] = c, part_ring[c] = c, ring_pt[c] = k;
            for (int q = 0; q < 5; q++) {
                int v = corner[q][1] * (FX_GX + 1) + corner[q][0];
                xy[2 * k] = vx[v], xy[2 * k + 1] = vy[v];
                k++;
            }
            (*in_area)[c] = i > 0 && j > 0 && i < FX_GX - 1 && j < FX_GY - 1;
        }
    row_part[FX_CELLS] = FX_CELLS, part_ring[FX_CELLS] = FX_CELLS;
    ring_pt[FX_CELLS] = k;
    tbl *t = tbl_new(FX_CELLS);
    tbl_add_geom(t, "geom", xy, np, row_part, FX_CELLS, part_ring, FX_CELLS,
                 ring_pt, NULL, "EPSG:28992");
    return t;
}

/* Everything one synthetic unit points to. */
typedef struct {
    sheet_figure fig[SHEET_MAX_FIGURES];
    sheet_chart chart[SHEET_MAX_CHARTS];
    sheet_box box[SHEET_MAX_BOXES];
    double all[SHEET_MAX_FIGURES][FX_N_ALL];
    uint8_t all_miss[SHEET_MAX_FIGURES][FX_N_ALL];
    double cv[SHEET_MAX_CHARTS][SHEET_MAX_BARS];
    double cc[SHEET_MAX_CHARTS][SHEET_MAX_BARS];
    uint8_t cm[SHEET_MAX_CHARTS][SHEET_MAX_BARS];
    char name[64], code[16];
} fx_unit;

static const char *const fx_age[] = {"0 tot 15 jaar", "15 tot 25 jaar",
                                     "25 tot 45 jaar", "45 tot 65 jaar",
                                     "65 jaar of ouder"};
static const char *const fx_hh[] = {"Eenpersoons", "Zonder kinderen",
                                    "Met kinderen"};
static const char *const fx_own[] = {"Koopwoningen", "Huur corporatie",
                                     "Huur overig", "Eigendom onbekend"};
static const char *const fx_own_miss[] = {NULL, NULL, "geheim", NULL};

static const char *const fx_names[] = {
    "Oude Binnenstad", "Stationskwartier", "Molenwijk-Noord",
    "De Hoge Weide", "Kerkebuurt", "Landgoed Rustenburg",
    "Bedrijventerrein De Vaart", "Polder Oostzijde en Buitengebied"};

/* Fills unit k of a synthetic gemeente. geom may be NULL (no locator).
 * The unit points into fx. */
static void fx_make(fx_unit *fx, sheet_unit *u, size_t k, const tbl_col *geom,
                    const uint8_t *in_area)
{
    memset(fx, 0, sizeof *fx);
    memset(u, 0, sizeof *u);
    unsigned s = 1000 + (unsigned)k * 7919u;
    snprintf(fx->code, sizeof fx->code, "BU0999%02zu%02zu", (k / 100) % 100,
             k % 100);
    snprintf(fx->name, sizeof fx->name, "%s", fx_names[k % 8]);
    if (k >= 8)
        snprintf(fx->name, sizeof fx->name, "%s %zu", fx_names[k % 8], k / 8);
    static const struct {
        const char *sec, *label, *unit;
        int dec;
        double lo, hi;
        int hi_is;
    } def[] = {
        {"Bevolking", "Inwoners", NULL, 0, 400, 9000, 0},
        {"Bevolking", "Inwoners van 65 jaar en ouder", "%", 1, 6, 38, 0},
        {"Bevolking", "Huishoudens met een laag inkomen", "%", 1, 3, 22, -1},
        {"Wonen", "Koopwoningen", "%", 1, 15, 90, 0},
        {"Wonen", "Gemiddelde WOZ-waarde (\xC3\x97 1.000 euro)", NULL, 0, 180,
         620, 0},
        {"Wonen", "Woningen gebouwd voor 1945", "%", 1, 0, 70, 0},
        {"Energie", "Gemiddeld aardgasverbruik van woningen", "m\xC2\xB3", 0,
         700, 2100, -1},
        {"Energie", "Woningen met energielabel A of beter", "%", 1, 5, 60, 1},
        {"Energie", "Huishoudens in energiearmoede", "%", 1, 2, 14, -1},
        {"Energie", "Woningen met zonnepanelen", "%", 1, 8, 45, 1},
        {"Omgeving", "Groen in de openbare ruimte", "%", 1, 10, 70, 1},
        {"Omgeving", "Afstand tot huisartsenpraktijk", "km", 1, 0.2, 4.5, -1},
    };
    size_t nf = sizeof def / sizeof def[0];
    for (size_t i = 0; i < nf; i++) {
        sheet_figure *f = &fx->fig[i];
        f->section = def[i].sec;
        f->label = def[i].label;
        f->unit = def[i].unit;
        f->decimals = def[i].dec;
        f->higher_is = def[i].hi_is;
        double span = def[i].hi - def[i].lo;
        for (size_t j = 0; j < FX_N_ALL; j++) {
            fx->all[i][j] = def[i].lo + span * pow(fx_rand(&s), 1.4);
            fx->all_miss[i][j] = fx_rand(&s) < 0.06;
        }
        f->all = fx->all[i];
        f->all_miss = fx->all_miss[i];
        f->n_all = FX_N_ALL;
        f->value = def[i].lo + span * fx_rand(&s);
        f->cmp[0] = def[i].lo + span * 0.45;
        f->cmp[1] = def[i].lo + span * 0.5;
        f->n_cmp = 2;
    }
    fx->fig[0].value = 1234;      /* "1.234" */
    fx->fig[1].value = 12.5;      /* "12,5 %" */
    fx->fig[2].miss = 1;          /* secret */
    fx->fig[2].miss_text = "geheim";
    fx->fig[2].n_cmp = 0;
    fx->fig[2].all = NULL, fx->fig[2].n_all = 0;
    fx->fig[3].miss = 1;          /* suppressed */
    fx->fig[3].miss_text = "te weinig woningen";
    fx->fig[3].n_cmp = 0;
    fx->fig[3].all = NULL, fx->fig[3].n_all = 0;
    fx->fig[5].cmp_miss[1] = 1;   /* a missing comparison */
    u->figures = fx->fig;
    u->n_figures = nf;
    u->cmp_labels[0] = "gemeente";
    u->cmp_labels[1] = "Nederland";

    /* charts: age with gemeente marks, household types, tenure */
    const char *const *labs[3] = {fx_age, fx_hh, fx_own};
    const char *titles[3] = {"Leeftijd", "Huishoudens", "Eigendom woningen"};
    size_t nbar[3] = {5, 3, 4};
    for (size_t c = 0; c < 3; c++) {
        double sum = 0;
        for (size_t b = 0; b < nbar[c]; b++)
            sum += fx->cv[c][b] = 5 + 30 * fx_rand(&s);
        for (size_t b = 0; b < nbar[c]; b++) {
            fx->cv[c][b] = fx->cv[c][b] / sum * 100;
            fx->cc[c][b] = 100.0 / (double)nbar[c];
        }
        sheet_chart *ch = &fx->chart[c];
        ch->title = titles[c];
        ch->labels = labs[c];
        ch->values = fx->cv[c];
        ch->n = nbar[c];
        ch->unit = "%";
        ch->decimals = -1;
        if (c == 0) {
            ch->cmp_values = fx->cc[c];
            ch->cmp_label = "gemeente";
        }
        if (c == 2) {
            fx->cm[c][2] = 1;
            ch->miss = fx->cm[c];
            ch->miss_text = fx_own_miss;
        }
    }
    u->charts = fx->chart;
    u->n_charts = 3;

    fx->box[0].title = "Participatie en bereik";
    fx->box[0].text =
        "Bezoekers energiecaf\xC3\xA9 2025: 34\n"
        "Huisbezoeken energiecoach: 21\n"
        "Bereik energiearme huishoudens: 18 %\n"
        "Actieve bewonersgroepen: 2\n"
        "\n"
        "- Sleutelfiguren: buurthuis De Linde, voedselbank\n"
        "- Laag bereik onder huurders van particuliere verhuurders";
    fx->box[1].title = "Warmtetransitie";
    fx->box[1].text =
        "Wijkaanpak: warmtenet in onderzoek\n"
        "Woningen met gasaansluiting: 94 %\n"
        "Aandeel corporatiebezit: 41 %\n"
        "Bouwperiode (mediaan): 1962\n"
        "\n"
        "Veel portiekflats van \xC3\xA9\xC3\xA9n eigenaar: kansrijk voor een "
        "collectieve aanpak.";
    u->boxes = fx->box;
    u->n_boxes = 2;

    u->code = fx->code;
    u->name = fx->name;
    u->parent_name = k < 4 ? "wijk Centrum, gemeente Voorbeeldrecht"
                           : "wijk Oost, gemeente Voorbeeldrecht";
    u->level_name = "buurt";
    u->summary = "Compacte binnenstadsbuurt met veel kleine huishoudens, "
                 "vooroorlogse huurwoningen en een actief buurthuis. Hoog "
                 "gasverbruik per woning; weinig eigenaar-bewoners.";
    u->highlight_row = -1;
    if (geom) {
        u->geom = geom;
        u->geom_n = FX_CELLS;
        u->in_area = in_area;
        /* the k-th inner cell */
        size_t inner = 0;
        for (size_t c = 0; c < FX_CELLS; c++)
            if (in_area[c] && inner++ == k % 30) {
                u->highlight_row = (long)c;
                break;
            }
    }
}

/* Fills units 0 .. n-1 of the synthetic gemeente (fx_make: unit k into
 * fx[k] and u[k]); geom and in_area as in fx_make. */
static inline void fx_make_n(fx_unit *fx, sheet_unit *u, size_t n,
                             const tbl_col *geom, const uint8_t *in_area)
{
    for (size_t k = 0; k < n; k++)
        fx_make(&fx[k], &u[k], k, geom, in_area);
}

/* The document used by the tests and benches. */
static sheet_doc fx_doc(const char *lang)
{
    sheet_doc d = {0};
    d.title = NULL;
    d.area_name = "Voorbeeldrecht";
    d.sources = "Bron: CBS Kerncijfers wijken en buurten 2024; "
                "Klimaateffectatlas 2024; gemeente Voorbeeldrecht, "
                "activiteitenregistratie 2025 (bewerking dnawijk).";
    d.date = "23 november 2026";
    d.provenance = "dnawijk 0.1 \xC2\xB7 recept demo (sha 1a2b3c4d)";
    d.language = lang;
    d.words = present_sheet_words(lang && !strcmp(lang, "en") ? NUMFMT_EN
                                                              : NUMFMT_NL);
    return d;
}

#endif
