/* Documents: reading YAML/JSON streams and binding each document to the
 * struct of its kind. */
#include <string.h>

#include "../core/buf.h"
#include "../core/file.h"
#include "../core/context-private.h"
#include "binder.h"
#include "document-private.h"

struct ngojst_stream {
	ngojst_context *ctx;
	ngojst_reader *reader;
	const char *source;   /* owned copy */
	size_t next_index;
	int stuck;            /* a syntax error or limit ends the stream */
};

size_t ngojst_kind_count(void)
{
	size_t n = 0;

	while (ngojst_kind_at(n))
		n++;
	return n;
}

const char *ngojst_kind_name(size_t index)
{
	const ngojst_kind *k = ngojst_kind_at(index);

	return k ? k->name : NULL;
}

const char *ngojst_kind_description(size_t index)
{
	const ngojst_kind *k = ngojst_kind_at(index);

	return k ? k->description : NULL;
}

int ngojst_kind_init(const char *kind, void *data)
{
	const ngojst_kind *k = kind ? ngojst_kind_find(kind) : NULL;

	if (!k)
		return NGOJST_ENOTFOUND;
	if (!data)
		return NGOJST_EINVAL;
	ngojst_schema_init(k->schema, data);
	return NGOJST_OK;
}

static int stream_new(ngojst_stream **out, ngojst_context *ctx, const char *source)
{
	ngojst_stream *s = ngojst_calloc(ctx, 1, sizeof(*s));

	if (!s)
		return NGOJST_ENOMEM;
	s->ctx = ctx;
	s->source = ngojst_strdup(ctx, source);
	if (!s->source) {
		ngojst_free(ctx, s);
		return NGOJST_ENOMEM;
	}
	*out = s;
	return NGOJST_OK;
}

void ngojst_stream_free(ngojst_stream *s)
{
	if (!s)
		return;
	ngojst_reader_free(s->reader);
	ngojst_free(s->ctx, (void *)s->source);
	ngojst_free(s->ctx, s);
}

int ngojst_stream_open_file(ngojst_stream **out, ngojst_context *ctx, const char *path)
{
	ngojst_stream *s;
	int rc;

	if (!out || !ctx || !path)
		return NGOJST_EINVAL;
	*out = NULL;
	ngojst_diag_clear(ctx);
	if ((rc = stream_new(&s, ctx, path)))
		return rc;
	if ((rc = ngojst_reader_open_file(&s->reader, ctx, path))) {
		ngojst_stream_free(s);
		return rc;
	}
	*out = s;
	return NGOJST_OK;
}

int ngojst_stream_open_buffer(ngojst_stream **out, ngojst_context *ctx, const char *source_name, const char *data,
			      size_t len)
{
	ngojst_stream *s;
	int rc;

	if (!out || !ctx || (!data && len))
		return NGOJST_EINVAL;
	*out = NULL;
	ngojst_diag_clear(ctx);
	if ((rc = stream_new(&s, ctx, source_name ? source_name : "<string>")))
		return rc;
	if ((rc = ngojst_reader_open_buffer(&s->reader, ctx, s->source, data ? data : "", len))) {
		ngojst_stream_free(s);
		return rc;
	}
	*out = s;
	return NGOJST_OK;
}

int ngojst_stream_open_fp(ngojst_stream **out, ngojst_context *ctx, const char *source_name, FILE *file)
{
	ngojst_stream *s;
	int rc;

	if (!out || !ctx || !file)
		return NGOJST_EINVAL;
	*out = NULL;
	ngojst_diag_clear(ctx);
	if ((rc = stream_new(&s, ctx, source_name ? source_name : "<stdin>")))
		return rc;
	if ((rc = ngojst_reader_open_stream(&s->reader, ctx, s->source, file))) {
		ngojst_stream_free(s);
		return rc;
	}
	*out = s;
	return NGOJST_OK;
}

size_t ngojst_stream_position(const ngojst_stream *s)
{
	return s ? s->next_index : 0;
}

static const char *const skip_keys[] = { "kind", NULL };

/* Bind a parsed tree that now lives in doc->arena. */
static int bind_tree(ngojst_document *doc, const char *default_kind)
{
	ngojst_context *ctx = doc->ctx;
	const ngojst_node *root = doc->tree->root;
	const ngojst_node *kn;
	const char *kind = default_kind;
	void *data;
	int rc;

	if (!root || ngojst_node_is_null(root))
		return ngojst_diag_add(ctx, NGOJST_EINPUT, doc->source, root ? root->line : 1, root ? root->column : 1, 0,
				       "", "the document is empty");
	if (root->type != NGOJST_NODE_MAPPING)
		return ngojst_diag_add(ctx, NGOJST_EINPUT, doc->source, root->line, root->column, root->offset, "",
				       "a document must be a mapping with a \"kind\" key, not a %s",
				       ngojst_node_type_name(root));
	kn = ngojst_node_get(root, "kind");
	if (kn) {
		if (kn->type != NGOJST_NODE_SCALAR)
			return ngojst_diag_add(ctx, NGOJST_EINPUT, doc->source, kn->line, kn->column, kn->offset, "/kind",
					       "\"kind\" must be a string");
		kind = kn->u.scalar.str;
	}
	if (!kind)
		return ngojst_diag_add(ctx, NGOJST_EINPUT, doc->source, root->line, root->column, root->offset, "",
				       "the document has no \"kind\" (e.g. kind: AnnualProgramme)");
	doc->kind = ngojst_kind_find(kind);
	if (!doc->kind) {
		ngojst_buf b;
		size_t i;

		ngojst_buf_init(&b, ctx);
		for (i = 0; ngojst_kind_at(i); i++)
			ngojst_buf_printf(&b, "%s%s", i ? ", " : "", ngojst_kind_at(i)->name);
		ngojst_diag_add(ctx, NGOJST_EINPUT, doc->source, kn ? kn->line : root->line,
				kn ? kn->column : root->column, kn ? kn->offset : 0, "/kind",
				"unknown kind \"%s\" (known: %s)", kind, ngojst_buf_cstr(&b) ? ngojst_buf_cstr(&b) : "");
		ngojst_buf_dispose(&b);
		return NGOJST_EINPUT;
	}
	rc = ngojst_bind(ctx, &doc->arena, doc->source, root, doc->kind, skip_keys, &data);
	if (rc)
		return rc;
	doc->data = data;
	return NGOJST_OK;
}

int ngojst_stream_next(ngojst_stream *s, const char *default_kind, ngojst_document **out)
{
	ngojst_document *doc;
	ngojst_tree *tree;
	int rc;

	if (!s || !out)
		return NGOJST_EINVAL;
	*out = NULL;
	ngojst_diag_clear(s->ctx);
	if (s->stuck)
		return s->stuck;
	rc = ngojst_reader_next(s->reader, &tree);
	if (rc == NGOJST_EOF)
		return rc;
	if (rc) {
		s->stuck = rc;
		return rc;
	}
	doc = ngojst_calloc(s->ctx, 1, sizeof(*doc));
	if (!doc)
		return NGOJST_ENOMEM;
	doc->ctx = s->ctx;
	doc->index = s->next_index++;
	/* The tree moves into the document, so it outlives the stream. */
	if ((rc = ngojst_reader_take_arena(s->reader, &doc->arena))) {
		ngojst_free(s->ctx, doc);
		return rc;
	}
	doc->tree = tree;
	doc->source = ngojst_arena_strdup(&doc->arena, s->source);
	if (!doc->source) {
		ngojst_document_free(doc);
		return NGOJST_ENOMEM;
	}
	rc = bind_tree(doc, default_kind);
	if (rc) {
		ngojst_document_free(doc);
		return rc;
	}
	*out = doc;
	return NGOJST_OK;
}

int ngojst_document_from_tree(ngojst_document **out, ngojst_context *ctx, const ngojst_tree *tree,
			      const char *default_kind)
{
	ngojst_document *doc = ngojst_calloc(ctx, 1, sizeof(*doc));
	ngojst_tree *copy;
	int rc;

	*out = NULL;
	if (!doc)
		return NGOJST_ENOMEM;
	doc->ctx = ctx;
	ngojst_arena_init(&doc->arena, ctx, 1024);
	/* The nodes stay the caller's; the tree header is ours. */
	copy = ngojst_arena_alloc(&doc->arena, sizeof(*copy));
	if (!copy) {
		ngojst_document_free(doc);
		return NGOJST_ENOMEM;
	}
	*copy = *tree;
	doc->tree = copy;
	doc->index = tree->index;
	doc->source = ngojst_arena_strdup(&doc->arena, tree->source);
	if (!doc->source) {
		ngojst_document_free(doc);
		return NGOJST_ENOMEM;
	}
	rc = bind_tree(doc, default_kind);
	if (rc) {
		ngojst_document_free(doc);
		return rc;
	}
	*out = doc;
	return NGOJST_OK;
}

int ngojst_document_load_buffer(ngojst_document **out, ngojst_context *ctx, const char *source_name, const char *data,
				size_t len, const char *default_kind)
{
	ngojst_stream *s;
	ngojst_document *doc = NULL;
	int rc;

	if (!out)
		return NGOJST_EINVAL;
	*out = NULL;
	rc = ngojst_stream_open_buffer(&s, ctx, source_name, data, len);
	if (rc)
		return rc;
	rc = ngojst_stream_next(s, default_kind, &doc);
	if (rc == NGOJST_EOF) {
		rc = ngojst_diag_add(ctx, NGOJST_EINPUT, s->source, 1, 1, 0, "", "the input holds no document");
	} else if (rc == NGOJST_OK) {
		ngojst_tree *second = NULL;
		int rc2 = ngojst_reader_next(s->reader, &second);

		if (rc2 == NGOJST_OK) {
			/* Point at the second document (unknown when it is empty). */
			const ngojst_node *r2 = second->root;

			rc = ngojst_diag_add(ctx, NGOJST_EINPUT, s->source, r2 ? r2->line : 0, r2 ? r2->column : 0,
					     r2 ? r2->offset : 0, "",
					     "the input holds more than one document; read it as a stream");
		} else if (rc2 != NGOJST_EOF) {
			rc = rc2;
		}
		if (rc) {
			ngojst_document_free(doc);
			doc = NULL;
		}
	}
	ngojst_stream_free(s);
	*out = doc;
	return rc;
}

int ngojst_document_load_file(ngojst_document **out, ngojst_context *ctx, const char *path, const char *default_kind)
{
	char *data;
	size_t len;
	int rc;

	if (!out || !ctx || !path)
		return NGOJST_EINVAL;
	*out = NULL;
	ngojst_diag_clear(ctx);
	rc = ngojst_read_file(ctx, path, &data, &len);
	if (rc)
		return rc;
	rc = ngojst_document_load_buffer(out, ctx, path, data, len, default_kind);
	ngojst_free(ctx, data);
	return rc;
}

int ngojst_document_wrap(ngojst_document **out, ngojst_context *ctx, const char *kind, const void *data,
			 const char *source_name)
{
	ngojst_document *doc;

	if (!out || !ctx || !kind || !data)
		return NGOJST_EINVAL;
	*out = NULL;
	if (!ngojst_kind_find(kind))
		return NGOJST_ENOTFOUND;
	doc = ngojst_calloc(ctx, 1, sizeof(*doc));
	if (!doc)
		return NGOJST_ENOMEM;
	doc->ctx = ctx;
	doc->kind = ngojst_kind_find(kind);
	doc->data = data;
	ngojst_arena_init(&doc->arena, ctx, 256);
	doc->source = ngojst_arena_strdup(&doc->arena, source_name ? source_name : "<data>");
	if (!doc->source) {
		ngojst_document_free(doc);
		return NGOJST_ENOMEM;
	}
	*out = doc;
	return NGOJST_OK;
}

void ngojst_document_free(ngojst_document *doc)
{
	if (!doc)
		return;
	ngojst_arena_release(&doc->arena);
	ngojst_free(doc->ctx, doc);
}

const char *ngojst_document_kind(const ngojst_document *doc)
{
	return doc && doc->kind ? doc->kind->name : NULL;
}

const void *ngojst_document_data(const ngojst_document *doc)
{
	return doc ? doc->data : NULL;
}

const char *ngojst_document_source(const ngojst_document *doc)
{
	return doc ? doc->source : NULL;
}

size_t ngojst_document_index(const ngojst_document *doc)
{
	return doc ? doc->index : 0;
}

int ngojst_document_position(const ngojst_document *doc, const char *pointer, unsigned *line, unsigned *column)
{
	const ngojst_node *n;

	if (!doc || !pointer || !line || !column)
		return NGOJST_EINVAL;
	*line = *column = 0;
	if (!doc->tree || !(n = ngojst_tree_lookup(doc->tree, pointer)))
		return NGOJST_ENOTFOUND;
	*line = n->line;
	*column = n->column;
	return NGOJST_OK;
}
