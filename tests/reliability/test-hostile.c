/* The hostile-inputs catalogue (tests/hostile/manifest.txt): every listed
 * file through the loaders the manifest names, with the expected code, a
 * diagnostic carrying that code and message at the expected line; and every
 * file in tests/hostile/regressions/ (inputs the fuzzers once crashed on)
 * through every entry point and, when it binds, a check in every format. */
#include <ctype.h>
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test-common.h"

typedef struct entry {
	char file[256];
	char via[16];
	int code;
	unsigned line; /* 0: none */
	char message[256];
	ngojst_limits limits;
	int lineno; /* in the manifest */
} entry;

static const struct {
	const char *name;
	int code;
} codes[] = {
	{ "OK", NGOJST_OK },		 { "ERROR", NGOJST_ERROR },	{ "ENOMEM", NGOJST_ENOMEM },
	{ "EIO", NGOJST_EIO },		 { "EINVAL", NGOJST_EINVAL },	{ "EPARSE", NGOJST_EPARSE },
	{ "EINPUT", NGOJST_EINPUT },	 { "ERULESET", NGOJST_ERULESET }, { "ELIMIT", NGOJST_ELIMIT },
	{ "ENOTFOUND", NGOJST_ENOTFOUND }, { "ERANGE", NGOJST_ERANGE },	{ "EOF", NGOJST_EOF },
};

static char *trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

static void set_limit(entry *e, char *spec)
{
	char *eq = strchr(spec, '=');
	size_t v;

	if (!eq)
		fail_msg("manifest line %d: bad limit \"%s\"", e->lineno, spec);
	*eq = '\0';
	v = (size_t)strtoull(eq + 1, NULL, 10);
	spec = trim(spec);
	if (!strcmp(spec, "max_scalar_bytes"))
		e->limits.max_scalar_bytes = v;
	else if (!strcmp(spec, "max_depth"))
		e->limits.max_depth = (unsigned)v;
	else if (!strcmp(spec, "max_nodes"))
		e->limits.max_nodes = v;
	else if (!strcmp(spec, "max_alias_expansions"))
		e->limits.max_alias_expansions = v;
	else if (!strcmp(spec, "max_input_bytes"))
		e->limits.max_input_bytes = v;
	else if (!strcmp(spec, "max_document_bytes"))
		e->limits.max_document_bytes = v;
	else
		fail_msg("manifest line %d: unknown limit \"%s\"", e->lineno, spec);
}

/* Parse the manifest; returns the number of entries. */
static size_t read_manifest(entry **out)
{
	FILE *f = fopen(test_src_path("tests/hostile/manifest.txt"), "r");
	char buf[2048];
	entry *es = NULL;
	size_t n = 0, cap = 0, i;
	int lineno = 0;

	assert_non_null(f);
	while (fgets(buf, sizeof(buf), f)) {
		char *fields[6] = { NULL }, *p = buf, *bar;
		size_t nf = 0;
		entry *e;
		bool found = false;

		lineno++;
		if (buf[0] == '#' || !trim(buf)[0])
			continue;
		while (nf < 6) {
			bar = strchr(p, '|');
			if (bar)
				*bar = '\0';
			fields[nf++] = trim(p);
			if (!bar)
				break;
			p = bar + 1;
		}
		if (nf < 4)
			fail_msg("manifest line %d: expected FILE | VIA | CODE | LINE | MESSAGE", lineno);
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			es = realloc(es, cap * sizeof(*es));
			assert_non_null(es);
		}
		e = &es[n++];
		memset(e, 0, sizeof(*e));
		e->lineno = lineno;
		snprintf(e->file, sizeof(e->file), "%s", fields[0]);
		snprintf(e->via, sizeof(e->via), "%s", fields[1]);
		for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
			if (!strcmp(fields[2], codes[i].name)) {
				e->code = codes[i].code;
				found = true;
			}
		}
		if (!found)
			fail_msg("manifest line %d: unknown code %s", lineno, fields[2]);
		e->line = strcmp(fields[3], "-") ? (unsigned)strtoul(fields[3], NULL, 10) : 0;
		snprintf(e->message, sizeof(e->message), "%s", nf > 4 ? fields[4] : "");
		if (nf > 5 && fields[5][0])
			set_limit(e, fields[5]);
		if (e->code != NGOJST_OK && !e->message[0])
			fail_msg("manifest line %d: an error needs a message", lineno);
	}
	fclose(f);
	*out = es;
	return n;
}

/* The outcome of one entry point: the code and, for a failure, a matching
 * diagnostic. */
static void expect(const entry *e, const char *via, ngojst_context *ctx, int rc)
{
	size_t i;

	if (rc != e->code) {
		test_print_diags(ctx);
		fail_msg("%s via %s: got %d (%s), manifest line %d expects %d (%s)", e->file, via, rc,
			 ngojst_strerror(rc), e->lineno, e->code, ngojst_strerror(e->code));
	}
	if (rc == NGOJST_OK)
		return;
	for (i = 0; i < ngojst_diag_count(ctx); i++) {
		const ngojst_diag *d = ngojst_diag_at(ctx, i);

		if (d->code == e->code && strstr(d->message, e->message)) {
			if (d->line != e->line)
				fail_msg("%s via %s: the diagnostic is at line %u, manifest line %d expects %u",
					 e->file, via, d->line, e->lineno, e->line);
			/* A positioned diagnostic has a column too. */
			if (d->line)
				assert_true(d->column > 0);
			assert_non_null(d->source);
			return;
		}
	}
	test_print_diags(ctx);
	fail_msg("%s via %s: no diagnostic with code %d containing \"%s\" (manifest line %d)", e->file, via,
		 e->code, e->message, e->lineno);
}

static void run_document(const entry *e, const char *data, size_t len)
{
	ngojst_context *ctx = test_context_new_limits(&e->limits);
	ngojst_document *doc = (ngojst_document *)(uintptr_t)1;
	int rc = ngojst_document_load_buffer(&doc, ctx, e->file, data, len, NULL);

	expect(e, "ngojst_document_load_buffer", ctx, rc);
	if (rc)
		assert_null(doc);
	ngojst_document_free(doc);
	ngojst_context_free(ctx);
}

static void run_stream(const entry *e, const char *data, size_t len)
{
	ngojst_context *ctx = test_context_new_limits(&e->limits);
	ngojst_stream *s = NULL;
	int rc, n;

	rc = ngojst_stream_open_buffer(&s, ctx, e->file, data, len);
	if (rc == NGOJST_OK) {
		for (n = 0; n < 1000; n++) {
			ngojst_document *doc = (ngojst_document *)(uintptr_t)1;

			rc = ngojst_stream_next(s, NULL, &doc);
			if (rc == NGOJST_EOF) {
				rc = NGOJST_OK;
				break;
			}
			if (rc) {
				assert_null(doc);
				break;
			}
			ngojst_document_free(doc);
		}
	}
	expect(e, "ngojst_stream_next", ctx, rc);
	ngojst_stream_free(s);
	ngojst_context_free(ctx);
}

static void run_ruleset(const entry *e, const char *data, size_t len)
{
	ngojst_context *ctx = test_context_new_limits(&e->limits);
	ngojst_ruleset *rs = (ngojst_ruleset *)(uintptr_t)1;
	int rc = ngojst_ruleset_load_buffer(&rs, ctx, e->file, data, len, NULL);

	expect(e, "ngojst_ruleset_load_buffer", ctx, rc);
	if (rc)
		assert_null(rs);
	ngojst_ruleset_free(rs);
	ngojst_context_free(ctx);
}

static char *read_hostile(const char *rel, size_t *len)
{
	char path[4096];
	char *data;

	snprintf(path, sizeof(path), "%s", test_src_path("tests/hostile"));
	snprintf(path + strlen(path), sizeof(path) - strlen(path), "/%s", rel);
	data = test_read_file(path, len);
	if (!data)
		fail_msg("cannot read %s", path);
	return data;
}

static void test_catalogue(void **state)
{
	entry *es = NULL;
	size_t n = read_manifest(&es), i, runs = 0;

	(void)state;
	assert_true(n >= 50);
	for (i = 0; i < n; i++) {
		const entry *e = &es[i];
		size_t len;
		char *data = read_hostile(e->file, &len);
		bool doc = !strcmp(e->via, "document") || !strcmp(e->via, "doc") || !strcmp(e->via, "all");
		bool stream = !strcmp(e->via, "stream") || !strcmp(e->via, "doc") || !strcmp(e->via, "all");
		bool rs = !strcmp(e->via, "ruleset") || !strcmp(e->via, "all");

		if (!doc && !stream && !rs)
			fail_msg("manifest line %d: unknown VIA \"%s\"", e->lineno, e->via);
		if (doc)
			run_document(e, data, len), runs++;
		if (stream)
			run_stream(e, data, len), runs++;
		if (rs)
			run_ruleset(e, data, len), runs++;
		test_free(data);
	}
	print_message("%zu manifest lines, %zu loader runs\n", n, runs);
	free(es);
}

/* Every file of the catalogue is listed in the manifest (so a new hostile
 * file cannot be forgotten). */
static void test_all_listed(void **state)
{
	entry *es = NULL;
	size_t n = read_manifest(&es), i;
	DIR *d = opendir(test_src_path("tests/hostile"));
	struct dirent *de;

	(void)state;
	assert_non_null(d);
	while ((de = readdir(d))) {
		bool listed = false;

		if (de->d_name[0] == '.' || !strcmp(de->d_name, "manifest.txt") || !strcmp(de->d_name, "regressions"))
			continue;
		for (i = 0; i < n && !listed; i++)
			listed = !strcmp(es[i].file, de->d_name);
		if (!listed)
			fail_msg("tests/hostile/%s is not in manifest.txt", de->d_name);
	}
	closedir(d);
	free(es);
}

/* A regression input through everything; only the invariants are checked
 * (clean codes, NULL out-pointers on failure, no leak: cmocka's allocator). */
static void run_regression(const char *name, const char *data, size_t len, const ngojst_ruleset *base)
{
	ngojst_context *ctx = test_context_new();
	ngojst_document *doc = (ngojst_document *)(uintptr_t)1;
	ngojst_ruleset *rs = (ngojst_ruleset *)(uintptr_t)1;
	ngojst_stream *s = NULL;
	ngojst_report *reps[16];
	ngojst_validate_options vo = NGOJST_VALIDATE_OPTIONS_INIT;
	size_t nreps = 0, i;
	int rc, f;

	vo.as_of = (ngojst_date){ 2026, 1, 10 };
	rc = ngojst_document_load_buffer(&doc, ctx, name, data, len, NULL);
	assert_true(rc <= 0 && rc > NGOJST_EOF);
	if (rc)
		assert_null(doc);
	ngojst_document_free(doc);
	rc = ngojst_ruleset_load_buffer(&rs, ctx, name, data, len, NULL);
	if (rc)
		assert_null(rs);
	ngojst_ruleset_free(rs);
	rs = (ngojst_ruleset *)(uintptr_t)1;
	rc = ngojst_ruleset_load_buffer(&rs, ctx, name, data, len, base);
	if (rc)
		assert_null(rs);
	ngojst_ruleset_free(rs);
	assert_int_equal(ngojst_stream_open_buffer(&s, ctx, name, data, len), NGOJST_OK);
	for (i = 0; i < 64; i++) {
		doc = NULL;
		rc = ngojst_stream_next(s, NULL, &doc);
		if (rc == NGOJST_EOF)
			break;
		if (rc == NGOJST_EINPUT)
			continue;
		if (rc)
			break;
		if (nreps < 16 && ngojst_validate(ctx, base, doc, &vo, &reps[nreps]) == NGOJST_OK)
			nreps++;
		ngojst_document_free(doc);
	}
	ngojst_stream_free(s);
	for (f = NGOJST_FORMAT_TEXT; f <= NGOJST_FORMAT_SARIF; f++) {
		char *out = NULL;

		assert_int_equal(ngojst_report_format(ctx, (const ngojst_report *const *)reps, nreps, (ngojst_format)f,
						      &out),
				 NGOJST_OK);
		ngojst_free(ctx, out);
	}
	for (i = 0; i < nreps; i++)
		ngojst_report_free(reps[i]);
	ngojst_context_free(ctx);
}

static void test_regressions(void **state)
{
	char dir[4096];
	DIR *d;
	struct dirent *de;
	ngojst_context *base_ctx = test_context_new();
	ngojst_ruleset *base = NULL;
	size_t n = 0;

	(void)state;
	assert_int_equal(ngojst_ruleset_load_builtin(&base, base_ctx), NGOJST_OK);
	snprintf(dir, sizeof(dir), "%s", test_src_path("tests/hostile/regressions"));
	d = opendir(dir);
	assert_non_null(d);
	while ((de = readdir(d))) {
		char rel[512];
		size_t len;
		char *data;

		if (de->d_name[0] == '.')
			continue;
		snprintf(rel, sizeof(rel), "regressions/%s", de->d_name);
		data = read_hostile(rel, &len);
		run_regression(rel, data, len, base);
		test_free(data);
		n++;
	}
	closedir(d);
	print_message("%zu regression inputs\n", n);
	assert_true(n >= 1);
	ngojst_ruleset_free(base);
	ngojst_context_free(base_ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_catalogue),
		cmocka_unit_test(test_all_listed),
		cmocka_unit_test(test_regressions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
