/* repro.c - the time written into outputs; see repro.h. */
#include "repro.h"

#include <stdlib.h>

time_t repro_now(void)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde)
        return (time_t)strtoll(sde, NULL, 10);
    return time(NULL);
}
