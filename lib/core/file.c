#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "context-private.h"
#include "file.h"

int ngojst_read_file(ngojst_context *ctx, const char *path, char **out, size_t *len)
{
	FILE *f;
	char *data = NULL;
	size_t cap = 0, n = 0, limit = ctx->limits.max_input_bytes;
	int err;

	*out = NULL;
	*len = 0;
	f = fopen(path, "rb");
	if (!f)
		return ngojst_diag_add(ctx, NGOJST_EIO, path, 0, 0, 0, NULL, "cannot open: %s", strerror(errno));
	for (;;) {
		size_t got;

		if (ngojst_grow(ctx, (void **)&data, &cap, n + 65536 + 1, 1)) {
			fclose(f);
			ngojst_free(ctx, data);
			return NGOJST_ENOMEM;
		}
		got = fread(data + n, 1, cap - n - 1, f);
		n += got;
		if (n > limit) {
			fclose(f);
			ngojst_free(ctx, data);
			return ngojst_diag_add(ctx, NGOJST_ELIMIT, path, 0, 0, 0, NULL,
					       "the file is larger than max_input_bytes (%zu bytes)", limit);
		}
		if (got == 0)
			break;
	}
	err = ferror(f);
	fclose(f);
	if (err) {
		ngojst_free(ctx, data);
		return ngojst_diag_add(ctx, NGOJST_EIO, path, 0, 0, 0, NULL, "read error");
	}
	data[n] = '\0';
	*out = data;
	*len = n;
	return NGOJST_OK;
}
