#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "str.h"
#include "util.h"

static void
grow(struct buf *b, size_t n)
{
	if (b->len + n + 1 <= b->cap)
		return;
	while (b->len + n + 1 > b->cap)
		b->cap = b->cap ? b->cap * 2 : 64;
	b->s = xrealloc(b->s, b->cap);
}

void
buf_putn(struct buf *b, const char *s, size_t n)
{
	grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
buf_putc(struct buf *b, char c)
{
	buf_putn(b, &c, 1);
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_putn(b, s, strlen(s));
}

/* Formatted straight into the free space, which is usually enough; only
 * when it is not, grown and formatted again. */
void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list aq;
	int n;

	grow(b, 0);
	va_copy(aq, ap);
	n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, aq);
	va_end(aq);
	if (n < 0) {
		b->s[b->len] = '\0';
		return;
	}
	if ((size_t)n >= b->cap - b->len) {
		grow(b, (size_t)n);
		vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	}
	b->len += (size_t)n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

const char *
buf_str(struct buf *b)
{
	return b->s ? b->s : "";
}

void
buf_free(struct buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

int
str_shell_safe(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    (c && strchr("_-+=/.,:@%", c));
}

void
buf_shell_word(struct buf *b, const char *s)
{
	const char *p = s;

	while (str_shell_safe((unsigned char)*p))
		p++;
	if (p > s && !*p) {
		buf_puts(b, s);
		return;
	}
	buf_putc(b, '\'');
	for (p = s; *p; p++) {
		if (*p == '\'')
			buf_puts(b, "'\\''");
		else
			buf_putc(b, *p);
	}
	buf_putc(b, '\'');
}

/* The array V of N elements of SIZE with room for one more: its capacity
 * *CAP doubled when full. */
static void *
room(void *v, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return v;
	*cap = *cap ? *cap * 2 : 8;
	return xrealloc(v, *cap * size);
}

char *
str_join(const char *s, ...)
{
	va_list ap;
	size_t n = 0;
	char *out, *at;

	va_start(ap, s);
	for (const char *p = s; p; p = va_arg(ap, const char *))
		n += strlen(p);
	va_end(ap);
	at = out = xmalloc(n + 1);
	va_start(ap, s);
	for (const char *p = s; p; p = va_arg(ap, const char *)) {
		size_t len = strlen(p);
		memcpy(at, p, len);
		at += len;
	}
	va_end(ap);
	*at = '\0';
	return out;
}

void
strv_take(struct strv *sv, char *s)
{
	sv->v = room(sv->v, sv->n, &sv->cap, sizeof(*sv->v));
	sv->v[sv->n++] = s;
}

void
strv_push(struct strv *sv, const char *s)
{
	strv_take(sv, xstrdup(s));
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
strv_sort(struct strv *sv)
{
	if (sv->n > 1)
		qsort(sv->v, sv->n, sizeof(*sv->v), cmpstr);
}

void
strv_uniq(struct strv *sv)
{
	size_t j = 0;

	strv_sort(sv);
	for (size_t i = 0; i < sv->n; i++) {
		if (j > 0 && strcmp(sv->v[j - 1], sv->v[i]) == 0)
			free(sv->v[i]);
		else
			sv->v[j++] = sv->v[i];
	}
	sv->n = j;
}

size_t
strv_lower_bound(const struct strv *sv, const char *key)
{
	size_t lo = 0, hi = sv->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(sv->v[mid], key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int
strv_contains(const struct strv *sv, const char *s)
{
	for (size_t i = 0; i < sv->n; i++) {
		if (strcmp(sv->v[i], s) == 0)
			return 1;
	}
	return 0;
}

void
strv_split(struct strv *sv, const char *s)
{
	const char *blank = " \t\r\n";

	for (;;) {
		s += strspn(s, blank);
		if (!*s)
			return;
		size_t n = strcspn(s, blank);
		strv_take(sv, xstrndup(s, n));
		s += n;
	}
}

void
strv_free(struct strv *sv)
{
	for (size_t i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	sv->v = NULL;
	sv->n = sv->cap = 0;
}

void
refv_push(struct refv *rv, const char *s)
{
	rv->v = room(rv->v, rv->n, &rv->cap, sizeof(*rv->v));
	rv->v[rv->n++] = s;
}

void
refv_uniq(struct refv *rv)
{
	size_t j = 0;

	if (rv->n > 1)
		qsort(rv->v, rv->n, sizeof(*rv->v), cmpstr);
	for (size_t i = 0; i < rv->n; i++) {
		if (j == 0 || strcmp(rv->v[j - 1], rv->v[i]) != 0)
			rv->v[j++] = rv->v[i];
	}
	rv->n = j;
}

void
refv_free(struct refv *rv)
{
	free(rv->v);
	memset(rv, 0, sizeof(*rv));
}
