/* The direct block-style reader (lib/yaml/block.c) against libyaml.
 *
 * Every input here is read from a buffer (direct readers first) and from a
 * FILE (libyaml only), and the two must agree to the byte: trees, positions,
 * errors (tests/yaml/tree-diff.h). Inputs: every YAML file of the
 * repository, hand-written cases for each construct and each thing the
 * reader leaves to libyaml, thousands of mutations of real documents, the
 * yaml-test-suite, and tight limits. Separate assertions make sure the
 * direct reader really takes what it is meant to take (the built-in rule
 * sets, the samples), so the comparison is not vacuous. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "test-common.h"
#include "test-config.h"

#include "tree-diff.h"

static size_t compared, direct_docs, wrong_counts;

static void expect_same(const char *what, const char *data, size_t len,
			const ngojst_limits *limits, tree_diff_result *res)
{
	assert_true(tree_diff_read(data, len, limits, res));
	compared++;
	direct_docs += res->direct;
	if (!res->same) {
		fprintf(stderr, "%s: %s\n--- input (%zu bytes) ---\n%.*s\n---\n", what, res->why, len,
			(int)(len > 2000 ? 2000 : len), data);
		fail();
	}
}

/* A text compared, expected to give `docs` documents of which `direct`
 * were read without libyaml (direct < 0: any number). */
static void check_text(const char *text, size_t docs, int direct)
{
	tree_diff_result res;

	expect_same("case", text, strlen(text), NULL, &res);
	if (res.documents != docs || (direct >= 0 && res.direct != (size_t)direct)) {
		fprintf(stderr, "case: %zu documents (%zu direct), expected %zu (%d direct):\n%s\n",
			res.documents, res.direct, docs, direct, text);
		wrong_counts++;
	}
}

/* ------------------------------------------------------------------------ */

static void test_constructs(void **state)
{
	(void)state;
	/* Covered: read without libyaml, same tree. */
	check_text("a: 1\nb: two words\nc: 'q''s'\nd: \"x\\\"y\\\\z\\n\\t\\u017c\"\n", 1, 1);
	check_text("# lead\n\n---   # doc\nkey: value # c\nempty:\nlist:\n- a\n-\n- - x\n  - y\n- k: v\n  k2: v2\n", 1, 1);
	check_text("m:\n  n:\n    o: [1, 2, {p: q, r: \"s\"}]\n  t: {}\n  u: []\n", 1, 1);
	check_text("f: [a,\n  b, # c\n  c]\ng: {x: 1,\n  y: 2}\n", 1, 1);
	check_text("lit: |\n  one\n   two\n\n  three\n\nkeep: |+\n  a\n\n\nstrip: >-\n  a\n  b\n\n  c\nz: 1\n", 1, 1);
	check_text("fold: >\n  a\n  b\nclip: |\n  x\n", 1, 1);
	check_text("seq:\n  - |\n    t\n  - >-\n    u\n    v\n", 1, 1);
	check_text("- a: 1\n  b:\n  - x\n  c: 3\n- plain\n- 'q'\n", 1, 1);
	check_text("a: Zażółć gęślą jaźń: nie\n", 0, 0); /* ": " in a value: an error */
	check_text("pl: Zażółć gęślą, jaźń\nurl: http://x.pl/a#b\ntime: 10:30\nneg: -5\n", 1, 1);
	check_text("a: 1\n---\nb: 2\n--- # three\nc: 3\n", 3, 3);
	check_text("a: 1\n---\nb: &x 2\n---\nc: 3\n", 3, 1); /* libyaml from the second on */
	check_text("a: 1\n---\nb: *x\n", 1, 1);               /* an error after a direct one */
	check_text("a: 1\n---\n- b\n---\nc:\n  d: 1\n...\n", 3, 2);
	check_text("a: 1\n# only comments follow\n\n", 1, 1);
	check_text("   # nothing\n\n", 0, 0);
	check_text("", 0, 0);
	check_text("  a: 1\n  b: 2\n", 1, 1);                   /* an indented root */
	check_text("\"quoted key\": 1\n'k2': [x]\n", 1, 1);
	check_text("a:\n  b\n", 1, 1);                          /* a scalar on its own line */
	check_text("[flow, root]\n", 1, 1);
	check_text("{\n  \"a\": 1,\n  \"b\": [1, 2.5, {\"c\": null}],\n  \"d\": \"x\\n\\u017c\"\n}\n", 1, 1);
	check_text("[\n  1,\n  true\n]\n---\n[\n\n]\n", 2, 2);
	check_text("{a: 1 # c\n}\n", 1, 1);
	check_text("{\"a\":1}\n", 1, 1);                         /* JSON on one line */

	/* Left to libyaml (valid or not), same outcome. */
	check_text("a: &anchor 1\nb: *anchor\n", 1, 0);
	check_text("a: !!str 1\n", 1, 0);
	check_text("%YAML 1.1\n---\na: 1\n", 1, 0);
	check_text("a: multi\n  line plain\n", 1, 0);
	check_text("a: \"multi\n  line\"\n", 1, 0);
	check_text("a:\tb\n", 1, 0);
	check_text("a: b\r\nc: d\r\n", 1, 0);
	check_text("? complex\n: key\n", 1, 0);
	check_text("a: |2\n   x\n", 1, 0);
	check_text("a: |\n\n  x\n", 1, 0);
	check_text("a: >\n  x\n    more\n  y\n", 1, 0);
	check_text("a: [x, ]\n", 1, 0);
	check_text("{\n \"a\":1\n}\n", 1, 0);                  /* no space after ":" */
	check_text("[a\n b]\n", 1, 0);                           /* a plain scalar over two lines */
	check_text("{a: 1\n# c\n}\n", 1, 1);
	check_text("a: {x}\n", 1, 0);
	check_text("a: [x: y]\n", 1, 0);
	check_text("a: \"\\x41\"\n", 1, 0);
	check_text("\xEF\xBB\xBF" "a: 1\n", 1, 0);
	check_text("scalar root\n", 1, 0);
	check_text("a: 1\na: 2\n", 0, 0);                       /* duplicate key: an error */
	check_text("a: 1\n b: 2\n", 0, 0);
	check_text("a:\n  - x\n  y: 1\n", 0, 0);
	check_text("- a\nb: 1\n", 0, 0);
	check_text("a: 'unterminated\n", 0, 0);
	check_text("a: \"\\ud800\"\n", 0, 0);
	check_text("a: \"x\\0y\"\n", 0, 0);
	check_text("a: b: c\n", 0, 0);
	check_text("a: 1\n--- x\n", 2, 1);
	check_text("a: 1\n---\n", 2, 1);
	check_text("a: \xC5\n", 0, 0);                          /* bad UTF-8 after a direct one */
	check_text("a: 1\n---\nb: \x01\n", 1, 1);
	assert_int_equal(wrong_counts, 0);
}

/* ------------------------------------------------------------------------ */

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcmp(s + n - k, suffix) == 0;
}

typedef void (*file_fn)(const char *path, const char *data, size_t len);

static void walk(const char *dir, file_fn fn)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char path[4096];

	if (!d)
		return;
	while ((de = readdir(d))) {
		struct stat st;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if (stat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			walk(path, fn);
		} else if (has_suffix(de->d_name, ".yaml") || has_suffix(de->d_name, ".yml") ||
			   has_suffix(de->d_name, ".json")) {
			size_t len;
			char *data = test_read_file(path, &len);

			assert_non_null(data);
			fn(path, data, len);
			test_free(data);
		}
	}
	closedir(d);
}

static void compare_file(const char *path, const char *data, size_t len)
{
	tree_diff_result res;

	expect_same(path, data, len, NULL, &res);
	if (getenv("SHOW_INDIRECT") && res.direct < res.documents)
		fprintf(stderr, "indirect: %s (%zu of %zu)\n", path, res.direct, res.documents);
}

static void test_repository(void **state)
{
	static const char *const dirs[] = { "rulesets", "examples", "tests/cases", "tests/hostile",
					    "tests/data", "bench/schema" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		walk(test_src_path(dirs[i]), compare_file);
	fprintf(stderr, "repository: %zu inputs compared, %zu documents read directly\n", compared,
		direct_docs);
}

/* The built-in rule sets, the samples and pretty-printed JSON must not
 * need libyaml. */
static void test_covered(void **state)
{
	static const char *const files[] = {
		"rulesets/pl/00-meta.yaml", "rulesets/pl/10-lists.yaml",
		"rulesets/pl/20-programme.yaml", "rulesets/pl/30-local-initiative.yaml",
		"rulesets/pl/40-councils.yaml", "rulesets/pl/50-procurement.yaml",
		"examples/samples/programme-2026.yaml", "bench/sample.yaml",
		"bench/schema/AnnualProgramme.json", /* pretty-printed JSON */
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		tree_diff_result res;
		size_t len;
		char *data = test_read_file(test_src_path(files[i]), &len);

		assert_non_null(data);
		expect_same(files[i], data, len, NULL, &res);
		if (res.documents == 0 || res.direct != res.documents) {
			fprintf(stderr, "%s: %zu of %zu documents read directly\n", files[i], res.direct,
				res.documents);
			fail();
		}
		test_free(data);
	}
}

/* ------------------------------------------------------------------------ */

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint64_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* Small edits where they matter: the characters YAML gives meaning to. */
static size_t mutate(const char *in, size_t len, char *out)
{
	static const char pieces[][6] = { " ", "  ", ":", ": ", "-", "- ", "#", " #", "\n", "\n  ",
					  "'", "\"", "\\", "|", ">", "|-", ">+", "[", "]", "{",
					  "}", ",", "&a", "*a", "!", "?", "---", "...", "\t", "\xC5",
					  "\xC5\xBC", "\r", "%" };
	size_t at = len ? (size_t)(rng() % len) : 0, n = 0;
	unsigned op = (unsigned)(rng() % 4);
	const char *piece = pieces[rng() % (sizeof(pieces) / sizeof(pieces[0]))];
	size_t plen = strlen(piece), cut = 1 + (size_t)(rng() % 4);

	memcpy(out, in, at);
	n = at;
	switch (op) {
	case 0: /* insert */
		memcpy(out + n, piece, plen);
		n += plen;
		memcpy(out + n, in + at, len - at);
		n += len - at;
		break;
	case 1: /* delete */
		if (cut > len - at)
			cut = len - at;
		memcpy(out + n, in + at + cut, len - at - cut);
		n += len - at - cut;
		break;
	case 2: /* replace */
		memcpy(out + n, piece, plen);
		n += plen;
		if (cut > len - at)
			cut = len - at;
		memcpy(out + n, in + at + cut, len - at - cut);
		n += len - at - cut;
		break;
	default: /* truncate */
		break;
	}
	return n;
}

static void test_mutations(void **state)
{
	static const char *const seeds[] = {
		"examples/samples/programme-2026.yaml", "bench/sample.yaml",
		"rulesets/pl/00-meta.yaml", "rulesets/pl/10-lists.yaml",
		"examples/overlays/krakow-inicjatywa-lokalna.yaml", "bench/schema/ProgrammeReport.json",
	};
	size_t i, k, direct = 0, total = 0;

	(void)state;
	for (i = 0; i < sizeof(seeds) / sizeof(seeds[0]); i++) {
		size_t len;
		char *data = test_read_file(test_src_path(seeds[i]), &len);
		char *buf = malloc(len + 16);

		assert_non_null(data);
		assert_non_null(buf);
		for (k = 0; k < 1500; k++) {
			tree_diff_result res;
			size_t n = mutate(data, len, buf);
			char what[256];

			snprintf(what, sizeof(what), "%s, mutation %zu", seeds[i], k);
			expect_same(what, buf, n, NULL, &res);
			direct += res.direct;
			total += res.documents;
		}
		free(buf);
		test_free(data);
	}
	fprintf(stderr, "mutations: %zu documents, %zu read directly\n", total, direct);
	/* Most single edits keep a document the direct reader covers. */
	assert_true(direct * 2 > total);
}

/* Every limit, tight: the direct reader must give up, and libyaml report. */
static void test_limits(void **state)
{
	size_t len, i;
	char *data = test_read_file(test_src_path("bench/sample.yaml"), &len);
	ngojst_limits lim[6];

	(void)state;
	assert_non_null(data);
	memset(lim, 0, sizeof(lim));
	lim[0].max_depth = 2;
	lim[1].max_nodes = 40;
	lim[2].max_scalar_bytes = 30;
	lim[3].max_document_bytes = 600;
	lim[4].max_input_bytes = 1000;
	lim[5].max_depth = 3;
	lim[5].max_nodes = 1000;
	for (i = 0; i < sizeof(lim) / sizeof(lim[0]); i++) {
		tree_diff_result res;
		char what[64];

		snprintf(what, sizeof(what), "limits set %zu", i);
		expect_same(what, data, len, &lim[i], &res);
		if (i == 4)
			/* A buffer is refused whole; a stream is not bounded by
			 * max_input_bytes (only its documents are): both FILE
			 * readers read it to the end. */
			assert_int_equal(res.rc, NGOJST_EOF);
		else if (i < 5)
			assert_int_not_equal(res.rc, NGOJST_EOF);
		else
			assert_true(res.rc == NGOJST_EOF && res.direct == res.documents && res.direct > 0);
	}
	test_free(data);
}

static void suite_case(const char *path, const char *data, size_t len)
{
	tree_diff_result res;

	if (has_suffix(path, "/in.yaml"))
		expect_same(path, data, len, NULL, &res);
}

static void test_yaml_suite(void **state)
{
	struct stat st;

	(void)state;
	if (stat(YAML_TEST_SUITE_DIR, &st) != 0 || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, "yaml-test-suite not found at %s: skipped\n", YAML_TEST_SUITE_DIR);
		skip();
	}
	compared = direct_docs = 0;
	walk(YAML_TEST_SUITE_DIR, suite_case);
	fprintf(stderr, "yaml-test-suite: %zu inputs compared, %zu documents read directly\n",
		compared, direct_docs);
	assert_true(direct_docs > 30);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_constructs),
		cmocka_unit_test(test_repository),
		cmocka_unit_test(test_covered),
		cmocka_unit_test(test_mutations),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_yaml_suite),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
