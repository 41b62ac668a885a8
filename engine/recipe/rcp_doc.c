/* rcp_doc.c - docs/recipe.md, the reference of every recipe key, written
 * from the schema tables that check recipes (rcp_build.c, rcp_outputs.c),
 * so the reference cannot drift from what the code accepts. */
#include "rcp.h"
#include "rcp_schema.h"
#include "expr.h"

#include <stdio.h>
#include <string.h>

/* The kind of value in words, into buf. */
static const char *value_words(const rcp_field *f, char *buf, size_t size)
{
    char list[512];
    switch (f->kind) {
    case F_STR: return "text";
    case F_EXPR: return "expression";
    case F_NAME: return "name (letters, digits, `-`, `_`)";
    case F_IDENT: return "identifier (letters, digits, `_`)";
    case F_INT:
        if (!(f->lo < f->hi))
            return "whole number";
        snprintf(buf, size, "whole number %ld–%ld", f->lo, f->hi);
        return buf;
    case F_NUM:
        if (!(f->dlo < f->dhi))
            return "number";
        snprintf(buf, size, "number %g–%g", f->dlo, f->dhi);
        return buf;
    case F_BOOL: return "true / false";
    case F_ENUM:
        rcp_opts_list(f->opts, list, sizeof list);
        snprintf(buf, size, "one of %s", list);
        return buf;
    case F_STRLIST: return "text or list of texts";
    case F_NUMLIST: return "number or list of numbers";
    case F_CUSTOM:
        if (f->sub) {
            snprintf(buf, size, "mapping, see [`%s`](#%s)", f->doc, f->doc);
            /* anchors: GitHub lower-cases and drops dots and brackets */
            char *a = strchr(buf, '#');
            for (char *p = a ? a + 1 : NULL; p && *p && *p != ')'; p++)
                if (*p >= 'A' && *p <= 'Z')
                    *p = (char)(*p - 'A' + 'a');
            char *w = a ? a + 1 : NULL;
            for (char *p = w; w && *p; p++)
                if (*p != '.' && *p != '[' && *p != ']')
                    *w++ = *p;
            if (w)
                *w = '\0';
            return buf;
        }
        if (f->doc && strchr(f->doc, '[') && rcp_output_fields(f->key)) {
            snprintf(buf, size, "list of entries, see `%s`", f->doc);
            return buf;
        }
        return f->doc ? f->doc : "see the description";
    }
    return "";
}

/* Writes one section: a table of the keys, then the nested sections. */
static void section(FILE *o, const char *title, const rcp_field *fields)
{
    fprintf(o, "\n## %s\n\n| key | value | required | what it is |\n"
               "|---|---|---|---|\n",
            title);
    char buf[700];
    for (const rcp_field *f = fields; f->key; f++) {
        const char *v = value_words(f, buf, sizeof buf);
        fprintf(o, "| `%s` | %s | %s | %s |\n", f->key, v,
                f->required ? "yes" : "", f->hint ? f->hint : "");
    }
    for (const rcp_field *f = fields; f->key; f++) {
        if (f->kind != F_CUSTOM || !f->doc)
            continue;
        if (f->sub)
            section(o, f->doc, f->sub);
        else if (strchr(f->doc, '[') && rcp_output_fields(f->key))
            section(o, f->doc, rcp_output_fields(f->key));
    }
}

int rcp_doc_write(FILE *o)
{
    fputs("# Recipe reference\n\n"
          "Every key a recipe (`recipe.yaml`) may hold, with the kind of "
          "value it takes.\nThis file is generated from the schema tables "
          "in `engine/recipe/` by\n`dnawijk recipe-doc > docs/recipe.md`; "
          "a test checks that it is up to date,\nso edit the tables, not "
          "this file.\n\n"
          "Lists of entries (`maps`, `factsheets`, `comparisons`, "
          "`figures`, `charts`,\n`boxes`) take a list, a mapping of named "
          "entries, or one entry written as its\nown keys. Top-level keys "
          "starting with `x-` are ignored (for YAML anchors).\n",
          o);
    section(o, "Top level", rcp_top_fields());
    fputs("\n## Functions in expressions\n\n"
          "Expressions (`expr`, `weight`, `numerator`, ...) work on whole "
          "columns with\n`+ - * / ^`, comparisons, `and`/`or`/`not` and these "
          "functions. Missing values\nkeep their reason; the area-wide "
          "functions skip them.\n\n"
          "| function | what it computes |\n|---|---|\n", o);
    const char *name, *args, *doc;
    for (size_t i = 0; expr_func_doc(i, &name, &args, &doc); i++)
        fprintf(o, "| `%s(%s)` | %s |\n", name, args, doc);
    return ferror(o) ? -1 : 0;
}
