/* lib/yaml: the document reader (positions, streams, entry points, limits,
 * UTF-8, duplicate keys, aliases, tags, JSON) and the tree lookups. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "test-common.h"

#include "core/arena.h"
#include "core/context-private.h"
#include "yaml/tree.h"

/* ---- helpers ------------------------------------------------------------ */

/* Each test owns its context and arena from start to finish: cmocka checks
 * for leaks when the test function returns, before any teardown. */
typedef struct fixture {
	ngojst_context *ctx;
	ngojst_arena arena;
} fixture;

static fixture *start(fixture *f, void **state)
{
	(void)state;
	f->ctx = test_context_new();
	ngojst_arena_init(&f->arena, f->ctx, 0);
	return f;
}

static void finish(fixture *f)
{
	ngojst_arena_release(&f->arena);
	ngojst_context_free(f->ctx);
}

#define FIXTURE(f) fixture f##_storage, *f = start(&f##_storage, state)

static ngojst_tree *parse_n(fixture *f, const char *yaml, size_t len)
{
	ngojst_tree *t = NULL;
	int rc = ngojst_tree_parse_single(f->ctx, &f->arena, "<string>", yaml, len, &t);

	if (rc != NGOJST_OK)
		test_print_diags(f->ctx);
	assert_int_equal(rc, NGOJST_OK);
	assert_non_null(t);
	return t;
}

static ngojst_tree *parse(fixture *f, const char *yaml)
{
	return parse_n(f, yaml, strlen(yaml));
}

/* Parse a single document that must fail; returns its first diagnostic. */
static const ngojst_diag *parse_fail_n(fixture *f, const char *yaml, size_t len, int code)
{
	ngojst_tree *t = NULL;
	int rc;

	ngojst_diag_clear(f->ctx);
	rc = ngojst_tree_parse_single(f->ctx, &f->arena, "<string>", yaml, len, &t);
	assert_int_equal(rc, code);
	assert_null(t);
	assert_true(ngojst_diag_count(f->ctx) >= 1);
	assert_int_equal(ngojst_diag_at(f->ctx, 0)->code, code);
	return ngojst_diag_at(f->ctx, 0);
}

static const ngojst_diag *parse_fail(fixture *f, const char *yaml, int code)
{
	return parse_fail_n(f, yaml, strlen(yaml), code);
}

static void assert_pos(const ngojst_diag *d, unsigned line, unsigned column, size_t offset)
{
	if (d->line != line || d->column != column || d->offset != offset)
		fprintf(stderr, "diag at %u:%u +%zu (%s), expected %u:%u +%zu\n", d->line, d->column,
			d->offset, d->message, line, column, offset);
	assert_int_equal(d->line, line);
	assert_int_equal(d->column, column);
	assert_int_equal(d->offset, offset);
}

static void assert_node_pos(const ngojst_node *n, unsigned line, unsigned column, size_t offset)
{
	assert_non_null(n);
	if (n->line != line || n->column != column || n->offset != offset)
		fprintf(stderr, "node at %u:%u +%zu, expected %u:%u +%zu\n", (unsigned)n->line,
			(unsigned)n->column, n->offset, line, column, offset);
	assert_int_equal(n->line, line);
	assert_int_equal(n->column, column);
	assert_int_equal(n->offset, offset);
}

static void assert_scalar(const ngojst_node *n, const char *s)
{
	assert_non_null(n);
	assert_int_equal(n->type, NGOJST_NODE_SCALAR);
	assert_string_equal(n->u.scalar.str, s);
	assert_int_equal(n->u.scalar.len, strlen(s));
}

static void assert_contains(const char *hay, const char *needle)
{
	if (!strstr(hay, needle))
		fprintf(stderr, "\"%s\" does not contain \"%s\"\n", hay, needle);
	assert_non_null(strstr(hay, needle));
}

/* Read every document of a buffer; returns the number read, *rc the final
 * status (NGOJST_EOF when the stream ended cleanly). */
static size_t read_all(ngojst_context *ctx, ngojst_reader *r, int *rc)
{
	ngojst_tree *t;
	size_t n = 0;

	(void)ctx;
	while ((*rc = ngojst_reader_next(r, &t)) == NGOJST_OK) {
		assert_non_null(t);
		assert_int_equal(t->index, n);
		n++;
	}
	return n;
}

/* Bytes of a 0-terminated string; repeated n times into a new buffer. */
static char *repeat(const char *head, const char *unit, size_t n, const char *tail, size_t *len)
{
	size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail), i;
	char *buf = malloc(hl + ul * n + tl + 1), *p;

	assert_non_null(buf);
	p = buf;
	memcpy(p, head, hl);
	p += hl;
	for (i = 0; i < n; i++, p += ul)
		memcpy(p, unit, ul);
	memcpy(p, tail, tl);
	p += tl;
	*p = '\0';
	*len = (size_t)(p - buf);
	return buf;
}

static size_t offset_of(const char *doc, const char *needle)
{
	const char *p = strstr(doc, needle);

	assert_non_null(p);
	return (size_t)(p - doc);
}

/* ---- positions ---------------------------------------------------------- */

static void test_positions(void **state)
{
	FIXTURE(f);
	const char *doc = "title: Hello\n"
			  "items:\n"
			  "  - one\n"
			  "  - \"two\"\n"
			  "nested:\n"
			  "  key: |\n"
			  "    line1\n"
			  "    line2\n"
			  "ąę: żółw\n"
			  "plain: multi\n"
			  "  line words\n"
			  "flow: [a,\n"
			  "   b]\n";
	ngojst_tree *t = parse(f, doc);
	const ngojst_node *root = t->root, *items, *v;

	assert_int_equal(root->type, NGOJST_NODE_MAPPING);
	assert_node_pos(root, 1, 1, 0);
	assert_int_equal(root->u.map.count, 6);
	assert_node_pos(root->u.map.pairs[0].key, 1, 1, 0);
	assert_node_pos(root->u.map.pairs[0].value, 1, 8, 7);
	assert_scalar(root->u.map.pairs[0].value, "Hello");

	items = ngojst_node_get(root, "items");
	assert_int_equal(items->type, NGOJST_NODE_SEQUENCE);
	assert_node_pos(items, 3, 3, offset_of(doc, "- one"));
	assert_int_equal(items->u.seq.count, 2);
	assert_node_pos(items->u.seq.items[0], 3, 5, offset_of(doc, "one"));
	assert_node_pos(items->u.seq.items[1], 4, 5, offset_of(doc, "\"two\""));
	assert_int_equal(items->u.seq.items[1]->style, NGOJST_SCALAR_QUOTED);
	assert_int_equal(items->u.seq.items[0]->style, NGOJST_SCALAR_PLAIN);

	v = ngojst_node_get(ngojst_node_get(root, "nested"), "key");
	assert_scalar(v, "line1\nline2\n");
	assert_int_equal(v->style, NGOJST_SCALAR_BLOCK);
	assert_node_pos(v, 6, 8, offset_of(doc, "|"));

	/* Columns count code points, offsets count bytes. */
	assert_node_pos(root->u.map.pairs[3].key, 9, 1, offset_of(doc, "ąę"));
	v = ngojst_node_get(root, "ąę");
	assert_scalar(v, "żółw");
	assert_node_pos(v, 9, 5, offset_of(doc, "żółw"));

	v = ngojst_node_get(root, "plain");
	assert_scalar(v, "multi line words");
	assert_node_pos(v, 10, 8, offset_of(doc, "multi"));
	v = ngojst_node_get(root, "flow");
	assert_node_pos(v, 12, 7, offset_of(doc, "[a"));
	assert_node_pos(v->u.seq.items[1], 13, 4, offset_of(doc, "b]"));
	assert_int_equal(t->node_count, 19);
	assert_string_equal(t->source, "<string>");
	assert_int_equal(t->index, 0);
	finish(f);
}

static void test_positions_crlf_and_wide(void **state)
{
	FIXTURE(f);
	const char *doc = "a: 1\r\nb:\r\n  - x\r\n  - \xF0\x9F\x98\x80: \xE2\x82\xAC\r\n";
	ngojst_tree *t = parse(f, doc);
	const ngojst_node *b = ngojst_node_get(t->root, "b"), *m;

	assert_node_pos(b, 3, 3, offset_of(doc, "- x"));
	m = b->u.seq.items[1];
	assert_int_equal(m->type, NGOJST_NODE_MAPPING);
	assert_node_pos(m->u.map.pairs[0].key, 4, 5, offset_of(doc, "\xF0"));
	/* The emoji is one column although four bytes. */
	assert_node_pos(m->u.map.pairs[0].value, 4, 8, offset_of(doc, "\xE2\x82\xAC"));
	finish(f);
}

static void test_bom(void **state)
{
	FIXTURE(f);
	const char *doc = "\xEF\xBB\xBF" "a: b\n";
	ngojst_tree *t = parse(f, doc);

	assert_node_pos(t->root->u.map.pairs[0].key, 1, 1, 3);
	assert_node_pos(t->root->u.map.pairs[0].value, 1, 4, 6);
	assert_scalar(t->root->u.map.pairs[0].key, "a");
	finish(f);
}

/* ---- streams and entry points ------------------------------------------- */

static void test_multi_document(void **state)
{
	FIXTURE(f);
	const char *doc = "# leading comment\n"
			  "a: 1\n"
			  "---\n"
			  "b: 2\n"
			  "--- c\n"
			  "...\n"
			  "---\n"
			  "...\n";
	ngojst_reader *r;
	ngojst_tree *t;

	assert_int_equal(ngojst_reader_open_buffer(&r, f->ctx, NULL, doc, strlen(doc)), NGOJST_OK);
	assert_int_equal(ngojst_reader_next(r, &t), NGOJST_OK);
	assert_int_equal(t->index, 0);
	assert_scalar(ngojst_node_get(t->root, "a"), "1");
	assert_node_pos(t->root, 2, 1, offset_of(doc, "a:"));
	assert_int_equal(ngojst_reader_next(r, &t), NGOJST_OK);
	assert_int_equal(t->index, 1);
	assert_scalar(ngojst_node_get(t->root, "b"), "2");
	assert_node_pos(t->root, 4, 1, offset_of(doc, "b:"));
	assert_int_equal(ngojst_reader_next(r, &t), NGOJST_OK);
	assert_int_equal(t->index, 2);
	assert_scalar(t->root, "c");
	assert_node_pos(t->root, 5, 5, offset_of(doc, "c\n"));
	/* An explicit empty document has an empty plain scalar as root. */
	assert_int_equal(ngojst_reader_next(r, &t), NGOJST_OK);
	assert_int_equal(t->index, 3);
	assert_scalar(t->root, "");
	assert_true(ngojst_node_is_null(t->root));
	assert_int_equal(ngojst_reader_next(r, &t), NGOJST_EOF);
	assert_null(t);
	assert_int_equal(ngojst_reader_next(r, &t), NGOJST_EOF);
	ngojst_reader_free(r);
	finish(f);
}

static void test_empty_input(void **state)
{
	FIXTURE(f);
	const char *inputs[] = {
		"", "# only a comment\n", "\n\n   \n", "\xEF\xBB\xBF", "\xEF\xBB\xBF# c",
	};
	size_t i;

	for (i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
		ngojst_reader *r;
		ngojst_tree *t = (ngojst_tree *)&t;

		assert_int_equal(ngojst_reader_open_buffer(&r, f->ctx, NULL, inputs[i], strlen(inputs[i])),
				 NGOJST_OK);
		assert_int_equal(ngojst_reader_next(r, &t), NGOJST_EOF);
		assert_null(t);
		assert_int_equal(ngojst_reader_take_arena(r, &f->arena), NGOJST_EINVAL);
		ngojst_reader_free(r);

		t = parse(f, inputs[i]);
		assert_null(t->root);
		assert_int_equal(t->node_count, 0);
		assert_string_equal(t->source, "<string>");
	}
	/* NULL data with zero length is an empty buffer. */
	assert_null(parse_n(f, NULL, 0)->root);
	finish(f);
}

static void test_single_rejects_second_document(void **state)
{
	FIXTURE(f);
	const ngojst_diag *d = parse_fail(f, "a: 1\n---\nb: 2\n", NGOJST_EPARSE);

	assert_pos(d, 2, 1, 5);
	assert_contains(d->message, "second document");
	d = parse_fail(f, "a: 1\n...\n%BAD directive\n", NGOJST_EPARSE);
	assert_int_equal(d->line, 3);
	finish(f);
}

static char *write_temp(const char *data, size_t len)
{
	char *path = malloc(64);
	int fd;

	assert_non_null(path);
	snprintf(path, 64, "/tmp/ngojst-yaml-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, len), (ssize_t)len);
	close(fd);
	return path;
}

static void test_open_file(void **state)
{
	FIXTURE(f);
	const char *doc = "a: 1\n---\nb: [x, y]\n";
	char *path = write_temp(doc, strlen(doc));
	ngojst_reader *r;
	ngojst_tree *t;
	int rc;

	assert_int_equal(ngojst_reader_open_file(&r, f->ctx, path), NGOJST_OK);
	assert_int_equal(ngojst_reader_next(r, &t), NGOJST_OK);
	assert_string_equal(t->source, path);
	assert_scalar(ngojst_node_get(t->root, "a"), "1");
	assert_int_equal(ngojst_reader_next(r, &t), NGOJST_OK);
	assert_scalar(ngojst_tree_lookup(t, "/b/1"), "y");
	assert_int_equal(ngojst_reader_next(r, &t), NGOJST_EOF);
	ngojst_reader_free(r);

	/* A syntax error names the file. */
	{
		FILE *fp = fopen(path, "wb");

		assert_non_null(fp);
		fputs("a: 1\nb: [\n", fp);
		fclose(fp);
	}
	ngojst_diag_clear(f->ctx);
	assert_int_equal(ngojst_reader_open_file(&r, f->ctx, path), NGOJST_OK);
	read_all(f->ctx, r, &rc);
	assert_int_equal(rc, NGOJST_EPARSE);
	assert_string_equal(ngojst_diag_at(f->ctx, 0)->source, path);
	assert_true(ngojst_diag_at(f->ctx, 0)->line >= 2);
	ngojst_reader_free(r);
	unlink(path);

	/* Missing file and directory: EIO naming the path. */
	ngojst_diag_clear(f->ctx);
	r = (ngojst_reader *)path;
	assert_int_equal(ngojst_reader_open_file(&r, f->ctx, path), NGOJST_EIO);
	assert_null(r);
	assert_string_equal(ngojst_diag_at(f->ctx, 0)->source, path);
	assert_contains(ngojst_diag_at(f->ctx, 0)->message, path);
	assert_contains(ngojst_diag_at(f->ctx, 0)->message, "No such file");
	ngojst_diag_clear(f->ctx);
	assert_int_equal(ngojst_reader_open_file(&r, f->ctx, "/tmp"), NGOJST_EIO);
	assert_contains(ngojst_diag_at(f->ctx, 0)->message, "directory");
	free(path);

	assert_int_equal(ngojst_reader_open_file(NULL, f->ctx, "/tmp"), NGOJST_EINVAL);
	assert_int_equal(ngojst_reader_open_file(&r, f->ctx, NULL), NGOJST_EINVAL);
	finish(f);
}

static void test_open_stream(void **state)
{
	FIXTURE(f);
	const char *doc = "a: [1, 2]\n---\nb: żółw\n";
	FILE *fp = fmemopen((void *)doc, strlen(doc), "rb");
	ngojst_reader *r;
	ngojst_tree *t;

	assert_non_null(fp);
	assert_int_equal(ngojst_reader_open_stream(&r, f->ctx, NULL, fp), NGOJST_OK);
	assert_int_equal(ngojst_reader_next(r, &t), NGOJST_OK);
	assert_string_equal(t->source, "<stdin>");
	assert_scalar(ngojst_tree_lookup(t, "/a/1"), "2");
	assert_int_equal(ngojst_reader_next(r, &t), NGOJST_OK);
	assert_node_pos(ngojst_node_get(t->root, "b"), 3, 4, offset_of(doc, "żółw"));
	assert_int_equal(ngojst_reader_next(r, &t), NGOJST_EOF);
	ngojst_reader_free(r);
	/* The stream is not closed by the reader. */
	assert_int_equal(fclose(fp), 0);

	/* A read error is EIO. */
	fp = fopen("/dev/null", "w");
	assert_non_null(fp);
	ngojst_diag_clear(f->ctx);
	assert_int_equal(ngojst_reader_open_stream(&r, f->ctx, "<out>", fp), NGOJST_OK);
	assert_int_equal(ngojst_reader_next(r, &t), NGOJST_EIO);
	assert_string_equal(ngojst_diag_at(f->ctx, 0)->source, "<out>");
	assert_contains(ngojst_diag_at(f->ctx, 0)->message, "cannot read <out>");
	ngojst_reader_free(r);
	fclose(fp);
	finish(f);
}

/* The same input through a buffer and through a FILE* (which reads in
 * chunks into a sliding window) gives the same nodes at the same places;
 * every plain one-line scalar's offset points at its text. */
static void compare_walk(const char *doc, const ngojst_node *a, const ngojst_node *b)
{
	size_t i;

	assert_int_equal(a->type, b->type);
	assert_int_equal(a->line, b->line);
	assert_int_equal(a->column, b->column);
	assert_int_equal(a->offset, b->offset);
	switch (a->type) {
	case NGOJST_NODE_SCALAR:
		assert_string_equal(a->u.scalar.str, b->u.scalar.str);
		if (a->style == NGOJST_SCALAR_PLAIN && a->u.scalar.len)
			assert_memory_equal(doc + a->offset, a->u.scalar.str, a->u.scalar.len);
		break;
	case NGOJST_NODE_SEQUENCE:
		assert_int_equal(a->u.seq.count, b->u.seq.count);
		for (i = 0; i < a->u.seq.count; i++)
			compare_walk(doc, a->u.seq.items[i], b->u.seq.items[i]);
		break;
	case NGOJST_NODE_MAPPING:
		assert_int_equal(a->u.map.count, b->u.map.count);
		for (i = 0; i < a->u.map.count; i++) {
			compare_walk(doc, a->u.map.pairs[i].key, b->u.map.pairs[i].key);
			compare_walk(doc, a->u.map.pairs[i].value, b->u.map.pairs[i].value);
		}
		break;
	}
}

static void test_stream_matches_buffer(void **state)
{
	FIXTURE(f);
	char *doc;
	size_t len, n = 0;
	ngojst_reader *rb, *rs;
	ngojst_tree *tb, *ts;
	FILE *fp;
	int rc;

	doc = repeat("", "---\nnazwa: Stowarzyszenie Łąka \xF0\x9F\x8C\xBC\nkwota: 12345.67\n"
			 "lista: [żółć, gęś, \"jaźń\"]\nopis: >\n  długi tekst\n  dalej\n"
			 "pusta:\n  - ą: 1\n    ę: ó\n",
		     3000, "", &len);
	fp = fmemopen(doc, len, "rb");
	assert_non_null(fp);
	assert_int_equal(ngojst_reader_open_buffer(&rb, f->ctx, NULL, doc, len), NGOJST_OK);
	assert_int_equal(ngojst_reader_open_stream(&rs, f->ctx, NULL, fp), NGOJST_OK);
	for (;;) {
		rc = ngojst_reader_next(rb, &tb);
		assert_int_equal(ngojst_reader_next(rs, &ts), rc);
		if (rc != NGOJST_OK)
			break;
		compare_walk(doc, tb->root, ts->root);
		n++;
	}
	assert_int_equal(rc, NGOJST_EOF);
	assert_int_equal(n, 3000);
	ngojst_reader_free(rb);
	ngojst_reader_free(rs);
	fclose(fp);
	free(doc);
	finish(f);
}

/* ---- bounded memory ------------------------------------------------------ */

typedef struct counter {
	size_t live, peak;
} counter;

/* Blocks carry their size in a 16-byte header, over cmocka's allocator so
 * leaks are still caught. */
static void *c_malloc(size_t size, void *ud)
{
	counter *c = ud;
	unsigned char *p = test_malloc(size + 16);

	memcpy(p, &size, sizeof(size));
	c->live += size;
	if (c->live > c->peak)
		c->peak = c->live;
	return p + 16;
}

static void c_free(void *ptr, void *ud)
{
	counter *c = ud;
	size_t size;

	if (!ptr)
		return;
	memcpy(&size, (unsigned char *)ptr - 16, sizeof(size));
	c->live -= size;
	test_free((unsigned char *)ptr - 16);
}

static void *c_realloc(void *ptr, size_t size, void *ud)
{
	void *q = c_malloc(size, ud);
	size_t old;

	if (ptr) {
		memcpy(&old, (unsigned char *)ptr - 16, sizeof(old));
		memcpy(q, ptr, old < size ? old : size);
		c_free(ptr, ud);
	}
	return q;
}

/* 200 000 copies of one document, read from a FILE: the memory must not
 * grow with the stream. */
static void long_stream(const char *one)
{
	counter c = { 0, 0 };
	ngojst_allocator alloc = { c_malloc, c_realloc, c_free, &c };
	ngojst_context_options opts = NGOJST_CONTEXT_OPTIONS_INIT;
	ngojst_context *ctx;
	ngojst_reader *r;
	char *doc;
	size_t len, n, base;
	FILE *fp;
	int rc;

	opts.allocator = &alloc;
	assert_int_equal(ngojst_context_new(&ctx, &opts), NGOJST_OK);
	base = c.live;
	/* About 24 MB; more than max_input_bytes would allow for a file, but
	 * a stream is only bounded per document. */
	doc = repeat("", one, 200000, "", &len);
	fp = fmemopen(doc, len, "rb");
	assert_non_null(fp);
	assert_int_equal(ngojst_reader_open_stream(&r, ctx, NULL, fp), NGOJST_OK);
	n = read_all(ctx, r, &rc);
	assert_int_equal(rc, NGOJST_EOF);
	assert_int_equal(n, 200000);
	ngojst_reader_free(r);
	fclose(fp);
	free(doc);
	assert_int_equal(c.live, base);
	/* Reader, window, one arena chunk and the build stacks. */
	if (c.peak > 256 * 1024)
		fprintf(stderr, "peak %zu bytes\n", c.peak);
	assert_true(c.peak < 256 * 1024);
	ngojst_context_free(ctx);
	assert_int_equal(c.live, 0);
}

static void test_long_stream_bounded_memory(void **state)
{
	(void)state;
	/* Through libyaml (a flow root), and read directly (block style, into
	 * the source's window one document at a time: see block.c). */
	long_stream("--- {id: 12345, name: \"zażółć gęślą\", tags: [a, b, c]}\n");
	long_stream("---\nid: 12345\nname: zażółć gęślą\ntags: [a, b, c]\n");
}

/* ---- duplicate and complex keys ------------------------------------------ */

static void test_duplicate_keys(void **state)
{
	FIXTURE(f);
	const char *doc = "a: 1\n"
			  "title: x\n"
			  "b: 2\n"
			  "title: y\n";
	const ngojst_diag *d = parse_fail(f, doc, NGOJST_EPARSE);
	char *big;
	size_t len;

	assert_string_equal(d->message, "duplicate key \"title\" (first defined at line 2, column 1)");
	assert_pos(d, 4, 1, offset_of(doc, "title: y"));
	assert_string_equal(d->source, "<string>");
	assert_string_equal(d->path, "/title");

	d = parse_fail(f, "x:\n  - {a: 1, b: 2, a: 3}\n", NGOJST_EPARSE);
	assert_string_equal(d->message, "duplicate key \"a\" (first defined at line 2, column 6)");
	assert_pos(d, 2, 18, 20);
	assert_string_equal(d->path, "/x/0/a");

	/* Same content in another style is the same key. */
	d = parse_fail(f, "'k': 1\n\"k\": 2\n", NGOJST_EPARSE);
	assert_int_equal(d->line, 2);
	/* Alias keys compare by content too. */
	d = parse_fail(f, "&k key: 1\nother: 2\n*k : 3\n", NGOJST_EPARSE);
	assert_string_equal(d->message, "duplicate key \"key\" (first defined at line 1, column 1)");
	assert_pos(d, 3, 1, 19);

	/* Big mappings go through the hash table. */
	big = repeat("", "k: v\n", 1, "", &len);
	free(big);
	{
		char buf[4096], *p = buf;
		int i;

		for (i = 0; i < 40; i++)
			p += sprintf(p, "key%d: %d\n", i, i);
		p += sprintf(p, "key17: again\n");
		d = parse_fail(f, buf, NGOJST_EPARSE);
		assert_string_equal(d->message, "duplicate key \"key17\" (first defined at line 18, column 1)");
		assert_int_equal(d->line, 41);
		assert_string_equal(d->path, "/key17");
	}
	/* Keys equal in a prefix only, and distinct keys in sibling mappings,
	 * are fine. */
	parse(f, "ab: 1\na: 2\nabc: 3\nx: {a: 1}\ny: {a: 2}\n");
	/* Control characters and long keys are quoted readably. */
	d = parse_fail(f, "\"a\\tb\": 1\n\"a\\tb\": 2\n", NGOJST_EPARSE);
	assert_contains(d->message, "\"a\\tb\"");
	/* A key with '/' and '~' gets an escaped path. */
	d = parse_fail(f, "a/b~c: 1\na/b~c: 2\n", NGOJST_EPARSE);
	assert_string_equal(d->path, "/a~1b~0c");
	finish(f);
}

static void test_big_mapping(void **state)
{
	FIXTURE(f);
	char *doc = malloc(100000 * 24 + 64), *p = doc;
	ngojst_tree *t;
	clock_t t0;
	double secs;
	int i;

	assert_non_null(doc);
	for (i = 0; i < 100000; i++)
		p += sprintf(p, "key_%d: %d\n", i, i);
	t0 = clock();
	t = parse_n(f, doc, (size_t)(p - doc));
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	assert_int_equal(t->root->u.map.count, 100000);
	assert_int_equal(t->node_count, 200001);
	assert_scalar(ngojst_node_get(t->root, "key_99999"), "99999");
	assert_scalar(ngojst_tree_lookup(t, "/key_50000"), "50000");
	/* Quadratic key checks would take minutes; this is well under a
	 * second even with sanitizers. */
	assert_true(secs < 10.0);

	/* A duplicate at the very end is still found. */
	p += sprintf(p, "key_12345: dup\n");
	{
		const ngojst_diag *d = parse_fail_n(f, doc, (size_t)(p - doc), NGOJST_EPARSE);

		assert_string_equal(d->message,
				    "duplicate key \"key_12345\" (first defined at line 12346, column 1)");
		assert_int_equal(d->line, 100001);
	}
	free(doc);
	finish(f);
}

static void test_complex_keys(void **state)
{
	FIXTURE(f);
	const ngojst_diag *d;

	d = parse_fail(f, "? [a, b]\n: c\n", NGOJST_EPARSE);
	assert_string_equal(d->message,
			    "complex keys are not supported (a sequence used as a mapping key)");
	assert_pos(d, 1, 3, 2);
	d = parse_fail(f, "x: {{a: 1}: b}\n", NGOJST_EPARSE);
	assert_contains(d->message, "complex keys are not supported (a mapping");
	assert_pos(d, 1, 5, 4);
	assert_string_equal(d->path, "/x");
	d = parse_fail(f, "- &s [a]\n- {*s : b}\n", NGOJST_EPARSE);
	assert_string_equal(d->message,
			    "complex keys are not supported (an alias to a sequence used as a mapping key)");
	assert_pos(d, 2, 4, 12);
	/* A scalar written with '?' is an ordinary key. */
	assert_scalar(ngojst_node_get(parse(f, "? a\n: b\n")->root, "a"), "b");
	finish(f);
}

/* ---- aliases ------------------------------------------------------------- */

static void test_aliases(void **state)
{
	FIXTURE(f);
	ngojst_tree *t = parse(f, "base: &b {x: 1, y: [2, 3]}\ncopy: *b\nname: &n N\nagain: *n\n");
	const ngojst_node *base = ngojst_node_get(t->root, "base");
	const ngojst_diag *d;

	/* An alias shares the anchored node. */
	assert_ptr_equal(ngojst_node_get(t->root, "copy"), base);
	assert_ptr_equal(ngojst_node_get(t->root, "again"), ngojst_node_get(t->root, "name"));
	assert_int_equal(t->node_count, 13);

	/* A later anchor of the same name wins. */
	t = parse(f, "- &a first\n- &a second\n- *a\n");
	assert_scalar(t->root->u.seq.items[2], "second");

	d = parse_fail(f, "a: 1\nb: *nope\n", NGOJST_EPARSE);
	assert_string_equal(d->message,
			    "undefined alias \"nope\" (no anchor of that name before it in this document)");
	assert_pos(d, 2, 4, 8);
	assert_string_equal(d->path, "/b");
	/* Used before its anchor. */
	d = parse_fail(f, "- *a\n- &a x\n", NGOJST_EPARSE);
	assert_pos(d, 1, 3, 2);
	/* A node cannot contain itself. */
	d = parse_fail(f, "&a [1, *a]\n", NGOJST_EPARSE);
	assert_contains(d->message, "recursive");
	assert_pos(d, 1, 8, 7);
	finish(f);
}

static void test_anchors_do_not_cross_documents(void **state)
{
	FIXTURE(f);
	const char *doc = "a: &x 1\n---\nb: *x\n";
	ngojst_reader *r;
	ngojst_tree *t;

	assert_int_equal(ngojst_reader_open_buffer(&r, f->ctx, NULL, doc, strlen(doc)), NGOJST_OK);
	assert_int_equal(ngojst_reader_next(r, &t), NGOJST_OK);
	ngojst_diag_clear(f->ctx);
	assert_int_equal(ngojst_reader_next(r, &t), NGOJST_EPARSE);
	assert_pos(ngojst_diag_at(f->ctx, 0), 3, 4, 15);
	assert_contains(ngojst_diag_at(f->ctx, 0)->message, "undefined alias");
	ngojst_reader_free(r);
	finish(f);
}

static void test_alias_bomb(void **state)
{
	FIXTURE(f);
	const char *lol = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
			  "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
			  "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
			  "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
			  "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
			  "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
			  "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
			  "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
			  "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";
	const ngojst_diag *d;
	clock_t t0 = clock();

	d = parse_fail(f, lol, NGOJST_ELIMIT);
	assert_contains(d->message, "max_alias_expansions (10000)");
	/* *a brings 10 nodes, *b 91, *c 820, *d 7381: the aliases of b, c and
	 * d make 8289, and the first *d on line 5 passes 10 000. */
	assert_int_equal(d->line, 5);
	assert_string_equal(d->path, "/e/0");
	assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 1.0);
	finish(f);
}

/* ---- nesting ------------------------------------------------------------- */

static void test_deep_flow(void **state)
{
	FIXTURE(f);
	ngojst_limits lim = { 0 };
	ngojst_context *ctx;
	ngojst_arena arena;
	ngojst_tree *t;
	char *doc;
	size_t len, i;
	const ngojst_diag *d;
	const ngojst_node *n;

	/* 100 000 levels against the default limit of 64. (Not allowed in
	 * full: libyaml's scanner rescans every open flow level for each token,
	 * which is quadratic in the depth.) */
	doc = repeat("", "[", 100000, "", &len);
	d = parse_fail_n(f, doc, len, NGOJST_ELIMIT);
	assert_string_equal(d->message, "nesting is deeper than max_depth (64 levels)");
	assert_pos(d, 1, 65, 64);
	free(doc);

	/* At the limit, and one past it. */
	lim.max_depth = 10000;
	ctx = test_context_new_limits(&lim);
	ngojst_arena_init(&arena, ctx, 0);
	doc = malloc(20002);
	assert_non_null(doc);
	memset(doc, '[', 10000);
	memset(doc + 10000, ']', 10000);
	assert_int_equal(ngojst_tree_parse_single(ctx, &arena, NULL, doc, 20000, &t), NGOJST_OK);
	for (n = t->root, i = 1; n->u.seq.count; n = n->u.seq.items[0])
		i++;
	assert_int_equal(i, 10000);
	assert_int_equal(n->type, NGOJST_NODE_SEQUENCE);
	memmove(doc + 1, doc, 20000);
	doc[0] = '[';
	doc[20001] = ']';
	assert_int_equal(ngojst_tree_parse_single(ctx, &arena, NULL, doc, 20002, &t), NGOJST_ELIMIT);
	assert_pos(ngojst_diag_at(ctx, 0), 1, 10001, 10000);
	free(doc);
	ngojst_arena_release(&arena);
	ngojst_context_free(ctx);
	finish(f);
}

/* depth levels of block mappings, each one space further in. */
static char *deep_block(size_t depth, size_t *len)
{
	size_t cap = depth * (depth + 1) / 2 + depth * 8 + 16, i;
	char *doc = malloc(cap), *p = doc;

	assert_non_null(doc);
	for (i = 0; i < depth; i++) {
		memset(p, ' ', i);
		p += i;
		memcpy(p, "k:\n", 3);
		p += 3;
	}
	memset(p, ' ', depth);
	p += depth;
	memcpy(p, "v\n", 2);
	p += 2;
	*len = (size_t)(p - doc);
	return doc;
}

static void test_deep_block(void **state)
{
	FIXTURE(f);
	ngojst_limits lim = { 0 };
	ngojst_context *ctx;
	ngojst_arena arena;
	ngojst_tree *t;
	const ngojst_diag *d;
	char *doc;
	size_t len;

	/* 10 000 levels (50 MB): the error comes at level 65, long before the
	 * end of the input. */
	doc = deep_block(10000, &len);
	d = parse_fail_n(f, doc, len, NGOJST_ELIMIT);
	assert_contains(d->message, "max_depth (64 levels)");
	assert_int_equal(d->line, 65);
	assert_int_equal(d->column, 65);
	free(doc);

	lim.max_depth = 2000;
	ctx = test_context_new_limits(&lim);
	ngojst_arena_init(&arena, ctx, 0);
	doc = deep_block(2000, &len);
	assert_int_equal(ngojst_tree_parse_single(ctx, &arena, NULL, doc, len, &t), NGOJST_OK);
	assert_int_equal(t->node_count, 4001);
	free(doc);
	doc = deep_block(2001, &len);
	assert_int_equal(ngojst_tree_parse_single(ctx, &arena, NULL, doc, len, &t), NGOJST_ELIMIT);
	assert_int_equal(ngojst_diag_at(ctx, 0)->line, 2001);
	free(doc);
	ngojst_arena_release(&arena);
	ngojst_context_free(ctx);
	finish(f);
}

/* ---- bytes --------------------------------------------------------------- */

typedef struct bad_input {
	const char *data;
	size_t len;
	unsigned line, column;
	size_t offset;
	const char *message;
} bad_input;

static void check_bad_inputs(fixture *f, const bad_input *cases, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const bad_input *c = &cases[i];
		const ngojst_diag *d = parse_fail_n(f, c->data, c->len, NGOJST_EPARSE);
		ngojst_reader *r;
		ngojst_tree *t;
		FILE *fp;

		assert_pos(d, c->line, c->column, c->offset);
		assert_contains(d->message, c->message);
		/* The stream path agrees. */
		fp = fmemopen((void *)c->data, c->len, "rb");
		assert_non_null(fp);
		ngojst_diag_clear(f->ctx);
		assert_int_equal(ngojst_reader_open_stream(&r, f->ctx, NULL, fp), NGOJST_OK);
		while (ngojst_reader_next(r, &t) == NGOJST_OK)
			;
		d = ngojst_diag_at(f->ctx, 0);
		assert_non_null(d);
		assert_int_equal(d->code, NGOJST_EPARSE);
		assert_pos(d, c->line, c->column, c->offset);
		ngojst_reader_free(r);
		fclose(fp);
	}
}

#define BAD(s, l, c, o, m) { s, sizeof(s) - 1, l, c, o, m }

static void test_invalid_utf8(void **state)
{
	static const bad_input cases[] = {
		BAD("a: \xC0\xAF\n", 1, 4, 3, "overlong"),
		BAD("a: ok\nb: \xE0\x80\xAF\n", 2, 4, 9, "overlong encoding of U+002F"),
		BAD("a: \xF0\x80\x80\xAF\n", 1, 4, 3, "overlong"),
		BAD("ą: ę\nb: x\xED\xA0\x80y\n", 2, 5, 11, "surrogate U+D800"),
		BAD("a: \xED\xBF\xBF\n", 1, 4, 3, "surrogate U+DFFF"),
		BAD("a: \xF4\x90\x80\x80\n", 1, 4, 3, "above U+10FFFF"),
		BAD("a: \xF5\x80\x80\x80\n", 1, 4, 3, "above U+10FFFF"),
		BAD("a: \xFF\n", 1, 4, 3, "0xFF"),
		BAD("a: b\xE2\x82", 1, 5, 4, "truncated sequence at end of input"),
		BAD("a: \xE2\x28\xA1\n", 1, 4, 3, "truncated sequence"),
		BAD("żółw: \x80\n", 1, 7, 9, "unexpected continuation byte 0x80"),
		BAD("# comment \xC3\n", 1, 11, 10, "truncated"),
		BAD("\xFF\xFE" "a\0:\0", 1, 1, 0, "0xFF"), /* UTF-16 is refused */
		BAD("a: \"\xEF\xBF\xBE\"\n", 1, 5, 4, "U+FFFE"),
		BAD("a: \x01\n", 1, 4, 3, "control character U+0001"),
		BAD("a: \xC2\x80\n", 1, 4, 3, "control character U+0080"),
		BAD("a: b\x00" "c\n", 1, 5, 4, "NUL byte"),
		BAD("a:\r\n  - x\r\n  - \x00", 3, 5, 15, "NUL byte"),
	};

	FIXTURE(f);

	check_bad_inputs(f, cases, sizeof(cases) / sizeof(cases[0]));
	finish(f);
}

static void test_invalid_utf8_far(void **state)
{
	FIXTURE(f);
	const char *line = "- zażółć gęślą jaźń\n";
	size_t ll = strlen(line), len = 0, i, n, lines = 1;
	char *doc = malloc(4 * (5000 * ll + 4) + 64);
	ngojst_reader *r;
	FILE *fp;
	int rc, pass;

	/* Four documents of 5000 lines, then a bad byte in the fifth, well
	 * past the first read chunks: the four come out intact. */
	assert_non_null(doc);
	for (n = 0; n < 4; n++) {
		if (n) {
			memcpy(doc + len, "---\n", 4);
			len += 4;
		}
		for (i = 0; i < 5000; i++, len += ll)
			memcpy(doc + len, line, ll);
	}
	memcpy(doc + len, "---\nx: \xC3\x28\n", 10);
	len += 10;
	for (i = 0; i < len - 3; i++)
		lines += doc[i] == '\n';

	for (pass = 0; pass < 2; pass++) {
		fp = pass ? fmemopen(doc, len, "rb") : NULL;
		ngojst_diag_clear(f->ctx);
		if (pass)
			assert_int_equal(ngojst_reader_open_stream(&r, f->ctx, NULL, fp), NGOJST_OK);
		else
			assert_int_equal(ngojst_reader_open_buffer(&r, f->ctx, NULL, doc, len), NGOJST_OK);
		assert_int_equal(read_all(f->ctx, r, &rc), 4);
		assert_int_equal(rc, NGOJST_EPARSE);
		assert_pos(ngojst_diag_at(f->ctx, 0), (unsigned)lines, 4, len - 3);
		assert_contains(ngojst_diag_at(f->ctx, 0)->message, "not a continuation byte");
		ngojst_reader_free(r);
		if (fp)
			fclose(fp);
	}
	free(doc);
	finish(f);
}

static void test_nul_escape(void **state)
{
	FIXTURE(f);
	const ngojst_diag *d = parse_fail(f, "a: \"x\\0y\"\n", NGOJST_EPARSE);

	assert_contains(d->message, "NUL");
	assert_pos(d, 1, 4, 3);
	parse_fail(f, "a: \"\\x00\"\n", NGOJST_EPARSE);
	parse_fail(f, "[\"\\u0000\"]", NGOJST_EPARSE);
	finish(f);
}

/* ---- limits -------------------------------------------------------------- */

static int parse_with(const ngojst_limits *lim, const char *doc, const ngojst_diag **first)
{
	ngojst_context *ctx = test_context_new_limits(lim);
	ngojst_reader *r;
	ngojst_tree *t;
	int rc;

	rc = ngojst_reader_open_buffer(&r, ctx, NULL, doc, strlen(doc));
	if (rc == NGOJST_OK) {
		while ((rc = ngojst_reader_next(r, &t)) == NGOJST_OK)
			;
		ngojst_reader_free(r);
		if (rc == NGOJST_EOF)
			rc = NGOJST_OK;
	}
	if (rc != NGOJST_OK) {
		static ngojst_diag copy;
		static char msg[256];

		assert_true(ngojst_diag_count(ctx) >= 1);
		copy = *ngojst_diag_at(ctx, 0);
		snprintf(msg, sizeof(msg), "%s", copy.message);
		copy.message = msg;
		copy.source = NULL;
		copy.path = NULL;
		assert_int_equal(copy.code, rc);
		assert_true(copy.line > 0);
		if (first)
			*first = &copy;
	}
	ngojst_context_free(ctx);
	return rc;
}

static void test_limit_input_bytes(void **state)
{
	ngojst_limits lim = { 0 };
	const char *doc = "a: 1\nb: 2\n";
	const ngojst_diag *d;
	char *path;
	ngojst_context *ctx;
	ngojst_reader *r;
	ngojst_tree *t;

	(void)state;
	lim.max_input_bytes = strlen(doc);
	assert_int_equal(parse_with(&lim, doc, NULL), NGOJST_OK);
	lim.max_input_bytes = strlen(doc) - 1;
	assert_int_equal(parse_with(&lim, doc, &d), NGOJST_ELIMIT);
	assert_contains(d->message, "max_input_bytes (9 bytes)");
	assert_pos(d, 2, 5, 9);

	/* A file is checked as it is read. */
	path = write_temp(doc, strlen(doc));
	lim.max_input_bytes = strlen(doc);
	ctx = test_context_new_limits(&lim);
	assert_int_equal(ngojst_reader_open_file(&r, ctx, path), NGOJST_OK);
	assert_int_equal(ngojst_reader_next(r, &t), NGOJST_OK);
	assert_int_equal(ngojst_reader_next(r, &t), NGOJST_EOF);
	ngojst_reader_free(r);
	ngojst_context_free(ctx);
	lim.max_input_bytes = strlen(doc) - 1;
	ctx = test_context_new_limits(&lim);
	assert_int_equal(ngojst_reader_open_file(&r, ctx, path), NGOJST_OK);
	assert_int_equal(ngojst_reader_next(r, &t), NGOJST_ELIMIT);
	assert_contains(ngojst_diag_at(ctx, 0)->message, "max_input_bytes (9 bytes)");
	assert_pos(ngojst_diag_at(ctx, 0), 2, 5, 9);
	ngojst_reader_free(r);
	ngojst_context_free(ctx);
	unlink(path);
	free(path);
}

static void test_limit_document_bytes(void **state)
{
	ngojst_limits lim = { 0 };
	const ngojst_diag *d;
	char *big;
	size_t len;

	(void)state;
	/* Each document counts from its start (its first token, or "---") to
	 * its end (the next "---" or "...", or the end of the input). */
	lim.max_document_bytes = 10;
	assert_int_equal(parse_with(&lim, "a: 1\nb: 2\n---\nc: 33\n", NULL), NGOJST_OK);
	lim.max_document_bytes = 9;
	assert_int_equal(parse_with(&lim, "a: 1\nb: 2\n---\nc: 33\n", &d), NGOJST_ELIMIT);
	assert_contains(d->message, "max_document_bytes (9 bytes)");
	assert_pos(d, 1, 1, 0);
	/* Reported at the start of the document. */
	assert_int_equal(parse_with(&lim, "a: 1\n---\nb: 2\nc: 3\n", &d), NGOJST_ELIMIT);
	assert_pos(d, 2, 1, 5);

	/* One huge scalar is stopped while libyaml is still reading it. */
	lim.max_document_bytes = 1000;
	lim.max_scalar_bytes = 100u << 20;
	big = repeat("a: ", "x", 10u << 20, "\n", &len);
	{
		ngojst_context *ctx = test_context_new_limits(&lim);
		ngojst_reader *r;
		ngojst_tree *t;

		assert_int_equal(ngojst_reader_open_buffer(&r, ctx, NULL, big, len), NGOJST_OK);
		assert_int_equal(ngojst_reader_next(r, &t), NGOJST_ELIMIT);
		assert_contains(ngojst_diag_at(ctx, 0)->message, "max_document_bytes");
		assert_true(ngojst_diag_at(ctx, 0)->offset < (1u << 20));
		ngojst_reader_free(r);
		ngojst_context_free(ctx);
	}
	free(big);
}

static void test_limit_depth_nodes_scalar(void **state)
{
	ngojst_limits lim = { 0 };
	const ngojst_diag *d;

	(void)state;
	lim.max_depth = 2;
	assert_int_equal(parse_with(&lim, "a: [1]\n", NULL), NGOJST_OK);
	assert_int_equal(parse_with(&lim, "a: [[1]]\n", &d), NGOJST_ELIMIT);
	assert_pos(d, 1, 5, 4);
	assert_contains(d->message, "max_depth (2 levels)");

	lim.max_depth = 0;
	lim.max_nodes = 4;
	assert_int_equal(parse_with(&lim, "[1, 2, 3]\n", NULL), NGOJST_OK);
	/* Per document. */
	assert_int_equal(parse_with(&lim, "[1, 2, 3]\n--- [4, 5, 6]\n", NULL), NGOJST_OK);
	lim.max_nodes = 3;
	assert_int_equal(parse_with(&lim, "[1, 2, 3]\n", &d), NGOJST_ELIMIT);
	assert_pos(d, 1, 8, 7);
	assert_contains(d->message, "max_nodes (3)");

	lim.max_nodes = 0;
	lim.max_scalar_bytes = 5;
	assert_int_equal(parse_with(&lim, "abcde: \"aą\\u0105\"\n", NULL), NGOJST_OK);
	assert_int_equal(parse_with(&lim, "ab: abcdef\n", &d), NGOJST_ELIMIT);
	assert_pos(d, 1, 5, 4);
	assert_contains(d->message, "scalar of 6 bytes is longer than max_scalar_bytes (5 bytes)");
	/* The limit is on the value, after escapes and folding. */
	assert_int_equal(parse_with(&lim, "\"\\u0105\\u0105\\u0105\"\n", &d), NGOJST_ELIMIT);
}

static void test_limit_alias_expansions(void **state)
{
	ngojst_limits lim = { 0 };
	const char *doc = "a: &x [1, [2]]\nb: *x\nc: [*x, *x]\n";
	const ngojst_diag *d;

	(void)state;
	/* Each *x brings 4 nodes: 12 in all. */
	lim.max_alias_expansions = 12;
	assert_int_equal(parse_with(&lim, doc, NULL), NGOJST_OK);
	lim.max_alias_expansions = 11;
	assert_int_equal(parse_with(&lim, doc, &d), NGOJST_ELIMIT);
	assert_pos(d, 3, 9, 29);
	/* Nested aliases count multiplicatively: *a brings 2 nodes, *b 5 (its
	 * own two aliases expanded): 2 * 2 + 3 * 5 = 19. */
	lim.max_alias_expansions = 19;
	assert_int_equal(parse_with(&lim, "- &a [x]\n- &b [*a, *a]\n- [*b, *b, *b]\n", NULL), NGOJST_OK);
	lim.max_alias_expansions = 18;
	assert_int_equal(parse_with(&lim, "- &a [x]\n- &b [*a, *a]\n- [*b, *b, *b]\n", &d),
			 NGOJST_ELIMIT);
	assert_pos(d, 3, 12, 34);
}

/* ---- tags, styles, JSON -------------------------------------------------- */

static void test_tags_and_styles(void **state)
{
	FIXTURE(f);
	ngojst_tree *t = parse(f, "%TAG !e! tag:example.com,2024:\n"
				  "---\n"
				  "a: !!str 123\n"
				  "b: !custom x\n"
				  "c: !!python/object:os.system {}\n"
				  "d: ! plain\n"
				  "e: !e!thing [1]\n"
				  "f: 'single'\n"
				  "g: \"double\"\n"
				  "h: >\n  folded\n  text\n"
				  "i: |-\n  literal\n"
				  "j: plain\n");
	const ngojst_node *r = t->root;

	assert_string_equal(ngojst_node_get(r, "a")->tag, "tag:yaml.org,2002:str");
	assert_scalar(ngojst_node_get(r, "a"), "123");
	assert_string_equal(ngojst_node_get(r, "b")->tag, "!custom");
	assert_string_equal(ngojst_node_get(r, "c")->tag, "tag:yaml.org,2002:python/object:os.system");
	assert_int_equal(ngojst_node_get(r, "c")->type, NGOJST_NODE_MAPPING);
	assert_string_equal(ngojst_node_get(r, "d")->tag, "!");
	assert_string_equal(ngojst_node_get(r, "e")->tag, "tag:example.com,2024:thing");
	assert_null(ngojst_node_get(r, "j")->tag);
	assert_null(r->tag);
	assert_int_equal(ngojst_node_get(r, "f")->style, NGOJST_SCALAR_QUOTED);
	assert_int_equal(ngojst_node_get(r, "g")->style, NGOJST_SCALAR_QUOTED);
	assert_int_equal(ngojst_node_get(r, "h")->style, NGOJST_SCALAR_BLOCK);
	assert_scalar(ngojst_node_get(r, "h"), "folded text\n");
	assert_int_equal(ngojst_node_get(r, "i")->style, NGOJST_SCALAR_BLOCK);
	assert_scalar(ngojst_node_get(r, "i"), "literal");
	assert_int_equal(ngojst_node_get(r, "j")->style, NGOJST_SCALAR_PLAIN);

	/* An unknown tag handle is a syntax error. */
	parse_fail(f, "a: !x!y z\n", NGOJST_EPARSE);
	finish(f);
}

static void test_json(void **state)
{
	FIXTURE(f);
	const char *doc = "{\n"
			  "\t\"nazwa\": \"Fundacja \\u0105\\u0119 \\\"Cytat\\\"\",\n"
			  "\t\"url\": \"https:\\/\\/example.org\\/a\",\n"
			  "\t\"kwota\": 1234.5e2, \"ok\": true, \"brak\": null, \"n\": -0,\n"
			  "\t\"lista\": [1, \"dwa\", {\"a\":[]}, [], {}],\n"
			  "\t\"esc\": \"\\b\\f\\n\\r\\t\\\\\",\n"
			  "\t\"a/b\": 1, \"m~n\": 2, \"\": 3\n"
			  "}\n";
	ngojst_tree *t = parse(f, doc);
	const ngojst_node *r = t->root, *n;
	const ngojst_diag *d;

	assert_int_equal(r->type, NGOJST_NODE_MAPPING);
	assert_scalar(ngojst_node_get(r, "nazwa"), "Fundacja ąę \"Cytat\"");
	assert_scalar(ngojst_node_get(r, "url"), "https://example.org/a");
	n = ngojst_node_get(r, "kwota");
	assert_scalar(n, "1234.5e2");
	assert_int_equal(n->style, NGOJST_SCALAR_PLAIN);
	assert_node_pos(n, 4, 11, offset_of(doc, "1234"));
	assert_scalar(ngojst_node_get(r, "ok"), "true");
	assert_true(ngojst_node_is_null(ngojst_node_get(r, "brak")));
	assert_false(ngojst_node_is_null(ngojst_node_get(r, "nazwa")));
	n = ngojst_node_get(r, "lista");
	assert_int_equal(n->u.seq.count, 5);
	assert_int_equal(n->u.seq.items[2]->type, NGOJST_NODE_MAPPING);
	assert_int_equal(n->u.seq.items[3]->u.seq.count, 0);
	assert_null(n->u.seq.items[3]->u.seq.items);
	assert_scalar(ngojst_node_get(r, "esc"), "\b\f\n\r\t\\");
	assert_scalar(ngojst_node_get(r, ""), "3");

	/* JSON pointers, with ~0 and ~1. */
	assert_ptr_equal(ngojst_tree_lookup(t, ""), r);
	assert_scalar(ngojst_tree_lookup(t, "/a~1b"), "1");
	assert_scalar(ngojst_tree_lookup(t, "/m~0n"), "2");
	assert_scalar(ngojst_tree_lookup(t, "/"), "3");
	assert_scalar(ngojst_tree_lookup(t, "/lista/1"), "dwa");
	assert_non_null(ngojst_tree_lookup(t, "/lista/2/a"));
	assert_null(ngojst_tree_lookup(t, "/lista/01"));
	assert_null(ngojst_tree_lookup(t, "/lista/5"));
	assert_null(ngojst_tree_lookup(t, "/lista/-"));
	assert_null(ngojst_tree_lookup(t, "/lista/1/x"));
	assert_null(ngojst_tree_lookup(t, "/a~2b"));
	assert_null(ngojst_tree_lookup(t, "/a/b"));
	assert_null(ngojst_tree_lookup(t, "/missing"));
	assert_null(ngojst_tree_lookup(t, "nazwa"));
	assert_null(ngojst_tree_lookup(t, NULL));
	assert_null(ngojst_tree_lookup(NULL, ""));

	/* Minified JSON (no space after ':'). */
	t = parse(f, "{\"a\":1,\"b\":[true,false],\"c\":{\"d\":\"e\"}}");
	assert_scalar(ngojst_tree_lookup(t, "/c/d"), "e");
	assert_scalar(ngojst_tree_lookup(t, "/b/1"), "false");

	/* libyaml 0.2.5 does not join UTF-16 surrogate pairs, which JSON uses
	 * for characters outside the BMP: such input is refused, with a
	 * position. */
	d = parse_fail(f, "[\"\\ud83d\\ude00\"]", NGOJST_EPARSE);
	assert_pos(d, 1, 5, 4);
	/* Duplicate keys in JSON are rejected as in YAML. */
	d = parse_fail(f, "{\"a\": 1, \"a\": 2}", NGOJST_EPARSE);
	assert_contains(d->message, "duplicate key \"a\"");
	finish(f);
}

static void test_lookups(void **state)
{
	FIXTURE(f);
	ngojst_tree *t = parse(f, "a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: 'null'\ng: !!null ''\n"
				  "h: !!str null\ni: nul\nj: [x]\nk: nulls\nl: \"\"\n");
	const ngojst_node *r = t->root;

	assert_true(ngojst_node_is_null(ngojst_node_get(r, "a")));
	assert_true(ngojst_node_is_null(ngojst_node_get(r, "b")));
	assert_true(ngojst_node_is_null(ngojst_node_get(r, "c")));
	assert_true(ngojst_node_is_null(ngojst_node_get(r, "d")));
	assert_true(ngojst_node_is_null(ngojst_node_get(r, "e")));
	assert_false(ngojst_node_is_null(ngojst_node_get(r, "f")));
	assert_true(ngojst_node_is_null(ngojst_node_get(r, "g")));
	assert_false(ngojst_node_is_null(ngojst_node_get(r, "h")));
	assert_false(ngojst_node_is_null(ngojst_node_get(r, "i")));
	assert_false(ngojst_node_is_null(ngojst_node_get(r, "j")));
	assert_false(ngojst_node_is_null(ngojst_node_get(r, "k")));
	assert_false(ngojst_node_is_null(ngojst_node_get(r, "l")));
	assert_false(ngojst_node_is_null(NULL));

	assert_string_equal(ngojst_node_type_name(r), "mapping");
	assert_string_equal(ngojst_node_type_name(ngojst_node_get(r, "j")), "sequence");
	assert_string_equal(ngojst_node_type_name(ngojst_node_get(r, "a")), "scalar");
	assert_string_equal(ngojst_node_type_name(NULL), "nothing");

	assert_null(ngojst_node_get(r, "z"));
	assert_null(ngojst_node_get(r, "nu"));
	assert_null(ngojst_node_get(ngojst_node_get(r, "j"), "x"));
	assert_null(ngojst_node_get(NULL, "a"));
	assert_null(ngojst_node_get(r, NULL));
	assert_scalar(ngojst_node_get(r, "i"), "nul");
	finish(f);
}

/* ---- files under tests/data/yaml ----------------------------------------- */

/* Same data, whatever the syntax: types and text, not styles or places. */
static void assert_same_data(const ngojst_node *a, const ngojst_node *b)
{
	size_t i;

	assert_int_equal(a->type, b->type);
	switch (a->type) {
	case NGOJST_NODE_SCALAR:
		assert_string_equal(a->u.scalar.str, b->u.scalar.str);
		break;
	case NGOJST_NODE_SEQUENCE:
		assert_int_equal(a->u.seq.count, b->u.seq.count);
		for (i = 0; i < a->u.seq.count; i++)
			assert_same_data(a->u.seq.items[i], b->u.seq.items[i]);
		break;
	case NGOJST_NODE_MAPPING:
		assert_int_equal(a->u.map.count, b->u.map.count);
		for (i = 0; i < a->u.map.count; i++) {
			assert_same_data(a->u.map.pairs[i].key, b->u.map.pairs[i].key);
			assert_same_data(a->u.map.pairs[i].value, b->u.map.pairs[i].value);
		}
		break;
	}
}

static ngojst_tree *read_file_tree(fixture *f, const char *rel, ngojst_arena *keep)
{
	ngojst_reader *r;
	ngojst_tree *t, *end;
	int rc;

	assert_int_equal(ngojst_reader_open_file(&r, f->ctx, test_data_path(rel)), NGOJST_OK);
	rc = ngojst_reader_next(r, &t);
	if (rc != NGOJST_OK)
		test_print_diags(f->ctx);
	assert_int_equal(rc, NGOJST_OK);
	assert_int_equal(ngojst_reader_take_arena(r, keep), NGOJST_OK);
	assert_int_equal(ngojst_reader_next(r, &end), NGOJST_EOF);
	ngojst_reader_free(r);
	return t;
}

static void test_data_files(void **state)
{
	FIXTURE(f);
	ngojst_arena ay, aj;
	ngojst_tree *ty, *tj;
	ngojst_reader *r;
	ngojst_tree *t;
	const ngojst_diag *d;
	char *text;

	/* The programme as YAML and as JSON: the same tree. */
	ty = read_file_tree(f, "yaml/programme.yaml", &ay);
	tj = read_file_tree(f, "yaml/programme.json", &aj);
	assert_same_data(ty->root, tj->root);
	assert_scalar(ngojst_tree_lookup(tj, "/adopted/resolution"), "XII/123/2024");
	assert_scalar(ngojst_tree_lookup(ty, "/forms/financial/1"), "wsparcie");
	assert_true(ngojst_node_is_null(ngojst_tree_lookup(tj, "/contact")));
	text = test_read_file(test_data_path("yaml/programme.yaml"), NULL);
	assert_non_null(text);
	assert_node_pos(ngojst_tree_lookup(ty, "/budget/total"), 9, 10, offset_of(text, "150000.00"));
	test_free(text);
	ngojst_arena_release(&ay);
	ngojst_arena_release(&aj);

	/* The billion laughs, from a file. */
	assert_int_equal(ngojst_reader_open_file(&r, f->ctx, test_data_path("yaml/lol.yaml")), NGOJST_OK);
	ngojst_diag_clear(f->ctx);
	assert_int_equal(ngojst_reader_next(r, &t), NGOJST_ELIMIT);
	d = ngojst_diag_at(f->ctx, 0);
	assert_string_equal(d->source, test_data_path("yaml/lol.yaml"));
	assert_int_equal(d->line, 6);
	assert_int_equal(d->column, 8);
	ngojst_reader_free(r);

	/* Latin-2 bytes where UTF-8 belongs. */
	assert_int_equal(ngojst_reader_open_file(&r, f->ctx, test_data_path("yaml/bad-latin1.yaml")),
			 NGOJST_OK);
	ngojst_diag_clear(f->ctx);
	assert_int_equal(ngojst_reader_next(r, &t), NGOJST_EPARSE);
	d = ngojst_diag_at(f->ctx, 0);
	assert_int_equal(d->line, 3);
	assert_int_equal(d->column, 7);
	text = test_read_file(test_data_path("yaml/bad-latin1.yaml"), NULL);
	assert_non_null(text);
	assert_int_equal(d->offset, offset_of(text, "\xA3"));
	test_free(text);
	assert_contains(d->message, "invalid UTF-8");
	ngojst_reader_free(r);

	/* A BOM and CRLF line ends. */
	assert_int_equal(ngojst_reader_open_file(&r, f->ctx, test_data_path("yaml/bom-crlf.yaml")),
			 NGOJST_OK);
	assert_int_equal(ngojst_reader_next(r, &t), NGOJST_OK);
	assert_scalar(ngojst_node_get(t->root, "name"), "Fundacja Łąka");
	text = test_read_file(test_data_path("yaml/bom-crlf.yaml"), NULL);
	assert_non_null(text);
	assert_node_pos(ngojst_node_get(t->root, "name"), 2, 7, offset_of(text, "Fundacja"));
	assert_node_pos(ngojst_node_get(t->root, "krs"), 3, 6, offset_of(text, "\"0000"));
	test_free(text);
	ngojst_reader_free(r);
	finish(f);
}

/* ---- reader states ------------------------------------------------------- */

static void test_stuck_after_error(void **state)
{
	FIXTURE(f);
	const char *doc = "a: 1\n---\nb: [\n---\nc: 3\n";
	ngojst_reader *r;
	ngojst_tree *t;
	const ngojst_diag *d;
	char first[256];
	unsigned line;

	assert_int_equal(ngojst_reader_open_buffer(&r, f->ctx, "doc.yaml", doc, strlen(doc)), NGOJST_OK);
	assert_int_equal(ngojst_reader_next(r, &t), NGOJST_OK);
	ngojst_diag_clear(f->ctx);
	assert_int_equal(ngojst_reader_next(r, &t), NGOJST_EPARSE);
	assert_null(t);
	d = ngojst_diag_at(f->ctx, 0);
	assert_string_equal(d->source, "doc.yaml");
	assert_contains(d->message, "syntax error: ");
	assert_contains(d->message, "(while parsing a flow node that started at line 4, column 1)");
	snprintf(first, sizeof(first), "%s", d->message);
	line = d->line;
	assert_int_equal(ngojst_reader_take_arena(r, &f->arena), NGOJST_EINVAL);
	/* The same error again, with the same diagnostic. */
	ngojst_diag_clear(f->ctx);
	assert_int_equal(ngojst_reader_next(r, &t), NGOJST_EPARSE);
	assert_int_equal(ngojst_diag_count(f->ctx), 1);
	assert_string_equal(ngojst_diag_at(f->ctx, 0)->message, first);
	assert_int_equal(ngojst_diag_at(f->ctx, 0)->line, line);
	assert_int_equal(ngojst_reader_next(r, &t), NGOJST_EPARSE);
	ngojst_reader_free(r);
	assert_int_equal(ngojst_reader_next(NULL, &t), NGOJST_EINVAL);
	ngojst_reader_free(NULL);
	finish(f);
}

static void test_take_arena(void **state)
{
	FIXTURE(f);
	const char *doc = "first: [1, 2, 3]\n---\nsecond: x\n";
	ngojst_reader *r;
	ngojst_tree *t, *kept;
	ngojst_arena taken;

	assert_int_equal(ngojst_reader_open_buffer(&r, f->ctx, "src", doc, strlen(doc)), NGOJST_OK);
	assert_int_equal(ngojst_reader_next(r, &kept), NGOJST_OK);
	assert_int_equal(ngojst_reader_take_arena(r, &taken), NGOJST_OK);
	assert_int_equal(ngojst_reader_take_arena(r, &taken), NGOJST_EINVAL);
	assert_int_equal(ngojst_reader_next(r, &t), NGOJST_OK);
	assert_scalar(ngojst_node_get(t->root, "second"), "x");
	ngojst_reader_free(r);
	/* The taken tree outlives the reader. */
	assert_string_equal(kept->source, "src");
	assert_scalar(ngojst_tree_lookup(kept, "/first/2"), "3");
	assert_true(taken.total > 0);
	ngojst_arena_release(&taken);
	assert_int_equal(ngojst_reader_take_arena(NULL, &taken), NGOJST_EINVAL);
	finish(f);
}

static void test_syntax_errors_positioned(void **state)
{
	FIXTURE(f);
	const ngojst_diag *d;

	d = parse_fail(f, "a: b: c\n", NGOJST_EPARSE);
	assert_pos(d, 1, 5, 4);
	assert_contains(d->message, "mapping values are not allowed");
	d = parse_fail(f, "ą: \"żółw\n", NGOJST_EPARSE);
	assert_int_equal(d->line, 2);
	assert_contains(d->message, "quoted scalar that started at line 1, column 4");
	d = parse_fail(f, "a:\n\t- b\n", NGOJST_EPARSE);
	assert_int_equal(d->line, 2);
	d = parse_fail(f, "ż: [ó, \n", NGOJST_EPARSE);
	assert_int_equal(d->line, 2);
	d = parse_fail(f, "- a\nb: c\n", NGOJST_EPARSE);
	assert_pos(d, 2, 1, 4);

	assert_int_equal(ngojst_reader_open_buffer(NULL, f->ctx, NULL, "", 0), NGOJST_EINVAL);
	finish(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_positions_crlf_and_wide),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_multi_document),
		cmocka_unit_test(test_empty_input),
		cmocka_unit_test(test_single_rejects_second_document),
		cmocka_unit_test(test_open_file),
		cmocka_unit_test(test_open_stream),
		cmocka_unit_test(test_stream_matches_buffer),
		cmocka_unit_test(test_long_stream_bounded_memory),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_big_mapping),
		cmocka_unit_test(test_complex_keys),
		cmocka_unit_test(test_aliases),
		cmocka_unit_test(test_anchors_do_not_cross_documents),
		cmocka_unit_test(test_alias_bomb),
		cmocka_unit_test(test_deep_flow),
		cmocka_unit_test(test_deep_block),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_invalid_utf8_far),
		cmocka_unit_test(test_nul_escape),
		cmocka_unit_test(test_limit_input_bytes),
		cmocka_unit_test(test_limit_document_bytes),
		cmocka_unit_test(test_limit_depth_nodes_scalar),
		cmocka_unit_test(test_limit_alias_expansions),
		cmocka_unit_test(test_tags_and_styles),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_lookups),
		cmocka_unit_test(test_data_files),
		cmocka_unit_test(test_stuck_after_error),
		cmocka_unit_test(test_take_arena),
		cmocka_unit_test(test_syntax_errors_positioned),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
