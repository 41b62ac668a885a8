/* test_err.c - the error context: set once, freeze/thaw (nothing recorded
 * while frozen, nesting, per thread), prefix and restore. */
#include "check.h"
#include "err.h"

#include <pthread.h>
#include <string.h>

/* Thread body: sets an error while the main thread is frozen; its own
 * context is not frozen, so it records it. */
static void *other_thread(void *arg)
{
    int *ok = arg;
    err_set(ERR_IO, "b.csv", 3, NULL, "in the other thread");
    *ok = err_get() && !strcmp(err_get()->message, "in the other thread");
    return NULL;
}

int main(void)
{
    /* table of calls made while frozen: none may change the context */
    err_clear();
    err_set(ERR_PARSE, "a.csv", 7, "x", "the real failure");
    err_freeze();
    err_set(ERR_RECIPE, "r.yaml", 1, NULL, "expected failure");
    err_set_pos(ERR_RECIPE, "r.yaml", 2, 3, "expected failure");
    err_set_feature(ERR_GDAL, "g.gpkg", 4, NULL, "expected failure");
    CHECK(err_oom("something") == -1);
    err_prefix("source \"%s\"", "w");
    err_info other;
    memset(&other, 0, sizeof other);
    other.category = ERR_JOIN;
    err_restore(&other);
    CHECK(err_get() && err_get()->category == ERR_PARSE);
    CHECK(err_get() && !strcmp(err_get()->message, "the real failure"));
    CHECK(err_get() && err_get()->loc == 7 && !strcmp(err_get()->file, "a.csv"));

    /* nesting: two freezes need two thaws */
    err_freeze();
    err_thaw();
    err_set(ERR_IO, NULL, 0, NULL, "still frozen");
    CHECK(err_get() && !strcmp(err_get()->message, "the real failure"));

    /* another thread's context is its own and not frozen */
    int ok = 0;
    pthread_t t;
    CHECK(pthread_create(&t, NULL, other_thread, &ok) == 0);
    pthread_join(t, NULL);
    CHECK(ok);
    CHECK(err_get() && !strcmp(err_get()->message, "the real failure"));

    /* thawed: recording again; an extra thaw is harmless */
    err_thaw();
    err_thaw();
    err_set(ERR_IO, "c.csv", 0, NULL, "after the thaw");
    CHECK(err_get() && err_get()->category == ERR_IO);
    err_prefix("source \"%s\"", "w");
    CHECK(err_get() && !strcmp(err_get()->message, "source \"w\": after the thaw"));

    /* frozen with no error: nothing appears */
    err_clear();
    err_freeze();
    err_set(ERR_IO, NULL, 0, NULL, "hidden");
    CHECK(err_thaw() == 0);
    CHECK(err_get() == NULL);

    /* out of memory is never expected: kept through a (nested) freeze and
     * set by the outermost thaw, which returns -1 */
    err_clear();
    err_freeze();
    err_freeze();
    CHECK(err_oom("chart bars") == -1);
    err_set(ERR_RECIPE, NULL, 0, NULL, "an expected failure");
    CHECK(err_thaw() == 0);
    CHECK(err_get() == NULL);
    CHECK(err_thaw() == -1);
    CHECK(err_get() && err_get()->category == ERR_MEMORY);
    CHECK(err_get() && strstr(err_get()->message, "chart bars") != NULL);
    /* ... also when set with err_set(ERR_MEMORY, ...) */
    err_clear();
    err_freeze();
    err_set(ERR_MEMORY, NULL, 0, NULL, "no room for %d rows", 12);
    CHECK(err_thaw() == -1);
    CHECK(err_get() && !strcmp(err_get()->message, "no room for 12 rows"));
    /* err_thaw_discard drops it: for work that only costs speed */
    err_clear();
    err_freeze();
    err_oom("cache file");
    err_thaw_discard();
    CHECK(err_get() == NULL);
    err_freeze();
    CHECK(err_thaw() == 0); /* nothing kept from before */
    return check_done();
}
