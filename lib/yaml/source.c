#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "chars.h"
#include "source.h"

/* Bytes read from a FILE at a time; libyaml asks for about as much. */
#define SOURCE_CHUNK 16384
/* Slack above max_document_bytes before the read handler refuses more bytes.
 * The exact per-document check happens on events; this one only bounds the
 * memory that libyaml and the window may take for one oversized token. It
 * must exceed libyaml's read-ahead (one 16 KiB raw buffer). */
#define SOURCE_DOC_SLACK ((size_t)64 << 10)

static const unsigned char utf8_bom[3] = { 0xEF, 0xBB, 0xBF };

static void set_error(ngojst_source *s, int code, size_t offset, const char *fmt, ...)
	NGOJST_PRINTF(4, 5);

/* Keep the first problem in input order: a bad byte found after a read error
 * was queued may still lie before it. */
static void set_error(ngojst_source *s, int code, size_t offset, const char *fmt, ...)
{
	va_list ap;

	if (s->err && s->err_offset <= offset)
		return;
	s->err = code;
	s->err_offset = offset;
	va_start(ap, fmt);
	vsnprintf(s->err_msg, sizeof(s->err_msg), fmt, ap);
	va_end(ap);
}

static size_t doc_window_for(size_t max_document)
{
	if (max_document > (SIZE_MAX - SOURCE_DOC_SLACK) / 2)
		return SIZE_MAX;
	return 2 * max_document + SOURCE_DOC_SLACK;
}

static void init_common(ngojst_source *s, ngojst_context *ctx, const char *name)
{
	memset(s, 0, sizeof(*s));
	s->ctx = ctx;
	s->name = name;
	s->max_input = SIZE_MAX;
	s->max_document = ctx->limits.max_document_bytes;
	s->doc_window = doc_window_for(s->max_document);
}

void ngojst_source_init_buffer(ngojst_source *s, ngojst_context *ctx, const char *name,
			       const char *data, size_t len)
{
	init_common(s, ctx, name);
	s->data = (const unsigned char *)data;
	s->len = len;
	s->eof = true;
}

void ngojst_source_init_file(ngojst_source *s, ngojst_context *ctx, const char *name, FILE *f,
			     bool own_file, size_t max_input)
{
	init_common(s, ctx, name);
	s->file = f;
	s->own_file = own_file;
	s->max_input = max_input;
}

void ngojst_source_dispose(ngojst_source *s)
{
	if (s->file && s->own_file)
		fclose(s->file);
	s->file = NULL;
	ngojst_free(s->ctx, s->win);
	s->win = NULL;
	s->data = NULL;
}

void ngojst_source_start_at(ngojst_source *s, size_t offset, size_t line)
{
	s->valid = s->deliv = offset - s->base;
	s->cur_byte = offset;
	s->cur_char = 0;
	s->cur_line = 0;
	s->cur_col = 0;
	s->line_base = line;
	s->doc_floor = offset;
}

/* Length of the UTF-8 sequence a valid lead byte starts. */
static inline size_t lead_len(unsigned c)
{
	return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}


/* Check data[valid ..) for characters starting before want (a character may
 * run past it). Accepts what libyaml's reader accepts: well-formed UTF-8
 * (no overlongs, surrogates or values above U+10FFFF) of printable
 * characters (tab, LF, CR, U+0020-007E, U+0085, U+00A0-D7FF, U+E000-FFFD,
 * U+10000-10FFFF). Stops at the first problem, or before a character cut by
 * the end of the window when more bytes may follow. */
static void validate(ngojst_source *s, size_t want)
{
	const unsigned char *d = s->data;
	size_t i = s->valid, end = s->len;

	if (want > end)
		want = end;
	if (s->base == 0 && i == 0 && s->len >= 3 &&
	    memcmp(d, utf8_bom, 3) == 0) {
		/* libyaml drops a leading BOM without counting it in its marks. */
		s->cur_byte = 3;
		i = 3;
	}
	while (i < want) {
		unsigned c, c1, c2, c3;
		uint32_t cp;
		size_t n;

		if (want - i >= 8) {
			uint64_t w, bad;

			memcpy(&w, d + i, 8);
			bad = ngojst_not_plain_ascii(w);
			if (!bad) {
				i += 8;
				continue;
			}
#if NGOJST_WORD_LE
			/* Skip the plain bytes before the first other one. */
			i += ngojst_first_flagged(bad);
#endif
		}
		c = d[i];
		if (c >= 0x20 && c < 0x7F) {
			i++;
			continue;
		}
		/* The two-byte characters of Latin-extended text (Polish letters
		 * are U+00D3 and U+0104-017C), all well-formed and allowed: U+00C0
		 * and up, so no C1 control and no overlong. Anything else takes
		 * the full path below. */
		if (c >= 0xC3 && c <= 0xDF && end - i >= 2 && (d[i + 1] & 0xC0) == 0x80) {
			i += 2;
			continue;
		}
		if (c < 0x80) {
			if (c == '\n' || c == '\t' || c == '\r') {
				i++;
				continue;
			}
			if (c == 0)
				set_error(s, NGOJST_EPARSE, s->base + i, "NUL byte in input");
			else
				set_error(s, NGOJST_EPARSE, s->base + i,
					  "control character U+%04X is not allowed", c);
			break;
		}
		if (c < 0xC0) {
			set_error(s, NGOJST_EPARSE, s->base + i,
				  "invalid UTF-8: unexpected continuation byte 0x%02X", c);
			break;
		}
		if (c < 0xC2) {
			set_error(s, NGOJST_EPARSE, s->base + i,
				  "invalid UTF-8: overlong encoding (lead byte 0x%02X)", c);
			break;
		}
		if (c > 0xF4) {
			set_error(s, NGOJST_EPARSE, s->base + i,
				  c < 0xF8 ? "invalid UTF-8: byte 0x%02X would encode a code point above U+10FFFF"
					   : "invalid UTF-8: byte 0x%02X never occurs in UTF-8",
				  c);
			break;
		}
		n = lead_len(c);
		if (end - i < n) {
			/* Cut by the end of the window: wait for more bytes unless
			 * there are none, but report a bad byte already present. */
			size_t k;

			for (k = 1; k < end - i; k++)
				if ((d[i + k] & 0xC0) != 0x80)
					break;
			if (k < end - i) {
				set_error(s, NGOJST_EPARSE, s->base + i,
					  "invalid UTF-8: truncated sequence (byte 0x%02X is not a continuation byte)",
					  d[i + k]);
			} else if (s->eof && !(s->err && s->err_offset <= s->base + end)) {
				/* (Not when the input limit cut the character.) */
				set_error(s, NGOJST_EPARSE, s->base + i,
					  "invalid UTF-8: truncated sequence at end of input");
			}
			break;
		}
		c1 = d[i + 1];
		c2 = n > 2 ? d[i + 2] : 0x80;
		c3 = n > 3 ? d[i + 3] : 0x80;
		if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80 || (c3 & 0xC0) != 0x80) {
			unsigned bad = (c1 & 0xC0) != 0x80 ? c1 : (c2 & 0xC0) != 0x80 ? c2 : c3;

			set_error(s, NGOJST_EPARSE, s->base + i,
				  "invalid UTF-8: truncated sequence (byte 0x%02X is not a continuation byte)",
				  bad);
			break;
		}
		if (n == 2)
			cp = ((uint32_t)(c & 0x1F) << 6) | (c1 & 0x3F);
		else if (n == 3)
			cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(c1 & 0x3F) << 6) | (c2 & 0x3F);
		else
			cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(c1 & 0x3F) << 12) |
			     ((uint32_t)(c2 & 0x3F) << 6) | (c3 & 0x3F);
		if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000)) {
			set_error(s, NGOJST_EPARSE, s->base + i,
				  "invalid UTF-8: overlong encoding of U+%04X", (unsigned)cp);
			break;
		}
		if (cp >= 0xD800 && cp <= 0xDFFF) {
			set_error(s, NGOJST_EPARSE, s->base + i,
				  "invalid UTF-8: encoded surrogate U+%04X", (unsigned)cp);
			break;
		}
		if (cp > 0x10FFFF) {
			set_error(s, NGOJST_EPARSE, s->base + i,
				  "invalid UTF-8: code point above U+10FFFF");
			break;
		}
		if ((cp < 0xA0 && cp != 0x85) || cp == 0xFFFE || cp == 0xFFFF) {
			set_error(s, NGOJST_EPARSE, s->base + i,
				  "control character U+%04X is not allowed", (unsigned)cp);
			break;
		}
		i += n;
	}
	s->valid = i;
}

/* Read more of the file into the window, first dropping the bytes before
 * the cursor when they are at least half of it (amortised O(1) per byte). */
static void fill(ngojst_source *s, size_t want)
{
	size_t dead = s->cur_byte > s->base ? s->cur_byte - s->base : 0, got;

	if (dead > s->deliv)
		dead = s->deliv;
	if (dead >= SOURCE_CHUNK && dead >= s->len - dead) {
		memmove(s->win, s->win + dead, s->len - dead);
		s->base += dead;
		s->len -= dead;
		s->valid -= dead;
		s->deliv -= dead;
	}
	if (want < SOURCE_CHUNK)
		want = SOURCE_CHUNK;
	if (s->max_input != SIZE_MAX) {
		/* Read at most one byte past the limit, to tell "exactly at the
		 * limit" from "over it". */
		size_t room = s->max_input - (s->base + s->len) + 1;

		if (want > room)
			want = room;
	}
	if (s->len + want > s->win_cap) {
		size_t cap = s->win_cap;

		if (s->len > SIZE_MAX - want ||
		    ngojst_grow(s->ctx, (void **)&s->win, &cap, s->len + want, 1) != NGOJST_OK) {
			set_error(s, NGOJST_ENOMEM, s->base + s->len, "out of memory reading %s",
				  s->name);
			return;
		}
		s->win_cap = cap;
	}
	s->data = s->win;
	errno = 0;
	got = fread(s->win + s->len, 1, want, s->file);
	s->len += got;
	if (got < want) {
		if (ferror(s->file)) {
			char ebuf[96];
			int e = errno ? errno : EIO;

			if (strerror_r(e, ebuf, sizeof(ebuf)) != 0)
				snprintf(ebuf, sizeof(ebuf), "error %d", e);
			set_error(s, NGOJST_EIO, s->base + s->len, "cannot read %s: %s", s->name, ebuf);
		}
		s->eof = true;
	}
	if (s->max_input != SIZE_MAX && s->base + s->len > s->max_input) {
		s->len = s->max_input - s->base;
		s->eof = true;
		set_error(s, NGOJST_ELIMIT, s->max_input,
			  "input is larger than max_input_bytes (%zu bytes)", s->max_input);
	}
}

int ngojst_source_read(void *data, unsigned char *buffer, size_t size, size_t *size_read)
{
	ngojst_source *s = data;
	size_t n, at;

	*size_read = 0;
	while (s->valid == s->deliv) {
		if (s->err)
			return 0;
		if (s->valid < s->len) {
			size_t before = s->valid;

			validate(s, s->deliv + (size > SOURCE_CHUNK ? size : SOURCE_CHUNK));
			if (s->valid > before || s->err)
				continue;
			/* Only the start of a character cut by the window end. */
		}
		if (s->eof) {
			if (s->valid < s->len)
				set_error(s, NGOJST_EPARSE, s->base + s->valid,
					  "invalid UTF-8: truncated sequence at end of input");
			else
				return 1; /* end of input */
			continue;
		}
		fill(s, size);
	}
	at = s->base + s->deliv;
	if (s->doc_window != SIZE_MAX) {
		size_t allowed = s->doc_floor > SIZE_MAX - s->doc_window ? SIZE_MAX
									: s->doc_floor + s->doc_window;

		if (at >= allowed) {
			set_error(s, NGOJST_ELIMIT, at,
				  "document is larger than max_document_bytes (%zu bytes)",
				  s->max_document);
			s->err_document = s->err_offset == at;
			return 0;
		}
		if (size > allowed - at)
			size = allowed - at;
	}
	n = s->valid - s->deliv;
	if (n > size)
		n = size;
	memcpy(buffer, s->data + s->deliv, n);
	s->deliv += n;
	*size_read = n;
	return 1;
}

bool ngojst_source_window_document(ngojst_source *s, size_t keep, size_t from, size_t max,
				   size_t *end)
{
	size_t scanned = from; /* input offset of the next line start to look at */

	/* fill() keeps the bytes from the cursor on, and those not yet given
	 * to libyaml: before libyaml starts (it starts at a document read
	 * from here on, see ngojst_source_start_at), that is from keep on. */
	s->cur_byte = keep;
	if (s->deliv < keep - s->base)
		s->valid = s->deliv = keep - s->base;
	for (;;) {
		const unsigned char *d = s->data;
		size_t top = s->base + s->len;

		while (scanned < top) {
			const unsigned char *q = d + (scanned - s->base), *nl;

			if (top - scanned < 4 && !s->eof)
				break; /* a marker needs its fourth byte */
			if ((q[0] == '-' || q[0] == '.') && top - scanned >= 3 && q[1] == q[0] &&
			    q[2] == q[0] && (top - scanned == 3 || q[3] == ' ' || q[3] == '\n') &&
			    scanned > from) {
				*end = scanned;
				return true;
			}
			nl = memchr(q, '\n', top - scanned);
			if (!nl) {
				if (!s->eof)
					break;
				scanned = top;
				break;
			}
			scanned += (size_t)(nl - q) + 1;
		}
		if (s->err || scanned - from > max)
			return false;
		if (s->eof && scanned >= top) {
			*end = top;
			return true;
		}
		/* The end is not before top - 3: the document is too big if
		 * that is past max already. (A buffer is all there.) */
		if (!s->file || top - from > max + 3)
			return false;
		fill(s, SOURCE_CHUNK);
	}
}

size_t ngojst_source_offset(ngojst_source *s, size_t index, size_t line, size_t column)
{
	const unsigned char *d = s->data;
	size_t i = s->cur_byte >= s->base ? s->cur_byte - s->base : 0, end = s->deliv, k;
	size_t at;

	if (index >= s->cur_char) {
		k = index - s->cur_char;
#if NGOJST_WORD_LE
		/* A word at a time: skip words with at most k lead bytes; in
		 * the word holding the target, find its lead byte from the
		 * running count of lead bytes. */
		while (end - i >= 8) {
			const uint64_t ones = UINT64_C(0x0101010101010101), high = ones * 0x80;
			uint64_t w, lead, prefix;
			size_t nlead;

			memcpy(&w, d + i, 8);
			lead = ~(w & ~(w << 1)) & high;
			/* Byte j of prefix: lead bytes among bytes 0..j (at most 8,
			 * so no carry leaves a byte); byte 7 is the word's count. */
			prefix = (lead >> 7) * ones;
			nlead = (size_t)(prefix >> 56);
			if (k < nlead) {
				/* The first byte whose prefix exceeds k, without a loop:
				 * byte j of (prefix | high) - (k + 1) keeps its high
				 * bit exactly when prefix_j >= k + 1. */
				i += ngojst_first_flagged(((prefix | high) - (k + 1) * ones) & high);
				k = 0;
				break;
			}
			k -= nlead;
			i += 8;
		}
#else
		/* Whole words first: each holds at most 8 characters, so with
		 * k >= 8 none of them overshoots; continuation bytes do not
		 * count. */
		while (k >= 8 && end - i >= 8) {
			uint64_t w;

			memcpy(&w, d + i, 8);
			k -= 8 - ngojst_count_continuations(w);
			i += 8;
		}
#endif
		/* Then bytes, stopping on the lead byte of character k. */
		for (; i < end; i++) {
			if ((d[i] & 0xC0) == 0x80)
				continue;
			if (!k)
				break;
			k--;
		}
		/* k > 0 only if libyaml reported a mark past what it was
		 * given, which cannot happen; count the rest as ASCII. */
		at = s->base + i + k;
	} else {
		k = s->cur_char - index;
		while (k && i > 0) {
			i--;
			while (i > 0 && (d[i] & 0xC0) == 0x80)
				i--;
			k--;
		}
		/* Marks come in input order and the window keeps all bytes
		 * from the cursor on, so k > 0 does not happen here; if it
		 * did, count the bytes dropped as ASCII. */
		if (k)
			at = s->base > k ? s->base - k : 0;
		else
			at = s->base + i;
	}
	s->cur_byte = at;
	s->cur_char = index;
	s->cur_line = line;
	s->cur_col = column;
	return s->cur_byte;
}

/* Advance a 0-based line/column over p[0 .. n), counting line breaks the
 * way libyaml does (CR LF, CR, LF, NEL, LS, PS) and one column per
 * character (continuation bytes do not count, so invalid input is safe). */
static void advance(const unsigned char *p, size_t n, size_t *line, size_t *col)
{
	size_t i = 0;

	while (i < n) {
		unsigned c = p[i];

		if (c == '\n') {
			(*line)++;
			*col = 0;
			i++;
		} else if (c == '\r') {
			(*line)++;
			*col = 0;
			i++;
			if (i < n && p[i] == '\n')
				i++;
		} else if (c == 0xC2 && i + 1 < n && p[i + 1] == 0x85) {
			(*line)++;
			*col = 0;
			i += 2;
		} else if (c == 0xE2 && i + 2 < n && p[i + 1] == 0x80 &&
			   (p[i + 2] == 0xA8 || p[i + 2] == 0xA9)) {
			(*line)++;
			*col = 0;
			i += 3;
		} else {
			if ((c & 0xC0) != 0x80)
				(*col)++;
			i++;
		}
	}
}

static unsigned clamp_uint(size_t v)
{
	return v >= UINT32_MAX ? UINT32_MAX : (unsigned)v;
}

void ngojst_source_position(const ngojst_source *s, size_t offset, unsigned *line,
			    unsigned *column)
{
	size_t l = s->cur_line, c = s->cur_col;

	if (offset > s->cur_byte && s->cur_byte >= s->base) {
		size_t from = s->cur_byte - s->base, to = offset - s->base;

		if (to > s->len)
			to = s->len;
		if (to > from)
			advance(s->data + from, to - from, &l, &c);
	}
	*line = clamp_uint(s->line_base + l + 1);
	*column = clamp_uint(c + 1);
}

void ngojst_source_position_of(const char *data, size_t len, size_t offset, unsigned *line,
			       unsigned *column)
{
	const unsigned char *p = (const unsigned char *)data;
	size_t l = 0, c = 0, from = 0;

	if (offset > len)
		offset = len;
	if (offset >= 3 && memcmp(p, utf8_bom, 3) == 0)
		from = 3;
	if (offset > from)
		advance(p + from, offset - from, &l, &c);
	*line = clamp_uint(l + 1);
	*column = clamp_uint(c + 1);
}
