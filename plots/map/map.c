/* map.c - map_render(): checks the spec, lays out the page (title block,
 * map frame, legend panel beside or below, footer), then draws the layers
 * and writes the file. See map.h.
 */
#include "map.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "err.h"
#include "map_int.h"
#include "mem.h"

#define A4_SHORT_PT (210.0 / 25.4 * 72.0)

map_spec map_spec_default(void)
{
    map_spec s;
    memset(&s, 0, sizeof s);
    s.highlight = -1;
    return s;
}

/* Does the CRS string or the coordinates say "degrees"? */
static int looks_geographic(const tbl_col *g, const double ext[4])
{
    const char *c = g->crs ? g->crs : "";
    if (strstr(c, "4326") || strstr(c, "CRS84") || strncmp(c, "GEOGCS", 6) == 0 ||
        strncmp(c, "GEOGCRS", 7) == 0)
        return 1;
    /* RD New and every metric CRS of the Netherlands lie far outside this */
    return ext[0] >= -180 && ext[2] <= 180 && ext[1] >= -90 && ext[3] <= 90;
}

/* Checks the spec and computes the data extent. Returns 0 or -1
 * (ERR_RENDER naming what is wrong). */
static int check_spec(map_ctx *m, const char *path)
{
    const map_spec *sp = m->spec;
    if (!sp->geom || sp->geom->type != COL_GEOM) {
        err_set(ERR_RENDER, path, 0, NULL,
                "the map has no geometry column to draw");
        return -1;
    }
    if (sp->n == 0) {
        err_set(ERR_RENDER, path, 0, NULL,
                "the map has no rows to draw: the table is empty");
        return -1;
    }
    if (!sp->entry) {
        err_set(ERR_RENDER, path, 0, NULL,
                "the map has no legend entry per row (entry array missing)");
        return -1;
    }
    if (sp->n_legend && !sp->legend) {
        err_set(ERR_RENDER, path, 0, NULL,
                "the map has %zu legend entries but no legend array",
                sp->n_legend);
        return -1;
    }
    if (sp->n_classes > sp->n_legend) {
        err_set(ERR_RENDER, path, 0, NULL,
                "the map says it has %zu classes but the legend has only %zu "
                "entries", sp->n_classes, sp->n_legend);
        return -1;
    }
    if (sp->highlight >= (long)sp->n || sp->highlight < -1) {
        err_set(ERR_RENDER, path, 0, NULL,
                "the row to highlight (%ld) is not a row of the map (0 to %zu, "
                "or -1 for none)", sp->highlight, sp->n - 1);
        return -1;
    }
    if (sp->language && strcmp(sp->language, "nl") != 0 &&
        strcmp(sp->language, "en") != 0) {
        err_set(ERR_RENDER, path, 0, NULL,
                "unknown map language \"%s\": use \"nl\" or \"en\"",
                sp->language);
        return -1;
    }
    m->en = sp->language && strcmp(sp->language, "en") == 0;
    if ((sp->context_n && !sp->context_geom) || (sp->inset_n && !sp->inset_geom)) {
        err_set(ERR_RENDER, path, 0, NULL,
                "the map has context or inset rows but no geometry for them");
        return -1;
    }
    double *e = m->data_ext;
    e[0] = e[1] = INFINITY;
    e[2] = e[3] = -INFINITY;
    size_t mapped = 0;
    for (size_t r = 0; r < sp->n; r++) {
        int en = sp->entry[r];
        if (en < -1 || (en >= 0 && (size_t)en >= sp->n_legend)) {
            err_set(ERR_RENDER, path, 0, NULL,
                    "row %zu has legend entry %d, but the legend has %zu entries "
                    "(use 0 to %zu, or -1 for context)", r, en, sp->n_legend,
                    sp->n_legend ? sp->n_legend - 1 : 0);
            return -1;
        }
        if (en < 0 && (long)r != sp->highlight)
            continue;
        const double *bb = map_row_bbox(sp->geom, r);
        if (!(bb[0] <= bb[2] && bb[1] <= bb[3]) || !isfinite(bb[0]) ||
            !isfinite(bb[2]) || !isfinite(bb[1]) || !isfinite(bb[3]))
            continue; /* no geometry: nothing to draw, nothing to fit */
        draw_extent_add(e, bb);
        mapped++;
    }
    if (!mapped) {
        err_set(ERR_RENDER, path, 0, NULL,
                "nothing to map: no row with a legend entry has a geometry");
        return -1;
    }
    if (looks_geographic(sp->geom, e)) {
        err_set(ERR_RENDER, path, 0, NULL,
                "the geometry is in degrees (CRS \"%s\"): reproject it to a "
                "projected CRS in metres such as EPSG:28992 (RD New) before "
                "drawing a map", sp->geom->crs ? sp->geom->crs : "");
        return -1;
    }
    return 0;
}

/* Header and footer layouts. */
typedef struct {
    PangoLayout *title, *subtitle, *source, *prov;
    double title_h, subtitle_h, source_h, prov_h;
    double head_h, foot_h;
} page_text;

/* Releases the header and footer layouts. */
static void page_text_free(page_text *pt)
{
    PangoLayout *ls[4] = {pt->title, pt->subtitle, pt->source, pt->prov};
    for (int i = 0; i < 4; i++)
        if (ls[i])
            g_object_unref(ls[i]);
}

/* Measures title block and footer for a text width of w points. */
static int measure_page_text(map_ctx *m, page_text *pt, double w)
{
    const map_spec *sp = m->spec;
    double s = m->s;
    memset(pt, 0, sizeof *pt);
    struct {
        const char *txt;
        PangoLayout **l;
        double *h, size;
        int bold;
    } items[4] = {{sp->title, &pt->title, &pt->title_h, 15.5, 1},
                  {sp->subtitle, &pt->subtitle, &pt->subtitle_h, 9.5, 0},
                  {sp->source_line, &pt->source, &pt->source_h, 7.0, 0},
                  {sp->provenance, &pt->prov, &pt->prov_h, 5.6, 0}};
    for (int i = 0; i < 4; i++) {
        if (!items[i].txt || !*items[i].txt)
            continue;
        *items[i].l = text_layout(m->tx, items[i].txt, items[i].size * s,
                                  items[i].bold, w, TEXT_LEFT);
        if (!*items[i].l)
            return -1;
        text_size(*items[i].l, NULL, items[i].h);
    }
    pt->head_h = pt->title_h + (pt->title && pt->subtitle ? 2.5 * s : 0) +
                 pt->subtitle_h;
    if (pt->head_h > 0)
        pt->head_h += 12 * s;
    pt->foot_h = pt->source_h + (pt->source && pt->prov ? 1.5 * s : 0) +
                 pt->prov_h;
    if (pt->foot_h > 0)
        pt->foot_h += 10 * s;
    return 0;
}

/* A candidate layout: the panel's place and size and the map's scale. */
typedef struct {
    int bottom, columns;
    double pw, ph;     /* panel size */
    double aw, ah;     /* map area */
    double k;          /* points per metre */
    double inset_h;    /* inset height (0 = none) */
    double need_w;     /* bottom panel: width legend and furniture need */
} layout;

/* Fits the data extent (with a margin) into a w x h area: points/metre. */
static double fit_scale(const double ext[4], double w, double h)
{
    double ew = ext[2] - ext[0], eh = ext[3] - ext[1];
    if (w <= 0 || h <= 0)
        return 0;
    return fmin(w / ew, h / eh);
}

/* Evaluates the side-panel layout. Returns 0 when it does not fit. */
static int try_side(map_ctx *m, const double ext[4], double aspect, layout *lo)
{
    double s = m->s, cw = m->content.w, ch = m->content.h;
    double max_pw = fmin(0.36 * cw, 190 * s);
    if (map_legend_measure(m, 1, max_pw) < 0)
        return -1;
    memset(lo, 0, sizeof *lo);
    lo->columns = 1;
    lo->pw = fmax(m->legend.w, 105 * s);
    if (lo->pw > max_pw)
        lo->pw = max_pw;
    double north_w, north_h = map_north_size(m, &north_w);
    double furn_h = fmax(north_h, map_scalebar_height(m));
    double need = m->legend.h + 16 * s + furn_h;
    if (aspect > 0) {
        lo->inset_h = fmin(lo->pw, 120 * s) * aspect;
        need += lo->inset_h + 10 * s;
    }
    lo->ph = need;
    if (need > ch)
        return 0;
    lo->aw = cw - lo->pw - 16 * s;
    lo->ah = ch;
    lo->k = fit_scale(ext, lo->aw, lo->ah);
    return lo->k > 0;
}

/* Evaluates a bottom-panel layout with the given legend columns. */
static int try_bottom(map_ctx *m, const double ext[4], double aspect,
                      int columns, layout *lo)
{
    double s = m->s, cw = m->content.w, ch = m->content.h;
    memset(lo, 0, sizeof *lo);
    lo->bottom = 1;
    lo->columns = columns;
    double north_w, north_h = map_north_size(m, &north_w);
    double furn_w = 115 * s + 10 * s + north_w;
    double furn_h = fmax(north_h, map_scalebar_height(m));
    if (aspect > 0) {
        lo->inset_h = fmax(furn_h, 82 * s);
        furn_w += lo->inset_h / aspect + 12 * s;
    }
    double legend_max = cw - furn_w - 18 * s;
    if (legend_max < 80 * s)
        return 0;
    if (map_legend_measure(m, columns, legend_max) < 0)
        return -1;
    if (columns > 1 && m->legend.per_col * (columns - 1) >= (int)m->spec->n_legend)
        return 0; /* a column would stay empty */
    lo->ph = fmax(m->legend.h, fmax(furn_h, lo->inset_h));
    lo->pw = cw;
    lo->need_w = m->legend.w + 18 * s + furn_w;
    lo->aw = cw;
    lo->ah = ch - lo->ph - 14 * s;
    lo->k = fit_scale(ext, lo->aw, lo->ah);
    return lo->k > 0;
}

/* Chooses the layout that gives the map the largest scale, sets frame,
 * world extent and panel, and leaves the chosen legend measured. */
static int choose_layout(map_ctx *m, const char *path)
{
    const map_spec *sp = m->spec;
    double s = m->s;
    double ext[4];
    memcpy(ext, m->data_ext, sizeof ext);
    double ew = ext[2] - ext[0], eh = ext[3] - ext[1];
    double minsz = 200; /* metres: a single tiny area still gets a map */
    if (ew < minsz) {
        ext[0] -= (minsz - ew) / 2;
        ext[2] += (minsz - ew) / 2;
        ew = minsz;
    }
    if (eh < minsz) {
        ext[1] -= (minsz - eh) / 2;
        ext[3] += (minsz - eh) / 2;
        eh = minsz;
    }
    double margin = 0.025 * fmax(ew, eh);
    ext[0] -= margin;
    ext[1] -= margin;
    ext[2] += margin;
    ext[3] += margin;

    /* Inset only when the map shows a small part of its extent. */
    double aspect = map_inset_aspect(m);
    if (aspect > 0) {
        double ib[4] = {INFINITY, INFINITY, -INFINITY, -INFINITY};
        for (size_t r = 0; r < sp->inset_n; r++) {
            const double *b = map_row_bbox(sp->inset_geom, r);
            if (!(b[0] <= b[2]))
                continue;
            draw_extent_add(ib, b);
        }
        double share = (ew * eh) / ((ib[2] - ib[0]) * (ib[3] - ib[1]));
        if (share > 0.3)
            aspect = 0;
        if (aspect > 2.5 || aspect < 0.4)
            aspect = 0; /* not a country outline: leave it out */
    }
    m->has_inset = aspect > 0;

    layout best = {0}, lo;
    int have = 0;
    int rc = try_side(m, ext, aspect, &lo);
    if (rc < 0)
        return -1;
    if (rc > 0) {
        best = lo;
        have = 1;
    }
    for (int c = 1; c <= 3; c++) {
        rc = try_bottom(m, ext, aspect, c, &lo);
        if (rc < 0)
            return -1;
        /* side panels read better: a bottom panel must win clearly */
        if (rc > 0 && (!have || lo.k > best.k * 1.04)) {
            best = lo;
            have = 1;
        }
    }
    if (!have || best.k <= 0 || best.aw < 0.3 * m->content.w ||
        best.ah < 0.25 * m->content.h) {
        err_set(ERR_RENDER, path, 0, NULL,
                "the legend (%zu entries) leaves no room for the map on page "
                "%s: use fewer or shorter legend entries or a larger page",
                sp->n_legend, m->page.name);
        return -1;
    }
    m->bottom_panel = best.bottom;
    if (best.bottom) {
        if (try_bottom(m, ext, aspect, best.columns, &lo) < 0)
            return -1;
    } else if (try_side(m, ext, aspect, &lo) < 0) {
        return -1;
    }
    m->k = best.k;

    /* Context areas fill the whole map area; without them the frame hugs
     * the data. */
    int context = sp->context_geom && sp->context_n > 0;
    for (size_t r = 0; !context && r < sp->n; r++)
        if (sp->entry[r] < 0 && (long)r != sp->highlight)
            context = 1;
    m->draw_frame = context;
    double fw = context ? best.aw : (ext[2] - ext[0]) * m->k;
    double fh = context ? best.ah : (ext[3] - ext[1]) * m->k;
    double cx = (ext[0] + ext[2]) / 2, cy = (ext[1] + ext[3]) / 2;
    m->world[0] = cx - fw / m->k / 2;
    m->world[2] = cx + fw / m->k / 2;
    m->world[1] = cy - fh / m->k / 2;
    m->world[3] = cy + fh / m->k / 2;

    double gap = best.bottom ? 14 * s : 16 * s;
    if (!best.bottom) {
        double gw = fw + gap + best.pw, gh = fmax(fh, best.ph);
        double x0 = m->content.x + (m->content.w - gw) / 2;
        double y0 = m->content.y + (m->content.h - gh) / 2;
        m->frame = (map_box){x0, y0 + (gh - fh) / 2, fw, fh};
        if (fh >= best.ph)
            m->frame.y = y0;
        m->panel = (map_box){x0 + fw + gap, y0, best.pw, gh};
    } else {
        double gh = fh + gap + best.ph;
        double y0 = m->content.y + (m->content.h - gh) / 2;
        m->frame = (map_box){m->content.x + (m->content.w - fw) / 2, y0, fw, fh};
        /* the panel lines up with the frame, or is centred under it */
        double pw = fmin(fmax(fw, best.need_w), m->content.w);
        double px = m->frame.x + (fw - pw) / 2;
        px = fmax(m->content.x, fmin(px, m->content.x + m->content.w - pw));
        m->panel = (map_box){px, y0 + fh + gap, pw, best.ph};
    }

    /* Outline width from the typical size of an area on the page. */
    size_t mapped = 0;
    for (size_t r = 0; r < sp->n; r++)
        mapped += sp->entry[r] >= 0;
    double typical = sqrt(fw * fh / (double)(mapped ? mapped : 1));
    m->outline_w = (typical < 12 * s ? 0.18 : typical < 30 * s ? 0.3 : 0.45) * s;
    return 0;
}

/* Draws the panel: legend, then inset, scale bar and north arrow. */
static void draw_panel(map_ctx *m)
{
    double s = m->s;
    const map_box *p = &m->panel;
    double north_w, north_h = map_north_size(m, &north_w);
    double sb_h = map_scalebar_height(m);
    double aspect = m->has_inset ? map_inset_aspect(m) : 0;
    if (!m->bottom_panel) {
        map_legend_draw(m, p->x, p->y);
        double row_h = fmax(north_h, sb_h);
        double bottom = m->frame.y + m->frame.h;
        if (bottom < p->y + m->legend.h + 16 * s + row_h)
            bottom = p->y + p->h;
        double ry = bottom - row_h;
        map_scalebar_draw(m, p->x, ry + row_h - sb_h, p->w - north_w - 10 * s);
        map_north_draw(m, p->x + p->w - north_w, ry + row_h - north_h, north_w,
                       north_h);
        if (aspect > 0) {
            double iw = fmin(p->w, 120 * s), ih = iw * aspect;
            map_box b = {p->x, ry - 10 * s - ih, iw, ih};
            map_inset_draw(m, &b);
        }
    } else {
        map_legend_draw(m, p->x, p->y);
        double right = p->x + p->w;
        double ih = 0, iw = 0;
        if (aspect > 0) {
            ih = fmax(fmax(north_h, sb_h), 82 * s);
            iw = ih / aspect;
            map_box b = {right - iw, p->y, iw, ih};
            map_inset_draw(m, &b);
            right -= iw + 12 * s;
        }
        /* scale bar and north arrow in one row at the panel's bottom */
        double row_h = fmax(north_h, sb_h);
        double ry = p->y + p->h - row_h;
        map_north_draw(m, right - north_w, ry + row_h - north_h, north_w,
                       north_h);
        double sw = map_scalebar_width(m, 115 * s);
        map_scalebar_draw(m, right - north_w - 10 * s - sw, ry + row_h - sb_h,
                          115 * s);
    }
}

void map_info_free(map_info *info)
{
    if (!info)
        return;
    MEM_FREE_ALL(info->swatch, info->labels);
    memset(info, 0, sizeof *info);
}

int map_render(const map_spec *spec, const char *path, map_format fmt)
{
    return map_render_info(spec, path, fmt, NULL);
}

int map_render_info(const map_spec *spec, const char *path, map_format fmt,
                    map_info *info)
{
    if (info)
        memset(info, 0, sizeof *info);
    if (!spec) {
        err_set(ERR_RENDER, path, 0, NULL, "no map spec was given");
        return -1;
    }
    map_ctx m;
    memset(&m, 0, sizeof m);
    m.spec = spec;
    if (check_spec(&m, path) < 0)
        return -1;
    if (page_parse(spec->page, spec->landscape, spec->dpi, &m.page) < 0) {
        err_prefix("map %s", path ? path : "");
        return -1;
    }
    m.s = fmin(m.page.w_pt, m.page.h_pt) / A4_SHORT_PT;
    page_format pf = fmt == MAP_PDF ? PAGE_PDF : fmt == MAP_SVG ? PAGE_SVG
                                                                : PAGE_PNG;
    if (fmt != MAP_PNG && fmt != MAP_PDF && fmt != MAP_SVG) {
        err_set(ERR_RENDER, path, 0, NULL, "unknown map format %d: use "
                "MAP_PNG, MAP_PDF or MAP_SVG", (int)fmt);
        return -1;
    }
    /* map_draw_areas paints the whole page white, band by band */
    page_out *po = page_begin_unpainted(&m.page, pf, path, spec->title);
    if (po)
        page_set_meta(po, spec->meta);
    if (!po)
        return -1;
    m.cr = page_cairo(po);
    m.px_per_pt = page_px_per_pt(po);
    page_text pt = {0};
    int rc = -1;
    m.tx = text_new(m.cr, "DejaVu Sans");
    if (!m.tx)
        goto out;

    double margin = 28 * m.s;
    double tw = m.page.w_pt - 2 * margin;
    if (measure_page_text(&m, &pt, tw) < 0)
        goto out;
    m.content = (map_box){margin, margin + pt.head_h, tw,
                          m.page.h_pt - 2 * margin - pt.head_h - pt.foot_h};
    if (m.content.h < 50 * m.s) {
        err_set(ERR_RENDER, path, 0, NULL, "the title and source lines leave "
                "no room for the map on page %s", m.page.name);
        goto out;
    }
    if (choose_layout(&m, path) < 0)
        goto out;
    if (info) {
        m.info = info;
        info->page_w_pt = m.page.w_pt;
        info->page_h_pt = m.page.h_pt;
        info->px_per_pt = m.page.dpi / 72.0;
        info->px_w = m.page.px_w;
        info->px_h = m.page.px_h;
        memcpy(info->frame, &m.frame, sizeof info->frame);
        memcpy(info->world, m.world, sizeof info->world);
        info->k = m.k;
        info->bottom_panel = m.bottom_panel;
        info->swatch = mem_calloc(spec->n_legend ? spec->n_legend * 4 : 1,
                              sizeof *info->swatch);
        if (!info->swatch) {
            err_oom("map info");
            goto out;
        }
    }
    if (map_draw_areas(&m, po) < 0)
        goto out;
    if (map_labels_draw(&m) < 0)
        goto out;
    draw_panel(&m);

    double y = margin;
    if (pt.title) {
        text_draw(m.cr, pt.title, margin, y, MAP_INK, MAP_INK, MAP_INK);
        y += pt.title_h + 2.5 * m.s;
    }
    if (pt.subtitle)
        text_draw(m.cr, pt.subtitle, margin, y, MAP_INK_SOFT, MAP_INK_SOFT,
                  MAP_INK_SOFT);
    y = m.page.h_pt - margin - pt.prov_h;
    if (pt.prov)
        text_draw(m.cr, pt.prov, margin, y, MAP_INK_FAINT, MAP_INK_FAINT,
                  MAP_INK_FAINT);
    if (pt.source)
        text_draw(m.cr, pt.source, margin,
                  y - pt.source_h - (pt.prov ? 1.5 * m.s : 0), MAP_INK_SOFT,
                  MAP_INK_SOFT, MAP_INK_SOFT);
    if (cairo_status(m.cr) != CAIRO_STATUS_SUCCESS) {
        err_set(ERR_RENDER, path, 0, NULL, "drawing the map failed: %s",
                cairo_status_to_string(cairo_status(m.cr)));
        goto out;
    }
    rc = 0;
out:
    page_text_free(&pt);
    map_legend_free(&m.legend);
    text_free(m.tx);
    if (rc == 0) {
        rc = page_finish(po);
    } else {
        page_abort(po);
    }
    if (rc < 0)
        map_info_free(info);
    return rc;
}
