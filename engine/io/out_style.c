/* out_style.c - QML and SLD layer styles in a GeoPackage; see out_style.h. */
#include "out_style.h"

#include "err.h"
#include "mem.h"
#include "repro.h"

#include <ogr_api.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A growing text; ok turns 0 after an allocation failure. */
typedef struct {
    char *s;
    size_t n, cap;
    int ok;
} sbuf;

static void sb_add(sbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void sb_add(sbuf *b, const char *fmt, ...)
{
    if (!b->ok)
        return;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int w = vsnprintf(b->s ? b->s + b->n : NULL, b->s ? b->cap - b->n : 0,
                          fmt, ap);
        va_end(ap);
        if (w < 0) {
            b->ok = 0;
            return;
        }
        if (b->s && b->n + (size_t)w < b->cap) {
            b->n += (size_t)w;
            return;
        }
        if (mem_grow(&b->s, &b->cap, b->n + (size_t)w + 1, 1, "layer styles") <
            0) {
            b->ok = 0;
            return;
        }
    }
}

/* Appends s escaped for XML (attribute-safe). */
static void sb_xml(sbuf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '<': sb_add(b, "&lt;"); break;
        case '>': sb_add(b, "&gt;"); break;
        case '&': sb_add(b, "&amp;"); break;
        case '"': sb_add(b, "&quot;"); break;
        case '\'': sb_add(b, "&apos;"); break;
        default: sb_add(b, "%c", *s);
        }
    }
}

static char *sb_done(sbuf *b, const char *what)
{
    if (!b->ok) {
        mem_free(b->s);
        err_oom(what);
        return NULL;
    }
    return b->s;
}

/* "field" op value as a QGIS expression (written XML-escaped). */
static void qml_cmp(sbuf *b, const char *field, const char *op, double v)
{
    sb_add(b, "&quot;");
    sb_xml(b, field);
    sb_add(b, "&quot; %s %.17g", op, v);
}

/* The QGIS expression of class k (written XML-escaped). */
static void class_filter(sbuf *b, const out_style *s, int k)
{
    if (s->kind == OUT_STYLE_CATEGORIES) {
        qml_cmp(b, s->field, "=", s->values[k]);
    } else if (s->kind == OUT_STYLE_BIVARIATE) {
        qml_cmp(b, s->field, s->cell_first[k][0] ? "&gt;=" : "&gt;",
                s->cell[k][0]);
        sb_add(b, " AND ");
        qml_cmp(b, s->field, "&lt;=", s->cell[k][1]);
        sb_add(b, " AND ");
        qml_cmp(b, s->field_y, s->cell_first[k][1] ? "&gt;=" : "&gt;",
                s->cell[k][2]);
        sb_add(b, " AND ");
        qml_cmp(b, s->field_y, "&lt;=", s->cell[k][3]);
    } else {
        qml_cmp(b, s->field, k == 0 ? "&gt;=" : "&gt;", s->breaks[k]);
        sb_add(b, " AND ");
        qml_cmp(b, s->field, "&lt;=", s->breaks[k + 1]);
    }
}

/* The field holding the text of missing reason r. */
static const char *reason_field(const out_style *s, size_t r)
{
    return s->reason_fields && s->reason_fields[r] ? s->reason_fields[r]
                                                   : s->reason_field;
}

static void qml_symbol(sbuf *b, int idx, const unsigned char rgb[3],
                       int hatch)
{
    sb_add(b, "   <symbol type=\"fill\" name=\"%d\" alpha=\"1\" "
              "clip_to_extent=\"1\" force_rhr=\"0\">\n"
              "    <layer class=\"SimpleFill\" pass=\"0\" locked=\"0\" "
              "enabled=\"1\">\n     <Option type=\"Map\">\n"
              "      <Option name=\"color\" value=\"%d,%d,%d,255\" "
              "type=\"QString\"/>\n"
              "      <Option name=\"outline_color\" value=\"255,255,255,255\" "
              "type=\"QString\"/>\n"
              "      <Option name=\"outline_width\" value=\"0.2\" "
              "type=\"QString\"/>\n"
              "      <Option name=\"style\" value=\"solid\" type=\"QString\"/>\n"
              "     </Option>\n    </layer>\n",
           idx, rgb[0], rgb[1], rgb[2]);
    /* one brush layer per pattern bit (Qt's brush styles) */
    static const char *const brush[5] = {"b_diagonal", "f_diagonal",
                                         "horizontal", "vertical", "dense6"};
    for (int bit = 0; bit < 5; bit++)
        if (hatch & (1 << bit))
            sb_add(b, "    <layer class=\"SimpleFill\" pass=\"0\" locked=\"0\" "
                      "enabled=\"1\">\n     <Option type=\"Map\">\n"
                      "      <Option name=\"color\" value=\"120,120,120,255\" "
                      "type=\"QString\"/>\n"
                      "      <Option name=\"outline_style\" value=\"no\" "
                      "type=\"QString\"/>\n"
                      "      <Option name=\"style\" value=\"%s\" "
                      "type=\"QString\"/>\n     </Option>\n    </layer>\n",
                   brush[bit]);
    sb_add(b, "   </symbol>\n");
}

char *out_style_qml(const out_style *s)
{
    sbuf b = {NULL, 0, 0, 1};
    sb_add(&b, "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
               "<qgis version=\"3.22.0\" styleCategories=\"Symbology|Fields\">\n"
               " <renderer-v2 type=\"RuleRenderer\" symbollevels=\"0\" "
               "enableorderby=\"0\" forceraster=\"0\">\n"
               "  <rules key=\"root\">\n");
    for (int k = 0; k < s->k; k++) {
        sb_add(&b, "   <rule key=\"class%d\" symbol=\"%d\" label=\"", k, k);
        sb_xml(&b, s->class_labels[k]);
        sb_add(&b, "\" filter=\"");
        class_filter(&b, s, k);
        sb_add(&b, "\"/>\n");
    }
    for (size_t r = 0; r < s->n_reasons; r++) {
        sb_add(&b, "   <rule key=\"missing%zu\" symbol=\"%d\" label=\"", r,
               s->k + (int)r);
        sb_xml(&b, s->reason_labels[r]);
        sb_add(&b, "\" filter=\"&quot;");
        sb_xml(&b, reason_field(s, r));
        sb_add(&b, "&quot; = '");
        sb_xml(&b, s->reason_values[r]);
        sb_add(&b, "'\"/>\n");
    }
    sb_add(&b, "  </rules>\n  <symbols>\n");
    for (int k = 0; k < s->k; k++)
        qml_symbol(&b, k, s->rgb[k], s->class_hatch && s->class_hatch[k]);
    for (size_t r = 0; r < s->n_reasons; r++)
        qml_symbol(&b, s->k + (int)r, s->nodata_rgb,
                   s->reason_hatch && s->reason_hatch[r]);
    sb_add(&b, "  </symbols>\n </renderer-v2>\n <aliases>\n");
    for (size_t c = 0; s->fields && c < s->fields->n_cols; c++) {
        const out_column *oc = &s->fields->cols[c];
        sb_add(&b, "  <alias field=\"");
        sb_xml(&b, oc->name);
        sb_add(&b, "\" index=\"%zu\" name=\"", c);
        if (oc->label) {
            sb_xml(&b, oc->label);
            if (oc->unit) {
                sb_add(&b, " (");
                sb_xml(&b, oc->unit);
                sb_add(&b, ")");
            }
        }
        sb_add(&b, "\"/>\n");
    }
    sb_add(&b, " </aliases>\n <layerGeometryType>2</layerGeometryType>\n"
               "</qgis>\n");
    return sb_done(&b, "layer style");
}

static void sld_rule(sbuf *b, const char *name, const unsigned char rgb[3])
{
    sb_add(b, "     <se:Rule>\n      <se:Name>");
    sb_xml(b, name);
    sb_add(b, "</se:Name>\n      <se:Description><se:Title>");
    sb_xml(b, name);
    sb_add(b, "</se:Title></se:Description>\n");
    (void)rgb;
}

static void sld_symbolizer(sbuf *b, const unsigned char rgb[3])
{
    sb_add(b, "      <se:PolygonSymbolizer>\n       <se:Fill>\n"
              "        <se:SvgParameter name=\"fill\">#%02x%02x%02x"
              "</se:SvgParameter>\n       </se:Fill>\n       <se:Stroke>\n"
              "        <se:SvgParameter name=\"stroke\">#ffffff"
              "</se:SvgParameter>\n        <se:SvgParameter "
              "name=\"stroke-width\">0.2</se:SvgParameter>\n"
              "       </se:Stroke>\n      </se:PolygonSymbolizer>\n"
              "     </se:Rule>\n",
           rgb[0], rgb[1], rgb[2]);
}

#define GE "PropertyIsGreaterThanOrEqualTo"
#define GT "PropertyIsGreaterThan"
#define LE "PropertyIsLessThanOrEqualTo"

/* One SLD comparison <ogc:op> of field with value v. */
static void sld_cmp(sbuf *b, const char *op, const char *field, double v)
{
    sb_add(b, "        <ogc:%s>\n         <ogc:PropertyName>", op);
    sb_xml(b, field);
    sb_add(b, "</ogc:PropertyName>\n         <ogc:Literal>%.17g"
              "</ogc:Literal>\n        </ogc:%s>\n", v, op);
}

char *out_style_sld(const out_style *s)
{
    sbuf b = {NULL, 0, 0, 1};
    sb_add(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<StyledLayerDescriptor version=\"1.1.0\" "
               "xmlns=\"http://www.opengis.net/sld\" "
               "xmlns:ogc=\"http://www.opengis.net/ogc\" "
               "xmlns:se=\"http://www.opengis.net/se\" "
               "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
               "xsi:schemaLocation=\"http://www.opengis.net/sld "
               "http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd\">\n"
               " <NamedLayer>\n  <se:Name>");
    sb_xml(&b, s->layer);
    sb_add(&b, "</se:Name>\n  <UserStyle>\n   <se:Name>");
    sb_xml(&b, s->name);
    sb_add(&b, "</se:Name>\n   <se:FeatureTypeStyle>\n");
    for (int k = 0; k < s->k; k++) {
        sld_rule(&b, s->class_labels[k], s->rgb[k]);
        sb_add(&b, "      <ogc:Filter>\n");
        if (s->kind == OUT_STYLE_CATEGORIES) {
            sld_cmp(&b, "PropertyIsEqualTo", s->field, s->values[k]);
        } else if (s->kind == OUT_STYLE_BIVARIATE) {
            sb_add(&b, "       <ogc:And>\n");
            sld_cmp(&b, s->cell_first[k][0] ? GE : GT, s->field, s->cell[k][0]);
            sld_cmp(&b, LE, s->field, s->cell[k][1]);
            sld_cmp(&b, s->cell_first[k][1] ? GE : GT, s->field_y,
                    s->cell[k][2]);
            sld_cmp(&b, LE, s->field_y, s->cell[k][3]);
            sb_add(&b, "       </ogc:And>\n");
        } else {
            sb_add(&b, "       <ogc:And>\n");
            sld_cmp(&b, k == 0 ? GE : GT, s->field, s->breaks[k]);
            sld_cmp(&b, LE, s->field, s->breaks[k + 1]);
            sb_add(&b, "       </ogc:And>\n");
        }
        sb_add(&b, "      </ogc:Filter>\n");
        sld_symbolizer(&b, s->rgb[k]);
    }
    for (size_t r = 0; r < s->n_reasons; r++) {
        sld_rule(&b, s->reason_labels[r], s->nodata_rgb);
        sb_add(&b, "      <ogc:Filter>\n       <ogc:PropertyIsEqualTo>\n"
                   "        <ogc:PropertyName>");
        sb_xml(&b, reason_field(s, r));
        sb_add(&b, "</ogc:PropertyName>\n        <ogc:Literal>");
        sb_xml(&b, s->reason_values[r]);
        sb_add(&b, "</ogc:Literal>\n       </ogc:PropertyIsEqualTo>\n"
                   "      </ogc:Filter>\n");
        sld_symbolizer(&b, s->nodata_rgb);
    }
    sb_add(&b, "   </se:FeatureTypeStyle>\n  </UserStyle>\n </NamedLayer>\n"
               "</StyledLayerDescriptor>\n");
    return sb_done(&b, "layer style");
}

/* The layer_styles layer with the fields QGIS reads and writes. */
static OGRLayerH create_table(GDALDatasetH ds, const char *path)
{
    static const struct {
        const char *name;
        OGRFieldType type;
    } fields[] = {{"f_table_catalog", OFTString}, {"f_table_schema", OFTString},
                  {"f_table_name", OFTString},    {"f_geometry_column", OFTString},
                  {"styleName", OFTString},       {"styleQML", OFTString},
                  {"styleSLD", OFTString},        {"useAsDefault", OFTInteger},
                  {"description", OFTString},     {"owner", OFTString},
                  {"ui", OFTString},              {"update_time", OFTDateTime}};
    char **opts = CSLSetNameValue(NULL, "FID", "id");
    OGRLayerH L = GDALDatasetCreateLayer(ds, "layer_styles", NULL, wkbNone, opts);
    CSLDestroy(opts);
    if (!L) {
        err_set(ERR_GDAL, path, 0, NULL, "cannot create layer \"layer_styles\": %s",
                CPLGetLastErrorMsg());
        return NULL;
    }
    for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++) {
        OGRFieldDefnH fd = OGR_Fld_Create(fields[k].name, fields[k].type);
        if (fields[k].type == OFTInteger)
            OGR_Fld_SetSubType(fd, OFSTBoolean);
        OGRErr e = OGR_L_CreateField(L, fd, TRUE);
        OGR_Fld_Destroy(fd);
        if (e != OGRERR_NONE) {
            err_set(ERR_GDAL, path, 0, fields[k].name, "cannot create field: %s",
                    CPLGetLastErrorMsg());
            return NULL;
        }
    }
    return L;
}

int out_gpkg_styles(GDALDatasetH ds, const char *path, const out_style *st,
                    size_t n)
{
    OGRLayerH L = create_table(ds, path);
    if (!L)
        return -1;
    time_t now = repro_now();
    struct tm tm;
    gmtime_r(&now, &tm);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(L);
    for (size_t k = 0; k < n; k++) {
        const out_style *s = &st[k];
        int dflt = 1;
        for (size_t j = 0; j < k; j++)
            if (!strcmp(st[j].layer, s->layer))
                dflt = 0;
        char *qml = out_style_qml(s), *sld = qml ? out_style_sld(s) : NULL;
        if (!sld) {
            mem_free(qml);
            return -1;
        }
        OGRFeatureH f = OGR_F_Create(defn);
        OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, "f_table_catalog"), "");
        OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, "f_table_schema"), "");
        OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, "f_table_name"), s->layer);
        OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, "f_geometry_column"), "geom");
        OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, "styleName"), s->name);
        OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, "styleQML"), qml);
        OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, "styleSLD"), sld);
        OGR_F_SetFieldInteger(f, OGR_F_GetFieldIndex(f, "useAsDefault"), dflt);
        OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, "description"),
                             s->title ? s->title : "");
        OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, "owner"), "");
        OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, "ui"), "");
        int y, mo, d;
        if (s->date && sscanf(s->date, "%4d-%2d-%2d", &y, &mo, &d) == 3)
            OGR_F_SetFieldDateTime(f, OGR_F_GetFieldIndex(f, "update_time"),
                                   y, mo, d, 0, 0, 0, 100);
        else
            OGR_F_SetFieldDateTime(f, OGR_F_GetFieldIndex(f, "update_time"),
                                   tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                                   tm.tm_hour, tm.tm_min, tm.tm_sec, 100);
        OGRErr e = OGR_L_CreateFeature(L, f);
        OGR_F_Destroy(f);
        mem_free(qml);
        mem_free(sld);
        if (e != OGRERR_NONE) {
            err_set(ERR_GDAL, path, 0, "layer_styles", "cannot write a style: %s",
                    CPLGetLastErrorMsg());
            return -1;
        }
    }
    return 0;
}
