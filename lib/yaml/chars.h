/* Private to lib/yaml: character classes shared by the source's UTF-8
 * check and the readers that work without libyaml. */
#ifndef NGOJST_YAML_CHARS_H
#define NGOJST_YAML_CHARS_H

#include <stddef.h>
#include <stdint.h>

/* Bit 7 of each byte of the word that is not printable ASCII (U+0020-007E)
 * or a line feed; zero when the whole word is plain. Exact per byte: the
 * high bits are masked off before adding, so no carry crosses into the next
 * byte. */
static inline uint64_t ngojst_not_plain_ascii(uint64_t w)
{
	const uint64_t ones = UINT64_C(0x0101010101010101), high = ones * 0x80, low = ones * 0x7F;
	uint64_t lw = w & low;
	uint64_t ge20 = (lw + 0x60 * ones) & high;      /* byte >= 0x20 */
	uint64_t is7f = (lw + ones) & high;             /* low 7 bits all set */
	uint64_t x = (w ^ (0x0A * ones)) & low;
	uint64_t isnl = ~(x + low) & ~(w ^ (0x0A * ones)) & high; /* byte == 0x0A */

	return ~((ge20 & ~is7f & ~w) | isnl) & high;
}

/* Words are loaded with memcpy, so on a little-endian machine byte j of the
 * input is byte j of the word, counted from the low end: the lowest flag
 * bit of a mask names the first flagged byte. Elsewhere the word tricks
 * only skip all-plain words and the rest goes byte by byte. */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define NGOJST_WORD_LE 1
/* Index of the first flagged byte of a non-zero mask of bit-7 flags. */
static inline size_t ngojst_first_flagged(uint64_t mask)
{
	return (size_t)__builtin_ctzll(mask) >> 3;
}
#else
#define NGOJST_WORD_LE 0
#endif

/* Number of UTF-8 continuation bytes (10xxxxxx) in a word. */
static inline unsigned ngojst_count_continuations(uint64_t w)
{
	uint64_t c = w & ~(w << 1) & UINT64_C(0x8080808080808080);

	/* Move each flag to bit 0 of its byte and add the bytes up. */
	return (unsigned)(((c >> 7) * UINT64_C(0x0101010101010101)) >> 56);
}

/* Length of the well-formed UTF-8 character at s (lead byte >= 0x80) if it
 * is one the source accepts and libyaml reads as an ordinary character
 * (not NEL, LS, PS or a BOM, which it treats specially), else 0. */
static inline size_t ngojst_plain_char_len(const unsigned char *s, const unsigned char *end)
{
	unsigned c = s[0];
	uint32_t cp;

	if (c >= 0xC2 && c <= 0xDF) {
		if (end - s < 2 || (s[1] & 0xC0) != 0x80)
			return 0;
		cp = ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
		return cp >= 0xA0 ? 2 : 0;
	}
	if (c >= 0xE0 && c <= 0xEF) {
		if (end - s < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
		if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0x2028 || cp == 0x2029 ||
		    cp == 0xFEFF || cp >= 0xFFFE)
			return 0;
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (end - s < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
			return 0;
		cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
		     ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
		return cp >= 0x10000 && cp <= 0x10FFFF ? 4 : 0;
	}
	return 0;
}

#endif
