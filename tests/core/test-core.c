/* lib/core: context, allocator hooks, errors, diagnostics, arena, buffers
 * and SHA-256. */
#include <limits.h>
#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test-common.h"

#include "core/arena.h"
#include "core/buf.h"
#include "core/context-private.h"
#include "core/sha256.h"

/* ---- a tracking allocator ------------------------------------------------
 * Counts live blocks and bytes, and fails once its budget is spent. It sits
 * on plain malloc (cmocka's test_malloc only guarantees 8-byte alignment)
 * with a header that keeps max_align_t alignment; leaks show in live/bytes. */

typedef struct tracker {
	long budget;   /* allocations still allowed; negative: unlimited */
	size_t live;   /* blocks not yet freed */
	size_t bytes;  /* bytes in those blocks */
	size_t calls;  /* successful malloc and realloc calls */
} tracker;

#define HDR (alignof(max_align_t) > sizeof(size_t) ? alignof(max_align_t) : sizeof(size_t))
/* Larger requests fail as a real allocator would (ASan aborts on them). */
#define TRACKER_MAX ((size_t)1 << 40)

static int spend(tracker *t)
{
	if (t->budget == 0)
		return 0;
	if (t->budget > 0)
		t->budget--;
	return 1;
}

static void *tr_malloc(size_t size, void *ud)
{
	tracker *t = ud;
	unsigned char *p;

	if (!spend(t) || size > TRACKER_MAX || !(p = malloc(size + HDR)))
		return NULL;
	memcpy(p, &size, sizeof(size));
	t->live++;
	t->bytes += size;
	t->calls++;
	return p + HDR;
}

static void *tr_realloc(void *ptr, size_t size, void *ud)
{
	tracker *t = ud;
	unsigned char *p, *q;
	size_t old;

	if (!ptr)
		return tr_malloc(size, ud);
	if (!spend(t) || size > TRACKER_MAX)
		return NULL;
	p = (unsigned char *)ptr - HDR;
	memcpy(&old, p, sizeof(old));
	q = realloc(p, size + HDR);
	if (!q)
		return NULL;
	memcpy(q, &size, sizeof(size));
	t->bytes = t->bytes - old + size;
	t->calls++;
	return q + HDR;
}

static void tr_free(void *ptr, void *ud)
{
	tracker *t = ud;
	unsigned char *p;
	size_t old;

	if (!ptr)
		return;
	p = (unsigned char *)ptr - HDR;
	memcpy(&old, p, sizeof(old));
	t->live--;
	t->bytes -= old;
	free(p);
}

static ngojst_context *tracked_context(tracker *t, const ngojst_limits *limits)
{
	ngojst_allocator a = { tr_malloc, tr_realloc, tr_free, t };
	ngojst_context_options opts = NGOJST_CONTEXT_OPTIONS_INIT;
	ngojst_context *ctx = NULL;

	memset(t, 0, sizeof(*t));
	t->budget = -1;
	opts.allocator = &a;
	if (limits)
		opts.limits = *limits;
	assert_int_equal(ngojst_context_new(&ctx, &opts), NGOJST_OK);
	assert_non_null(ctx);
	return ctx;
}

/* ---- context ------------------------------------------------------------ */

static void test_context_defaults(void **state)
{
	ngojst_context *ctx = NULL;
	const ngojst_limits *l;
	ngojst_context_options opts = NGOJST_CONTEXT_OPTIONS_INIT;

	(void)state;
	assert_int_equal(ngojst_context_new(&ctx, NULL), NGOJST_OK);
	assert_non_null(ctx);
	l = ngojst_context_limits(ctx);
	assert_int_equal(l->max_input_bytes, 64u << 20);
	assert_int_equal(l->max_document_bytes, 16u << 20);
	assert_int_equal(l->max_depth, 64);
	assert_int_equal(l->max_nodes, 1000000);
	assert_int_equal(l->max_alias_expansions, 10000);
	assert_int_equal(l->max_scalar_bytes, 1u << 20);
	assert_int_equal(l->max_findings, 10000);
	assert_int_equal(l->max_diagnostics, 100);
	assert_int_equal(ngojst_diag_count(ctx), 0);
	ngojst_context_free(ctx);

	/* Default options spelled out give the same. */
	assert_int_equal(ngojst_context_new(&ctx, &opts), NGOJST_OK);
	assert_int_equal(ngojst_context_limits(ctx)->max_depth, 64);
	ngojst_context_free(ctx);
	ngojst_context_free(NULL);

	/* Without a context the defaults are still reported. */
	assert_int_equal(ngojst_context_limits(NULL)->max_diagnostics, 100);
}

static void test_context_bad_options(void **state)
{
	ngojst_context_options opts = NGOJST_CONTEXT_OPTIONS_INIT;
	ngojst_allocator half = { tr_malloc, NULL, tr_free, NULL };
	ngojst_context *ctx = (ngojst_context *)&opts;  /* must be reset to NULL */

	(void)state;
	assert_int_equal(ngojst_context_new(NULL, NULL), NGOJST_EINVAL);

	opts.version = 0;
	assert_int_equal(ngojst_context_new(&ctx, &opts), NGOJST_EINVAL);
	assert_null(ctx);
	opts.version = NGOJST_CONTEXT_OPTIONS_VERSION + 1;
	ctx = (ngojst_context *)&opts;
	assert_int_equal(ngojst_context_new(&ctx, &opts), NGOJST_EINVAL);
	assert_null(ctx);

	opts.version = NGOJST_CONTEXT_OPTIONS_VERSION;
	opts.allocator = &half;
	assert_int_equal(ngojst_context_new(&ctx, &opts), NGOJST_EINVAL);
	assert_null(ctx);
}

static void test_context_custom_allocator(void **state)
{
	tracker t;
	ngojst_limits limits = { 0 };
	ngojst_context *ctx;
	char *p;

	(void)state;
	limits.max_depth = 5;
	limits.max_diagnostics = 7;
	ctx = tracked_context(&t, &limits);
	assert_int_equal(t.live, 1);
	assert_int_equal(ngojst_context_limits(ctx)->max_depth, 5);
	assert_int_equal(ngojst_context_limits(ctx)->max_diagnostics, 7);
	/* Zero fields take defaults. */
	assert_int_equal(ngojst_context_limits(ctx)->max_nodes, 1000000);

	p = ngojst_malloc(ctx, 100);
	assert_non_null(p);
	assert_int_equal(t.live, 2);
	memset(p, 'x', 100);
	ngojst_free(ctx, p);
	ngojst_free(ctx, NULL);
	ngojst_free(NULL, NULL);
	assert_int_equal(t.live, 1);
	/* A zero-byte request still yields a distinct pointer. */
	p = ngojst_malloc(ctx, 0);
	assert_non_null(p);
	ngojst_free(ctx, p);

	ngojst_context_free(ctx);
	assert_int_equal(t.live, 0);
	assert_int_equal(t.bytes, 0);
}

static void test_context_enomem(void **state)
{
	ngojst_allocator a = { tr_malloc, tr_realloc, tr_free, NULL };
	ngojst_context_options opts = NGOJST_CONTEXT_OPTIONS_INIT;
	ngojst_context *ctx = (ngojst_context *)&opts;
	tracker t = { 0, 0, 0, 0 };

	(void)state;
	a.ud = &t;
	opts.allocator = &a;
	assert_int_equal(ngojst_context_new(&ctx, &opts), NGOJST_ENOMEM);
	assert_null(ctx);
	assert_int_equal(t.live, 0);
}

static void test_alloc_helpers(void **state)
{
	tracker t;
	ngojst_context *ctx = tracked_context(&t, NULL);
	unsigned char *z;
	char *s;
	int *items = NULL;
	size_t cap = 0, i;

	(void)state;
	z = ngojst_calloc(ctx, 10, 7);
	assert_non_null(z);
	for (i = 0; i < 70; i++)
		assert_int_equal(z[i], 0);
	ngojst_free(ctx, z);
	z = ngojst_calloc(ctx, 0, 7);
	assert_non_null(z);
	ngojst_free(ctx, z);
	assert_null(ngojst_calloc(ctx, SIZE_MAX / 2, 3));
	assert_null(ngojst_calloc(ctx, 3, SIZE_MAX / 2));

	z = ngojst_realloc(ctx, NULL, 4);
	assert_non_null(z);
	memcpy(z, "abc", 4);
	z = ngojst_realloc(ctx, z, 4000);
	assert_string_equal((char *)z, "abc");
	ngojst_free(ctx, z);

	s = ngojst_strdup(ctx, "zażółć");
	assert_string_equal(s, "zażółć");
	ngojst_free(ctx, s);
	assert_null(ngojst_strdup(ctx, NULL));
	s = ngojst_strndup(ctx, "abcdef", 3);
	assert_string_equal(s, "abc");
	ngojst_free(ctx, s);
	s = ngojst_strndup(ctx, "a\0b", 3);
	assert_memory_equal(s, "a\0b", 4);
	ngojst_free(ctx, s);

	assert_int_equal(ngojst_grow(ctx, (void **)&items, &cap, 0, sizeof(*items)), NGOJST_OK);
	assert_null(items);
	assert_int_equal(ngojst_grow(ctx, (void **)&items, &cap, 1, sizeof(*items)), NGOJST_OK);
	assert_int_equal(cap, 8);
	assert_int_equal(ngojst_grow(ctx, (void **)&items, &cap, 8, sizeof(*items)), NGOJST_OK);
	assert_int_equal(cap, 8);
	assert_int_equal(ngojst_grow(ctx, (void **)&items, &cap, 20, sizeof(*items)), NGOJST_OK);
	assert_int_equal(cap, 32);
	for (i = 0; i < 20; i++)
		items[i] = (int)i;
	assert_int_equal(ngojst_grow(ctx, (void **)&items, &cap, SIZE_MAX / 2, sizeof(*items)), NGOJST_ENOMEM);
	assert_int_equal(cap, 32);
	t.budget = 0;
	assert_int_equal(ngojst_grow(ctx, (void **)&items, &cap, 33, sizeof(*items)), NGOJST_ENOMEM);
	assert_int_equal(cap, 32);
	assert_int_equal(items[19], 19);
	assert_null(ngojst_strdup(ctx, "x"));
	assert_null(ngojst_calloc(ctx, 1, 1));
	t.budget = -1;
	ngojst_free(ctx, items);

	ngojst_context_free(ctx);
	assert_int_equal(t.live, 0);
}

/* ---- errors ------------------------------------------------------------- */

static void test_strerror(void **state)
{
	static const int codes[] = {
		NGOJST_OK, NGOJST_ERROR, NGOJST_ENOMEM, NGOJST_EIO, NGOJST_EINVAL,
		NGOJST_EPARSE, NGOJST_EINPUT, NGOJST_ERULESET, NGOJST_ELIMIT,
		NGOJST_ENOTFOUND, NGOJST_ERANGE, NGOJST_EOF,
	};
	const char *unknown = ngojst_strerror(12345);
	size_t i, j;

	(void)state;
	assert_string_equal(unknown, "unknown error code");
	assert_string_equal(ngojst_strerror(NGOJST_OK), "success");
	assert_string_equal(ngojst_strerror(NGOJST_ENOMEM), "out of memory");
	assert_string_equal(ngojst_strerror(NGOJST_ERANGE), "value out of range");
	for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		const char *s = ngojst_strerror(codes[i]);

		assert_non_null(s);
		assert_true(strlen(s) > 0);
		assert_string_not_equal(s, unknown);
		for (j = 0; j < i; j++)
			assert_string_not_equal(s, ngojst_strerror(codes[j]));
	}
	assert_string_equal(ngojst_strerror(1), unknown);
	assert_string_equal(ngojst_strerror(-12), unknown);
	assert_string_equal(ngojst_strerror(INT_MIN), unknown);
	assert_string_equal(ngojst_strerror(INT_MAX), unknown);
}

static void test_version_and_lang(void **state)
{
	ngojst_lang lang = NGOJST_LANG_EN;

	(void)state;
	assert_string_equal(ngojst_version(), NGOJST_VERSION);
	assert_int_equal(ngojst_version_number(), NGOJST_VERSION_NUMBER);
	assert_true(NGOJST_CHECK_VERSION(0, 0, 0));

	assert_int_equal(ngojst_lang_parse(&lang, "pl"), NGOJST_OK);
	assert_int_equal(lang, NGOJST_LANG_PL);
	assert_int_equal(ngojst_lang_parse(&lang, "en"), NGOJST_OK);
	assert_int_equal(lang, NGOJST_LANG_EN);
	assert_int_equal(ngojst_lang_parse(&lang, "PL"), NGOJST_EINVAL);
	assert_int_equal(ngojst_lang_parse(&lang, "de"), NGOJST_EINVAL);
	assert_int_equal(ngojst_lang_parse(&lang, ""), NGOJST_EINVAL);
	assert_int_equal(ngojst_lang_parse(&lang, "pl "), NGOJST_EINVAL);
	assert_int_equal(lang, NGOJST_LANG_EN);
	assert_int_equal(ngojst_lang_parse(&lang, NULL), NGOJST_EINVAL);
	assert_int_equal(ngojst_lang_parse(NULL, "pl"), NGOJST_EINVAL);
}

/* ---- diagnostics ---------------------------------------------------------- */

/* Not on a fixture context: cmocka checks for leaks between the test body
 * and its teardown, and recorded diagnostics stay on the context. */
static void test_diag_add_format_clear(void **state)
{
	ngojst_context *ctx = test_context_new();
	const ngojst_diag *d;
	char *text = NULL;
	char source[] = "plan.yaml";

	(void)state;
	assert_int_equal(ngojst_diag_count(ctx), 0);
	assert_null(ngojst_diag_at(ctx, 0));
	assert_int_equal(ngojst_diag_first_code(ctx, NGOJST_ERROR), NGOJST_ERROR);
	assert_int_equal(ngojst_diag_format(ctx, &text), NGOJST_OK);
	assert_string_equal(text, "");
	ngojst_free(ctx, text);

	assert_int_equal(ngojst_diag_add(ctx, NGOJST_EINPUT, source, 3, 7, 42, "/zadania/0",
					 "unknown key \"%s\" (%d)", "kwota", 12), NGOJST_EINPUT);
	/* Strings are copied: the caller's buffer may change afterwards. */
	source[0] = 'X';
	assert_int_equal(ngojst_diag_add(ctx, NGOJST_EPARSE, NULL, 0, 0, 0, NULL, "no position"), NGOJST_EPARSE);
	assert_int_equal(ngojst_diag_count(ctx), 2);
	assert_int_equal(ngojst_diag_first_code(ctx, NGOJST_ERROR), NGOJST_EINPUT);

	d = ngojst_diag_at(ctx, 0);
	assert_non_null(d);
	assert_int_equal(d->code, NGOJST_EINPUT);
	assert_string_equal(d->source, "plan.yaml");
	assert_int_equal(d->line, 3);
	assert_int_equal(d->column, 7);
	assert_int_equal(d->offset, 42);
	assert_string_equal(d->path, "/zadania/0");
	assert_string_equal(d->message, "unknown key \"kwota\" (12)");
	d = ngojst_diag_at(ctx, 1);
	assert_non_null(d);
	assert_null(d->source);
	assert_null(d->path);
	assert_string_equal(d->message, "no position");
	assert_null(ngojst_diag_at(ctx, 2));
	assert_null(ngojst_diag_at(ctx, SIZE_MAX));

	assert_int_equal(ngojst_diag_format(ctx, &text), NGOJST_OK);
	assert_string_equal(text, "plan.yaml:3:7: error: unknown key \"kwota\" (12)\n"
				  "<input>: error: no position\n");
	ngojst_free(ctx, text);
	assert_int_equal(ngojst_diag_dropped(ctx), 0);

	ngojst_diag_clear(ctx);
	assert_int_equal(ngojst_diag_count(ctx), 0);
	assert_null(ngojst_diag_at(ctx, 0));
	/* The context is reusable after a clear. */
	ngojst_diag_add(ctx, NGOJST_ELIMIT, "<string>", 1, 1, 0, "", "too deep");
	assert_int_equal(ngojst_diag_count(ctx), 1);
	assert_string_equal(ngojst_diag_at(ctx, 0)->path, "");

	assert_int_equal(ngojst_diag_count(NULL), 0);
	assert_null(ngojst_diag_at(NULL, 0));
	assert_int_equal(ngojst_diag_dropped(NULL), 0);
	assert_int_equal(ngojst_diag_format(NULL, &text), NGOJST_EINVAL);
	assert_int_equal(ngojst_diag_format(ctx, NULL), NGOJST_EINVAL);
	ngojst_context_free(ctx);
}

static void test_diag_max_dropping(void **state)
{
	ngojst_limits limits = { 0 };
	ngojst_context *ctx;
	char *text;
	int i;

	(void)state;
	limits.max_diagnostics = 3;
	ctx = test_context_new_limits(&limits);
	for (i = 0; i < 5; i++)
		assert_int_equal(ngojst_diag_add(ctx, NGOJST_EINPUT, "a.yaml", (unsigned)i + 1, 1, 0, NULL, "e%d", i),
				 NGOJST_EINPUT);
	assert_int_equal(ngojst_diag_count(ctx), 3);
	assert_int_equal(ngojst_diag_dropped(ctx), 2);
	assert_string_equal(ngojst_diag_at(ctx, 2)->message, "e2");
	assert_int_equal(ngojst_diag_format(ctx, &text), NGOJST_OK);
	assert_string_equal(text, "a.yaml:1:1: error: e0\n"
				  "a.yaml:2:1: error: e1\n"
				  "a.yaml:3:1: error: e2\n"
				  "(2 more diagnostics not shown)\n");
	ngojst_free(ctx, text);
	ngojst_diag_clear(ctx);
	assert_int_equal(ngojst_diag_count(ctx), 0);
	assert_int_equal(ngojst_diag_dropped(ctx), 0);
	ngojst_context_free(ctx);
}

/* Out of memory at every step of recording a diagnostic: it is dropped
 * (counted) and nothing leaks. */
static void test_diag_oom(void **state)
{
	long budget;
	int recorded = 0;

	(void)state;
	for (budget = 0; budget < 10; budget++) {
		tracker t;
		ngojst_context *ctx = tracked_context(&t, NULL);
		char *text = (char *)&t;

		t.budget = budget;
		ngojst_diag_add(ctx, NGOJST_EINPUT, "file.yaml", 1, 2, 3, "/a", "message %d", 1);
		assert_int_equal(ngojst_diag_count(ctx) + ngojst_diag_dropped(ctx), 1);
		if (ngojst_diag_count(ctx)) {
			recorded = 1;
			assert_string_equal(ngojst_diag_at(ctx, 0)->message, "message 1");
		}
		t.budget = 0;
		assert_int_equal(ngojst_diag_format(ctx, &text), NGOJST_ENOMEM);
		assert_null(text);
		t.budget = -1;
		ngojst_diag_clear(ctx);
		ngojst_context_free(ctx);
		assert_int_equal(t.live, 0);
		assert_int_equal(t.bytes, 0);
	}
	assert_true(recorded);
}

/* ---- arena -------------------------------------------------------------- */

static int aligned(const void *p)
{
	return (uintptr_t)p % alignof(max_align_t) == 0;
}

static void test_arena_basic(void **state)
{
	tracker t;
	ngojst_context *ctx = tracked_context(&t, NULL);
	ngojst_arena a;
	unsigned char *p, *q, *z;
	char *s;
	size_t i;

	(void)state;
	ngojst_arena_init(&a, ctx, 0);
	assert_int_equal(a.total, 0);
	assert_int_equal(t.live, 1);  /* nothing until the first allocation */

	p = ngojst_arena_alloc(&a, 1);
	q = ngojst_arena_alloc(&a, 1);
	assert_non_null(p);
	assert_non_null(q);
	assert_ptr_not_equal(p, q);
	assert_true(aligned(p));
	assert_true(aligned(q));
	assert_int_equal(a.total, 2 * alignof(max_align_t));
	/* Zero bytes still give a distinct, aligned pointer. */
	z = ngojst_arena_alloc(&a, 0);
	assert_non_null(z);
	assert_ptr_not_equal(z, q);
	assert_true(aligned(z));

	for (i = 1; i < 200; i++) {
		p = ngojst_arena_zalloc(&a, i * 3);
		assert_non_null(p);
		assert_true(aligned(p));
		assert_int_equal(p[i * 3 - 1], 0);
		assert_int_equal(p[0], 0);
		memset(p, 0xAB, i * 3);
	}
	s = ngojst_arena_strdup(&a, "Wniebowzięcie");
	assert_string_equal(s, "Wniebowzięcie");
	s = ngojst_arena_strndup(&a, "abcdef", 2);
	assert_string_equal(s, "ab");
	s = ngojst_arena_strndup(&a, "", 0);
	assert_string_equal(s, "");

	ngojst_arena_release(&a);
	assert_int_equal(a.total, 0);
	assert_null(a.head);
	assert_int_equal(t.live, 1);
	/* Usable again after release. */
	assert_non_null(ngojst_arena_alloc(&a, 10));
	ngojst_arena_release(&a);
	ngojst_arena_release(&a);

	ngojst_context_free(ctx);
	assert_int_equal(t.live, 0);
}

static void test_arena_large_and_reset(void **state)
{
	tracker t;
	ngojst_context *ctx = tracked_context(&t, NULL);
	ngojst_arena a;
	unsigned char *small, *big, *after, *more;
	size_t calls, first_bytes;

	(void)state;
	ngojst_arena_init(&a, ctx, 256);
	small = ngojst_arena_alloc(&a, 16);
	assert_non_null(small);
	assert_int_equal(t.live, 2);
	first_bytes = t.bytes;

	/* A large allocation gets a chunk of its own... */
	big = ngojst_arena_alloc(&a, 100000);
	assert_non_null(big);
	assert_true(aligned(big));
	memset(big, 0x5A, 100000);
	assert_int_equal(t.live, 3);
	/* ...and the first chunk keeps serving small requests. */
	calls = t.calls;
	after = ngojst_arena_alloc(&a, 16);
	assert_non_null(after);
	assert_int_equal(t.calls, calls);
	assert_ptr_equal(after, small + 16);
	/* An ordinary chunk when the first one is full. */
	more = ngojst_arena_alloc(&a, 300);
	assert_non_null(more);
	assert_int_equal(t.live, 4);
	assert_int_equal(a.total, 16 + 100000 + 16 + 304);
	assert_int_equal(big[99999], 0x5A);

	/* Reset keeps one small chunk, not the 100 kB one. */
	ngojst_arena_reset(&a);
	assert_int_equal(a.total, 0);
	assert_int_equal(t.live, 2);
	assert_true(t.bytes - (first_bytes - 256) < 1024);
	calls = t.calls;
	small = ngojst_arena_alloc(&a, 200);
	assert_non_null(small);
	assert_int_equal(t.calls, calls);  /* reused, no allocation */
	memset(small, 1, 200);
	ngojst_arena_reset(&a);
	ngojst_arena_reset(&a);
	assert_int_equal(t.live, 2);

	/* A reset of an arena that never allocated is harmless. */
	ngojst_arena_release(&a);
	ngojst_arena_reset(&a);
	assert_null(a.head);

	/* A first allocation that is large is the only chunk; reset keeps it. */
	big = ngojst_arena_alloc(&a, 5000);
	assert_non_null(big);
	ngojst_arena_reset(&a);
	assert_int_equal(t.live, 2);
	assert_non_null(ngojst_arena_alloc(&a, 5000));
	ngojst_arena_release(&a);

	ngojst_context_free(ctx);
	assert_int_equal(t.live, 0);
}

static void test_arena_limits(void **state)
{
	tracker t;
	ngojst_context *ctx = tracked_context(&t, NULL);
	ngojst_arena a;

	(void)state;
	ngojst_arena_init(&a, ctx, 64);
	assert_null(ngojst_arena_alloc(&a, SIZE_MAX));
	assert_null(ngojst_arena_alloc(&a, SIZE_MAX - 1));
	assert_null(ngojst_arena_alloc(&a, SIZE_MAX - alignof(max_align_t)));
	assert_null(ngojst_arena_alloc(&a, SIZE_MAX / 2 + 1));
	assert_null(ngojst_arena_strndup(&a, "x", SIZE_MAX));
	assert_null(a.head);
	t.budget = 0;
	assert_null(ngojst_arena_alloc(&a, 8));
	assert_null(ngojst_arena_zalloc(&a, 8));
	assert_null(ngojst_arena_strdup(&a, "abc"));
	t.budget = -1;
	assert_non_null(ngojst_arena_alloc(&a, 8));
	assert_int_equal(a.total, alignof(max_align_t));
	ngojst_arena_release(&a);
	ngojst_context_free(ctx);
	assert_int_equal(t.live, 0);
}

/* The arena on the suites' usual cmocka-backed context: leaks would fail. */
static void test_arena_test_context(void **state)
{
	ngojst_context *ctx = *state;
	ngojst_arena a;
	int i;

	ngojst_arena_init(&a, ctx, 128);
	for (i = 0; i < 1000; i++) {
		char *s = ngojst_arena_strdup(&a, "Narodowe Święto Niepodległości");

		assert_non_null(s);
		if (i % 100 == 0)
			assert_non_null(ngojst_arena_alloc(&a, 20000));
	}
	ngojst_arena_reset(&a);
	assert_non_null(ngojst_arena_alloc(&a, 8));
	ngojst_arena_release(&a);
}

/* ---- buffers ------------------------------------------------------------ */

static void test_buf_basic(void **state)
{
	ngojst_context *ctx = *state;
	ngojst_buf b;
	char *out = NULL;
	int i;

	ngojst_buf_init(&b, ctx);
	assert_string_equal(ngojst_buf_cstr(&b), "");
	ngojst_buf_puts(&b, "Ala");
	ngojst_buf_putc(&b, ' ');
	ngojst_buf_add(&b, "ma kota!!", 7);
	ngojst_buf_printf(&b, ", %d zł i %s", 12, "grosze");
	assert_string_equal(ngojst_buf_cstr(&b), "Ala ma kota, 12 zł i grosze");
	assert_int_equal(b.len, strlen("Ala ma kota, 12 zł i grosze"));
	ngojst_buf_add(&b, NULL, 0);
	ngojst_buf_printf(&b, "%s", "");
	assert_int_equal(b.len, strlen("Ala ma kota, 12 zł i grosze"));

	ngojst_buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(ngojst_buf_cstr(&b), "");
	/* Growth across many appends. */
	for (i = 0; i < 1000; i++)
		ngojst_buf_printf(&b, "%03d,", i);
	assert_int_equal(b.len, 4000);
	assert_memory_equal(b.data + 3996, "999,", 4);

	assert_int_equal(ngojst_buf_detach(&b, &out), NGOJST_OK);
	assert_non_null(out);
	assert_int_equal(strlen(out), 4000);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	ngojst_free(ctx, out);
	/* Detaching an empty buffer gives an empty string. */
	assert_int_equal(ngojst_buf_detach(&b, &out), NGOJST_OK);
	assert_string_equal(out, "");
	ngojst_free(ctx, out);
	ngojst_buf_dispose(&b);
	ngojst_buf_dispose(&b);
}

static void test_buf_json(void **state)
{
	ngojst_context *ctx = *state;
	ngojst_buf b;
	char all[32];
	char expect[256];
	size_t i;

	ngojst_buf_init(&b, ctx);
	ngojst_buf_json_string(&b, "plain");
	ngojst_buf_putc(&b, ' ');
	ngojst_buf_json_string(&b, NULL);
	ngojst_buf_putc(&b, ' ');
	ngojst_buf_json_string(&b, "");
	ngojst_buf_putc(&b, ' ');
	ngojst_buf_json_string(&b, "say \"hi\" \\ / zł");
	assert_string_equal(ngojst_buf_cstr(&b), "\"plain\" null \"\" \"say \\\"hi\\\" \\\\ / zł\"");

	/* Every control character, including NUL inside the span. */
	ngojst_buf_reset(&b);
	for (i = 0; i < 32; i++)
		all[i] = (char)i;
	ngojst_buf_json_escape(&b, all, sizeof(all));
	expect[0] = '\0';
	for (i = 0; i < 32; i++) {
		char one[8];

		switch (i) {
		case '\b': strcpy(one, "\\b"); break;
		case '\t': strcpy(one, "\\t"); break;
		case '\n': strcpy(one, "\\n"); break;
		case '\f': strcpy(one, "\\f"); break;
		case '\r': strcpy(one, "\\r"); break;
		default: snprintf(one, sizeof(one), "\\u%04x", (unsigned)i); break;
		}
		strcat(expect, one);
	}
	assert_string_equal(ngojst_buf_cstr(&b), expect);

	/* Runs of plain text around escapes are kept intact. */
	ngojst_buf_reset(&b);
	ngojst_buf_json_escape(&b, "a\x01" "bc\"d\x7f" "e\n", 9);
	assert_string_equal(ngojst_buf_cstr(&b), "a\\u0001bc\\\"d\\u007fe\\n");
	ngojst_buf_reset(&b);
	ngojst_buf_json_escape(&b, "tail", 4);
	ngojst_buf_json_escape(&b, "", 0);
	ngojst_buf_json_escape(&b, NULL, 0);
	ngojst_buf_json_escape(&b, "\"", 1);
	assert_string_equal(ngojst_buf_cstr(&b), "tail\\\"");
	ngojst_buf_dispose(&b);
}

static void test_buf_oom(void **state)
{
	tracker t;
	ngojst_context *ctx = tracked_context(&t, NULL);
	ngojst_buf b;
	char *out = (char *)&t;

	(void)state;
	ngojst_buf_init(&b, ctx);
	t.budget = 0;
	ngojst_buf_puts(&b, "x");
	assert_true(b.failed);
	assert_null(ngojst_buf_cstr(&b));
	t.budget = -1;
	/* The failure is sticky until detached or reset. */
	ngojst_buf_puts(&b, "y");
	ngojst_buf_printf(&b, "%d", 5);
	ngojst_buf_json_string(&b, "z");
	assert_null(ngojst_buf_cstr(&b));
	assert_int_equal(ngojst_buf_detach(&b, &out), NGOJST_ENOMEM);
	assert_null(out);
	assert_false(b.failed);
	ngojst_buf_puts(&b, "ok");
	assert_string_equal(ngojst_buf_cstr(&b), "ok");

	/* Failing in the middle of a long append keeps the old contents. */
	t.budget = 0;
	ngojst_buf_printf(&b, "%0500d", 1);
	assert_true(b.failed);
	t.budget = -1;
	ngojst_buf_reset(&b);
	assert_false(b.failed);
	ngojst_buf_puts(&b, "again");
	assert_string_equal(ngojst_buf_cstr(&b), "again");
	ngojst_buf_dispose(&b);

	/* cstr on a never-used buffer needs an allocation too. */
	ngojst_buf_init(&b, ctx);
	t.budget = 0;
	assert_null(ngojst_buf_cstr(&b));
	t.budget = -1;
	ngojst_buf_dispose(&b);

	ngojst_context_free(ctx);
	assert_int_equal(t.live, 0);
}

/* ---- SHA-256 -------------------------------------------------------------- */

static void sha_hex(const void *data, size_t len, char out[65])
{
	ngojst_sha256 s;
	unsigned char digest[32];

	ngojst_sha256_init(&s);
	ngojst_sha256_update(&s, data, len);
	ngojst_sha256_final(&s, digest);
	ngojst_sha256_hex(digest, out);
}

static void test_sha256_vectors(void **state)
{
	char hex[65];
	ngojst_sha256 s;
	unsigned char digest[32];
	char block[1000];
	int i;

	(void)state;
	/* FIPS 180-2 appendix B and the usual extra vectors. */
	sha_hex("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	sha_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sha_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, hex);
	assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	sha_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
		112, hex);
	assert_string_equal(hex, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
	sha_hex("The quick brown fox jumps over the lazy dog", 43, hex);
	assert_string_equal(hex, "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592");

	/* One million 'a', fed in uneven pieces. */
	memset(block, 'a', sizeof(block));
	ngojst_sha256_init(&s);
	for (i = 0; i < 1000; i++) {
		ngojst_sha256_update(&s, block, 7);
		ngojst_sha256_update(&s, block, 0);
		ngojst_sha256_update(&s, block, 993);
	}
	ngojst_sha256_final(&s, digest);
	ngojst_sha256_hex(digest, hex);
	assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	ngojst_sha256_update(&s, NULL, 0);
}

/* Every length around the padding boundaries, hashed whole and in two
 * parts at every split point, must agree. */
static void test_sha256_splits(void **state)
{
	unsigned char msg[200];
	size_t len, cut;

	(void)state;
	for (len = 0; len < sizeof(msg); len++)
		msg[len] = (unsigned char)(len * 7 + 3);
	for (len = 0; len <= 130; len++) {
		char whole[65], parts[65];
		unsigned char digest[32];

		sha_hex(msg, len, whole);
		for (cut = 0; cut <= len; cut++) {
			ngojst_sha256 s;

			ngojst_sha256_init(&s);
			ngojst_sha256_update(&s, msg, cut);
			ngojst_sha256_update(&s, msg + cut, len - cut);
			ngojst_sha256_final(&s, digest);
			ngojst_sha256_hex(digest, parts);
			if (strcmp(whole, parts) != 0)
				fail_msg("length %zu split at %zu differs", len, cut);
		}
	}
	/* Known digests at 55/56/64 bytes, where the padding changes shape. */
	{
		char hex[65];
		memset(msg, 'a', sizeof(msg));
		sha_hex(msg, 55, hex);
		assert_string_equal(hex, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
		sha_hex(msg, 56, hex);
		assert_string_equal(hex, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
		sha_hex(msg, 64, hex);
		assert_string_equal(hex, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
	}
}

static void test_sha256_hex(void **state)
{
	unsigned char digest[32];
	char hex[66];
	int i;

	(void)state;
	for (i = 0; i < 32; i++)
		digest[i] = (unsigned char)(i * 8 + 7);
	hex[65] = 'X';
	ngojst_sha256_hex(digest, hex);
	assert_string_equal(hex, "070f171f272f373f474f575f676f777f878f979fa7afb7bfc7cfd7dfe7eff7ff");
	assert_int_equal(hex[65], 'X');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_context_defaults),
		cmocka_unit_test(test_context_bad_options),
		cmocka_unit_test(test_context_custom_allocator),
		cmocka_unit_test(test_context_enomem),
		cmocka_unit_test(test_alloc_helpers),
		cmocka_unit_test(test_strerror),
		cmocka_unit_test(test_version_and_lang),
		cmocka_unit_test(test_diag_add_format_clear),
		cmocka_unit_test(test_diag_max_dropping),
		cmocka_unit_test(test_diag_oom),
		cmocka_unit_test(test_arena_basic),
		cmocka_unit_test(test_arena_large_and_reset),
		cmocka_unit_test(test_arena_limits),
		cmocka_unit_test_setup_teardown(test_arena_test_context, test_setup_context, test_teardown_context),
		cmocka_unit_test_setup_teardown(test_buf_basic, test_setup_context, test_teardown_context),
		cmocka_unit_test_setup_teardown(test_buf_json, test_setup_context, test_teardown_context),
		cmocka_unit_test(test_buf_oom),
		cmocka_unit_test(test_sha256_vectors),
		cmocka_unit_test(test_sha256_splits),
		cmocka_unit_test(test_sha256_hex),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
