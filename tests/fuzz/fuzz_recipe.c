/* fuzz_recipe.c - libFuzzer harness of the recipe loader: any bytes as a
 * recipe file give a recipe or an error with a position, never a crash. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "err.h"
#include "rcp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[256];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!path[0])
        snprintf(path, sizeof path, "/tmp/dnawijk-fuzz-recipe-%ld.yaml",
                 (long)getpid());
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    err_clear();
    rcp *r = rcp_load(path);
    rcp_free(r);
    err_clear();
    unlink(path);
    return 0;
}
