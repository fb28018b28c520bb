/* Private: reading a whole file within the context's input limit. */
#ifndef NGOJST_FILE_H
#define NGOJST_FILE_H

#include "context-private.h"

/* *out is NUL-terminated and freed with ngojst_free. Errors (with a
 * diagnostic naming the file): NGOJST_EIO, NGOJST_ELIMIT, NGOJST_ENOMEM. */
int ngojst_read_file(ngojst_context *ctx, const char *path, char **out, size_t *len);

#endif
