/* Shared helpers for the cmocka suites: a context whose allocator goes
 * through cmocka's test_malloc/test_free, so a leak fails the test. */
#ifndef NGOJST_TEST_COMMON_H
#define NGOJST_TEST_COMMON_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ngojst/ngojst.h>

/* A context routed through cmocka's allocator. */
ngojst_context *test_context_new(void);
/* Same, with custom limits. */
ngojst_context *test_context_new_limits(const ngojst_limits *limits);

/* Fixture helpers: *state becomes a test context. */
int test_setup_context(void **state);
int test_teardown_context(void **state);

/* Path of a file under tests/data (static buffer, overwritten by the next call). */
const char *test_data_path(const char *rel);
/* Path under the source root. */
const char *test_src_path(const char *rel);
/* Read a whole file into a test_malloc'd NUL-terminated buffer. */
char *test_read_file(const char *path, size_t *len);

/* A date written as three numbers, without validation (tests build
 * impossible dates on purpose). */
static inline ngojst_date D(int y, int m, int d)
{
	ngojst_date r;

	r.year = (int16_t)y;
	r.month = (uint8_t)m;
	r.day = (uint8_t)d;
	return r;
}

/* Assert that a date is y-m-d. */
#define assert_date(got, y, m, d) do {                 \
		ngojst_date got_ = (got);                       \
		assert_int_equal(got_.year, (y));               \
		assert_int_equal(got_.month, (m));              \
		assert_int_equal(got_.day, (d));                \
	} while (0)

/* Print the context's diagnostics (for failing tests). */
void test_print_diags(ngojst_context *ctx);

#endif
