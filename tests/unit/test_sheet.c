/* test_sheet.c - the fact sheet PDFs, checked from the outside with
 * poppler-utils (pdfinfo, pdftotext, pdffonts): page counts, the values as
 * text (Dutch and English formatting), missing values written as their
 * reason and never as a number, embedded fonts, metadata, byte-for-byte
 * reproducibility across processes and threads, robustness to empty and
 * overfull pages, and errors (bad input, unwritable paths) that leave no
 * file behind.
 *
 * Run with "render LANG PATH" the executable renders the demo unit and
 * exits: the reproducibility test runs it twice as separate processes. */
#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "ogr_open.h"
#include "testutil.h"
#include "sentinel.h"
#include "sheet_fixture.h"

#define OUT DNW_BINARY_DIR "/test-sheet"

static int have_poppler;
static const char *self;

/* Runs a shell command and returns its standard output (malloc'd, caller
 * frees), or NULL when it cannot run. */
static char *run(const char *cmd)
{
    FILE *p = popen(cmd, "r");
    if (!p)
        return NULL;
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    size_t got;
    while ((got = fread(buf + len, 1, cap - len - 1, p)) > 0) {
        len += got;
        if (cap - len < 1024)
            buf = realloc(buf, cap *= 2);
    }
    buf[len] = 0;
    pclose(p);
    return buf;
}

/* The text of a PDF (pdftotext -layout), NBSP turned into spaces. */
static char *pdf_text(const char *path)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "pdftotext -layout '%s' - 2>/dev/null", path);
    char *t = run(cmd);
    if (!t)
        return NULL;
    char *w = t;
    for (char *p = t; *p; p++) {
        if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0) {
            *w++ = ' ';
            p++;
        } else {
            *w++ = *p;
        }
    }
    *w = 0;
    return t;
}

/* Page count from pdfinfo, -1 when the PDF does not open. */
static long pdf_pages(const char *path)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "pdfinfo '%s' 2>/dev/null", path);
    char *t = run(cmd);
    long n = -1;
    const char *p = t ? strstr(t, "\nPages:") : NULL;
    if (p)
        n = strtol(p + 7, NULL, 10);
    free(t);
    return n;
}

/* The line of text containing needle (copied into out), or 0. */
static int line_with(const char *text, const char *needle, char *out,
                     size_t n)
{
    const char *p = strstr(text, needle);
    if (!p)
        return 0;
    const char *a = p, *e = p;
    while (a > text && a[-1] != '\n')
        a--;
    while (*e && *e != '\n')
        e++;
    snprintf(out, n, "%.*s", (int)(e - a), a);
    return 1;
}

/* 1 when text is not NULL and its first line holding label also holds
 * want. */
static int line_has(const char *text, const char *label, const char *want)
{
    char line[1024];
    return text && line_with(text, label, line, sizeof line) &&
           strstr(line, want) != NULL;
}

/* Checks that text holds each of the NULL-terminated needles (one check
 * each; a missing one is named on stderr). */
static void check_has_all(const char *text, const char *const *needles)
{
    for (size_t i = 0; needles[i]; i++) {
        if (!strstr(text, needles[i]))
            fprintf(stderr, "not in the PDF text: \"%s\"\n", needles[i]);
        CHECK(strstr(text, needles[i]) != NULL);
    }
}

/* Number of entries in a folder whose names contain ".tmp." (left-over
 * temporary files). */
static int temp_files(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    if (!d)
        return 0;
    struct dirent *e;
    while ((e = readdir(d)))
        n += strstr(e->d_name, ".tmp.") != NULL;
    closedir(d);
    return n;
}

/* ---- fixtures ---- */

static tbl *grid;
static uint8_t *grid_in_area;

/* Renders the demo unit (k = 0) with the locator in language lang. */
static int render_demo(const char *lang, const char *path)
{
    static fx_unit fx;
    sheet_unit u;
    fx_make(&fx, &u, 0, tbl_geom(grid), grid_in_area);
    sheet_doc d = fx_doc(lang);
    return sheet_render_unit(&d, &u, path);
}

/* Units 0 .. n-1 of the synthetic gemeente (fx_make_n), with the locator
 * on the grid when locator is 1. They live in static storage for at most
 * MAX_UNITS units, refilled by each call (one set of units at a time). */
enum { MAX_UNITS = 260 };
static sheet_unit *make_units(size_t n, int locator)
{
    static fx_unit fx[MAX_UNITS];
    static sheet_unit u[MAX_UNITS];
    CHECK(n <= MAX_UNITS);
    fx_make_n(fx, u, n <= MAX_UNITS ? n : MAX_UNITS,
              locator ? tbl_geom(grid) : NULL, locator ? grid_in_area : NULL);
    return u;
}

/* ---- tests ---- */

/* One unit in Dutch: values, missing values, headings, fonts, metadata. */
static void test_unit_nl(void)
{
    const char *path = OUT "/unit-nl.pdf";
    CHECK(render_demo(NULL, path) == 0);
    CHECK(exists(path));
    CHECK(temp_files(OUT) == 0);
    if (!have_poppler)
        return;
    CHECK(pdf_pages(path) == 1);
    char *t = pdf_text(path), line[1024];
    CHECK(t != NULL);
    if (!t)
        return;
    /* Dutch numbers: grouping dot, decimal comma, space before % */
    CHECK(strstr(t, "1.234") != NULL);
    CHECK(strstr(t, "12,5 %") != NULL);
    CHECK(strstr(t, "917 m") || strstr(t, "m\xC2\xB3"));
    CHECK(strstr(t, "gemeente") != NULL && strstr(t, "Nederland") != NULL);
    check_has_all(t, (const char *const[]){
                         "Oude Binnenstad", "BU09990000",
                         "wijk Centrum, gemeente Voorbeeldrecht",
                         "KERNCIJFERS", "LIGGING", "Participatie en bereik",
                         "Warmtetransitie", "pagina 1 van 1",
                         "23 november 2026", "sha 1a2b3c4d",
                         "Bron: CBS Kerncijfers", NULL});
    /* missing values: the reason, never a number, on the figure's line */
    CHECK(line_with(t, "Huishoudens met een laag inkomen", line, sizeof line));
    CHECK(strstr(line, "geheim") != NULL);
    CHECK(strpbrk(line, "0123456789") == NULL);
    CHECK(line_with(t, "Koopwoningen  ", line, sizeof line) ||
          line_with(t, "Koopwoningen ", line, sizeof line));
    CHECK(strstr(line, "te weinig woningen") != NULL);
    CHECK(strpbrk(line, "0123456789") == NULL);
    /* a missing bar of a chart */
    CHECK(line_with(t, "Huur overig", line, sizeof line));
    CHECK(strstr(line, "geheim") != NULL);
    /* box lines "label: value" */
    CHECK(line_with(t, "Bezoekers energiecaf", line, sizeof line));
    CHECK(strstr(line, "34") != NULL);
    free(t);

    char cmd[1024];
    snprintf(cmd, sizeof cmd, "pdffonts '%s' 2>/dev/null", path);
    char *f = run(cmd);
    CHECK(f && strstr(f, "DejaVuSans") != NULL);
    CHECK(f && strstr(f, "DejaVuSansCondensed") != NULL);
    /* every font embedded: no line with " no " in the emb column */
    int all_emb = f != NULL;
    for (char *l = f ? strstr(f, "\n---") : NULL; l && *l;) {
        l = strchr(l + 1, '\n');
        if (!l || !l[1])
            break;
        char *e = strchr(l + 1, '\n');
        size_t len = e ? (size_t)(e - l - 1) : strlen(l + 1);
        if (len > 60 && !memmem(l + 1, len, " yes ", 5))
            all_emb = 0;
    }
    CHECK(all_emb);
    free(f);

    snprintf(cmd, sizeof cmd, "pdfinfo '%s' 2>/dev/null", path);
    char *info = run(cmd);
    CHECK(info && strstr(info, "Oude Binnenstad (BU09990000)") != NULL);
    CHECK(info && strstr(info, "Nov 23") != NULL &&
          strstr(info, "2026") != NULL);
    CHECK(info && strstr(info, "595.276 x 841.89") != NULL);
    free(info);
}

/* The same unit in English. */
static void test_unit_en(void)
{
    const char *path = OUT "/unit-en.pdf";
    CHECK(render_demo("en", path) == 0);
    if (!have_poppler)
        return;
    CHECK(pdf_pages(path) == 1);
    char *t = pdf_text(path);
    if (!t)
        return;
    check_has_all(t, (const char *const[]){"1,234", "12.5%", "KEY FIGURES",
                                           "LOCATION", "page 1 of 1",
                                           "Spread in Voorbeeldrecht", NULL});
    CHECK(strstr(t, "12,5") == NULL);
    CHECK(strstr(t, "Spreiding") == NULL);
    CHECK(strstr(t, "pagina") == NULL);
    free(t);
}

/* Rendering twice in two processes gives the same bytes; and the same as
 * in this process. */
static void test_reproducible(void)
{
    char cmd[2048];
    const char *a = OUT "/repro-a.pdf", *b = OUT "/repro-b.pdf",
               *c = OUT "/repro-c.pdf";
    snprintf(cmd, sizeof cmd, "'%s' render nl '%s'", self, a);
    CHECK(system(cmd) == 0);
    snprintf(cmd, sizeof cmd, "'%s' render nl '%s'", self, b);
    CHECK(system(cmd) == 0);
    CHECK(render_demo(NULL, c) == 0);
    CHECK(same_file(a, b));
    CHECK(same_file(a, c));
}

/* A combined document: cover + contents + one page per unit; the page
 * count matches sheet_page_count; names and page numbers in the contents;
 * reproducible. */
static void test_all(void)
{
    enum { N = 6 };
    sheet_unit *u = make_units(N, 1);
    sheet_doc d = fx_doc(NULL);
    int cls[FX_CELLS];
    for (size_t i = 0; i < FX_CELLS; i++)
        cls[i] = i % 7 == 3 ? -1 : (int)(i % 5);
    static const pal_rgb colors[5] = {{255, 255, 204}, {161, 218, 180},
                                      {65, 182, 196},  {44, 127, 184},
                                      {37, 52, 148}};
    static const char *const labels[5] = {
        "\xE2\x89\xA4 10 %", "10 \xE2\x80\x93 15 %", "15 \xE2\x80\x93 20 %",
        "20 \xE2\x80\x93 25 %", "> 25 %"};
    sheet_cover cv = {.title = "Buurten van Voorbeeldrecht",
                      .subtitle = "Kaart: inwoners van 65 jaar en ouder",
                      .intro = "Elke pagina beschrijft \xC3\xA9\xC3\xA9n buurt.",
                      .geom = tbl_geom(grid),
                      .geom_n = FX_CELLS,
                      .in_area = grid_in_area,
                      .cls = cls,
                      .legend_colors = colors,
                      .legend_labels = labels,
                      .n_legend = 5,
                      .legend_title = "65-plussers (%)",
                      .missing_label = "geen gegevens"};
    long pages = sheet_page_count(&d, u, N, &cv);
    CHECK(pages == 1 + 1 + N);
    const char *path = OUT "/all.pdf", *path2 = OUT "/all2.pdf";
    CHECK(sheet_render_all(&d, u, N, &cv, path) == 0);
    CHECK(sheet_render_all(&d, u, N, &cv, path2) == 0);
    CHECK(same_file(path, path2));
    /* contents entries link to named destinations on the unit pages, and
     * the outline has one entry per wijk (raw PDF: Cairo writes these
     * dictionaries uncompressed) */
    size_t len = 0;
    unsigned char *raw = read_file(path, &len);
    CHECK(raw && memmem(raw, len, "/Subtype /Link", 14) != NULL);
    CHECK(raw && memmem(raw, len, "/Dest (p3)", 10) != NULL);
    CHECK(raw && memmem(raw, len, "(p8) [", 6) != NULL);
    CHECK(raw && memmem(raw, len, "/Title (wijk Oost, gemeente Voorbeeldrecht)",
                        43) != NULL);
    free(raw);
    /* without a cover */
    CHECK(sheet_render_all(&d, u, N, NULL, OUT "/all-nocover.pdf") == 0);
    if (!have_poppler)
        return;
    CHECK(pdf_pages(path) == pages);
    CHECK(pdf_pages(OUT "/all-nocover.pdf") == pages);
    char *t = pdf_text(path), line[1024];
    if (!t)
        return;
    check_has_all(t, (const char *const[]){"Buurten van Voorbeeldrecht",
                                           "Inhoud", "geen gegevens",
                                           "pagina 8 van 8", NULL});
    /* contents: unit 3 (Molenwijk-Noord) is on page 2 + 1 + 2 = 5 */
    CHECK(line_with(t, "Molenwijk-Noord ", line, sizeof line));
    CHECK(strstr(line, "BU09990002") != NULL);
    size_t ll = strlen(line);
    while (ll > 0 && line[ll - 1] == ' ')
        ll--;
    CHECK(ll > 0 && line[ll - 1] == '5');
    CHECK(strstr(t, "wijk Oost, gemeente Voorbeeldrecht") != NULL);
    free(t);
}

/* Many units: the contents run over several pages, and the page count of
 * the PDF matches. */
static void test_all_many(void)
{
    enum { N = 260 };
    sheet_unit *u = make_units(N, 0);
    sheet_doc d = fx_doc(NULL);
    long pages = sheet_page_count(&d, u, N, NULL);
    long toc = pages - 1 - N;
    CHECK(toc >= 2 && toc <= 5);
    const char *path = OUT "/many.pdf";
    CHECK(sheet_render_all(&d, u, N, NULL, path) == 0);
    if (have_poppler) {
        CHECK(pdf_pages(path) == pages);
        char *t = pdf_text(path);
        char want[64];
        snprintf(want, sizeof want, "Inhoud (%ld/%ld)", toc, toc);
        CHECK(t && strstr(t, want) != NULL);
        free(t);
    }
}

/* Empty and overfull pages render; long names do not break anything. */
static void test_edges(void)
{
    static fx_unit fx;
    sheet_unit u;
    sheet_doc d = fx_doc(NULL);
    /* nothing but a name: no figures, charts, boxes, locator */
    sheet_unit bare = {.code = "WK099901", .name = "Leeg"};
    CHECK(sheet_render_unit(&d, &bare, OUT "/bare.pdf") == 0);
    /* no name, no level, no parent, NULL doc strings */
    sheet_unit none = {.code = "BU1", .highlight_row = -1};
    sheet_doc empty = {0};
    CHECK(sheet_render_unit(&empty, &none, OUT "/none.pdf") == 0);
    /* overfull: 16 figures with long labels, 6 charts of 12 bars, three
     * long boxes, a very long name */
    fx_make(&fx, &u, 0, tbl_geom(grid), grid_in_area);
    static sheet_figure figs[SHEET_MAX_FIGURES];
    for (size_t i = 0; i < SHEET_MAX_FIGURES; i++) {
        figs[i] = fx.fig[i % 12];
        if (i >= 12)
            figs[i].label = "Huishoudens met een inkomen tot 130 % van het "
                            "sociaal minimum en een hoge energierekening";
    }
    u.figures = figs;
    u.n_figures = SHEET_MAX_FIGURES;
    static const char *const bl[12] = {"a", "b", "c", "d", "e", "f",
                                       "g", "h", "i", "j", "k", "l"};
    static const double bv[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    static sheet_chart ch[SHEET_MAX_CHARTS];
    for (size_t i = 0; i < SHEET_MAX_CHARTS; i++)
        ch[i] = (sheet_chart){.title = "Twaalf balken", .labels = bl,
                              .values = bv, .n = 12, .unit = "%",
                              .decimals = -1};
    u.charts = ch;
    u.n_charts = SHEET_MAX_CHARTS;
    static sheet_box bx[3];
    static char longtext[4000];
    longtext[0] = 0;
    for (int i = 0; i < 30; i++)
        strcat(longtext, "Regel met een waarde: 12\n");
    for (size_t i = 0; i < 3; i++)
        bx[i] = (sheet_box){.title = "Een vak met heel veel tekst",
                            .text = longtext};
    u.boxes = bx;
    u.n_boxes = 3;
    u.name = "Hoogheemraadschapsbuitengebied Noordoostpolder-Zuidwest en "
             "omliggende recreatieterreinen langs het Veluwemeer";
    const char *path = OUT "/full.pdf";
    CHECK(sheet_render_unit(&d, &u, path) == 0);
    if (have_poppler) {
        CHECK(pdf_pages(path) == 1);
        CHECK(pdf_pages(OUT "/bare.pdf") == 1);
        CHECK(pdf_pages(OUT "/none.pdf") == 1);
        char *t = pdf_text(path);
        /* the footer is still there, the cut boxes are marked */
        CHECK(t && strstr(t, "sha 1a2b3c4d") != NULL);
        CHECK(t && strstr(t, "\xE2\x80\xA6") != NULL);
        free(t);
    }
    /* A3 */
    sheet_doc d3 = fx_doc(NULL);
    d3.a3 = 1;
    fx_make(&fx, &u, 1, NULL, NULL);
    CHECK(sheet_render_unit(&d3, &u, OUT "/a3.pdf") == 0);
    if (have_poppler) {
        char *info = run("pdfinfo '" OUT "/a3.pdf'");
        CHECK(info && strstr(info, "841.89 x 1190.5") != NULL);
        free(info);
    }
    /* odd numbers: NaN and infinity not flagged as missing (shown as
     * "onbekend"), a strip whose units are all missing, a huge value, a
     * constant strip, empty strings everywhere */
    static double allmiss[3] = {1, 2, 3}, flat[4] = {5, 5, 5, 5};
    static const uint8_t mm[3] = {1, 1, 1};
    sheet_figure odd[5] = {
        {.label = "NaN", .value = NAN, .all = allmiss, .all_miss = mm,
         .n_all = 3, .decimals = -1},
        {.label = "Oneindig", .value = INFINITY, .cmp = {-INFINITY},
         .n_cmp = 1, .decimals = -1},
        {.label = "Heel groot", .value = 1e200, .unit = "m\xC2\xB3",
         .decimals = 2, .all = flat, .n_all = 4},
        {.label = "", .unit = "", .value = 5, .all = flat, .n_all = 4,
         .cmp = {5}, .n_cmp = 1, .decimals = 99, .higher_is = 1},
        {.label = NULL, .miss = 1, .miss_text = ""},
    };
    sheet_unit oddu = {.code = "", .name = "", .parent_name = "",
                       .level_name = "", .figures = odd, .n_figures = 5,
                       .highlight_row = -1};
    CHECK(sheet_render_unit(&d, &oddu, OUT "/odd.pdf") == 0);
    if (have_poppler) {
        char *t = pdf_text(OUT "/odd.pdf"), line[512];
        CHECK(line_has(t, "NaN", "onbekend"));
        CHECK(line_has(t, "Oneindig", "onbekend"));
        CHECK(t && line_with(t, "Heel groot", line, sizeof line) &&
              strpbrk(line, "0123456789") != NULL);
        free(t);
    }
    /* invalid UTF-8 in a label is repaired, not fatal */
    sheet_unit bad = {.code = "BU2", .name = "Caf\xE9 \xFF", .highlight_row = -1};
    CHECK(sheet_render_unit(&d, &bad, OUT "/badutf8.pdf") == 0);
}

/* Per-unit files on two threads equal the single renders. */
static void test_units_threads(void)
{
    enum { N = 7 };
    sheet_unit *u = make_units(N, 1);
    sheet_doc d = fx_doc(NULL);
    CHECK(sheet_render_units(&d, u, N, OUT "/units", 2) == 0);
    for (size_t k = 0; k < N; k++) {
        char p[512], q[512];
        snprintf(p, sizeof p, OUT "/units/%s.pdf", u[k].code);
        snprintf(q, sizeof q, OUT "/single-%zu.pdf", k);
        CHECK(exists(p));
        CHECK(sheet_render_unit(&d, &u[k], q) == 0);
        CHECK(same_file(p, q));
    }
    CHECK(temp_files(OUT "/units") == 0);
    /* duplicate codes are refused before anything is written */
    u[1].code = u[0].code;
    CHECK(sheet_render_units(&d, u, N, OUT "/units-dup", 2) == -1);
    CHECK(err_get() && err_get()->category == ERR_RECIPE);
    CHECK(!exists(OUT "/units-dup"));
    err_clear();
}

/* sheet_render_set draws the combined PDF at the same time as the single
 * files: with 1 and with 3 threads every file is byte-identical to the one
 * sheet_render_all or sheet_render_units writes alone; progress counts
 * units (n calls for 2 n pages); an unwritable combined path fails the call with
 * ERR_IO and leaves no file. */
static size_t set_progress_calls, set_progress_total;

static void set_progress(void *ud, const char *stage, size_t done,
                         size_t total)
{
    (void)ud, (void)stage, (void)done;
    set_progress_calls++;
    set_progress_total = total;
}

static void test_render_set(void)
{
    enum { N = 9 };
    sheet_unit *u = make_units(N, 1);
    sheet_doc d = fx_doc(NULL);
    CHECK(sheet_render_all(&d, u, N, NULL, OUT "/set-ref-all.pdf") == 0);
    CHECK(sheet_render_units(&d, u, N, OUT "/set-ref", 1) == 0);
    d.progress = set_progress;
    for (int th = 1; th <= 3; th += 2) {
        char dir[256], all[300];
        snprintf(dir, sizeof dir, OUT "/set-%d", th);
        snprintf(all, sizeof all, "%s/all.pdf", dir);
        set_progress_calls = 0;
        CHECK(sheet_render_set(&d, u, N, dir, NULL, NULL, all, th) == 0);
        CHECK(set_progress_calls == N && set_progress_total == N);
        CHECK(same_file(all, OUT "/set-ref-all.pdf"));
        for (size_t k = 0; k < N; k++) {
            char p[512], q[512];
            snprintf(p, sizeof p, "%s/%s.pdf", dir, u[k].code);
            snprintf(q, sizeof q, OUT "/set-ref/%s.pdf", u[k].code);
            CHECK(same_file(p, q));
        }
        CHECK(temp_files(dir) == 0);
    }
    /* the combined PDF in its own unit order (reversed here) */
    sheet_unit rev[N];
    for (size_t k = 0; k < N; k++)
        rev[k] = u[N - 1 - k];
    CHECK(sheet_render_all(&d, rev, N, NULL, OUT "/set-ref-rev.pdf") == 0);
    CHECK(sheet_render_set(&d, u, N, OUT "/set-rev", rev, NULL,
                           OUT "/set-rev/all.pdf", 2) == 0);
    CHECK(same_file(OUT "/set-rev/all.pdf", OUT "/set-ref-rev.pdf"));
    CHECK(!same_file(OUT "/set-rev/all.pdf", OUT "/set-ref-all.pdf"));
    for (size_t k = 0; k < N; k++) {
        char p[512], q[512];
        snprintf(p, sizeof p, OUT "/set-rev/%s.pdf", u[k].code);
        snprintf(q, sizeof q, OUT "/set-ref/%s.pdf", u[k].code);
        CHECK(same_file(p, q));
    }
    /* the combined PDF cannot be written (its folder is a file): the call
     * fails with ERR_IO and leaves no file */
    CHECK(system("mkdir -p '" OUT "/set-bad2' && touch '" OUT
                 "/set-bad2/file'") == 0);
    CHECK(sheet_render_set(&d, u, N, OUT "/set-bad2", NULL, NULL,
                           OUT "/set-bad2/file/all.pdf", 2) == -1);
    CHECK(err_get() && err_get()->category == ERR_IO);
    CHECK(!exists(OUT "/set-bad2/file/all.pdf"));
    CHECK(temp_files(OUT "/set-bad2") == 0);
    err_clear();
}

/* Errors: unwritable paths (ERR_IO naming the path), bad input
 * (ERR_RECIPE), and no file or temporary file left behind. */
static void test_errors(void)
{
    static fx_unit fx;
    sheet_unit u;
    fx_make(&fx, &u, 0, NULL, NULL);
    sheet_doc d = fx_doc(NULL);
    /* a path below a regular file cannot be created */
    FILE *f = fopen(OUT "/plainfile", "w");
    CHECK(f != NULL);
    if (f)
        fclose(f);
    const char *bad = OUT "/plainfile/sub/x.pdf";
    err_clear();
    CHECK(sheet_render_unit(&d, &u, bad) == -1);
    const err_info *e = err_get();
    CHECK(e && e->category == ERR_IO);
    CHECK(e && (strstr(e->message, "plainfile") || strstr(e->file, "plainfile")));
    err_clear();
    CHECK(sheet_render_all(&d, &u, 1, NULL, bad) == -1);
    CHECK(err_get() && err_get()->category == ERR_IO);
    err_clear();
    CHECK(sheet_render_units(&d, &u, 1, OUT "/plainfile/dir", 2) == -1);
    CHECK(err_get() && err_get()->category == ERR_IO);
    err_clear();
    /* a folder where the file should be: the rename fails */
    mkdir(OUT "/isadir.pdf", 0777);
    CHECK(sheet_render_unit(&d, &u, OUT "/isadir.pdf") == -1);
    CHECK(err_get() && err_get()->category == ERR_IO);
    CHECK(temp_files(OUT) == 0);
    err_clear();

    /* bad input: too many figures, a highlight row out of range, an
     * unknown language, a class outside the legend */
    sheet_unit v = u;
    v.n_figures = SHEET_MAX_FIGURES + 1;
    CHECK(sheet_render_unit(&d, &v, OUT "/never1.pdf") == -1);
    CHECK(err_get() && err_get()->category == ERR_RECIPE);
    CHECK(!exists(OUT "/never1.pdf"));
    v = u;
    v.geom = tbl_geom(grid);
    v.geom_n = FX_CELLS;
    v.highlight_row = FX_CELLS;
    CHECK(sheet_render_unit(&d, &v, OUT "/never2.pdf") == -1);
    CHECK(err_get() && err_get()->category == ERR_RECIPE);
    CHECK(!exists(OUT "/never2.pdf"));
    sheet_doc dx = d;
    dx.language = "fr";
    CHECK(sheet_render_unit(&dx, &u, OUT "/never3.pdf") == -1);
    CHECK(err_get() && err_get()->category == ERR_RECIPE);
    v = u;
    v.n_charts = SHEET_MAX_CHARTS + 1;
    CHECK(sheet_render_all(&d, &v, 1, NULL, OUT "/never4.pdf") == -1);
    CHECK(err_get() && err_get()->category == ERR_RECIPE);
    int cls[FX_CELLS] = {0};
    cls[5] = 9;
    pal_rgb one = {1, 2, 3};
    sheet_cover cv = {.geom = tbl_geom(grid), .geom_n = FX_CELLS,
                      .cls = cls, .legend_colors = &one, .n_legend = 1};
    CHECK(sheet_render_all(&d, &u, 1, &cv, OUT "/never5.pdf") == -1);
    CHECK(err_get() && err_get()->category == ERR_RECIPE);
    static pal_rgb many_colors[SHEET_MAX_LEGEND + 1];
    sheet_cover cv2 = {.legend_colors = many_colors,
                       .n_legend = SHEET_MAX_LEGEND + 1};
    CHECK(sheet_render_all(&d, &u, 1, &cv2, OUT "/never6.pdf") == -1);
    CHECK(err_get() && err_get()->category == ERR_RECIPE);
    CHECK(!exists(OUT "/never4.pdf") && !exists(OUT "/never5.pdf") &&
          !exists(OUT "/never6.pdf"));
    CHECK(sheet_page_count(&dx, &u, 1, NULL) == -1);
    err_clear();
}


/* ---- real data: Almere buurten 2011 (CBS Wijk- en Buurtkaart) ---- */

#define ALM_PATH DNW_SHARED_DATA "/cbs_kwb_2011_almere/buurt_2011_v3.shp"
#define ALM_MAX 80
#define ALM_NF 5

typedef struct {
    size_t n;
    char code[ALM_MAX][16], name[ALM_MAX][64], wijk[ALM_MAX][64];
    double v[ALM_NF][ALM_MAX];       /* figures */
    uint8_t m[ALM_NF][ALM_MAX];      /* missing reasons */
    double age[5][ALM_MAX];
    uint8_t age_m[5][ALM_MAX];
    tbl *geom;
} almere;

/* Reads the shapefile with OGR (independently of dnawijk's readers):
 * codes, names, five figures, the age groups and the polygons. Returns 0,
 * or -1 when the file cannot be read. */
static int almere_read(almere *a)
{
    static const char *fields[ALM_NF] = {"AANT_INW", "P_65_EO_JR",
                                         "P_KOOPWON", "WOZ", "P_GAS_TOT"};
    static const char *ages[5] = {"P_00_14_JR", "P_15_24_JR", "P_25_44_JR",
                                  "P_45_64_JR", "P_65_EO_JR"};
    GDALDatasetH ds;
    OGRLayerH lay = ogr_open_layer0(ALM_PATH, &ds);
    if (!lay)
        return -1;
    size_t cap = 1 << 16, np = 0, nr = 0;
    double *xy = malloc(cap * 2 * sizeof *xy);
    uint64_t *row_part = malloc((ALM_MAX + 1) * sizeof *row_part);
    uint64_t *part_ring = malloc(4096 * sizeof *part_ring);
    uint64_t *ring_pt = malloc(4096 * sizeof *ring_pt);
    size_t nparts = 0;
    OGRFeatureH f;
    a->n = 0;
    OGR_L_ResetReading(lay);
    while ((f = OGR_L_GetNextFeature(lay)) && a->n < ALM_MAX) {
        size_t i = a->n++;
        snprintf(a->code[i], 16, "%s",
                 OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "BU_CODE")));
        snprintf(a->name[i], 64, "%s",
                 OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "BU_NAAM")));
        snprintf(a->wijk[i], 64, "wijk %s, gemeente Almere",
                 OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "WK_CODE")));
        for (int k = 0; k < ALM_NF; k++) {
            double v = OGR_F_GetFieldAsDouble(f, OGR_F_GetFieldIndex(f, fields[k]));
            a->v[k][i] = v;
            a->m[k][i] = (uint8_t)sentinel_reason(v);
        }
        for (int k = 0; k < 5; k++) {
            double v = OGR_F_GetFieldAsDouble(f, OGR_F_GetFieldIndex(f, ages[k]));
            a->age[k][i] = v;
            a->age_m[k][i] = (uint8_t)sentinel_reason(v);
        }
        row_part[i] = nparts;
        OGRGeometryH g = OGR_F_GetGeometryRef(f);
        int multi = g && wkbFlatten(OGR_G_GetGeometryType(g)) == wkbMultiPolygon;
        int npoly = !g ? 0 : multi ? OGR_G_GetGeometryCount(g) : 1;
        for (int p = 0; p < npoly && nparts < 4000; p++) {
            OGRGeometryH poly = multi ? OGR_G_GetGeometryRef(g, p) : g;
            part_ring[nparts++] = nr;
            for (int r = 0; r < OGR_G_GetGeometryCount(poly) && nr < 4000; r++) {
                OGRGeometryH ring = OGR_G_GetGeometryRef(poly, r);
                ring_pt[nr++] = np;
                for (int k = 0; k < OGR_G_GetPointCount(ring); k++) {
                    if (np == cap)
                        xy = realloc(xy, (cap *= 2) * 2 * sizeof *xy);
                    xy[2 * np] = OGR_G_GetX(ring, k);
                    xy[2 * np + 1] = OGR_G_GetY(ring, k);
                    np++;
                }
            }
        }
        OGR_F_Destroy(f);
    }
    if (f)
        OGR_F_Destroy(f);
    row_part[a->n] = nparts;
    part_ring[nparts] = nr;
    ring_pt[nr] = np;
    GDALClose(ds);
    a->geom = tbl_new(a->n);
    tbl_add_geom(a->geom, "geom", xy, np, row_part, nparts, part_ring, nr,
                 ring_pt, NULL, "EPSG:28992");
    return 0;
}

/* Mean of the valid values of a column (the "gemeente" comparison). */
static double valid_mean(const double *v, const uint8_t *m, size_t n)
{
    double s = 0;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!m[i])
            s += v[i], k++;
    return k ? s / (double)k : 0;
}

/* All 63 Almere buurten into one PDF, with real shapes and real figures;
 * the values on the pages were read independently with
 *   ogr2ogr -f CSV out.csv buurt_2011_v3.shp -select BU_CODE,AANT_INW,...
 * and are hard-coded below. */
static void test_real_almere(void)
{
    static almere a;
    if (almere_read(&a) != 0) {
        printf("real data %s not found: Almere test skipped\n", ALM_PATH);
        return;
    }
    CHECK(a.n == 63);
    static const char *labels[ALM_NF] = {
        "Inwoners", "Inwoners van 65 jaar en ouder", "Koopwoningen",
        "Gemiddelde WOZ-waarde (\xC3\x97 1.000 euro)",
        "Gemiddeld aardgasverbruik"};
    static const char *units[ALM_NF] = {NULL, "%", "%", NULL, "m\xC2\xB3"};
    static const char *const age_labels[5] = {"0 tot 15 jaar", "15 tot 25 jaar",
                                              "25 tot 45 jaar", "45 tot 65 jaar",
                                              "65 jaar of ouder"};
    static sheet_figure figs[ALM_MAX][ALM_NF];
    static sheet_chart charts[ALM_MAX];
    static double agev[ALM_MAX][5], agec[5];
    static uint8_t agem[ALM_MAX][5];
    static sheet_unit u[ALM_MAX];
    double mean[ALM_NF];
    for (int k = 0; k < ALM_NF; k++)
        mean[k] = valid_mean(a.v[k], a.m[k], a.n);
    for (int k = 0; k < 5; k++)
        agec[k] = valid_mean(a.age[k], a.age_m[k], a.n);
    for (size_t i = 0; i < a.n; i++) {
        for (int k = 0; k < ALM_NF; k++) {
            sheet_figure *f = &figs[i][k];
            memset(f, 0, sizeof *f);
            f->label = labels[k];
            f->unit = units[k];
            f->decimals = 0;
            f->value = a.v[k][i];
            f->miss = a.m[k][i];
            f->miss_text = f->miss == MISS_SECRET ? "geheim" : "onbekend";
            f->cmp[0] = mean[k];
            f->n_cmp = 1;
            f->all = a.v[k];
            f->all_miss = a.m[k];
            f->n_all = a.n;
            f->higher_is = k == 4 ? -1 : 0;
        }
        for (int k = 0; k < 5; k++)
            agev[i][k] = a.age[k][i], agem[i][k] = a.age_m[k][i];
        charts[i] = (sheet_chart){.title = "Leeftijd", .labels = age_labels,
                                  .values = agev[i], .miss = agem[i], .n = 5,
                                  .unit = "%", .decimals = 0,
                                  .cmp_values = agec, .cmp_label = "gemeente"};
        u[i] = (sheet_unit){.code = a.code[i], .name = a.name[i],
                            .parent_name = a.wijk[i], .level_name = "buurt",
                            .figures = figs[i], .n_figures = ALM_NF,
                            .cmp_labels = {"gemeente"},
                            .charts = &charts[i], .n_charts = 1,
                            .geom = tbl_geom(a.geom), .geom_n = a.n,
                            .highlight_row = (long)i};
    }
    /* cover: 65-plussers in four classes */
    static int cls[ALM_MAX];
    for (size_t i = 0; i < a.n; i++) {
        double v = a.v[1][i];
        cls[i] = a.m[1][i] ? -1 : v <= 5 ? 0 : v <= 10 ? 1 : v <= 15 ? 2 : 3;
    }
    static const pal_rgb colors[4] = {{255, 255, 204}, {161, 218, 180},
                                      {44, 127, 184}, {37, 52, 148}};
    static const char *const cl[4] = {"\xE2\x89\xA4 5 %", "5 \xE2\x80\x93 10 %",
                                      "10 \xE2\x80\x93 15 %", "> 15 %"};
    sheet_cover cv = {.title = "Buurten van Almere",
                      .subtitle = "Inwoners van 65 jaar en ouder, 2011",
                      .geom = tbl_geom(a.geom), .geom_n = a.n, .cls = cls,
                      .legend_colors = colors, .legend_labels = cl,
                      .n_legend = 4, .legend_title = "65-plussers",
                      .missing_label = "geheim"};
    sheet_doc d = fx_doc(NULL);
    d.area_name = "Almere";
    d.sources = "Bron: CBS Wijk- en Buurtkaart 2011 (versie 3).";
    const char *path = OUT "/almere.pdf";
    long pages = sheet_page_count(&d, u, a.n, &cv);
    CHECK(pages == 1 + 1 + 63);
    CHECK(sheet_render_all(&d, u, a.n, &cv, path) == 0);
    CHECK(sheet_render_unit(&d, &u[0], OUT "/almere-haven.pdf") == 0);
    if (have_poppler) {
        CHECK(pdf_pages(path) == pages);
        char cmd[1024], line[1024];
        /* page 3: BU00340101 Centrum Almere-Haven: 1425 inwoners, 31 %
         * 65+, 29 % koop, WOZ 182, gas 1000 m3 */
        snprintf(cmd, sizeof cmd, "pdftotext -layout -f 3 -l 3 '%s' -", path);
        char *t = run(cmd);
        CHECK(t && strstr(t, "Centrum Almere-Haven") != NULL);
        CHECK(t && strstr(t, "BU00340101") != NULL);
        CHECK(line_has(t, "Inwoners  ", "1.425"));
        CHECK(line_has(t, "65 jaar en ouder", "31"));
        CHECK(line_has(t, "Koopwoningen", "29"));
        CHECK(line_has(t, "WOZ", "182"));
        CHECK(line_has(t, "aardgasverbruik", "1.000 m"));
        free(t);
        /* page 16: BU00340201 Centrum Almere-Stad, 14th buurt: gas is
         * secret (-99999997), inwoners 4095 */
        snprintf(cmd, sizeof cmd, "pdftotext -layout -f 16 -l 16 '%s' -", path);
        t = run(cmd);
        CHECK(t && strstr(t, "Centrum Almere-Stad") != NULL);
        CHECK(line_has(t, "Inwoners  ", "4.095"));
        CHECK(line_has(t, "aardgasverbruik", "geheim"));
        /* the line holds the reason and the gemeente mean, never a 0 or
         * the sentinel */
        CHECK(!strstr(line, "99999") && !strstr(line, " 0 "));
        free(t);
    }
    tbl_free(a.geom);
}

int main(int argc, char **argv)
{
    self = argv[0];
    grid = fx_grid(&grid_in_area);
    if (argc == 4 && !strcmp(argv[1], "render")) {
        int rc = render_demo(argv[2], argv[3]);
        tbl_free(grid);
        free(grid_in_area);
        return rc == 0 ? 0 : 1;
    }
    if (system("rm -rf '" OUT "' && mkdir -p '" OUT "'") != 0)
        printf("could not clear " OUT "\n");
    have_poppler = system("which pdftotext pdfinfo pdffonts >/dev/null 2>&1") == 0;
    if (!have_poppler)
        printf("poppler-utils not found: PDF content checks skipped\n");
    test_unit_nl();
    test_unit_en();
    test_reproducible();
    test_all();
    test_all_many();
    test_edges();
    test_units_threads();
    test_render_set();
    test_errors();
    test_real_almere();
    tbl_free(grid);
    free(grid_in_area);
    return check_done();
}
