/* run_report.c - report.html: one self-contained, offline file per run for
 * the leerlab table (opens from a USB stick, no network: a Content
 * Security Policy forbids every fetch). It holds each map as inline SVG
 * with the printed classes and colours (every buurt a path; hover, focus or
 * tap shows its values), a table of all units sortable by any column, the
 * comparison charts (PNG as data: URLs) and the sources. */
#include "run_internal.h"

#include "atomic.h"
#include "draw.h"
#include "err.h"
#include "mem.h"
#include "numfmt.h"
#include "pal.h"
#include "present.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Writes s as HTML text (attribute-safe): runs of plain characters at
 * once, the four special ones as entities. */
static void html(FILE *f, const char *s)
{
    while (s && *s) {
        size_t n = strcspn(s, "<>&\"");
        fwrite(s, 1, n, f);
        s += n;
        switch (*s) {
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '&': fputs("&amp;", f); break;
        case '"': fputs("&quot;", f); break;
        default: return; /* the end */
        }
        s++;
    }
}

/* Writes s as a JSON string that is safe inside <script> ("<" escaped). */
static void js_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (; s && *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\')
            fprintf(f, "\\%c", ch);
        else if (ch == '<' || ch == '>' || ch == '&' || ch < 0x20)
            fprintf(f, "\\u%04x", ch);
        else
            fputc(ch, f);
    }
    fputc('"', f);
}

/* The value of indicator ind for unit u as shown (Dutch or English
 * number with unit, or the missing reason). */
static void value_text(const run_ctx *c, const run_indicator *ind, size_t u,
                       char *buf, size_t size)
{
    if (ind->m[u]) {
        snprintf(buf, size, "%s",
                 present_miss(present_lang(c->r), (miss_reason)ind->m[u],
                              PRESENT_LONG, ind->ri->min_base.label.s));
        return;
    }
    numfmt_lang lang = c->r->language.v == RCP_EN ? NUMFMT_EN : NUMFMT_NL;
    int dec = ind->ri->decimals.v >= 0 ? (int)ind->ri->decimals.v
              : ind->ri->kind.v == RCP_KIND_COUNT && ind->v[u] == floor(ind->v[u])
                  ? 0 /* counts are whole */
                  : numfmt_auto_decimals(ind->v[u]);
    if (numfmt_unit(ind->v[u], dec, ind->ri->unit.s, lang, buf, size) < 0)
        snprintf(buf, size, "%g", ind->v[u]);
}

static const char *label_of(const run_indicator *ind)
{
    return ind->ri->label.s ? ind->ri->label.s : ind->ri->name.s;
}

/* The legend of a categorical or bivariate map (from the entries it
 * printed): the categories in the recipe's order, or the 3 x 3 grid (high
 * y on top, x growing to the right) with both axes named; then the missing
 * reasons. */
static void entries_legend(FILE *f, const run_map_result *mr)
{
    size_t first = mr->n_ent_cls;
    if (mr->map->type.v == RCP_MAP_BIVARIATE) {
        fputs("<div class=\"bivar\"><div class=\"grid\">", f);
        for (int y = 2; y >= 0; y--)
            for (int x = 0; x < 3; x++) {
                const unsigned char *rgb = mr->ent_rgb[3 * y + x];
                fprintf(f, "<span data-cell=\"%d\" style=\"background:#%02x%02x"
                           "%02x\" title=\"", 3 * y + x, rgb[0], rgb[1], rgb[2]);
                html(f, mr->ent_text[3 * y + x]);
                fputs("\"></span>", f);
            }
        fputs("</div><ul class=\"legend\">", f);
        for (size_t k = 0; k < 9; k++) {
            fputs("<li>", f);
            html(f, mr->ent_text[k]);
            fputs("</li>", f);
        }
        fputs("</ul></div><ul class=\"legend\">", f);
    } else {
        fputs("<ul class=\"legend\">", f);
        first = 0;
    }
    for (size_t k = first; k < mr->n_ent; k++) {
        fprintf(f, "<li><span style=\"background:#%02x%02x%02x\"></span>",
                mr->ent_rgb[k][0], mr->ent_rgb[k][1], mr->ent_rgb[k][2]);
        html(f, mr->ent_text[k]);
        fputs("</li>", f);
    }
    fputs("</ul></figure>\n", f);
}

/* Appends x as printf("%.1f") writes it to p; returns the end. Fast for
 * the usual case (0 <= x < 1e8, not within 1e-6 of a rounding tie, where
 * x * 10 rounded to an integer is exactly what printf's correctly rounded
 * output shows); everything else goes through sprintf, so the text is
 * always identical to printf's. */
static char *put_1f(char *p, double x)
{
    double t = x * 10.0;
    if (!signbit(x) && t < 1e9) { /* there an ulp of t is below 1.2e-7 */
        unsigned long v = (unsigned long)(t + 0.5); /* floor: t >= 0 */
        double r = (double)v;
        if (t - (r - 0.5) > 1e-6 && (r + 0.5) - t > 1e-6) {
            char tmp[16];
            int n = sizeof tmp;
            tmp[--n] = (char)('0' + v % 10);
            tmp[--n] = '.';
            v /= 10;
            do {
                tmp[--n] = (char)('0' + v % 10);
                v /= 10;
            } while (v);
            memcpy(p, tmp + n, sizeof tmp - (size_t)n);
            return p + (sizeof tmp - (size_t)n);
        }
    }
    return p + sprintf(p, "%.1f", x);
}

/* Writes buf[0..o) to f when fewer than 800 bytes are left after o (one
 * point in the slow case of put_1f takes at most 2 * 312 + 2); returns
 * where to write next. Write errors show in ferror at commit. */
static char *flush_room(FILE *f, char *buf, size_t size, char *o)
{
    if ((size_t)(o - buf) + 800 <= size)
        return o;
    fwrite(buf, 1, (size_t)(o - buf), f);
    return buf;
}

/* One map as an SVG: every unit a path filled by its class (categorical
 * and bivariate maps: by the legend entry it was printed with). */
static int write_map(FILE *f, const run_ctx *c, const run_map_result *mr,
                     size_t mi)
{
    if (mr->map->type.v != RCP_MAP_CHOROPLETH && !mr->entry)
        return 0;
    const tbl_col *g = tbl_geom(c->geom);
    const run_indicator *ind = NULL;
    for (size_t k = 0; k < c->n_ind; k++)
        if (!strcmp(c->ind[k].ri->name.s, mr->map->indicator.s))
            ind = &c->ind[k];
    if (!g || !ind)
        return 0;
    int *entry = mem_alloc((c->n_units ? c->n_units : 1) * sizeof *entry);
    if (!entry)
        return err_oom("report map");
    if (mr->entry)
        memcpy(entry, mr->entry, c->n_units * sizeof *entry);
    else
        cls_assign(&mr->cls, ind->v, ind->m, c->n_units, entry);
    const unsigned char(*ent_rgb)[3] = mr->entry ? mr->ent_rgb : mr->rgb;
    double ext[4];
    draw_extent_of(ext, g->bbox, c->n_units);
    double w = ext[2] - ext[0], h = ext[3] - ext[1];
    if (!(w > 0 && h > 0)) {
        mem_free(entry);
        return 0;
    }
    /* coordinates scaled to a 1000-wide box, one decimal */
    double s = 1000.0 / w;
    char buf[65536];
    pal_rgb grey = {mr->nodata[0], mr->nodata[1], mr->nodata[2]};
    fprintf(f, "<figure class=\"map\"><figcaption>");
    html(f, mr->title[0] ? mr->title : label_of(ind));
    fprintf(f, "</figcaption>\n<svg viewBox=\"0 0 1000 %.0f\" role=\"img\" "
               "aria-label=\"",
            ceil(h * s));
    html(f, label_of(ind));
    fprintf(f, "\" data-map=\"%zu\">\n", mi);
    for (size_t u = 0; u < c->n_units; u++) {
        uint64_t p0 = g->row_part[u], p1 = g->row_part[u + 1];
        if (p0 == p1)
            continue;
        const unsigned char *rgb = entry[u] >= 0 ? ent_rgb[entry[u]] : NULL;
        fprintf(f, "<path data-u=\"%zu\" tabindex=\"0\" fill=\"#%02x%02x%02x\" d=\"",
                u, rgb ? rgb[0] : grey.r, rgb ? rgb[1] : grey.g,
                rgb ? rgb[2] : grey.b);
        /* the path text goes through buf (a point takes at most
         * 2 * (1 + DBL_MAX_10_EXP + 3) bytes in the slow case) */
        char *o = buf;
        for (uint64_t p = p0; p < p1; p++)
            for (uint64_t q = g->part_ring[p]; q < g->part_ring[p + 1]; q++) {
                for (uint64_t k = g->ring_pt[q]; k < g->ring_pt[q + 1]; k++) {
                    o = flush_room(f, buf, sizeof buf, o);
                    *o++ = k == g->ring_pt[q] ? 'M' : 'L';
                    o = put_1f(o, (g->xy[2 * k] - ext[0]) * s);
                    *o++ = ' ';
                    o = put_1f(o, (ext[3] - g->xy[2 * k + 1]) * s);
                }
                o = flush_room(f, buf, sizeof buf, o);
                *o++ = 'Z';
            }
        fwrite(buf, 1, (size_t)(o - buf), f);
        fputs("\"/>\n", f);
    }
    if (mr->entry) {
        fputs("</svg>\n", f);
        entries_legend(f, mr);
        mem_free(entry);
        return 0;
    }
    fputs("</svg>\n<ul class=\"legend\">", f);
    for (int k = 0; k < mr->cls.k; k++) {
        fprintf(f, "<li><span style=\"background:#%02x%02x%02x\"></span>",
                mr->rgb[k][0], mr->rgb[k][1], mr->rgb[k][2]);
        html(f, mr->class_text[k]);
        fputs("</li>", f);
    }
    fprintf(f, "<li><span style=\"background:#%02x%02x%02x\"></span>%s</li>"
               "</ul></figure>\n",
            grey.r, grey.g, grey.b,
            c->r->language.v == RCP_EN ? "no value (reason on hover)"
                                       : "geen waarde (reden bij aanwijzen)");
    mem_free(entry);
    return 0;
}

static const char base64_chars[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Embeds the file at path as <img src="data:image/png;base64,...">. */
static int embed_png(FILE *f, const char *path, const char *alt)
{
    FILE *in = fopen(path, "rb");
    if (!in)
        return 0; /* not written (e.g. only PDF asked for) */
    fputs("<img alt=\"", f);
    html(f, alt);
    fputs("\" src=\"data:image/png;base64,", f);
    unsigned char b[3];
    size_t n;
    while ((n = fread(b, 1, 3, in)) > 0) {
        unsigned v = (unsigned)b[0] << 16 | (n > 1 ? (unsigned)b[1] << 8 : 0) |
                     (n > 2 ? b[2] : 0);
        fputc(base64_chars[v >> 18 & 63], f);
        fputc(base64_chars[v >> 12 & 63], f);
        fputc(n > 1 ? base64_chars[v >> 6 & 63] : '=', f);
        fputc(n > 2 ? base64_chars[v & 63] : '=', f);
    }
    fputs("\">\n", f);
    int bad = ferror(in);
    fclose(in);
    if (bad) {
        err_set(ERR_IO, path, 0, NULL, "cannot read the chart for the report");
        return -1;
    }
    return 0;
}

static const char style[] =
    "body{font-family:'DejaVu Sans',sans-serif;margin:1.5em;color:#1a1a1a}"
    "h1{font-size:1.6em}h2{font-size:1.2em;margin-top:1.5em}"
    ".maps{display:flex;flex-wrap:wrap;gap:1.5em}"
    "figure.map{margin:0;flex:1 1 420px;max-width:640px}"
    "figure.map svg{width:100%;height:auto;border:1px solid #ddd}"
    "figure.map path{stroke:#fff;stroke-width:.8}"
    "figure.map path:hover,figure.map path:focus,figure.map path.on"
    "{stroke:#000;stroke-width:2.5;outline:none}"
    ".legend{list-style:none;padding:0;font-size:.85em}"
    ".legend span{display:inline-block;width:1em;height:1em;margin-right:.4em;"
    "vertical-align:middle;border:1px solid #999}"
    "#info{position:sticky;top:0;background:#f6f6f2;border:1px solid #ccc;"
    "padding:.5em 1em;min-height:2.5em;font-size:.9em}"
    "table{border-collapse:collapse;font-size:.85em}"
    "th,td{border-bottom:1px solid #ddd;padding:.25em .6em;text-align:left}"
    "td.n{text-align:right}th{cursor:pointer;background:#eef}"
    "th[aria-sort=ascending]::after{content:' \\25B2'}"
    "th[aria-sort=descending]::after{content:' \\25BC'}"
    ".charts img{max-width:100%}"
    ".bivar{display:flex;gap:1em;align-items:flex-start}"
    ".bivar .grid{display:grid;grid-template-columns:repeat(3,1.6em);"
    "grid-template-rows:repeat(3,1.6em);gap:1px}"
    ".bivar .grid span{border:1px solid #999}";

static const char script[] =
    "(function(){'use strict';"
    "var D=JSON.parse(document.getElementById('data').textContent);"
    "var info=document.getElementById('info');"
    "function show(u){var x=D.units[u];if(!x)return;"
    "var h='<b>'+esc(x.name)+'</b> ('+esc(x.code)+')<br>';"
    "for(var i=0;i<D.labels.length;i++)"
    "h+=esc(D.labels[i])+': <span class=\"v\" data-i=\"'+i+'\">'+esc(x.v[i])+'</span><br>';"
    "info.innerHTML=h;info.setAttribute('data-u',String(u));"
    "var on=document.querySelectorAll('path.on');"
    "for(var k=0;k<on.length;k++)on[k].classList.remove('on');"
    "var ps=document.querySelectorAll('path[data-u=\"'+u+'\"]');"
    "for(k=0;k<ps.length;k++)ps[k].classList.add('on');}"
    "function esc(s){return String(s).replace(/[&<>\"]/g,function(c){return"
    "{'&':'&amp;','<':'&lt;','>':'&gt;','\"':'&quot;'}[c];});}"
    "var paths=document.querySelectorAll('svg path[data-u]');"
    "for(var i=0;i<paths.length;i++){(function(p){var u=+p.getAttribute('data-u');"
    "p.addEventListener('mouseover',function(){show(u);});"
    "p.addEventListener('focus',function(){show(u);});"
    "p.addEventListener('click',function(){show(u);});"
    "p.addEventListener('touchstart',function(){show(u);},{passive:true});"
    "})(paths[i]);}"
    "var t=document.getElementById('tabel');"
    "var ths=t.tHead.rows[0].cells;"
    "for(i=0;i<ths.length;i++){(function(c){ths[c].addEventListener('click',function(){"
    "var asc=ths[c].getAttribute('aria-sort')!=='ascending';"
    "for(var j=0;j<ths.length;j++)ths[j].removeAttribute('aria-sort');"
    "ths[c].setAttribute('aria-sort',asc?'ascending':'descending');"
    "var rows=Array.prototype.slice.call(t.tBodies[0].rows);"
    "rows.sort(function(a,b){var x=a.cells[c].getAttribute('data-v'),"
    "y=b.cells[c].getAttribute('data-v');"
    "if(x===null||x==='')return y===null||y===''?0:1;if(y===null||y==='')return -1;"
    "var nx=+x,ny=+y,r=(isNaN(nx)||isNaN(ny))?x.localeCompare(y,'nl'):nx-ny;"
    "return asc?r:-r;});"
    "for(var j=0;j<rows.length;j++)t.tBodies[0].appendChild(rows[j]);});})(i);}"
    "})();";

int run_write_report(run_ctx *c, const char *dir)
{
    if (!c->r->out_report.v)
        return 0;
    int en = c->r->language.v == RCP_EN;
    char path[4300];
    snprintf(path, sizeof path, "%s/report.html", dir);
    atomic_file *af;
    /* in the staging folder, published by its rename like the maps */
    FILE *f = atomic_open_ex(path, ATOMIC_NO_SYNC, &af);
    if (!f)
        return -1;
    const char *title = c->r->title.s ? c->r->title.s : c->r->name.s;
    fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
               "<meta name=\"viewport\" content=\"width=device-width, "
               "initial-scale=1\"><meta http-equiv=\"Content-Security-Policy\" "
               "content=\"default-src 'none'; style-src 'unsafe-inline'; "
               "script-src 'unsafe-inline'; img-src data:\"><title>",
            en ? "en" : "nl");
    html(f, title);
    fprintf(f, "</title><style>%s</style></head><body>\n<h1>", style);
    html(f, title);
    fprintf(f, "</h1>\n<p>%zu %s · %s %s · dnawijk %s · %s</p>\n", c->n_units,
            key_level_plural(c->unit_level), en ? "recipe" : "recept",
            c->r->name.s, DNAWIJK_VERSION, c->created);
    fprintf(f, "<div id=\"info\" role=\"status\" aria-live=\"polite\">%s</div>\n",
            en ? "Point at or tap an area on a map to see its values."
               : "Wijs een gebied op een kaart aan (of tik erop) voor de "
                 "waarden.");
    int rc = 0;
    if (c->n_maps) {
        fprintf(f, "<h2>%s</h2><div class=\"maps\">\n", en ? "Maps" : "Kaarten");
        for (size_t k = 0; rc == 0 && k < c->n_maps; k++)
            rc = write_map(f, c, &c->maps[k], k);
        fputs("</div>\n", f);
    }
    /* the table: every unit, sortable by a click on a column head */
    fprintf(f, "<h2>%s</h2><table id=\"tabel\"><thead><tr><th>%s</th><th>%s</th>",
            en ? "Table" : "Tabel", en ? "code" : "code", en ? "name" : "naam");
    for (size_t i = 0; i < c->n_ind; i++) {
        fputs("<th>", f);
        html(f, label_of(&c->ind[i]));
        if (c->ind[i].ri->unit.s) {
            fputs(" (", f);
            html(f, c->ind[i].ri->unit.s);
            fputs(")", f);
        }
        fputs("</th>", f);
    }
    fputs("</tr></thead><tbody>\n", f);
    char buf[256];
    for (size_t u = 0; rc == 0 && u < c->n_units; u++) {
        fprintf(f, "<tr data-u=\"%zu\"><td data-v=\"", u);
        html(f, c->units[u]);
        fputs("\">", f);
        html(f, c->units[u]);
        fputs("</td><td data-v=\"", f);
        html(f, c->unit_names[u] ? c->unit_names[u] : "");
        fputs("\">", f);
        html(f, c->unit_names[u] ? c->unit_names[u] : "");
        fputs("</td>", f);
        for (size_t i = 0; i < c->n_ind; i++) {
            const run_indicator *ind = &c->ind[i];
            value_text(c, ind, u, buf, sizeof buf);
            if (ind->m[u])
                fputs("<td class=\"n\" data-v=\"\"><i>", f);
            else
                fprintf(f, "<td class=\"n\" data-v=\"%.17g\">", ind->v[u]);
            html(f, buf);
            fputs(ind->m[u] ? "</i></td>" : "</td>", f);
        }
        fputs("</tr>\n", f);
    }
    fputs("</tbody></table>\n", f);
    /* comparison charts */
    if (c->cmp_files && c->r->n_comparisons) {
        fprintf(f, "<h2>%s</h2><div class=\"charts\">\n",
                en ? "Comparisons" : "Vergelijkingen");
        for (size_t k = 0; rc == 0 && k < c->r->n_comparisons; k++)
            for (int x = 0; rc == 0 && x < 2; x++) {
                const char *name = c->cmp_files[k][x];
                size_t n = strlen(name);
                if (n > 4 && !strcmp(name + n - 4, ".png")) {
                    char p[4600];
                    snprintf(p, sizeof p, "%s/%s", dir, name);
                    rc = embed_png(f, p, name);
                }
            }
        fputs("</div>\n", f);
    }
    /* sources */
    fprintf(f, "<h2>%s</h2><ul>\n", en ? "Sources" : "Bronnen");
    for (size_t k = 0; k < c->n_src; k++) {
        const run_source *s = &c->src[k];
        const char *label = s->rs->label.s ? s->rs->label.s
                            : s->cat && s->cat->title ? s->cat->title
                                                      : s->rs->path.s;
        fputs("<li>", f);
        html(f, label);
        fputs(" — <code>", f);
        html(f, s->rs->path.s);
        fprintf(f, "</code> (sha256 %.12s…)</li>\n", s->sha256);
    }
    fputs("</ul>\n", f);
    /* the data behind the hover panel */
    fputs("<script type=\"application/json\" id=\"data\">{\"labels\":[", f);
    for (size_t i = 0; i < c->n_ind; i++) {
        if (i)
            fputc(',', f);
        js_str(f, label_of(&c->ind[i]));
    }
    fputs("],\"units\":[", f);
    for (size_t u = 0; u < c->n_units; u++) {
        fputs(u ? ",\n{\"code\":" : "\n{\"code\":", f);
        js_str(f, c->units[u]);
        fputs(",\"name\":", f);
        js_str(f, c->unit_names[u] ? c->unit_names[u] : "");
        fputs(",\"v\":[", f);
        for (size_t i = 0; i < c->n_ind; i++) {
            value_text(c, &c->ind[i], u, buf, sizeof buf);
            if (i)
                fputc(',', f);
            js_str(f, buf);
        }
        fputs("]}", f);
    }
    fprintf(f, "]}</script>\n<script>%s</script>\n</body></html>\n", script);
    if (rc < 0) {
        atomic_abort(af);
        return -1;
    }
    return atomic_commit(af);
}
