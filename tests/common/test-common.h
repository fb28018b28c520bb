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

/* Print the context's diagnostics (for failing tests). */
void test_print_diags(ngojst_context *ctx);

#endif
