/* Reading one input two ways and comparing: from a buffer, where the direct
 * readers (lib/yaml/block.c, json-line.c) take every document they cover,
 * and from a FILE, which always goes through libyaml. Both must give the
 * same documents (every node's type, style, line, column, byte offset, tag
 * and text) and the same outcome (end, or the same error at the same place
 * with the same message). Shared by tests/yaml/test-block.c and
 * fuzz/fuzz-block.c; header-only so that each can link it its own way. */
#ifndef NGOJST_TEST_TREE_DIFF_H
#define NGOJST_TEST_TREE_DIFF_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <ngojst/ngojst.h>

#include "yaml/reader-private.h"

/* What a comparison found. */
typedef struct tree_diff_result {
	bool same;
	size_t documents;        /* documents both read */
	size_t direct;           /* of them, read without libyaml */
	int rc;                  /* how both ended: NGOJST_EOF or an error */
	char why[512];           /* the first difference */
} tree_diff_result;

static inline bool tree_diff_nodes(const ngojst_node *a, const ngojst_node *b, char *why, size_t n)
{
	size_t i;

	if (!a || !b) {
		if (a != b)
			snprintf(why, n, "one root is empty");
		return a == b;
	}
	if (a->type != b->type || a->line != b->line || a->column != b->column ||
	    a->offset != b->offset || (a->type == NGOJST_NODE_SCALAR && a->style != b->style) ||
	    (a->tag == NULL) != (b->tag == NULL) || (a->tag && strcmp(a->tag, b->tag) != 0)) {
		snprintf(why, n,
			 "node differs: direct type %d style %d at %u:%u+%zu, libyaml type %d style %d at %u:%u+%zu",
			 (int)a->type, (int)a->style, a->line, a->column, a->offset, (int)b->type,
			 (int)b->style, b->line, b->column, b->offset);
		return false;
	}
	switch (a->type) {
	case NGOJST_NODE_SCALAR:
		if (a->u.scalar.len != b->u.scalar.len ||
		    memcmp(a->u.scalar.str, b->u.scalar.str, a->u.scalar.len) != 0 ||
		    a->u.scalar.str[a->u.scalar.len] != '\0') {
			snprintf(why, n, "scalar at %u:%u differs: direct \"%.80s\" (%zu), libyaml \"%.80s\" (%zu)",
				 a->line, a->column, a->u.scalar.str, a->u.scalar.len, b->u.scalar.str,
				 b->u.scalar.len);
			return false;
		}
		return true;
	case NGOJST_NODE_SEQUENCE:
		if (a->u.seq.count != b->u.seq.count) {
			snprintf(why, n, "sequence at %u:%u: %zu items direct, %zu libyaml", a->line,
				 a->column, a->u.seq.count, b->u.seq.count);
			return false;
		}
		for (i = 0; i < a->u.seq.count; i++)
			if (!tree_diff_nodes(a->u.seq.items[i], b->u.seq.items[i], why, n))
				return false;
		return true;
	case NGOJST_NODE_MAPPING:
		if (a->u.map.count != b->u.map.count) {
			snprintf(why, n, "mapping at %u:%u: %zu pairs direct, %zu libyaml", a->line,
				 a->column, a->u.map.count, b->u.map.count);
			return false;
		}
		for (i = 0; i < a->u.map.count; i++)
			if (!tree_diff_nodes(a->u.map.pairs[i].key, b->u.map.pairs[i].key, why, n) ||
			    !tree_diff_nodes(a->u.map.pairs[i].value, b->u.map.pairs[i].value, why, n))
				return false;
		return true;
	}
	return false;
}

static inline bool tree_diff_same_diag(const ngojst_context *a, const ngojst_context *b, char *why,
				size_t n)
{
	const ngojst_diag *da, *db;

	if (ngojst_diag_count(a) < 1 || ngojst_diag_count(b) < 1) {
		snprintf(why, n, "an error without a diagnostic");
		return false;
	}
	da = ngojst_diag_at(a, 0);
	db = ngojst_diag_at(b, 0);
	if (da->line != db->line || da->column != db->column || da->offset != db->offset ||
	    strcmp(da->message, db->message) != 0) {
		snprintf(why, n, "errors differ: buffer %u:%u+%zu %s; libyaml %u:%u+%zu %s", da->line,
			 da->column, da->offset, da->message, db->line, db->column, db->offset,
			 db->message);
		return false;
	}
	return true;
}

/* One way of reading the input. */
typedef struct tree_diff_side {
	ngojst_context *ctx;
	ngojst_reader *r;
	FILE *fp;
	int open_rc;
} tree_diff_side;

static inline bool tree_diff_open(tree_diff_side *side, const char *data, size_t len,
			   const ngojst_context_options *opts, bool file, bool direct)
{
	memset(side, 0, sizeof(*side));
	if (ngojst_context_new(&side->ctx, opts))
		return false;
	if (file) {
		side->fp = len ? fmemopen((void *)data, len, "rb") : fopen("/dev/null", "rb");
		if (!side->fp)
			return false;
		side->open_rc = ngojst_reader_open_stream(&side->r, side->ctx, "<string>", side->fp);
	} else {
		side->open_rc = ngojst_reader_open_buffer(&side->r, side->ctx, "<string>", data, len);
	}
	if (side->open_rc == NGOJST_ENOMEM)
		return false;
	if (side->r && !direct)
		ngojst_reader_disable_direct(side->r);
	return true;
}

static inline void tree_diff_close(tree_diff_side *side)
{
	ngojst_reader_free(side->r);
	if (side->fp)
		fclose(side->fp);
	ngojst_context_free(side->ctx);
}

/* Read with a (which may read directly) and b (libyaml) in step. */
static inline void tree_diff_compare(tree_diff_side *sa, tree_diff_side *sb, const char *what,
			      tree_diff_result *res)
{
	size_t documents = 0, direct = 0;

	res->same = false;
	for (;;) {
		ngojst_tree *ta = NULL, *tb = NULL;
		bool was_direct = !sa->r->parser_used;
		int a = ngojst_reader_next(sa->r, &ta), b = ngojst_reader_next(sb->r, &tb);

		if (a != b) {
			snprintf(res->why, sizeof(res->why),
				 "%s, document %zu: returns %d (%.200s), libyaml %d (%.200s)", what,
				 documents, a,
				 ngojst_diag_count(sa->ctx) ? ngojst_diag_at(sa->ctx, 0)->message : "", b,
				 ngojst_diag_count(sb->ctx) ? ngojst_diag_at(sb->ctx, 0)->message : "");
			return;
		}
		if (a == NGOJST_EOF) {
			res->rc = a;
			break;
		}
		if (a != NGOJST_OK) {
			char why[sizeof(res->why) - 32];

			res->rc = a;
			if (!tree_diff_same_diag(sa->ctx, sb->ctx, why, sizeof(why))) {
				snprintf(res->why, sizeof(res->why), "%s: %s", what, why);
				return;
			}
			break;
		}
		if (ta->index != tb->index || !tree_diff_nodes(ta->root, tb->root, res->why, sizeof(res->why))) {
			char at[96];

			snprintf(at, sizeof(at), " (%s, document %zu)", what, documents);
			if (strlen(res->why) + strlen(at) < sizeof(res->why))
				strcat(res->why, at);
			return;
		}
		documents++;
		/* Still direct after the call: that document was read without libyaml. */
		if (was_direct && !sa->r->parser_used)
			direct++;
	}
	res->same = true;
	res->documents = documents;
	res->direct = direct;
}

/* Compare a buffer read and a FILE read, both with the direct readers, with
 * a FILE read through libyaml only, under the given limits (NULL:
 * defaults). res->direct counts the buffer's documents read directly.
 * Returns false only if setting up failed (out of memory). */
static inline bool tree_diff_read(const char *data, size_t len, const ngojst_limits *limits,
			   tree_diff_result *res)
{
	ngojst_context_options opts = NGOJST_CONTEXT_OPTIONS_INIT;
	tree_diff_side lib, buf, file;
	bool ok = false;

	memset(res, 0, sizeof(*res));
	if (limits)
		opts.limits = *limits;
	if (!tree_diff_open(&lib, data, len, &opts, true, false))
		goto out_lib;
	if (!tree_diff_open(&buf, data, len, &opts, false, true))
		goto out_buf;
	if (!tree_diff_open(&file, data, len, &opts, true, true))
		goto out_file;
	ok = true;
	if (lib.open_rc || file.open_rc) {
		snprintf(res->why, sizeof(res->why), "a FILE reader could not be opened");
		goto out_file;
	}
	tree_diff_compare(&file, &lib, "file", res);
	/* A buffer over max_input_bytes is refused as a whole, before any
	 * reading: then only the FILE readers are compared. */
	if (res->same && !buf.open_rc) {
		tree_diff_close(&lib);
		if (!tree_diff_open(&lib, data, len, &opts, true, false)) {
			ok = false;
			goto out_file;
		}
		tree_diff_compare(&buf, &lib, "buffer", res);
	}
out_file:
	tree_diff_close(&file);
out_buf:
	tree_diff_close(&buf);
out_lib:
	tree_diff_close(&lib);
	return ok;
}

#endif
