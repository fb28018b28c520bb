#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test-common.h"
#include "test-config.h"

static void *t_malloc(size_t size, void *ud)
{
	(void)ud;
	return test_malloc(size);
}

static void *t_realloc(void *ptr, size_t size, void *ud)
{
	(void)ud;
	return test_realloc(ptr, size);
}

static void t_free(void *ptr, void *ud)
{
	(void)ud;
	test_free(ptr);
}

static const ngojst_allocator test_allocator = { t_malloc, t_realloc, t_free, NULL };

ngojst_context *test_context_new_limits(const ngojst_limits *limits)
{
	ngojst_context_options opts = NGOJST_CONTEXT_OPTIONS_INIT;
	ngojst_context *ctx = NULL;

	opts.allocator = &test_allocator;
	if (limits)
		opts.limits = *limits;
	assert_int_equal(ngojst_context_new(&ctx, &opts), NGOJST_OK);
	assert_non_null(ctx);
	return ctx;
}

ngojst_context *test_context_new(void)
{
	return test_context_new_limits(NULL);
}

int test_setup_context(void **state)
{
	*state = test_context_new();
	return 0;
}

int test_teardown_context(void **state)
{
	ngojst_context_free(*state);
	return 0;
}

const char *test_data_path(const char *rel)
{
	static char buf[4096];

	snprintf(buf, sizeof(buf), "%s/%s", TEST_DATA_DIR, rel);
	return buf;
}

const char *test_src_path(const char *rel)
{
	static char buf[4096];

	snprintf(buf, sizeof(buf), "%s/%s", TOP_SRCDIR, rel);
	return buf;
}

char *test_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return NULL;
	}
	data = test_malloc((size_t)n + 1);
	if (fread(data, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		test_free(data);
		return NULL;
	}
	fclose(f);
	data[n] = '\0';
	if (len)
		*len = (size_t)n;
	return data;
}

void test_print_diags(ngojst_context *ctx)
{
	size_t i;

	for (i = 0; i < ngojst_diag_count(ctx); i++) {
		const ngojst_diag *d = ngojst_diag_at(ctx, i);
		fprintf(stderr, "%s:%u:%u: %s\n", d->source ? d->source : "?", d->line, d->column, d->message);
	}
}
