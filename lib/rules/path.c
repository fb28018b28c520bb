#include <string.h>

#include "path.h"

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
	return NGOJST_OK;
}

int ngojst_path_resolve(const ngojst_schema *schema, const ngojst_path *p, ngojst_path_type *out,
			const char **bad_seg)
{
	const ngojst_field *f = NULL;
	size_t i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < p->nsegs; i++) {
		const char *seg = p->segs[i];

		if (strcmp(seg, "*") == 0) {
			if (!f || (f->type != NGOJST_FT_LIST && f->type != NGOJST_FT_STRINGS))
				goto bad;
			out->multi = true;
			if (f->type == NGOJST_FT_STRINGS) {
				if (i + 1 != p->nsegs)
					goto bad_next;
				out->type = NGOJST_FT_STRING;
				out->field = f;
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
		schema = f->type == NGOJST_FT_STRUCT ? f->sub : (f->type == NGOJST_FT_LIST ? f->sub : NULL);
		if (f->type == NGOJST_FT_LIST && i + 1 < p->nsegs && strcmp(p->segs[i + 1], "*") != 0) {
			i++;
			goto bad;
		}
	}
	out->type = f->type;
	out->field = f;
	return NGOJST_OK;
bad_next:
	i++;
bad:
	*bad_seg = i < p->nsegs ? p->segs[i] : p->segs[p->nsegs - 1];
	return NGOJST_ENOTFOUND;
}

static void push_seg(ngojst_buf *b, const char *seg)
{
	ngojst_buf_putc(b, '/');
	for (; *seg; seg++) {
		if (*seg == '~')
			ngojst_buf_puts(b, "~0");
		else if (*seg == '/')
			ngojst_buf_puts(b, "~1");
		else
			ngojst_buf_putc(b, *seg);
	}
}

static void truncate_to(ngojst_buf *b, size_t len)
{
	b->len = len;
	if (b->data)
		b->data[len] = '\0';
}

static int walk(const ngojst_schema *schema, const void *data, const ngojst_path *p, size_t i, ngojst_buf *b,
		ngojst_path_fn fn, void *ud)
{
	const ngojst_field *f = ngojst_schema_field(schema, p->segs[i], strlen(p->segs[i]));
	size_t mark = b->len, k;
	int rc = 0;

	if (!f)
		return 0; /* resolved at load time; cannot happen for a checked rule */
	push_seg(b, f->name);
	if (i + 1 == p->nsegs) {
		ngojst_path_value v = { NGOJST_FIELD_PTR(data, f), f->type, f, ngojst_buf_cstr(b), data };

		rc = v.pointer ? fn(ud, &v) : NGOJST_ENOMEM;
	} else if (f->type == NGOJST_FT_STRUCT) {
		rc = walk(f->sub, NGOJST_FIELD_PTR(data, f), p, i + 1, b, fn, ud);
	} else if (f->type == NGOJST_FT_LIST) {
		const char *items = *(const char *const *)NGOJST_FIELD_PTR(data, f);
		size_t count = *(const size_t *)(const void *)((const char *)data + f->count_offset);

		for (k = 0; k < count && !rc; k++) {
			size_t m2 = b->len;

			ngojst_buf_printf(b, "/%zu", k);
			if (i + 2 == p->nsegs) {
				rc = 0; /* "list/ *" as a leaf is not a value path */
			} else {
				rc = walk(f->sub, items + k * f->sub->size, p, i + 2, b, fn, ud);
			}
			truncate_to(b, m2);
		}
	} else if (f->type == NGOJST_FT_STRINGS) {
		const ngojst_strings *l = NGOJST_FIELD_PTR(data, f);

		for (k = 0; k < l->count && !rc; k++) {
			size_t m2 = b->len;
			ngojst_path_value v;

			ngojst_buf_printf(b, "/%zu", k);
			v.ptr = &l->items[k];
			v.type = NGOJST_FT_STRING;
			v.field = f;
			v.pointer = ngojst_buf_cstr(b);
			v.owner = data;
			rc = v.pointer ? fn(ud, &v) : NGOJST_ENOMEM;
			truncate_to(b, m2);
		}
	}
	truncate_to(b, mark);
	return rc;
}

int ngojst_path_walk(const ngojst_schema *schema, const void *data, const ngojst_path *p, ngojst_buf *ptr_buf,
		     ngojst_path_fn fn, void *ud)
{
	ngojst_buf_reset(ptr_buf);
	return walk(schema, data, p, 0, ptr_buf, fn, ud);
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
