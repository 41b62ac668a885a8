/* test_srcopt.c - reader option defaults and their cache-key text
 * (engine/srcopt.c). */
#include "check.h"
#include "srcopt.h"

#include <string.h>

static void test_defaults(void)
{
    src_options o;
    memset(&o, 0x5a, sizeof o);
    src_options_init(&o);
    CHECK(o.delimiter == 0);
    CHECK(o.decimal == 0);
    CHECK(o.encoding == NULL);
    CHECK(o.skip_rows == -1);
    CHECK(o.header_rows == 0);
    CHECK(o.column_names == NULL && o.n_column_names == 0);
    CHECK(o.text_columns == NULL && o.n_text_columns == 0);
    CHECK(o.target_crs == NULL);
    CHECK(o.no_cache == 0);
}

static void test_key(void)
{
    src_options o;
    src_options_init(&o);
    char buf[512];
    size_t n = src_options_key(&o, buf, sizeof buf);
    CHECK_STR(buf, "delim=auto|dec=auto|enc=auto|skip=-1|hdr=0|names=|"
                   "text=|crs=EPSG:28992");
    CHECK(n == strlen(buf));

    /* NULL options are the defaults */
    char def[512];
    src_options_key(NULL, def, sizeof def);
    CHECK_STR(def, buf);

    /* the explicit default CRS gives the same key as NULL */
    o.target_crs = "EPSG:28992";
    src_options_key(&o, def, sizeof def);
    CHECK_STR(def, buf);

    /* keeping the source CRS differs */
    o.target_crs = "";
    src_options_key(&o, def, sizeof def);
    CHECK(strstr(def, "crs=source") != NULL);

    /* no_cache does not change what is read, so not the key */
    src_options_init(&o);
    o.no_cache = 1;
    src_options_key(&o, def, sizeof def);
    CHECK_STR(def, buf);

    /* every content option changes the key */
    src_options_init(&o);
    o.delimiter = ';';
    o.decimal = ',';
    o.encoding = "latin-1";
    o.skip_rows = 3;
    o.header_rows = 2;
    src_options_key(&o, def, sizeof def);
    CHECK_STR(def, "delim=;|dec=\\,|enc=latin-1|skip=3|hdr=2|names=|text=|"
                   "crs=EPSG:28992");
    o.delimiter = '\t';
    src_options_key(&o, def, sizeof def);
    CHECK(strncmp(def, "delim=tab|", 10) == 0);
}

/* Lists whose items contain separators must not collide. */
static void test_key_lists(void)
{
    src_options a, b;
    src_options_init(&a);
    src_options_init(&b);
    const char *la[] = {"a,b"};
    const char *lb[] = {"a", "b"};
    a.column_names = la;
    a.n_column_names = 1;
    b.column_names = lb;
    b.n_column_names = 2;
    char ka[256], kb[256];
    src_options_key(&a, ka, sizeof ka);
    src_options_key(&b, kb, sizeof kb);
    CHECK(strcmp(ka, kb) != 0);
    CHECK(strstr(ka, "names=a\\,b|") != NULL);
    CHECK(strstr(kb, "names=a,b|") != NULL);

    const char *tc[] = {"BU_CODE", "WK_CODE"};
    a.text_columns = tc;
    a.n_text_columns = 2;
    src_options_key(&a, ka, sizeof ka);
    CHECK(strstr(ka, "text=BU_CODE,WK_CODE|") != NULL);
}

/* A short buffer is cut but terminated, and the needed size comes back. */
static void test_key_truncation(void)
{
    src_options o;
    src_options_init(&o);
    char full[512], small[10];
    size_t need = src_options_key(&o, full, sizeof full);
    size_t n = src_options_key(&o, small, sizeof small);
    CHECK(n == need);
    CHECK(strlen(small) == sizeof small - 1);
    CHECK(strncmp(small, full, sizeof small - 1) == 0);
    CHECK(src_options_key(&o, NULL, 0) == need);
}

int main(void)
{
    test_defaults();
    test_key();
    test_key_lists();
    test_key_truncation();
    return check_done();
}
