/* ogrr.c - the vector reader through GDAL/OGR; see ogrr.h.
 *
 * Reading a layer is one pass over its features: attribute values go
 * straight into growing column arrays (by field index, no per-feature
 * allocations of our own), ring coordinates are copied with OGR_G_GetPoints
 * into one flat x,y array, and after the pass the whole array is
 * reprojected in bulk (reproj.c). The per-geometry path (OGR_G_Transform on
 * each feature) is kept for the benchmark that compares the two.
 */
#include "in_ogr.h"

#include "err.h"
#include "mem.h"
#include "reproj.h"
#include "sentinel.h"
#include "threads.h"
#include "vsipath.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_vsi.h>
#include <ctype.h>
#include <gdal.h>
#include <math.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define DEFAULT_CRS "EPSG:28992"

/* ---------------------------------------------------------------------- */
/* GDAL set-up and error capture                                           */

static pthread_once_t gdal_once = PTHREAD_ONCE_INIT;

/* Registers GDAL's drivers once per process. */
static void gdal_init_once(void) { GDALAllRegister(); }

/* What GDAL said while one of our calls ran (captured instead of printed). */
typedef struct {
    char first[1024]; /* first failure message */
    char last[1024];  /* last failure message */
    int n_fail;
} gdal_errs;

/* GDAL error handler: records failures, drops warnings and debug output
 * (which GDAL would otherwise print on stderr). */
static void CPL_STDCALL capture_error(CPLErr cls, CPLErrorNum no,
                                      const char *msg)
{
    (void)no;
    gdal_errs *e = CPLGetErrorHandlerUserData();
    if (!e || cls < CE_Failure || !msg)
        return;
    if (e->n_fail == 0)
        snprintf(e->first, sizeof e->first, "%s", msg);
    snprintf(e->last, sizeof e->last, "%s", msg);
    e->n_fail++;
}

/* Starts a GDAL call sequence: registers drivers and routes this thread's
 * GDAL messages into e. Pair with gdal_end(). */
static void gdal_begin(gdal_errs *e)
{
    pthread_once(&gdal_once, gdal_init_once);
    memset(e, 0, sizeof *e);
    CPLErrorReset();
    CPLPushErrorHandlerEx(capture_error, e);
}

static void gdal_end(void) { CPLPopErrorHandler(); }

/* Turns a GDAL message into plain text for our sentences: whitespace runs
 * become one space, the quoted file name becomes "the file", a trailing
 * period goes and the first letter is lowercased. */
static void tidy_msg(const char *in, const char *file, char *out,
                     size_t size)
{
    size_t o = 0, flen = file ? strlen(file) : 0;
    int space = 0;
    for (const char *p = in; *p && o + 1 < size;) {
        if (flen && (*p == '`' || *p == '\'' || *p == '"') &&
            strncmp(p + 1, file, flen) == 0 &&
            (p[1 + flen] == '\'' || p[1 + flen] == '"')) {
            const char *rep = "the file";
            for (const char *r = rep; *r && o + 1 < size; r++)
                out[o++] = *r;
            p += flen + 2;
            continue;
        }
        if (isspace((unsigned char)*p)) {
            space = 1;
            p++;
            continue;
        }
        if (space && o > 0)
            out[o++] = ' ';
        space = 0;
        if (o + 1 >= size)
            break;
        out[o++] = *p == '`' ? '\'' : *p;
        p++;
    }
    while (o > 0 && (out[o - 1] == '.' || out[o - 1] == ' '))
        o--;
    out[o] = '\0';
    if (o > 1 && isupper((unsigned char)out[0]) &&
        !isupper((unsigned char)out[1]))
        out[0] = (char)tolower((unsigned char)out[0]);
}

/* Line and column (1-based) of byte offset off in file, counted through
 * VSI. Returns 0, or -1 when the file cannot be read that far. */
static int offset_to_line_col(const char *file, long off, long *line,
                              long *col)
{
    VSILFILE *fp = VSIFOpenL(file, "rb");
    if (!fp)
        return -1;
    char buf[65536];
    long pos = 0, ln = 1, last_nl = -1;
    while (pos < off) {
        size_t want = (size_t)(off - pos) < sizeof buf ? (size_t)(off - pos)
                                                        : sizeof buf;
        size_t n = VSIFReadL(buf, 1, want, fp);
        if (n == 0)
            break;
        for (size_t k = 0; k < n; k++)
            if (buf[k] == '\n') {
                ln++;
                last_nl = pos + (long)k;
            }
        pos += (long)n;
    }
    VSIFCloseL(fp);
    *line = ln;
    *col = off - last_nl; /* offset off is the character after the text */
    return 0;
}

/* json-c's terse tokener words, said plainly. */
static const char *json_words(const char *m)
{
    if (strcmp(m, "continue") == 0)
        return "the text ends in the middle of a value";
    if (strcmp(m, "unexpected end of data") == 0)
        return "the text ends too early";
    return m;
}

/* Sets the error for a dataset GDAL could not open, from what it said:
 * JSON syntax errors become ERR_PARSE with the line and column, an
 * unrecognised format ERR_GDAL, anything else ERR_GDAL with GDAL's words. */
static void open_failed(const char *file, const gdal_errs *ge)
{
    const char *raw = ge->n_fail ? ge->first : CPLGetLastErrorMsg();
    long line = 0, col = 0, off = 0;
    int used = 0;
    char msg[1024], what[600];
    if (raw && sscanf(raw, "At line %ld, character %ld: %n", &line, &col,
                      &used) == 2 && used > 0) {
        tidy_msg(raw + used, file, msg, sizeof msg);
        err_set_pos(ERR_PARSE, file, line, col,
                    "the file is not valid JSON: the parser stopped here "
                    "with \"%s\" (is the file cut short or hand-edited?)",
                    msg);
        return;
    }
    const char *at = raw ? strstr(raw, "(at offset ") : NULL;
    if (raw && strncmp(raw, "JSON parsing error: ", 20) == 0 && at &&
        sscanf(at, "(at offset %ld)", &off) == 1 &&
        offset_to_line_col(file, off, &line, &col) == 0) {
        size_t n = (size_t)(at - (raw + 20));
        snprintf(what, sizeof what, "%.*s", (int)n, raw + 20);
        tidy_msg(what, file, msg, sizeof msg);
        err_set_pos(ERR_PARSE, file, line, col,
                    "the file is not valid JSON: the parser stopped here: "
                    "%s (is the file cut short or hand-edited?)",
                    json_words(msg));
        return;
    }
    const char *nr = raw ? strstr(raw, "not recogni") : NULL;
    if (!raw || !*raw || nr) {
        tidy_msg(nr ? nr : "", file, msg, sizeof msg);
        err_set(ERR_GDAL, file, 0, NULL,
                "GDAL does not recognise this file as vector data%s%s%s; "
                "expected GeoJSON, TopoJSON, a GeoPackage, a shapefile or "
                "another vector format GDAL reads",
                *msg ? " (GDAL says it is \"" : "", msg, *msg ? "\")" : "");
        return;
    }
    tidy_msg(raw, file, msg, sizeof msg);
    err_set(ERR_GDAL, file, 0, NULL,
            "GDAL cannot open this file as vector data: %s", msg);
}

/* ---------------------------------------------------------------------- */
/* Opening                                                                 */

/* Finds `"type" : "Topology"` in buf (len bytes, may hold NULs). */
static int has_topology_type(const char *buf, size_t len)
{
    static const char key[] = "\"Topology\"";
    const char *p = buf, *end = buf + len;
    while ((p = memmem(p, (size_t)(end - p), key, sizeof key - 1))) {
        size_t q = (size_t)(p - buf); /* walk back from here by index */
        while (q > 0 && isspace((unsigned char)buf[q - 1]))
            q--;
        if (q > 0 && buf[q - 1] == ':') {
            q--;
            while (q > 0 && isspace((unsigned char)buf[q - 1]))
                q--;
            if (q >= 6 && memcmp(buf + q - 6, "\"type\"", 6) == 0)
                return 1;
        }
        p += sizeof key - 1;
    }
    return 0;
}

/* What the first bytes of a file say about it. */
typedef enum { SNIFF_OTHER = 0, SNIFF_JSON, SNIFF_TOPOJSON } sniff_kind;

/* SNIFF_TOPOJSON when file is a JSON object with "type": "Topology" near
 * its start or end (GDAL's own sniffing only looks at the start, and some
 * TopoJSON files put "arcs" first), SNIFF_JSON for another JSON object,
 * SNIFF_OTHER otherwise or when the file cannot be read. *names_crs is
 * set when the first 4 KB hold a "crs" member (old GeoJSON naming a CRS).
 * Reads at most 8 KB through VSI, so it works on /vsi paths too. */
static sniff_kind sniff_file(const char *file, int *names_crs)
{
    *names_crs = 0;
    enum { CHUNK = 4096 };
    char buf[CHUNK];
    VSILFILE *fp = VSIFOpenL(file, "rb");
    if (!fp)
        return SNIFF_OTHER;
    size_t n = VSIFReadL(buf, 1, CHUNK, fp);
    size_t a = 0;
    if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        a = 3;
    while (a < n && isspace((unsigned char)buf[a]))
        a++;
    sniff_kind kind = SNIFF_OTHER;
    if (a < n && buf[a] == '{') {
        kind = has_topology_type(buf, n) ? SNIFF_TOPOJSON : SNIFF_JSON;
        *names_crs = memmem(buf, n, "\"crs\"", 5) != NULL;
        if (kind == SNIFF_JSON && n == CHUNK &&
            VSIFSeekL(fp, 0, SEEK_END) == 0) {
            vsi_l_offset size = VSIFTellL(fp);
            if (size > CHUNK &&
                VSIFSeekL(fp, size - CHUNK, SEEK_SET) == 0) {
                n = VSIFReadL(buf, 1, CHUNK, fp);
                if (has_topology_type(buf, n))
                    kind = SNIFF_TOPOJSON;
            }
        }
    }
    VSIFCloseL(fp);
    return kind;
}

/* Building a PROJ transformation costs 20-50 ms of database queries the
 * first time in a process. A JSON source is WGS84 unless it names a CRS, so
 * while GDAL makes its first pass over such a file, a second thread builds
 * WGS84 -> target into reproj's cache, where the reader then finds it. */
typedef struct {
    pthread_t tid;
    int started;
    const char *dst; /* borrowed target CRS */
} prefetch;

/* Thread body: builds the transformation and leaves it in the cache. */
static void *prefetch_main(void *arg)
{
    prefetch *p = arg;
    reproj_release(reproj_acquire("EPSG:4326", p->dst));
    return NULL;
}

/* Starts the prefetch of EPSG:4326 -> dst (no-op when it is an identity,
 * the thread policy allows one thread only, or the thread cannot start:
 * the reader then builds it itself). */
static void prefetch_start(prefetch *p, const char *dst)
{
    if (p->started || !dst || !*dst || strcasecmp(dst, "EPSG:4326") == 0 ||
        threads_count() < 2)
        return;
    p->dst = dst;
    p->started = pthread_create(&p->tid, NULL, prefetch_main, p) == 0;
}

/* Waits for the prefetch thread, if one runs. */
static void prefetch_join(prefetch *p)
{
    if (p->started)
        pthread_join(p->tid, NULL);
    p->started = 0;
}

/* Opens file as a vector dataset, read-only. Checks existence and
 * emptiness first so those get plain errors. Returns the dataset (caller
 * closes with GDALClose) or NULL with the error set. ge collects GDAL's
 * messages (gdal_begin must have been called). When pf is non-NULL and the
 * file is JSON without a CRS, the WGS84 -> dst transformation is
 * prefetched on pf (the caller joins it with prefetch_join). */
static GDALDatasetH open_vector(const char *file, gdal_errs *ge,
                                prefetch *pf, const char *dst)
{
    if (!file || !*file) {
        err_set(ERR_IO, NULL, 0, NULL, "no vector file name was given");
        return NULL;
    }
    char vpath[4096 + 64];
    const char *shown = file;
    if (vsi_path(file, vpath, sizeof vpath, NULL)) {
        VSIStatBufL zst;
        if (VSIStatL(file, &zst) != 0) {
            err_set(ERR_IO, file, 0, NULL,
                    "the file does not exist or cannot be reached; check "
                    "the path (in a recipe, paths are relative to the "
                    "recipe's folder)");
            return NULL;
        }
        file = vpath;
    }
    VSIStatBufL st;
    int exists = VSIStatL(file, &st) == 0;
    int prefixed = file[0] != '/' && strchr(file, ':') != NULL;
    if (!exists && !prefixed) {
        err_set(ERR_IO, file, 0, NULL,
                "the file does not exist or cannot be reached; check "
                    "the path (in a recipe, paths are relative to the "
                    "recipe's folder)");
        return NULL;
    }
    if (exists && VSI_ISREG(st.st_mode) && st.st_size == 0) {
        err_set(ERR_PARSE, file, 0, NULL,
                "the file is empty (0 bytes); expected vector data such as "
                "GeoJSON, TopoJSON, a GeoPackage or a shapefile");
        return NULL;
    }
    char *path = NULL;
    int names_crs = 0;
    sniff_kind kind = exists && VSI_ISREG(st.st_mode)
                          ? sniff_file(file, &names_crs)
                          : SNIFF_OTHER;
    if (pf && (kind == SNIFF_TOPOJSON || (kind == SNIFF_JSON && !names_crs)))
        prefetch_start(pf, dst);
    if (kind == SNIFF_TOPOJSON) {
        size_t len = strlen(file) + sizeof "TopoJSON:";
        path = mem_alloc(len);
        if (!path) {
            err_oom("file name");
            return NULL;
        }
        snprintf(path, len, "TopoJSON:%s", file);
    }
    /* GeoJSON: keep date-like strings and arrays as the text they are
     * (dates are strings in our tables anyway; arrays become JSON text) */
    static const char *const json_opts[] = {"DATE_AS_STRING=YES",
                                            "ARRAY_AS_STRING=YES", NULL};
    GDALDatasetH ds = GDALOpenEx(path ? path : file,
                                 GDAL_OF_VECTOR | GDAL_OF_READONLY |
                                     GDAL_OF_VERBOSE_ERROR,
                                 NULL,
                                 kind == SNIFF_JSON ? json_opts : NULL,
                                 NULL);
    mem_free(path);
    if (!ds) {
        open_failed(shown, ge);
        return NULL;
    }
    if (GDALDatasetGetLayerCount(ds) <= 0) {
        GDALClose(ds);
        err_set(ERR_GDAL, file, 0, NULL,
                "the file holds no vector layers (is it a raster?)");
        return NULL;
    }
    return ds;
}

/* The layer called name (NULL = the first). On an unknown name sets
 * ERR_GDAL listing the layers there are and returns NULL. */
static OGRLayerH pick_layer(GDALDatasetH ds, const char *file,
                            const char *name)
{
    if (!name || !*name)
        return GDALDatasetGetLayer(ds, 0);
    OGRLayerH lyr = GDALDatasetGetLayerByName(ds, name);
    if (lyr)
        return lyr;
    char list[900];
    size_t used = 0;
    int nl = GDALDatasetGetLayerCount(ds);
    list[0] = '\0';
    for (int k = 0; k < nl && used < sizeof list; k++) {
        OGRLayerH l = GDALDatasetGetLayer(ds, k);
        int w = snprintf(list + used, sizeof list - used, "%s\"%s\"",
                         k ? ", " : "", l ? OGR_L_GetName(l) : "?");
        if (w > 0)
            used += (size_t)w;
    }
    if (used >= sizeof list)
        memcpy(list + sizeof list - 5, "...", 4);
    const char *drv = GDALGetDriverShortName(GDALGetDatasetDriver(ds));
    int sheets = drv && (!strcmp(drv, "XLSX") || !strcmp(drv, "ODS") ||
                         !strcmp(drv, "XLS"));
    err_set(ERR_GDAL, file, 0, NULL, "the file has no %s \"%s\"; %s: %s",
            sheets ? err_tr("sheet") : err_tr("layer"), name,
            nl == 1 ? (sheets ? err_tr("its only sheet is")
                              : err_tr("its only layer is"))
                    : (sheets ? err_tr("its sheets are")
                              : err_tr("its layers are")),
            list);
    return NULL;
}

/* ---------------------------------------------------------------------- */
/* Coordinate reference systems                                            */

/* The layer's CRS as text PROJ understands (*proj_text) and as the name we
 * store (*name, "EPSG:nnnn" or WKT). A layer without a CRS is taken as
 * WGS84 when its driver is JSON-based (GeoJSON/TopoJSON have no other CRS)
 * or its extent is lon/lat, as RD New when its extent fits the
 * Netherlands in RD metres; otherwise both are set to "" (unknown). Both
 * strings are malloc'd for the caller. Returns 0, or -1 (OOM / PROJ error
 * set).
 * Axis order: OGR drivers hand out coordinates in the traditional GIS order
 * (longitude/easting first, whatever the CRS's official axis order), which
 * is exactly the order reproj's normalised transformations take, so an
 * EPSG code is all we pass on. */
static int layer_crs(OGRLayerH lyr, GDALDatasetH ds, char **proj_text,
                     char **name)
{
    *proj_text = *name = NULL;
    OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(lyr);
    if (srs) {
        const char *auth = OSRGetAuthorityName(srs, NULL);
        const char *code = OSRGetAuthorityCode(srs, NULL);
        if (auth && code && (strcmp(auth, "EPSG") == 0)) {
            char buf[64];
            snprintf(buf, sizeof buf, "EPSG:%s", code);
            *proj_text = mem_strdup(buf);
            *name = mem_strdup(buf);
            if (!*proj_text || !*name)
                return err_oom("CRS name");
            return 0;
        }
        char *wkt = NULL;
        const char *const wopt[] = {"FORMAT=WKT2_2019", NULL};
        if (OSRExportToWktEx(srs, &wkt, wopt) != OGRERR_NONE || !wkt) {
            CPLFree(wkt);
            err_set(ERR_PROJ, NULL, 0, NULL,
                    "GDAL cannot describe the layer's coordinate reference "
                    "system");
            return -1;
        }
        *proj_text = mem_strdup(wkt);
        CPLFree(wkt);
        if (!*proj_text)
            return err_oom("CRS");
        *name = reproj_crs_name(*proj_text);
        return *name ? 0 : -1;
    }
    const char *guess = "";
    const char *drv = GDALGetDriverShortName(GDALGetDatasetDriver(ds));
    if (drv && (strcmp(drv, "GeoJSON") == 0 || strcmp(drv, "TopoJSON") == 0 ||
                strcmp(drv, "GeoJSONSeq") == 0)) {
        guess = "EPSG:4326";
    } else {
        OGREnvelope env;
        if (OGR_L_GetExtent(lyr, &env, TRUE) == OGRERR_NONE) {
            if (env.MinX >= -180 && env.MaxX <= 180 && env.MinY >= -90 &&
                env.MaxY <= 90)
                guess = "EPSG:4326";
            else if (env.MinX >= -7000 && env.MaxX <= 300000 &&
                     env.MinY >= 289000 && env.MaxY <= 629000)
                guess = "EPSG:28992";
        }
    }
    *proj_text = mem_strdup(guess);
    *name = mem_strdup(guess);
    if (!*proj_text || !*name)
        return err_oom("CRS name");
    return 0;
}

/* 1 when s is "EPSG:<digits>" (any case), the form we store as is. */
static int is_epsg_code(const char *s)
{
    if (strncasecmp(s, "EPSG:", 5) != 0 || !s[5])
        return 0;
    for (const char *p = s + 5; *p; p++)
        if (!isdigit((unsigned char)*p))
            return 0;
    return 1;
}

/* The name to store for a target CRS given by the user. malloc'd, or NULL
 * with the error set. */
static char *target_name(const char *target)
{
    if (is_epsg_code(target)) {
        char *s = mem_strdup(target);
        if (!s) {
            err_oom("CRS name");
            return NULL;
        }
        memcpy(s, "EPSG", 4);
        return s;
    }
    return reproj_crs_name(target);
}

/* ---------------------------------------------------------------------- */
/* Attribute columns                                                       */

typedef enum { FK_INT, FK_REAL, FK_STRING, FK_DATE, FK_OTHER } field_kind;

typedef struct {
    int idx;          /* OGR field index */
    OGRFieldType ftype;
    field_kind kind;
    tbl_col col;      /* arrays sized to the reader's row capacity */
} field_buf;

/* Grows a column's arrays from old to cap rows. Returns 0 or -1 (OOM). */
static int col_buf_grow(tbl_col *c, size_t old, size_t cap)
{
    if (c->type == COL_DOUBLE) {
        double *d = mem_realloc(c->d, cap * sizeof *d);
        if (!d)
            return err_oom("column");
        c->d = d;
    } else if (c->type == COL_INT64) {
        int64_t *i = mem_realloc(c->i, cap * sizeof *i);
        if (!i)
            return err_oom("column");
        c->i = i;
    } else {
        int32_t *k = mem_realloc(c->codes, cap * sizeof *k);
        if (!k)
            return err_oom("column");
        c->codes = k;
    }
    if (c->miss) {
        uint8_t *m = mem_realloc(c->miss, cap);
        if (!m)
            return err_oom("missing-value map");
        memset(m + old, 0, cap - old);
        c->miss = m;
    }
    return 0;
}

/* A column name not yet used among fields[0..n) and not "geometry":
 * name, or name_2, name_3, ... malloc'd; NULL on OOM. */
static char *unique_name(const char *name, const field_buf *fields, size_t n,
                         int has_geom)
{
    size_t len = strlen(name) + 16;
    char *out = mem_alloc(len);
    if (!out)
        return NULL;
    snprintf(out, len, "%s", *name ? name : "field");
    for (int k = 2;; k++) {
        int clash = has_geom && strcmp(out, "geometry") == 0;
        for (size_t j = 0; j < n && !clash; j++)
            clash = strcmp(fields[j].col.name, out) == 0;
        if (!clash)
            return out;
        snprintf(out, len, "%s_%d", *name ? name : "field", k);
    }
}

/* Sets up one column per attribute field of defn with cap rows, except
 * field skip (-1 = none). Returns the array (n entries, caller frees with
 * fields_free) or NULL (error set). */
static field_buf *fields_new(OGRFeatureDefnH defn, size_t cap, size_t *n,
                             int has_geom, int skip)
{
    int nf = OGR_FD_GetFieldCount(defn);
    *n = 0;
    field_buf *fields = mem_calloc(nf > 0 ? (size_t)nf : 1, sizeof *fields);
    if (!fields) {
        err_oom("columns");
        return NULL;
    }
    for (int k = 0; k < nf; k++) {
        if (k == skip)
            continue; /* the WKT geometry text */
        OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, k);
        field_buf *f = &fields[*n];
        f->idx = k;
        f->ftype = OGR_Fld_GetType(fd);
        switch (f->ftype) {
        case OFTInteger:
        case OFTInteger64:
            f->kind = FK_INT;
            f->col.type = COL_INT64;
            break;
        case OFTReal:
            f->kind = FK_REAL;
            f->col.type = COL_DOUBLE;
            break;
        case OFTString:
            f->kind = FK_STRING;
            f->col.type = COL_STRING;
            break;
        case OFTDate:
        case OFTTime:
        case OFTDateTime:
            f->kind = FK_DATE;
            f->col.type = COL_STRING;
            break;
        default: /* lists, binary: their text form */
            f->kind = FK_OTHER;
            f->col.type = COL_STRING;
            break;
        }
        f->col.name = unique_name(OGR_Fld_GetNameRef(fd), fields, *n,
                                  has_geom);
        (*n)++;
        if (!f->col.name || col_buf_grow(&f->col, 0, cap) < 0) {
            for (size_t j = 0; j < *n; j++)
                col_free(&fields[j].col);
            mem_free(fields);
            err_oom("columns");
            return NULL;
        }
    }
    return fields;
}

static void fields_free(field_buf *fields, size_t n)
{
    if (!fields)
        return;
    for (size_t k = 0; k < n; k++)
        col_free(&fields[k].col);
    mem_free(fields);
}

/* Formats a date/time field as ISO 8601 text into buf. */
static void format_date(OGRFeatureH feat, const field_buf *f, char *buf,
                        size_t size)
{
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
    float s = 0;
    OGR_F_GetFieldAsDateTimeEx(feat, f->idx, &y, &mo, &d, &h, &mi, &s, &tz);
    int si = (int)s;
    if (f->ftype == OFTDate)
        snprintf(buf, size, "%04d-%02d-%02d", y, mo, d);
    else if (f->ftype == OFTTime)
        snprintf(buf, size, "%02d:%02d:%02d", h, mi, si);
    else
        snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi,
                 si);
}

/* Stores the value of field f of feat in row. Returns 0 or -1 (OOM). */
static int read_field(OGRFeatureH feat, field_buf *f, size_t row, size_t cap)
{
    tbl_col *c = &f->col;
    if (!OGR_F_IsFieldSetAndNotNull(feat, f->idx))
        return col_set_missing(c, cap, row, MISS_EMPTY);
    switch (f->kind) {
    case FK_INT: {
        int64_t v = (int64_t)OGR_F_GetFieldAsInteger64(feat, f->idx);
        miss_reason why = sentinel_reason((double)v);
        if (why != MISS_NONE)
            return col_set_missing(c, cap, row, why);
        c->i[row] = v;
        return 0;
    }
    case FK_REAL: {
        double v = OGR_F_GetFieldAsDouble(feat, f->idx);
        miss_reason why = sentinel_reason(v);
        if (why != MISS_NONE)
            return col_set_missing(c, cap, row, why);
        c->d[row] = v;
        return 0;
    }
    case FK_DATE: {
        char buf[40];
        format_date(feat, f, buf, sizeof buf);
        int32_t k = col_intern(c, buf, strlen(buf));
        if (k < 0)
            return -1;
        c->codes[row] = k;
        return 0;
    }
    default: {
        const char *s = OGR_F_GetFieldAsString(feat, f->idx);
        size_t len = s ? strlen(s) : 0;
        if (len == 0)
            return col_set_missing(c, cap, row, MISS_EMPTY);
        int32_t k = col_intern(c, s, len);
        if (k < 0)
            return -1;
        c->codes[row] = k;
        return 0;
    }
    }
}

/* ---------------------------------------------------------------------- */
/* Geometry                                                                */

/* The flat geometry arrays under construction (see tbl.h). */
typedef struct {
    double *xy;
    size_t n_pts, cap_pts;
    uint64_t *ring_pt; /* n_rings+1 */
    size_t n_rings, cap_rings;
    uint64_t *part_ring; /* n_parts+1 */
    size_t n_parts, cap_parts;
    uint64_t *row_part; /* rows+1 */
    size_t cap_rows;
} geom_buf;

static void geom_buf_free(geom_buf *g)
{
    MEM_FREE_ALL(g->xy, g->ring_pt, g->part_ring, g->row_part);
    memset(g, 0, sizeof *g);
}

/* GROW(g->xy, g->cap_pts, need, elem): grows an array member in place
 * (mem_grow), returning -1 from the calling function on OOM. */
#define GROW(arr, cap, need, elem)                                        \
    do {                                                                  \
        if (mem_grow(&(arr), &(cap), (need), (elem), "geometry") < 0)     \
            return -1;                                                    \
    } while (0)

/* Allocates the arrays for about rows rows. Returns 0 or -1 (OOM). */
static int geom_buf_init(geom_buf *g, size_t rows, size_t pts_hint)
{
    memset(g, 0, sizeof *g);
    GROW(g->row_part, g->cap_rows, rows + 1, sizeof *g->row_part);
    GROW(g->part_ring, g->cap_parts, rows + 1, sizeof *g->part_ring);
    GROW(g->ring_pt, g->cap_rings, rows + 1, sizeof *g->ring_pt);
    GROW(g->xy, g->cap_pts, pts_hint ? pts_hint : 1, 2 * sizeof *g->xy);
    g->row_part[0] = g->part_ring[0] = g->ring_pt[0] = 0;
    return 0;
}

/* Appends the points of a simple curve or point as one ring. */
static int add_ring(geom_buf *g, OGRGeometryH ring)
{
    int n = OGR_G_GetPointCount(ring);
    if (n <= 0)
        return 0;
    GROW(g->xy, g->cap_pts, g->n_pts + (size_t)n, 2 * sizeof *g->xy);
    GROW(g->ring_pt, g->cap_rings, g->n_rings + 2, sizeof *g->ring_pt);
    double *dst = g->xy + 2 * g->n_pts;
    OGR_G_GetPoints(ring, dst, 2 * sizeof(double), dst + 1,
                    2 * sizeof(double), NULL, 0);
    g->n_pts += (size_t)n;
    g->ring_pt[++g->n_rings] = g->n_pts;
    return 0;
}

/* Closes a part when rings were added since first_ring. */
static int end_part(geom_buf *g, size_t first_ring)
{
    if (g->n_rings == first_ring)
        return 0;
    GROW(g->part_ring, g->cap_parts, g->n_parts + 2, sizeof *g->part_ring);
    g->part_ring[++g->n_parts] = g->n_rings;
    return 0;
}

/* Appends a geometry of any type as parts: each polygon is a part (outer
 * ring first, holes after), each point or line a single-ring part;
 * collections recurse; curves are linearised first. */
static int add_geometry(geom_buf *g, OGRGeometryH geom, int depth)
{
    if (!geom || OGR_G_IsEmpty(geom) || depth > 32)
        return 0;
    OGRwkbGeometryType t = wkbFlatten(OGR_G_GetGeometryType(geom));
    switch (t) {
    case wkbPoint:
    case wkbLineString:
    case wkbLinearRing: {
        size_t r0 = g->n_rings;
        if (add_ring(g, geom) < 0)
            return -1;
        return end_part(g, r0);
    }
    case wkbPolygon:
    case wkbTriangle: {
        size_t r0 = g->n_rings;
        int nr = OGR_G_GetGeometryCount(geom);
        for (int k = 0; k < nr; k++)
            if (add_ring(g, OGR_G_GetGeometryRef(geom, k)) < 0)
                return -1;
        return end_part(g, r0);
    }
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
    case wkbPolyhedralSurface:
    case wkbTIN: {
        int ng = OGR_G_GetGeometryCount(geom);
        for (int k = 0; k < ng; k++)
            if (add_geometry(g, OGR_G_GetGeometryRef(geom, k), depth + 1) <
                0)
                return -1;
        return 0;
    }
    default: {
        /* curves, surfaces and anything newer: linear approximation */
        OGRGeometryH lin = OGR_G_GetLinearGeometry(geom, 0, NULL);
        if (!lin)
            return 0;
        int rc = 0;
        OGRwkbGeometryType lt = wkbFlatten(OGR_G_GetGeometryType(lin));
        if (lt != t) /* guard against a type that stays itself */
            rc = add_geometry(g, lin, depth + 1);
        OGR_G_DestroyGeometry(lin);
        return rc;
    }
    }
}

/* Row of a point index: the last row whose first point is <= pt. */
static size_t row_of_point(const geom_buf *g, size_t nrows, size_t pt)
{
    size_t lo = 0, hi = nrows;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        uint64_t first = g->ring_pt[g->part_ring[g->row_part[mid]]];
        if (first <= pt)
            lo = mid;
        else
            hi = mid;
    }
    /* skip rows without points that share the same start */
    while (lo + 1 < nrows &&
           g->ring_pt[g->part_ring[g->row_part[lo + 1]]] <= pt)
        lo++;
    return lo;
}

/* ---------------------------------------------------------------------- */
/* Reading                                                                 */

/* Per-geometry transformation (the OGR path) from src_text to target, in
 * x/y order on both sides. NULL with ERR_PROJ set on failure. */
static OGRCoordinateTransformationH ogr_transform(const char *src_text,
                                                  const char *target)
{
    OGRSpatialReferenceH a = OSRNewSpatialReference(NULL);
    OGRSpatialReferenceH b = OSRNewSpatialReference(NULL);
    OGRCoordinateTransformationH ct = NULL;
    if (!a || !b)
        goto done;
    if (OSRSetFromUserInput(a, src_text) != OGRERR_NONE ||
        OSRSetFromUserInput(b, target) != OGRERR_NONE)
        goto done;
    OSRSetAxisMappingStrategy(a, OAMS_TRADITIONAL_GIS_ORDER);
    OSRSetAxisMappingStrategy(b, OAMS_TRADITIONAL_GIS_ORDER);
    ct = OCTNewCoordinateTransformation(a, b);
done:
    if (!ct)
        err_set(ERR_PROJ, NULL, 0, NULL,
                "GDAL cannot build a transformation to \"%s\": %s", target,
                CPLGetLastErrorMsg());
    if (a)
        OSRDestroySpatialReference(a);
    if (b)
        OSRDestroySpatialReference(b);
    return ct;
}

/* Everything one read holds, for a single cleanup path. */
typedef struct {
    const char *file;
    GDALDatasetH ds;
    field_buf *fields;
    size_t n_fields;
    geom_buf geom;
    int has_geom;
    int wkt_idx;      /* field holding WKT/EWKT geometry text, or -1 */
    int wkt_srid;     /* SRID of the first EWKT value, 0 = none seen */
    size_t nrows, cap;
    char *src_text, *src_name, *dst_name;
    reproj *rp;
    OGRCoordinateTransformationH ct;
    prefetch pf;
} reader;

static void reader_free(reader *r)
{
    prefetch_join(&r->pf);
    fields_free(r->fields, r->n_fields);
    geom_buf_free(&r->geom);
    mem_free(r->src_text);
    mem_free(r->src_name);
    mem_free(r->dst_name);
    reproj_release(r->rp);
    if (r->ct)
        OCTDestroyCoordinateTransformation(r->ct);
    if (r->ds)
        GDALClose(r->ds);
}

/* Sets up the reprojection of r (r->rp or r->ct) and the CRS name stored
 * with the geometry. Returns 0 or -1 (error set). */
static int wkt_crs(reader *r);

static int reader_crs(reader *r, OGRLayerH lyr, const char *target,
                      int per_geometry)
{
    if (r->wkt_idx >= 0) {
        if (wkt_crs(r) < 0)
            return -1;
    } else if (layer_crs(lyr, r->ds, &r->src_text, &r->src_name) < 0) {
        return -1;
    }
    if (!*target) { /* keep the source's CRS */
        r->dst_name = mem_strdup(r->src_name);
        return r->dst_name ? 0 : err_oom("CRS name");
    }
    if (!*r->src_text) {
        err_set(ERR_PROJ, r->file, 0, NULL,
                "the layer has no coordinate reference system and its "
                "coordinates are neither longitude/latitude nor RD New "
                "metres, so it cannot be reprojected to \"%s\"; add the CRS "
                "to the file (a .prj next to a shapefile) or keep the "
                "source CRS",
                target);
        return -1;
    }
    r->dst_name = target_name(target);
    if (!r->dst_name) {
        err_prefix("reading %s", r->file);
        return -1;
    }
    if (strcmp(r->src_name, r->dst_name) == 0)
        return 0; /* same CRS: nothing to do */
    if (per_geometry) {
        r->ct = ogr_transform(r->src_text, target);
        return r->ct ? 0 : -1;
    }
    r->rp = reproj_acquire(r->src_text, target);
    if (!r->rp) {
        err_prefix("reading %s", r->file);
        return -1;
    }
    if (reproj_is_identity(r->rp)) {
        reproj_release(r->rp);
        r->rp = NULL;
    }
    return 0;
}

/* Grows every per-row array of r to twice its capacity. */
static int reader_grow(reader *r)
{
    size_t cap = r->cap * 2;
    for (size_t k = 0; k < r->n_fields; k++)
        if (col_buf_grow(&r->fields[k].col, r->cap, cap) < 0)
            return -1;
    if (r->has_geom)
        GROW(r->geom.row_part, r->geom.cap_rows, cap + 1,
             sizeof *r->geom.row_part);
    r->cap = cap;
    return 0;
}

/* Adds the geometry written as WKT or EWKT ("SRID=28992;POLYGON(...)") in
 * field r->wkt_idx of feat (row: for messages). An empty cell gives an
 * empty geometry. Returns 0, or -1 with ERR_PARSE naming the feature and
 * column when the text is not WKT or its SRID differs from the first. */
static int add_wkt(reader *r, OGRFeatureH feat, size_t row)
{
    OGRFieldDefnH fd = OGR_F_GetFieldDefnRef(feat, r->wkt_idx);
    const char *col = OGR_Fld_GetNameRef(fd);
    if (!OGR_F_IsFieldSetAndNotNull(feat, r->wkt_idx))
        return 0;
    const char *text = OGR_F_GetFieldAsString(feat, r->wkt_idx);
    while (*text == ' ')
        text++;
    if (!*text)
        return 0;
    int srid = 0;
    if (strncasecmp(text, "SRID=", 5) == 0) {
        char *end;
        long v = strtol(text + 5, &end, 10);
        if (*end != ';' || v <= 0 || v > 999999) {
            err_set_feature(ERR_PARSE, r->file, (long)row + 1, col,
                            "the EWKT geometry starts with \"SRID=\" but no "
                            "valid SRID and \";\" follow");
            return -1;
        }
        srid = (int)v;
        text = end + 1;
    }
    if (srid) {
        if (!r->wkt_srid)
            r->wkt_srid = srid;
        else if (srid != r->wkt_srid) {
            err_set_feature(ERR_PARSE, r->file, (long)row + 1, col,
                            "this geometry has SRID %d, earlier ones %d; one "
                            "column must hold one coordinate system",
                            srid, r->wkt_srid);
            return -1;
        }
    }
    char *wkt = (char *)text;
    OGRGeometryH g = NULL;
    if (OGR_G_CreateFromWkt(&wkt, NULL, &g) != OGRERR_NONE || !g) {
        err_set_feature(ERR_PARSE, r->file, (long)row + 1, col,
                        "the text is not WKT geometry (such as "
                        "\"POLYGON((...))\" or \"SRID=28992;POLYGON((...))\"): "
                        "\"%.40s\"",
                        text);
        return -1;
    }
    int rc = add_geometry(&r->geom, g, 0);
    OGR_G_DestroyGeometry(g);
    return rc;
}

/* The CRS of geometry read from WKT: the EWKT SRID, else guessed from the
 * coordinates (longitude/latitude, or RD New metres). Sets r->src_text and
 * r->src_name (mem_alloc'ed). Returns 0 or -1 (OOM). */
static int wkt_crs(reader *r)
{
    char buf[32] = "";
    if (r->wkt_srid) {
        snprintf(buf, sizeof buf, "EPSG:%d", r->wkt_srid);
    } else if (r->geom.n_pts) {
        double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
        for (size_t k = 0; k < r->geom.n_pts; k++) {
            double x = r->geom.xy[2 * k], y = r->geom.xy[2 * k + 1];
            x0 = x < x0 ? x : x0;
            x1 = x > x1 ? x : x1;
            y0 = y < y0 ? y : y0;
            y1 = y > y1 ? y : y1;
        }
        if (x0 >= -180 && x1 <= 180 && y0 >= -90 && y1 <= 90)
            snprintf(buf, sizeof buf, "EPSG:4326");
        else if (x0 >= -7000 && x1 <= 300000 && y0 >= 289000 && y1 <= 629000)
            snprintf(buf, sizeof buf, "EPSG:28992");
    }
    r->src_text = mem_strdup(buf);
    r->src_name = mem_strdup(buf);
    return r->src_text && r->src_name ? 0 : err_oom("CRS name");
}

/* Reads every feature of lyr into r. Returns 0 or -1 (error set). */
static int read_features(reader *r, OGRLayerH lyr)
{
    OGR_L_ResetReading(lyr);
    OGRFeatureH feat;
    gdal_errs *ge = CPLGetErrorHandlerUserData();
    int fails_before = ge ? ge->n_fail : 0;
    while ((feat = OGR_L_GetNextFeature(lyr)) != NULL) {
        size_t row = r->nrows;
        if (ge && ge->n_fail > fails_before)
            break; /* GDAL failed on this feature: reported below */
        if (row == r->cap && reader_grow(r) < 0)
            goto fail;
        for (size_t k = 0; k < r->n_fields; k++)
            if (read_field(feat, &r->fields[k], row, r->cap) < 0)
                goto fail;
        if (r->has_geom && r->wkt_idx >= 0) {
            if (add_wkt(r, feat, row) < 0)
                goto fail;
            r->geom.row_part[row + 1] = r->geom.n_parts;
        } else if (r->has_geom) {
            OGRGeometryH g = OGR_F_GetGeometryRef(feat);
            if (g && r->ct && !OGR_G_IsEmpty(g) &&
                OGR_G_Transform(g, r->ct) != OGRERR_NONE) {
                err_set_feature(ERR_PROJ, r->file, (long)row + 1, NULL,
                                "the geometry of this feature cannot be "
                                "transformed from %s to %s; check that the "
                                "layer's coordinate reference system is "
                                "right",
                                r->src_name, r->dst_name);
                goto fail;
            }
            if (add_geometry(&r->geom, g, 0) < 0)
                goto fail;
            r->geom.row_part[row + 1] = r->geom.n_parts;
        }
        OGR_F_Destroy(feat);
        r->nrows++;
    }
    if (ge && ge->n_fail > fails_before) {
        OGR_F_Destroy(feat);
        char msg[1024];
        tidy_msg(ge->last, r->file, msg, sizeof msg);
        err_set_feature(ERR_GDAL, r->file, (long)r->nrows + 1, NULL,
                        "GDAL could not read this feature: %s (is the file "
                        "cut short or damaged?)",
                        msg);
        return -1;
    }
    return 0;
fail:
    OGR_F_Destroy(feat);
    return -1;
}

/* Reprojects the collected coordinates in bulk. Returns 0 or -1 with
 * ERR_PROJ naming the first feature that cannot be transformed. */
static int reproject_bulk(reader *r)
{
    if (!r->rp || r->geom.n_pts == 0)
        return 0;
    size_t first = 0;
    size_t bad = reproj_apply_raw(r->rp, r->geom.xy, r->geom.n_pts, &first);
    if (bad == 0)
        return 0;
    size_t row = row_of_point(&r->geom, r->nrows, first);
    err_set_feature(ERR_PROJ, r->file, (long)row + 1, NULL,
                    "the geometry of this feature cannot be transformed from "
                    "%s to %s (%zu point%s in the layer fail); check that "
                    "the layer's coordinate reference system is right",
                    r->src_name, r->dst_name, bad, bad == 1 ? "" : "s");
    return -1;
}

/* Moves the collected columns and geometry of r into a new table. r's
 * arrays are handed over (and cleared in r) also on failure. */
static tbl *reader_table(reader *r)
{
    tbl *t = tbl_new(r->nrows);
    if (!t)
        return NULL;
    for (size_t k = 0; k < r->n_fields; k++) {
        tbl_col *c = &r->fields[k].col;
        col_finish(c);
        if (!tbl_append_col(t, c))
            goto fail;
        memset(c, 0, sizeof *c); /* owned by the table now */
    }
    if (r->has_geom) {
        geom_buf *g = &r->geom;
        g->row_part[r->nrows] = g->n_parts;
        /* trim the point array to its size (it grew by doubling) */
        if (g->n_pts && g->n_pts < g->cap_pts) {
            double *xy = mem_realloc(g->xy, g->n_pts * 2 * sizeof *xy);
            if (xy)
                g->xy = xy;
        }
        tbl_col *gc = tbl_add_geom(t, "geometry", g->xy, g->n_pts,
                                   g->row_part, g->n_parts, g->part_ring,
                                   g->n_rings, g->ring_pt, NULL,
                                   r->dst_name);
        memset(g, 0, sizeof *g); /* owned by the table, also on failure */
        if (!gc)
            goto fail;
    }
    return t;
fail:
    tbl_free(t);
    return NULL;
}

tbl *in_ogr_read_mode(const char *file, const char *layer,
                    const src_options *opt, int per_geometry)
{
    gdal_errs ge;
    reader r;
    memset(&r, 0, sizeof r);
    r.file = file;
    tbl *t = NULL;
    const char *target =
        opt && opt->target_crs ? opt->target_crs : DEFAULT_CRS;
    gdal_begin(&ge);
    r.ds = open_vector(file, &ge, per_geometry ? NULL : &r.pf, target);
    if (!r.ds)
        goto done;
    OGRLayerH lyr = pick_layer(r.ds, file, layer);
    if (!lyr)
        goto done;
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(lyr);
    r.has_geom = OGR_FD_GetGeomFieldCount(defn) > 0;
    r.wkt_idx = -1;
    if (opt && opt->wkt_column) {
        r.wkt_idx = OGR_FD_GetFieldIndex(defn, opt->wkt_column);
        if (r.wkt_idx < 0) {
            err_set(ERR_GDAL, file, 0, opt->wkt_column,
                    "the layer has no column \"%s\" with WKT geometry",
                    opt->wkt_column);
            goto done;
        }
        r.has_geom = 1;
        per_geometry = 0; /* the CRS is known only after reading */
    }
    /* size the arrays from the count when it is cheap to get (a damaged
     * header may claim too much: beyond 16M rows we grow instead) */
    GIntBig count = OGR_L_GetFeatureCount(lyr, FALSE);
    r.cap = count > 0 && count < (1 << 24) ? (size_t)count : 1024;
    r.fields = fields_new(defn, r.cap, &r.n_fields, r.has_geom, r.wkt_idx);
    if (!r.fields)
        goto done;
    if (r.has_geom) {
        /* a first guess of the points: 16 per feature, grown on demand */
        prefetch_join(&r.pf);
        if (geom_buf_init(&r.geom, r.cap, r.cap * 16) < 0 ||
            (r.wkt_idx < 0 && reader_crs(&r, lyr, target, per_geometry) < 0))
            goto done;
    }
    if (read_features(&r, lyr) < 0 ||
        (r.wkt_idx >= 0 && reader_crs(&r, lyr, target, 0) < 0) ||
        reproject_bulk(&r) < 0)
        goto done;
    t = reader_table(&r);
done:
    reader_free(&r);
    gdal_end();
    return t;
}

tbl *in_ogr_read(const char *file, const char *layer, const src_options *opt)
{
    return in_ogr_read_mode(file, layer, opt, 0);
}

/* ---------------------------------------------------------------------- */
/* Layers and inspection                                                   */

int in_ogr_list_layers(const char *file, char ***names, size_t *n)
{
    gdal_errs ge;
    *names = NULL;
    *n = 0;
    int rc = -1;
    gdal_begin(&ge);
    GDALDatasetH ds = open_vector(file, &ge, NULL, NULL);
    if (!ds)
        goto done;
    int nl = GDALDatasetGetLayerCount(ds);
    char **list = mem_calloc((size_t)nl, sizeof *list);
    if (!list) {
        err_oom("layer names");
        goto done;
    }
    for (int k = 0; k < nl; k++) {
        OGRLayerH l = GDALDatasetGetLayer(ds, k);
        list[k] = mem_strdup(l ? OGR_L_GetName(l) : "");
        if (!list[k]) {
            in_ogr_free_names(list, (size_t)k);
            err_oom("layer names");
            goto done;
        }
    }
    *names = list;
    *n = (size_t)nl;
    rc = 0;
done:
    if (ds)
        GDALClose(ds);
    gdal_end();
    return rc;
}

void in_ogr_free_names(char **names, size_t n)
{
    if (!names)
        return;
    for (size_t k = 0; k < n; k++)
        mem_free(names[k]);
    mem_free(names);
}

int in_ogr_layer_info(const char *file, const char *layer, in_ogr_info *info)
{
    gdal_errs ge;
    memset(info, 0, sizeof *info);
    int rc = -1;
    char *proj_text = NULL;
    gdal_begin(&ge);
    GDALDatasetH ds = open_vector(file, &ge, NULL, NULL);
    if (!ds)
        goto done;
    OGRLayerH lyr = pick_layer(ds, file, layer);
    if (!lyr)
        goto done;
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(lyr);
    const char *drv = GDALGetDriverShortName(GDALGetDatasetDriver(ds));
    info->driver = mem_strdup(drv ? drv : "");
    info->layer = mem_strdup(OGR_L_GetName(lyr));
    info->geom_type = mem_strdup(OGRGeometryTypeToName(OGR_L_GetGeomType(lyr)));
    info->n_features = (long long)OGR_L_GetFeatureCount(lyr, TRUE);
    info->n_fields = (size_t)OGR_FD_GetFieldCount(defn);
    OGREnvelope env;
    if (OGR_L_GetExtent(lyr, &env, TRUE) == OGRERR_NONE) {
        info->extent[0] = env.MinX;
        info->extent[1] = env.MinY;
        info->extent[2] = env.MaxX;
        info->extent[3] = env.MaxY;
    } else {
        info->extent[0] = info->extent[1] = info->extent[2] =
            info->extent[3] = NAN;
    }
    if (!info->driver || !info->layer || !info->geom_type) {
        err_oom("layer information");
        goto done;
    }
    if (layer_crs(lyr, ds, &proj_text, &info->crs) < 0)
        goto done;
    rc = 0;
done:
    mem_free(proj_text);
    if (rc < 0)
        in_ogr_info_free(info);
    if (ds)
        GDALClose(ds);
    gdal_end();
    return rc;
}

void in_ogr_info_free(in_ogr_info *info)
{
    if (!info)
        return;
    MEM_FREE_ALL(info->driver, info->layer, info->crs, info->geom_type);
    memset(info, 0, sizeof *info);
}
