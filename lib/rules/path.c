#include <string.h>

#include "path.h"

/* What ngojst_path_resolve found, so that walking a path in a document does
 * not look its fields up by name again: for a few root schemas (the kinds a
 * rule names), the field of each segment ("*": NULL). Filled while a rule
 * set is loaded, read-only once it is shared. */
#define MEMO_SLOTS 4

struct ngojst_path_memo {
	const ngojst_schema *root[MEMO_SLOTS];   /* NULL: a free slot */
	const ngojst_field **fields[MEMO_SLOTS]; /* nsegs each */
};

int ngojst_path_parse(ngojst_arena *arena, const char *text, ngojst_path *out)
{
	size_t n = 1, i, start = 0, k = 0, len = strlen(text);

	memset(out, 0, sizeof(*out));
	if (!len || text[0] == '/' || text[len - 1] == '/' || strstr(text, "//") || text[0] == '*')
		return NGOJST_EINVAL;
	for (i = 0; i < len; i++)
		if (text[i] == '/')
			n++;
	out->segs = ngojst_arena_alloc(arena, n * sizeof(*out->segs));
	out->text = ngojst_arena_strdup(arena, text);
	if (!out->segs || !out->text)
		return NGOJST_ENOMEM;
	for (i = 0; i <= len; i++) {
		if (i == len || text[i] == '/') {
			out->segs[k] = ngojst_arena_strndup(arena, text + start, i - start);
			if (!out->segs[k])
				return NGOJST_ENOMEM;
			k++;
			start = i + 1;
		}
	}
	out->nsegs = n;
	out->memo = ngojst_arena_zalloc(arena, sizeof(*out->memo));
	if (!out->memo)
		return NGOJST_ENOMEM;
	for (i = 0; i < MEMO_SLOTS; i++)
		if (!(out->memo->fields[i] = ngojst_arena_zalloc(arena, n * sizeof(*out->memo->fields[i]))))
			return NGOJST_ENOMEM;
	return NGOJST_OK;
}

/* The memo slot to fill for root, or NULL when they are all taken. */
static const ngojst_field **memo_slot(const ngojst_path *p, const ngojst_schema *root, size_t *slot)
{
	size_t i;

	for (i = 0; p->memo && i < MEMO_SLOTS; i++) {
		if (!p->memo->root[i] || p->memo->root[i] == root) {
			*slot = i;
			return p->memo->fields[i];
		}
	}
	return NULL;
}

static void memo_commit(const ngojst_path *p, const ngojst_schema *root, const ngojst_field **fields,
			size_t slot)
{
	if (fields)
		p->memo->root[slot] = root;
}

int ngojst_path_resolve(const ngojst_schema *schema, const ngojst_path *p, ngojst_path_type *out,
			const char **bad_seg)
{
	const ngojst_field *f = NULL;
	const ngojst_schema *root = schema;
	size_t i, slot = 0;
	/* (A slot's fields are written as found, its root only on success.) */
	const ngojst_field **memo = memo_slot(p, root, &slot);

	memset(out, 0, sizeof(*out));
	for (i = 0; i < p->nsegs; i++) {
		const char *seg = p->segs[i];

		if (strcmp(seg, "*") == 0) {
			if (!f || (f->type != NGOJST_FT_LIST && f->type != NGOJST_FT_STRINGS))
				goto bad;
			out->multi = true;
			if (memo)
				memo[i] = NULL;
			if (f->type == NGOJST_FT_STRINGS) {
				if (i + 1 != p->nsegs)
					goto bad_next;
				out->type = NGOJST_FT_STRING;
				out->field = f;
				memo_commit(p, root, memo, slot);
				return NGOJST_OK;
			}
			schema = f->sub;
			continue;
		}
		if (f && f->type == NGOJST_FT_LIST && strcmp(p->segs[i - 1], "*") != 0)
			goto bad; /* a list's items are reached only through "*" */
		if (!schema)
			goto bad;
		f = ngojst_schema_field(schema, seg, strlen(seg));
		if (!f)
			goto bad;
		if (memo)
			memo[i] = f;
		schema = f->type == NGOJST_FT_STRUCT ? f->sub : (f->type == NGOJST_FT_LIST ? f->sub : NULL);
		if (f->type == NGOJST_FT_LIST && i + 1 < p->nsegs && strcmp(p->segs[i + 1], "*") != 0) {
			i++;
			goto bad;
		}
	}
	out->type = f->type;
	out->field = f;
	memo_commit(p, root, memo, slot);
	return NGOJST_OK;
bad_next:
	i++;
bad:
	*bad_seg = i < p->nsegs ? p->segs[i] : p->segs[p->nsegs - 1];
	return NGOJST_ENOTFOUND;
}

/* ngojst_buf_add, with the common case (room left) inline: pointers are
 * built for every value a rule looks at. */
static inline void put(ngojst_buf *b, const char *s, size_t n)
{
	if (!b->failed && b->data && n < b->cap - b->len) {
		memcpy(b->data + b->len, s, n);
		b->len += n;
		b->data[b->len] = '\0';
	} else {
		ngojst_buf_add(b, s, n);
	}
}

/* Append "/" and a token (RFC 6901 escapes), a run at a time. */
static void push_seg(ngojst_buf *b, const char *seg)
{
	put(b, "/", 1);
	for (;;) {
		size_t n = 0;

		while (seg[n] && seg[n] != '~' && seg[n] != '/')
			n++;
		put(b, seg, n);
		if (!seg[n])
			return;
		put(b, seg[n] == '~' ? "~0" : "~1", 2);
		seg += n + 1;
	}
}

static inline bool same_str(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

/* Append "/" and a list index (no printf: this runs for every item). */
static void push_index(ngojst_buf *b, size_t k)
{
	char tmp[3 * sizeof(size_t) + 2];
	size_t n = sizeof(tmp);

	do {
		tmp[--n] = (char)('0' + k % 10);
		k /= 10;
	} while (k);
	tmp[--n] = '/';
	put(b, tmp + n, sizeof(tmp) - n);
}

/* The field named seg: ngojst_schema_field() without the strlen, and with
 * a first-byte test before each strcmp (field tables are short). */
static const ngojst_field *field_named(const ngojst_schema *schema, const char *seg)
{
	size_t i;

	for (i = 0; i < schema->nfields; i++) {
		const ngojst_field *f = &schema->fields[i];

		if (f->name[0] == seg[0] && same_str(f->name, seg))
			return f;
	}
	return NULL;
}

struct ngojst_path_step {
	const ngojst_path_step *up; /* the step before, or NULL at the root */
	const char *name;           /* a field's name; NULL: a list index */
	size_t index;
};

static void put_steps(ngojst_buf *b, const ngojst_path_step *st)
{
	if (st->up)
		put_steps(b, st->up);
	if (st->name)
		push_seg(b, st->name);
	else
		push_index(b, st->index);
}

const char *ngojst_path_value_pointer(const ngojst_path_value *v)
{
	ngojst_buf_reset(v->ptr_buf);
	if (v->step)
		put_steps(v->ptr_buf, v->step);
	return ngojst_buf_cstr(v->ptr_buf);
}

/* The walk records its steps on the stack; the pointer of a value is
 * written out only when a callback asks for it. */
static int walk(const ngojst_schema *schema, const void *data, const ngojst_path *p, size_t i,
		const ngojst_field *const *memo, const ngojst_path_step *up, ngojst_buf *b, ngojst_path_fn fn,
		void *ud)
{
	const ngojst_field *f = memo ? memo[i] : field_named(schema, p->segs[i]);
	ngojst_path_step st;
	size_t k;
	int rc = 0;

	if (!f)
		return 0; /* resolved at load time; cannot happen for a checked rule */
	st.up = up;
	st.name = f->name;
	st.index = 0;
	if (i + 1 == p->nsegs) {
		ngojst_path_value v = { NGOJST_FIELD_PTR(data, f), f->type, f, data, &st, b };

		rc = fn(ud, &v);
	} else if (f->type == NGOJST_FT_STRUCT) {
		rc = walk(f->sub, NGOJST_FIELD_PTR(data, f), p, i + 1, memo, &st, b, fn, ud);
	} else if (f->type == NGOJST_FT_LIST) {
		const char *items = *(const char *const *)NGOJST_FIELD_PTR(data, f);
		size_t count = *(const size_t *)(const void *)((const char *)data + f->count_offset);

		/* "list/ *" as a leaf is not a value path: nothing to visit. */
		for (k = 0; k < count && !rc && i + 2 < p->nsegs; k++) {
			ngojst_path_step is = { &st, NULL, k };

			rc = walk(f->sub, items + k * f->sub->size, p, i + 2, memo, &is, b, fn, ud);
		}
	} else if (f->type == NGOJST_FT_STRINGS) {
		const ngojst_strings *l = NGOJST_FIELD_PTR(data, f);

		for (k = 0; k < l->count && !rc; k++) {
			ngojst_path_step is = { &st, NULL, k };
			ngojst_path_value v;

			v.ptr = &l->items[k];
			v.type = NGOJST_FT_STRING;
			v.field = f;
			v.owner = data;
			v.step = &is;
			v.ptr_buf = b;
			rc = fn(ud, &v);
		}
	}
	return rc;
}

int ngojst_path_walk(const ngojst_schema *schema, const void *data, const ngojst_path *p, ngojst_buf *ptr_buf,
		     ngojst_path_fn fn, void *ud)
{
	const ngojst_field *const *memo = NULL;
	size_t i;

	for (i = 0; p->memo && i < MEMO_SLOTS && p->memo->root[i]; i++) {
		if (p->memo->root[i] == schema) {
			memo = p->memo->fields[i];
			break;
		}
	}
	ngojst_buf_reset(ptr_buf);
	return walk(schema, data, p, 0, memo, NULL, ptr_buf, fn, ud);
}

bool ngojst_path_value_present(const ngojst_path_value *v)
{
	if (v->type == NGOJST_FT_STRING && v->field->type == NGOJST_FT_STRINGS) {
		const char *s = *(const char *const *)v->ptr;

		if (!s)
			return false;
		for (; *s; s++)
			if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
				return true;
		return false;
	}
	return ngojst_field_present(v->field, v->owner);
}
