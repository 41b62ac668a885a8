/* repro.h - the time written into outputs, reproducible on request. */
#ifndef DNW_REPRO_H
#define DNW_REPRO_H

#include <time.h>

/* Now, or $SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds
 * convention) when it is set and not empty. Never fails. */
time_t repro_now(void);

#endif
