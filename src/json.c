#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "str.h"
#include "json.h"

void
json_string(struct buf *b, const char *s)
{
	if (!s) {
		buf_puts(b, "null");
		return;
	}
	buf_putc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c < 0x20)
			buf_printf(b, "\\u%04x", c);
		else
			buf_putc(b, (char)c);
	}
	buf_putc(b, '"');
}

static const char *
blanks(const char *p)
{
	return p + strspn(p, " \t\r\n");
}

/* The string at *P (after its opening quote) into B, *P past its end: 0,
 * or -1 when it is not one. \uXXXX below 0x80 only, as orchgen writes. */
static int
string(const char **p, struct buf *b)
{
	const char *s = *p;

	b->len = 0;
	buf_puts(b, "");
	for (; *s && *s != '"'; s++) {
		if (*s != '\\') {
			buf_putc(b, *s);
			continue;
		}
		switch (*++s) {
		case '"': case '\\': case '/': buf_putc(b, *s); break;
		case 'n': buf_putc(b, '\n'); break;
		case 't': buf_putc(b, '\t'); break;
		case 'r': buf_putc(b, '\r'); break;
		case 'b': buf_putc(b, '\b'); break;
		case 'f': buf_putc(b, '\f'); break;
		case 'u': {
			char hex[5] = {0};
			memcpy(hex, s + 1, 4);
			if (strspn(hex, "0123456789abcdefABCDEF") != 4 || strtol(hex, NULL, 16) >= 0x80 || !strtol(hex, NULL, 16))
				return -1;
			buf_putc(b, (char)strtol(hex, NULL, 16));
			s += 4;
			break;
		}
		default:
			return -1;
		}
	}
	if (*s != '"')
		return -1;
	*p = s + 1;
	return 0;
}

int
json_object(const char *text, void (*fn)(void *arg, const char *key, const struct json_value *v), void *arg)
{
	struct buf key = {0}, val = {0};
	const char *p = blanks(text);
	int rc = -1;

	if (*p++ != '{')
		return -1;
	p = blanks(p);
	if (*p == '}')
		return *blanks(p + 1) ? -1 : 0;
	for (;;) {
		struct json_value v = {NULL, 0};
		if (*p++ != '"' || string(&p, &key) < 0 || *(p = blanks(p)) != ':')
			break;
		p = blanks(p + 1);
		if (*p == '"') {
			p++;
			if (string(&p, &val) < 0)
				break;
			v.string = 1;
		} else {
			size_t n = strspn(p, "+-.0123456789eEtruefalsn");
			if (n == 0)
				break;
			val.len = 0;
			buf_putn(&val, p, n);
			p += n;
		}
		v.text = buf_str(&val);
		fn(arg, key.s, &v);
		p = blanks(p);
		if (*p == ',') {
			p = blanks(p + 1);
			continue;
		}
		if (*p == '}' && !*blanks(p + 1))
			rc = 0;
		break;
	}
	buf_free(&key), buf_free(&val);
	return rc;
}
