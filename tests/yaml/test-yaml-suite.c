/* The reader over every case of the yaml-test-suite (not in the repository:
 * YAML_TEST_SUITE_DIR points at a checkout of its data branch).
 *
 * Each case must go through without a crash or a leak; a rejected input must
 * carry a positioned diagnostic; reading from a buffer and from a FILE* must
 * agree. Where the reader and the suite disagree on validity, the case must
 * be listed in tests/yaml/known-differences.txt, and every case listed there
 * must still disagree: the test fails on any change in either direction, so
 * a libyaml upgrade or a reader change shows up here. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "test-common.h"
#include "test-config.h"

#include "core/context-private.h"
#include "yaml/tree.h"

#define KNOWN_FILE "tests/yaml/known-differences.txt"

typedef struct outcome {
	int rc;            /* 0 (accepted) or the error */
	unsigned line, column;
	size_t offset;
	char message[256];
	size_t documents;
} outcome;

typedef struct entry {
	char id[64];
	char what[32];     /* "accepts-invalid" or "rejects-valid" */
	char note[200];
	bool seen;
} entry;

typedef struct list {
	entry *items;
	size_t count, cap;
} list;

static void list_add(list *l, const char *id, const char *what, const char *note)
{
	entry *e;

	if (l->count == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->items = realloc(l->items, l->cap * sizeof(*l->items));
		assert_non_null(l->items);
	}
	e = &l->items[l->count++];
	memset(e, 0, sizeof(*e));
	snprintf(e->id, sizeof(e->id), "%s", id);
	snprintf(e->what, sizeof(e->what), "%s", what);
	snprintf(e->note, sizeof(e->note), "%s", note ? note : "");
}

static entry *list_find(list *l, const char *id)
{
	size_t i;

	for (i = 0; i < l->count; i++)
		if (strcmp(l->items[i].id, id) == 0)
			return &l->items[i];
	return NULL;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Case ids ("229Q", "2G84/00"): directories holding in.yaml, one level
 * down for the numbered variants. Sorted, malloc'd. */
static char **list_cases(const char *root, size_t *n)
{
	char **ids = NULL, path[4096];
	size_t count = 0, cap = 0, i;
	DIR *d = opendir(root), *sub;
	struct dirent *de, *se;

	assert_non_null(d);
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s/in.yaml", root, de->d_name);
		if (is_file(path)) {
			if (count == cap) {
				cap = cap ? cap * 2 : 512;
				ids = realloc(ids, cap * sizeof(*ids));
				assert_non_null(ids);
			}
			ids[count++] = strdup(de->d_name);
			continue;
		}
		snprintf(path, sizeof(path), "%s/%s", root, de->d_name);
		if (!(sub = opendir(path)))
			continue;
		while ((se = readdir(sub))) {
			char id[2 * sizeof(se->d_name) + 2];

			if (se->d_name[0] == '.')
				continue;
			snprintf(id, sizeof(id), "%s/%s", de->d_name, se->d_name);
			snprintf(path, sizeof(path), "%s/%s/in.yaml", root, id);
			if (!is_file(path))
				continue;
			if (count == cap) {
				cap = cap ? cap * 2 : 512;
				ids = realloc(ids, cap * sizeof(*ids));
				assert_non_null(ids);
			}
			ids[count++] = strdup(id);
		}
		closedir(sub);
	}
	closedir(d);
	qsort(ids, count, sizeof(*ids), cmp_str);
	for (i = 0; i < count; i++)
		assert_non_null(ids[i]);
	*n = count;
	return ids;
}

/* Read every document through one reader; fill *o. */
static void run_reader(ngojst_context *ctx, ngojst_reader *r, outcome *o)
{
	ngojst_tree *t;
	int rc;

	memset(o, 0, sizeof(*o));
	while ((rc = ngojst_reader_next(r, &t)) == NGOJST_OK) {
		assert_non_null(t);
		assert_int_equal(t->index, o->documents);
		o->documents++;
	}
	if (rc == NGOJST_EOF) {
		o->rc = 0;
		return;
	}
	o->rc = rc;
	assert_true(ngojst_diag_count(ctx) >= 1);
	o->line = ngojst_diag_at(ctx, 0)->line;
	o->column = ngojst_diag_at(ctx, 0)->column;
	o->offset = ngojst_diag_at(ctx, 0)->offset;
	snprintf(o->message, sizeof(o->message), "%s", ngojst_diag_at(ctx, 0)->message);
	/* Stuck in the error. */
	assert_int_equal(ngojst_reader_next(r, &t), rc);
}

static void read_buffer(const char *data, size_t len, outcome *o)
{
	ngojst_context *ctx = test_context_new();
	ngojst_reader *r;

	assert_int_equal(ngojst_reader_open_buffer(&r, ctx, NULL, data, len), NGOJST_OK);
	run_reader(ctx, r, o);
	ngojst_reader_free(r);
	ngojst_context_free(ctx);
}

static void read_stream(const char *data, size_t len, outcome *o)
{
	ngojst_context *ctx = test_context_new();
	ngojst_reader *r;
	FILE *fp = len ? fmemopen((void *)data, len, "rb") : fopen("/dev/null", "rb");

	assert_non_null(fp);
	assert_int_equal(ngojst_reader_open_stream(&r, ctx, NULL, fp), NGOJST_OK);
	run_reader(ctx, r, o);
	ngojst_reader_free(r);
	ngojst_context_free(ctx);
	fclose(fp);
}

/* known-differences.txt: "<id> <accepts-invalid|rejects-valid> [# note]". */
static void load_known(list *known)
{
	const char *path = test_src_path(KNOWN_FILE);
	FILE *fp = fopen(path, "r");
	char line[512];

	if (!fp) {
		fprintf(stderr, "cannot open %s\n", path);
		fail();
	}
	while (fgets(line, sizeof(line), fp)) {
		char id[64], what[32];
		char *hash = strchr(line, '#');

		if (hash)
			*hash = '\0';
		if (sscanf(line, "%63s %31s", id, what) != 2)
			continue;
		assert_true(strcmp(what, "accepts-invalid") == 0 || strcmp(what, "rejects-valid") == 0);
		assert_null(list_find(known, id));
		list_add(known, id, what, NULL);
	}
	fclose(fp);
}

static void test_suite(void **state)
{
	const char *root = YAML_TEST_SUITE_DIR;
	char **ids, path[4096];
	size_t n, i, accepted = 0, rejected = 0, changes = 0, json_checked = 0;
	list known = { 0 }, found = { 0 };
	struct stat st;

	(void)state;
	if (stat(root, &st) != 0 || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, "yaml-test-suite not found at %s: skipped\n", root);
		skip();
	}
	load_known(&known);
	ids = list_cases(root, &n);
	assert_true(n > 0);
	for (i = 0; i < n; i++) {
		outcome ob, os;
		bool invalid;
		size_t len;
		char *data;

		snprintf(path, sizeof(path), "%s/%s/in.yaml", root, ids[i]);
		data = test_read_file(path, &len);
		assert_non_null(data);
		snprintf(path, sizeof(path), "%s/%s/error", root, ids[i]);
		invalid = is_file(path);

		read_buffer(data, len, &ob);
		read_stream(data, len, &os);
		/* Both paths agree, to the byte. */
		if (ob.rc != os.rc || ob.line != os.line || ob.column != os.column ||
		    ob.offset != os.offset || ob.documents != os.documents ||
		    strcmp(ob.message, os.message) != 0) {
			fprintf(stderr, "%s: buffer gives %d at %u:%u+%zu (%s), stream %d at %u:%u+%zu (%s)\n",
				ids[i], ob.rc, ob.line, ob.column, ob.offset, ob.message, os.rc, os.line,
				os.column, os.offset, os.message);
			fail();
		}
		if (ob.rc) {
			rejected++;
			if (ob.line == 0 || ob.column == 0 || ob.offset > len) {
				fprintf(stderr, "%s: rejected without a position: %s\n", ids[i], ob.message);
				fail();
			}
			if (!invalid)
				list_add(&found, ids[i], "rejects-valid", ob.message);
		} else {
			accepted++;
			if (invalid)
				list_add(&found, ids[i], "accepts-invalid", NULL);
		}
		test_free(data);

		/* in.json, where the suite has one, holds the same data as JSON
		 * (libyaml reads it as flow YAML); it must not crash either. */
		snprintf(path, sizeof(path), "%s/%s/in.json", root, ids[i]);
		if ((data = test_read_file(path, &len))) {
			read_buffer(data, len, &ob);
			if (ob.rc && ob.line == 0) {
				fprintf(stderr, "%s/in.json: rejected without a position\n", ids[i]);
				fail();
			}
			json_checked++;
			test_free(data);
		}
	}

	for (i = 0; i < found.count; i++) {
		entry *k = list_find(&known, found.items[i].id);

		if (k && strcmp(k->what, found.items[i].what) == 0) {
			k->seen = true;
			continue;
		}
		fprintf(stderr, "NEW difference: %s %s%s%s\n", found.items[i].id, found.items[i].what,
			found.items[i].note[0] ? "  # " : "", found.items[i].note);
		changes++;
	}
	for (i = 0; i < known.count; i++) {
		if (known.items[i].seen)
			continue;
		fprintf(stderr, "FIXED (no longer differs): %s %s\n", known.items[i].id,
			known.items[i].what);
		changes++;
	}
	fprintf(stderr, "yaml-test-suite: %zu cases, %zu accepted, %zu rejected, %zu in.json read; "
			"%zu known differences\n",
		n, accepted, rejected, json_checked, found.count);
	if (changes) {
		fprintf(stderr, "%zu change(s) against %s; the list as it is now:\n", changes, KNOWN_FILE);
		for (i = 0; i < found.count; i++)
			fprintf(stderr, "%s %s%s%s\n", found.items[i].id, found.items[i].what,
				found.items[i].note[0] ? "  # " : "", found.items[i].note);
	}
	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	free(known.items);
	free(found.items);
	assert_int_equal(changes, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_suite),
	};
	struct stat st;
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	/* cmocka exits 0 for a skipped test; 77 makes meson say SKIP. */
	if (rc == 0 && (stat(YAML_TEST_SUITE_DIR, &st) != 0 || !S_ISDIR(st.st_mode)))
		return 77;
	return rc;
}
