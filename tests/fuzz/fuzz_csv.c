/* fuzz_csv.c - libFuzzer harness of the CSV reader: any bytes give a table
 * or an error, never a crash, a leak or undefined behaviour. */
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "in_csv.h"
#include "tbl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    err_clear();
    tbl *t = in_csv_read_mem("fuzz.csv", data, size, NULL);
    if (t) { /* touch every cell */
        volatile double acc = 0;
        for (size_t c = 0; c < tbl_ncols(t); c++) {
            const tbl_col *col = tbl_col_at(t, c);
            for (size_t r = 0; r < tbl_nrows(t); r++) {
                if (col->type == COL_STRING) {
                    const char *s = col_str(col, r);
                    acc += s ? (double)s[0] : 0;
                } else
                    acc += col_num(col, r, NULL);
            }
        }
        (void)acc;
    }
    tbl_free(t);
    err_clear();
    return 0;
}
