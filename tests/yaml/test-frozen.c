/* Frozen trees (lib/yaml/frozen.c): the built-in rule set's trees, parsed
 * when the library was built, must be exactly what parsing its text gives;
 * freezing and thawing any tree gives it back; a damaged image is refused
 * with a diagnostic, never read out of bounds. */
#include <stdlib.h>
#include <string.h>

#include "test-common.h"

#include "rules/builtin.h"
#include "tree-diff.h"
#include "yaml/frozen.h"

static void expect_same_tree(const ngojst_tree *a, const ngojst_tree *b, const char *what)
{
	char why[512] = "";

	if (!tree_diff_nodes(a->root, b->root, why, sizeof(why))) {
		fprintf(stderr, "%s: %s\n", what, why);
		fail();
	}
}

static void test_builtin_trees(void **state)
{
	size_t i;

	(void)state;
	assert_true(ngojst_builtin_file_count > 0);
	for (i = 0; i < ngojst_builtin_file_count; i++) {
		ngojst_context *ctx = test_context_new();
		ngojst_arena a, b;
		ngojst_tree *parsed = NULL, *thawed = NULL;

		ngojst_arena_init(&a, ctx, 0);
		ngojst_arena_init(&b, ctx, 0);
		assert_int_equal(ngojst_tree_parse_single(ctx, &a, ngojst_builtin_files[i].name,
							  ngojst_builtin_files[i].text,
							  ngojst_builtin_files[i].len, &parsed),
				 NGOJST_OK);
		assert_int_equal(ngojst_tree_thaw(ctx, &b, ngojst_builtin_files[i].name,
						  ngojst_builtin_trees[i].image, ngojst_builtin_trees[i].len,
						  &thawed),
				 NGOJST_OK);
		expect_same_tree(thawed, parsed, ngojst_builtin_files[i].name);
		assert_int_equal(thawed->node_count, parsed->node_count);
		ngojst_arena_release(&a);
		ngojst_arena_release(&b);
		ngojst_context_free(ctx);
	}
}

/* Freeze a text's tree into img (malloc'd) and return the parsed tree. */
static ngojst_tree *freeze_text(ngojst_context *ctx, ngojst_arena *arena, const char *text,
				unsigned char **img, size_t *len)
{
	ngojst_tree *t = NULL;
	ngojst_buf buf;

	assert_int_equal(ngojst_tree_parse_single(ctx, arena, "<string>", text, strlen(text), &t),
			 NGOJST_OK);
	ngojst_buf_init(&buf, ctx);
	assert_int_equal(ngojst_tree_freeze(t, &buf), NGOJST_OK);
	*len = buf.len;
	*img = malloc(buf.len);
	assert_non_null(*img);
	memcpy(*img, buf.data, buf.len);
	ngojst_buf_dispose(&buf);
	return t;
}

static void test_round_trip(void **state)
{
	static const char *const texts[] = {
		"a: 1\n",
		"- x\n- [y, {z: ''}]\n- |\n  lit\n- \"q\\n\"\n",
		"k:\nm: {}\nn: []\nZażółć: gęślą\n",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		ngojst_context *ctx = test_context_new();
		ngojst_arena a, b;
		ngojst_tree *parsed, *thawed = NULL;
		unsigned char *img;
		size_t len;

		ngojst_arena_init(&a, ctx, 0);
		ngojst_arena_init(&b, ctx, 0);
		parsed = freeze_text(ctx, &a, texts[i], &img, &len);
		assert_int_equal(ngojst_tree_thaw(ctx, &b, "<string>", img, len, &thawed), NGOJST_OK);
		expect_same_tree(thawed, parsed, texts[i]);
		free(img);
		ngojst_arena_release(&a);
		ngojst_arena_release(&b);
		ngojst_context_free(ctx);
	}
}

/* What freezing refuses: a tag, an empty document. */
static void test_freeze_refuses(void **state)
{
	ngojst_context *ctx = test_context_new();
	ngojst_arena a;
	ngojst_tree *t = NULL;
	ngojst_buf buf;

	(void)state;
	ngojst_arena_init(&a, ctx, 0);
	ngojst_buf_init(&buf, ctx);
	assert_int_equal(ngojst_tree_parse_single(ctx, &a, "<string>", "a: !!str 1\n", 11, &t), NGOJST_OK);
	assert_int_equal(ngojst_tree_freeze(t, &buf), NGOJST_EINVAL);
	assert_int_equal(ngojst_tree_parse_single(ctx, &a, "<string>", "", 0, &t), NGOJST_OK);
	assert_int_equal(ngojst_tree_freeze(t, &buf), NGOJST_EINVAL);
	ngojst_buf_dispose(&buf);
	ngojst_arena_release(&a);
	ngojst_context_free(ctx);
}

static int thaw(const unsigned char *img, size_t len)
{
	ngojst_context *ctx = test_context_new();
	ngojst_arena a;
	ngojst_tree *t = NULL;
	int rc;

	ngojst_arena_init(&a, ctx, 0);
	rc = ngojst_tree_thaw(ctx, &a, "<string>", img, len, &t);
	if (rc == NGOJST_ERROR) {
		assert_null(t);
		assert_true(ngojst_diag_count(ctx) == 1);
		assert_non_null(strstr(ngojst_diag_at(ctx, 0)->message, "damaged"));
	}
	ngojst_arena_release(&a);
	ngojst_context_free(ctx);
	return rc;
}

static void test_damaged(void **state)
{
	ngojst_context *ctx = test_context_new();
	ngojst_arena a;
	unsigned char *img, *bad;
	size_t len, i;
	uint64_t x = 88172645463325252u;

	(void)state;
	ngojst_arena_init(&a, ctx, 0);
	freeze_text(ctx, &a, "- x\n- {y: [z, w]}\n- v\n", &img, &len);
	bad = malloc(len);
	assert_non_null(bad);
	/* Each damage refused. */
	memcpy(bad, img, len);
	bad[0] = 'X';
	assert_int_equal(thaw(bad, len), NGOJST_ERROR);
	for (i = 0; i < len; i++)
		assert_int_equal(thaw(img, i), NGOJST_ERROR); /* every truncation */
	memcpy(bad, img, len);
	bad[len - 1] = 'x'; /* the last text loses its NUL */
	assert_int_equal(thaw(bad, len), NGOJST_ERROR);
	memcpy(bad, img, len);
	bad[20 + 24 + 0] = 9; /* a node type that does not exist */
	assert_int_equal(thaw(bad, len), NGOJST_ERROR);
	/* Random bytes changed: refused or thawed, never out of bounds (ASan,
	 * valgrind). */
	for (i = 0; i < 4000; i++) {
		memcpy(bad, img, len);
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		bad[x % len] ^= (unsigned char)(1u << (x >> 32) % 8);
		(void)thaw(bad, len);
	}
	assert_int_equal(thaw(img, len), NGOJST_OK);
	free(bad);
	free(img);
	ngojst_arena_release(&a);
	ngojst_context_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_trees),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_freeze_refuses),
		cmocka_unit_test(test_damaged),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
