#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "str.h"
#include "file.h"
#include "record.h"
#include "util.h"

void
record_add(struct record *r, const char *name, const char *value)
{
	strv_push(&r->pairs, name);
	strv_push(&r->pairs, value ? value : "");
}

void
record_merge(struct record *r, const char *prefix, const struct record *from)
{
	for (size_t i = 0; i + 1 < from->pairs.n; i += 2) {
		strv_take(&r->pairs, xasprintf("%s%s", prefix, from->pairs.v[i]));
		strv_push(&r->pairs, from->pairs.v[i + 1]);
	}
}

const char *
record_get(const struct record *r, const char *name)
{
	for (size_t i = 0; i + 1 < r->pairs.n; i += 2) {
		if (!strcmp(r->pairs.v[i], name))
			return r->pairs.v[i + 1];
	}
	return NULL;
}

/* R as its file holds it. */
static void
text(const struct record *r, struct buf *b)
{
	buf_puts(b, "");
	for (size_t i = 0; i + 1 < r->pairs.n; i += 2) {
		buf_printf(b, "%s ", r->pairs.v[i]);
		for (const char *p = r->pairs.v[i + 1]; *p; p++) {
			if (*p == '\n')
				buf_puts(b, "\\n");
			else if (*p == '\\')
				buf_puts(b, "\\\\");
			else
				buf_putc(b, *p);
		}
		buf_putc(b, '\n');
	}
}

int
record_write(const char *path, const struct record *r)
{
	struct buf b = {0};
	int rc;

	text(r, &b);
	rc = file_write(path, b.s, b.len);
	buf_free(&b);
	return rc;
}

int
record_holds(const char *path, const struct record *r)
{
	struct buf b = {0};
	size_t len;
	char *there = file_read(path, &len);
	int same;

	text(r, &b);
	same = there && len == b.len && memcmp(there, b.s, len) == 0;
	buf_free(&b);
	free(there);
	return same;
}

/* A value as written: "\n" and "\\" back to what they stand for. */
static char *
unescape(const char *s, size_t n)
{
	char *out = xmalloc(n + 1), *o = out;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n) {
			*o++ = s[i + 1] == 'n' ? '\n' : s[i + 1];
			i++;
		} else {
			*o++ = s[i];
		}
	}
	*o = '\0';
	return out;
}

int
record_read(const char *path, struct record *r)
{
	char *text = file_read(path, NULL), *line, *next, *sp;

	memset(r, 0, sizeof(*r));
	if (!text)
		return errno == ENOENT ? 0 : -1;
	for (line = text; *line; line = next) {
		next = line + strcspn(line, "\n");
		if (*next)
			*next++ = '\0';
		if (!(sp = strchr(line, ' '))) {
			free(text);
			record_free(r);
			return -1;
		}
		strv_take(&r->pairs, xstrndup(line, (size_t)(sp - line)));
		strv_take(&r->pairs, unescape(sp + 1, strlen(sp + 1)));
	}
	free(text);
	return 0;
}

void
record_free(struct record *r)
{
	strv_free(&r->pairs);
}
