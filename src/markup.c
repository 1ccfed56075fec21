#include <string.h>
#include "str.h"
#include "markup.h"

/* How long the UTF-8 sequence at S (N bytes left) is, or 0 when it is not
 * a valid one. */
static size_t
utf8_len(const unsigned char *s, size_t n)
{
	size_t len = s[0] >= 0xf0 && s[0] <= 0xf4 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc2 && s[0] < 0xe0 ? 2 : 0;

	if (len == 0 || len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	}
	if ((s[0] == 0xe0 && s[1] < 0xa0) || (s[0] == 0xed && s[1] > 0x9f) || (s[0] == 0xf0 && s[1] < 0x90) ||
	    (s[0] == 0xf4 && s[1] > 0x8f))
		return 0;	/* overlong, a surrogate, past U+10FFFF */
	return len;
}

/* The length of the terminal control sequence ESC [ ... final at S, or 0. */
static size_t
csi_len(const char *s, size_t n)
{
	size_t i = 2;

	if (n < 3 || s[0] != '\033' || s[1] != '[')
		return 0;
	while (i < n && strchr("0123456789;?:", s[i]))
		i++;
	return i < n && s[i] >= 0x40 && s[i] <= 0x7e ? i + 1 : 0;
}

void
markup_text(struct buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		size_t len;
		if ((len = csi_len(s + i, n - i))) {
			i += len;
			continue;
		}
		switch (c) {
		case '&': buf_puts(b, "&amp;"); i++; continue;
		case '<': buf_puts(b, "&lt;"); i++; continue;
		case '>': buf_puts(b, "&gt;"); i++; continue;
		case '"': buf_puts(b, "&quot;"); i++; continue;
		case '\'': buf_puts(b, "&#39;"); i++; continue;
		}
		if (c == '\t' || c == '\n' || (c >= 0x20 && c < 0x7f)) {
			buf_putc(b, (char)c);
			i++;
		} else if (c >= 0x80 && (len = utf8_len((const unsigned char *)s + i, n - i))) {
			buf_putn(b, s + i, len);
			i += len;
		} else {
			buf_printf(b, "\\x%02x", c);
			i++;
		}
	}
}

void
markup_str(struct buf *b, const char *s)
{
	if (s)
		markup_text(b, s, strlen(s));
}

void
markup_url(struct buf *b, const char *path)
{
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
			buf_putc(b, (char)*p);
		else
			buf_printf(b, "%%%02X", *p);
	}
}
