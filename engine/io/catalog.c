/* catalog.c - dataset catalog entries; see catalog.h. */
#include "catalog.h"

#include "err.h"
#include "mem.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#ifndef DNAWIJK_DATADIR
#define DNAWIJK_DATADIR "datasets"
#endif

/* The folder of the built-in entries, found once: $DNAWIJK_DATA/catalog,
 * else <folder of the executable>/../share/dnawijk/datasets/catalog (an
 * installed copy), else the source tree's datasets/catalog (a build). */
static char builtin_dir[4096];
static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;

static void find_builtin_dir(void)
{
    const char *env = getenv("DNAWIJK_DATA");
    if (env && *env) {
        snprintf(builtin_dir, sizeof builtin_dir, "%s/catalog", env);
        return;
    }
    char exe[2048];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            struct stat st;
            snprintf(builtin_dir, sizeof builtin_dir,
                     "%s/../share/dnawijk/datasets/catalog", exe);
            if (stat(builtin_dir, &st) == 0 && S_ISDIR(st.st_mode))
                return;
        }
    }
    snprintf(builtin_dir, sizeof builtin_dir, "%s/catalog", DNAWIJK_DATADIR);
}

const char *catalog_builtin_dir(void)
{
    pthread_once(&builtin_once, find_builtin_dir);
    return builtin_dir;
}

void catalog_free(catalog *c)
{
    if (!c)
        return;
    for (size_t k = 0; k < c->n_cols; k++)
        MEM_FREE_ALL(c->cols[k].column, c->cols[k].name, c->cols[k].meaning,
                     c->cols[k].unit, c->cols[k].base);
    MEM_FREE_ALL(c->cols, c->name, c->title, c->source_line, c->license,
                 c->path, c);
}

const char *cat_kind_name(cat_kind k)
{
    static const char *const n[] = {"unknown", "count", "percentage", "mean",
                                    "share", "code", "name"};
    return (unsigned)k <= CAT_NAME ? n[k] : "unknown";
}

static cat_kind parse_kind(const char *s)
{
    for (int k = CAT_COUNT; k <= CAT_NAME; k++)
        if (!strcmp(s, cat_kind_name((cat_kind)k)))
            return (cat_kind)k;
    return CAT_UNKNOWN;
}

static const char *scalar(yaml_document_t *d, yaml_node_t *n)
{
    return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value
                                            : NULL;
}

/* Replaces *dst by a copy of s (NULL stays NULL). Returns 0, or -1 with an
 * out-of-memory error set (*dst then unchanged). */
static int set_str(char **dst, const char *s)
{
    char *copy = NULL;
    if (s && !(copy = mem_strdup(s)))
        return err_oom("catalog");
    mem_free(*dst);
    *dst = copy;
    return 0;
}

/* Sets the text field key names: the field of fields[k] when key equals
 * names[k] (n of each) gets a copy of val (NULL stays NULL). Returns 1 when
 * key named a field, 0 when it names none (nothing changed), or -1 with an
 * out-of-memory error set. */
static int set_named(const char *key, const char *val,
                     const char *const *names, char **const *fields, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (!strcmp(key, names[k]))
            return set_str(fields[k], val) < 0 ? -1 : 1;
    return 0;
}

/* Reads the `columns:` mapping. */
static int read_columns(catalog *c, yaml_document_t *d, yaml_node_t *m,
                        const char *path)
{
    size_t n = (size_t)(m->data.mapping.pairs.top - m->data.mapping.pairs.start);
    if (c->cols) {
        err_set(ERR_PARSE, path, (long)m->start_mark.line + 1, NULL,
                "the catalog entry has a second `columns:`; merge them");
        return -1;
    }
    c->cols = mem_calloc(n ? n : 1, sizeof *c->cols);
    if (!c->cols)
        return err_oom("catalog");
    for (yaml_node_pair_t *p = m->data.mapping.pairs.start;
         p < m->data.mapping.pairs.top; p++) {
        yaml_node_t *k = yaml_document_get_node(d, p->key);
        yaml_node_t *v = yaml_document_get_node(d, p->value);
        const char *col = scalar(d, k);
        if (!col || !v || v->type != YAML_MAPPING_NODE) {
            err_set_pos(ERR_PARSE, path, (long)k->start_mark.line + 1,
                        (long)k->start_mark.column + 1,
                        "a catalog column needs a mapping such as "
                        "{name: inwoners, kind: count}");
            return -1;
        }
        cat_column *cc = &c->cols[c->n_cols++];
        cc->scale = 1;
        if (set_str(&cc->column, col) < 0)
            return -1;
        for (yaml_node_pair_t *q = v->data.mapping.pairs.start;
             q < v->data.mapping.pairs.top; q++) {
            const char *key = scalar(d, yaml_document_get_node(d, q->key));
            yaml_node_t *vn = yaml_document_get_node(d, q->value);
            const char *val = scalar(d, vn);
            if (!key || !val)
                continue;
            static const char *const names[] = {"name", "meaning", "unit",
                                                "base"};
            char **const fields[] = {&cc->name, &cc->meaning, &cc->unit,
                                     &cc->base};
            int set = set_named(key, val, names, fields,
                                sizeof names / sizeof *names);
            if (set < 0)
                return -1;
            if (set > 0)
                continue;
            if (!strcmp(key, "fraction")) {
                int yes = !strcmp(val, "true") || !strcmp(val, "yes");
                if (!yes && strcmp(val, "false") && strcmp(val, "no")) {
                    err_set_pos(ERR_PARSE, path, (long)vn->start_mark.line + 1,
                                (long)vn->start_mark.column + 1,
                                "fraction: takes true or false, not \"%s\"",
                                val);
                    return -1;
                }
                cc->scale = yes ? 100 : 1;
            } else if (!strcmp(key, "kind")) {
                cc->kind = parse_kind(val);
                if (cc->kind == CAT_UNKNOWN) {
                    err_set_pos(ERR_PARSE, path, (long)vn->start_mark.line + 1,
                                (long)vn->start_mark.column + 1,
                                "unknown kind \"%s\"; use count, percentage, "
                                "mean, share, code or name", val);
                    return -1;
                }
            }
        }
        if (!cc->name && set_str(&cc->name, col) < 0)
            return -1;
    }
    return 0;
}

static catalog *parse_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        err_set(ERR_IO, path, 0, NULL, "cannot open the catalog entry");
        return NULL;
    }
    yaml_parser_t parser;
    yaml_document_t doc;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_file(&parser, f);
    catalog *c = NULL;
    if (!yaml_parser_load(&parser, &doc)) {
        err_set_pos(ERR_PARSE, path, (long)parser.problem_mark.line + 1,
                    (long)parser.problem_mark.column + 1, "YAML error: %s",
                    parser.problem ? parser.problem : "unknown");
        yaml_parser_delete(&parser);
        fclose(f);
        return NULL;
    }
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    c = mem_new(sizeof *c, "catalog");
    if (!c)
        goto done;
    if (!root || root->type != YAML_MAPPING_NODE) {
        err_set(ERR_PARSE, path, 1, NULL, "a catalog entry must be a mapping");
        goto fail;
    }
    for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
         p < root->data.mapping.pairs.top; p++) {
        const char *key = scalar(&doc, yaml_document_get_node(&doc, p->key));
        yaml_node_t *v = yaml_document_get_node(&doc, p->value);
        if (!key)
            continue;
        static const char *const names[] = {"name", "title", "source_line",
                                            "license"};
        char **const fields[] = {&c->name, &c->title, &c->source_line,
                                 &c->license};
        int set = set_named(key, scalar(&doc, v), names, fields,
                            sizeof names / sizeof *names);
        if (set < 0)
            goto fail;
        if (set > 0)
            continue;
        if (!strcmp(key, "year") && scalar(&doc, v)) c->year = atoi(scalar(&doc, v));
        else if (!strcmp(key, "columns") && v && v->type == YAML_MAPPING_NODE) {
            if (read_columns(c, &doc, v, path) < 0)
                goto fail;
        }
    }
    if (set_str(&c->path, path) < 0)
        goto fail;
    goto done;
fail:
    catalog_free(c);
    c = NULL;
done:
    yaml_document_delete(&doc);
    yaml_parser_delete(&parser);
    fclose(f);
    return c;
}

catalog *catalog_load(const char *name_or_path)
{
    size_t n = strlen(name_or_path);
    if (n > 5 && !strcmp(name_or_path + n - 5, ".yaml"))
        return parse_file(name_or_path);
    char path[4096];
    const char *dir = getenv("DNAWIJK_CATALOG_DIR");
    if (dir) {
        snprintf(path, sizeof path, "%s/%s.yaml", dir, name_or_path);
        FILE *f = fopen(path, "rb");
        if (f) {
            fclose(f);
            return parse_file(path);
        }
    }
    if (snprintf(path, sizeof path, "%.3000s/%.900s.yaml", catalog_builtin_dir(),
                 name_or_path) < 0)
        path[0] = '\0';
    FILE *f = fopen(path, "rb");
    if (!f) {
        err_set(ERR_IO, NULL, 0, NULL,
                "unknown catalog entry \"%s\" (looked in %s%s%s)",
                name_or_path, dir ? dir : "", dir ? " and " : "",
                catalog_builtin_dir());
        return NULL;
    }
    fclose(f);
    return parse_file(path);
}

const cat_column *catalog_by_column(const catalog *c, const char *column)
{
    for (size_t k = 0; k < c->n_cols; k++)
        if (!strcmp(c->cols[k].column, column))
            return &c->cols[k];
    return NULL;
}

const cat_column *catalog_by_name(const catalog *c, const char *name, size_t k)
{
    for (size_t j = 0; j < c->n_cols; j++)
        if (!strcmp(c->cols[j].name, name) && k-- == 0)
            return &c->cols[j];
    return NULL;
}
