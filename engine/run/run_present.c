/* run_present.c - the run's side of present.h: the source line and the
 * provenance line of a run, and small helpers the renderer stages share
 * (indicator lookup, output folders). */
#include "run_internal.h"

#include "err.h"
#include "mem.h"
#include "present.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

int run_source_line(const run_ctx *c, char *buf, size_t size)
{
    present_src *s = mem_calloc(c->n_src ? c->n_src : 1, sizeof *s);
    if (!s)
        return err_oom("the source line");
    for (size_t k = 0; k < c->n_src; k++) {
        const run_source *rs = &c->src[k];
        s[k].label = rs->rs->label.s;
        s[k].cat_line = rs->cat ? rs->cat->source_line : NULL;
        s[k].cat_title = rs->cat ? rs->cat->title : NULL;
        s[k].path = rs->rs->path.s;
    }
    present_source_line(present_lang(c->r), s, c->n_src, buf, size);
    mem_free(s);
    return 0;
}

void run_provenance(const run_ctx *c, int with_stamp, char *buf, size_t size)
{
    present_provenance(present_lang(c->r), c->r->name.s, c->recipe_sha,
                       with_stamp ? c->created : NULL, buf, size);
}

const run_indicator *run_indicator_named(const run_ctx *c, const char *name)
{
    for (size_t k = 0; k < c->n_ind; k++)
        if (!strcmp(c->ind[k].ri->name.s, name))
            return &c->ind[k];
    return NULL;
}

int run_output_dir(const char *stage_dir, const char *name, char *dir,
                   size_t size)
{
    if (snprintf(dir, size, "%s/%s", stage_dir, name) >= (int)size) {
        err_set(ERR_IO, stage_dir, 0, NULL, "the output path is too long");
        return -1;
    }
    if (mkdir(dir, 0777) != 0) {
        err_set(ERR_IO, dir, 0, NULL, "cannot create the folder");
        return -1;
    }
    return 0;
}

/* Folder and results of a render stage; see run_internal.h. */
void *run_stage_begin(const char *stage_dir, const char *name, char *dir,
                      size_t size, size_t n, size_t elem, const char *what)
{
    if (run_output_dir(stage_dir, name, dir, size) < 0)
        return NULL;
    void *res = mem_calloc(n, elem);
    if (!res)
        err_oom(what);
    return res;
}
