/* test_atomic.c - atomic output files and mkdir_p. */
#include "atomic.h"
#include "testutil.h"
#include "check.h"

#include <dirent.h>
#include <ftw.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* Contents of a small file into buf (NUL-terminated), or "" when absent. */
static const char *slurp(const char *path, char *buf, size_t size)
{
    buf[0] = '\0';
    FILE *f = fopen(path, "rb");
    if (!f)
        return buf;
    size_t n = fread(buf, 1, size - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static void test_commit(const char *root)
{
    char path[600], sub[512], buf[64];
    snprintf(sub, sizeof sub, "%s/a/b/c", root);
    snprintf(path, sizeof path, "%s/out.txt", sub);
    atomic_file *af = NULL;
    FILE *f = atomic_open(path, &af);
    CHECK(f != NULL && af != NULL);
    if (!f)
        return;
    CHECK(strstr(atomic_temp_path(af), "out.txt.tmp.") != NULL);
    fputs("hello", f);
    CHECK(!exists(path)); /* nothing at the final path until commit */
    CHECK(count_names(sub, ".tmp.") == 1);
    CHECK(atomic_commit(af) == 0);
    CHECK_STR(slurp(path, buf, sizeof buf), "hello");
    CHECK(count_names(sub, ".tmp.") == 0);

    /* replacing an existing file */
    f = atomic_open(path, &af);
    CHECK(f != NULL);
    if (!f)
        return;
    fputs("world!", f);
    CHECK_STR(slurp(path, buf, sizeof buf), "hello"); /* old one intact */
    CHECK(atomic_commit(af) == 0);
    CHECK_STR(slurp(path, buf, sizeof buf), "world!");
    CHECK(count_names(sub, ".tmp.") == 0);
}

static void test_abort(const char *root)
{
    char path[512], buf[64];
    snprintf(path, sizeof path, "%s/abort.txt", root);
    atomic_file *af = NULL;
    FILE *f = atomic_open(path, &af);
    CHECK(f != NULL);
    if (f) {
        fputs("partial", f);
        atomic_abort(af);
    }
    CHECK(!exists(path));
    CHECK(count_names(root, ".tmp.") == 0);

    /* abort keeps an earlier file as it was */
    f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        fputs("old", f);
        fclose(f);
    }
    f = atomic_open(path, &af);
    CHECK(f != NULL);
    if (f) {
        fputs("new", f);
        atomic_abort(af);
    }
    CHECK_STR(slurp(path, buf, sizeof buf), "old");
    CHECK(count_names(root, ".tmp.") == 0);
    atomic_abort(NULL); /* fine */
}

/* Two outputs open at once in one folder get distinct temporary files. */
static void test_two_open(const char *root)
{
    char p1[512], p2[512], buf[16];
    snprintf(p1, sizeof p1, "%s/same.txt", root);
    atomic_file *a1 = NULL, *a2 = NULL;
    FILE *f1 = atomic_open(p1, &a1), *f2 = atomic_open(p1, &a2);
    CHECK(f1 && f2);
    if (!f1 || !f2)
        return;
    CHECK(strcmp(atomic_temp_path(a1), atomic_temp_path(a2)) != 0);
    fputs("one", f1);
    fputs("two", f2);
    CHECK(atomic_commit(a1) == 0);
    CHECK(atomic_commit(a2) == 0);
    CHECK_STR(slurp(p1, buf, sizeof buf), "two");
    snprintf(p2, sizeof p2, "%s", root);
    CHECK(count_names(p2, ".tmp.") == 0);
}

/* A commit that cannot rename (the final path is a non-empty folder)
 * fails with an IO error and leaves no temporary file. */
static void test_commit_failure(const char *root)
{
    char path[512], inner[600];
    snprintf(path, sizeof path, "%s/isdir", root);
    snprintf(inner, sizeof inner, "%s/keep", path);
    CHECK(mkdir_p(inner) == 0);
    atomic_file *af = NULL;
    FILE *f = atomic_open(path, &af);
    CHECK(f != NULL);
    if (!f)
        return;
    fputs("data", f);
    err_clear();
    CHECK(atomic_commit(af) == -1);
    CHECK(err_get() && err_get()->category == ERR_IO);
    CHECK(err_get() && strstr(err_get()->file, "isdir") != NULL);
    err_clear();
    CHECK(count_names(root, ".tmp.") == 0);
    CHECK(exists(inner));
    CHECK(atomic_commit(NULL) == -1);
}

/* Opening under a path whose parent is a regular file fails cleanly. */
static void test_open_failure(const char *root)
{
    char file[512], path[600];
    snprintf(file, sizeof file, "%s/plain", root);
    FILE *f = fopen(file, "wb");
    CHECK(f != NULL);
    if (f)
        fclose(f);
    snprintf(path, sizeof path, "%s/sub/out.png", file);
    atomic_file *af = (atomic_file *)1;
    err_clear();
    CHECK(atomic_open(path, &af) == NULL);
    CHECK(af == NULL);
    CHECK(err_get() && err_get()->category == ERR_IO);
    err_clear();
}

static void test_mkdir_p(const char *root)
{
    char p[512];
    snprintf(p, sizeof p, "%s/m1/m2/m3/", root);
    CHECK(mkdir_p(p) == 0);
    CHECK(exists(p));
    CHECK(mkdir_p(p) == 0); /* existing is fine */
    snprintf(p, sizeof p, "%s//m1//m4", root);
    CHECK(mkdir_p(p) == 0);
    snprintf(p, sizeof p, "%s/m1/m4", root);
    CHECK(exists(p));
    CHECK(mkdir_p("") == 0);
    CHECK(mkdir_p("/") == 0);
    /* a component that is a file */
    snprintf(p, sizeof p, "%s/m1/file", root);
    FILE *f = fopen(p, "wb");
    if (f)
        fclose(f);
    snprintf(p, sizeof p, "%s/m1/file/x", root);
    err_clear();
    CHECK(mkdir_p(p) == -1);
    CHECK(err_get() && err_get()->category == ERR_IO);
    CHECK(err_get() && strstr(err_get()->message, "file with this name"));
    err_clear();
    /* relative paths work from the current folder */
    char cwd[512];
    CHECK(getcwd(cwd, sizeof cwd) != NULL);
    CHECK(chdir(root) == 0);
    CHECK(mkdir_p("rel/a") == 0);
    CHECK(exists("rel/a"));
    CHECK(chdir(cwd) == 0);
}

/* atomic_open_ex: ATOMIC_NO_MKDIR refuses a missing folder (nothing is
 * created), ATOMIC_NO_SYNC still commits all or nothing. */
static void test_flags(const char *root)
{
    char dir[512], path[600], buf[64];
    snprintf(dir, sizeof dir, "%s/flags/sub", root);
    snprintf(path, sizeof path, "%s/out.pdf", dir);
    atomic_file *af = NULL;
    err_clear();
    CHECK(atomic_open_ex(path, ATOMIC_NO_MKDIR, &af) == NULL && af == NULL);
    CHECK(err_get() && err_get()->category == ERR_IO);
    CHECK(err_get() && strstr(err_get()->file, "out.pdf") != NULL);
    CHECK(!exists(dir));
    err_clear();
    FILE *f = atomic_open_ex(path, ATOMIC_NO_SYNC, &af);
    CHECK(f != NULL && exists(dir));
    CHECK(!exists(path));
    fputs("pdf", f);
    CHECK(atomic_commit(af) == 0);
    CHECK(slurp(path, buf, sizeof buf) && !strcmp(buf, "pdf"));
    CHECK(count_names(dir, ".tmp.") == 0);
    f = atomic_open_ex(path, ATOMIC_NO_MKDIR | ATOMIC_NO_SYNC, &af);
    CHECK(f != NULL);
    fputs("half", f);
    atomic_abort(af);
    CHECK(slurp(path, buf, sizeof buf) && !strcmp(buf, "pdf"));
    CHECK(count_names(dir, ".tmp.") == 0);
}

int main(void)
{
    char root[] = "/tmp/dnw_atomic_XXXXXX";
    if (make_temp_dir(root) < 0)
        return 1;
    test_commit(root);
    test_abort(root);
    test_two_open(root);
    test_commit_failure(root);
    test_open_failure(root);
    test_mkdir_p(root);
    test_flags(root);
    rm_rf(root);
    return check_done();
}
