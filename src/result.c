#include <stdio.h>
#include "str.h"
#include "file.h"
#include "result.h"

static const struct {
	const char *name;
	int ok;
} statuses[STATUS_N] = {
	[STATUS_PASS] = {"pass", 1},
	[STATUS_FAIL] = {"fail", 0},
	[STATUS_XFAIL] = {"xfail", 1},
	[STATUS_XPASS] = {"xpass", 0},
	[STATUS_SKIP] = {"skip", 1},
	[STATUS_TIMEOUT] = {"timeout", 0},
	[STATUS_ERROR] = {"error", 0},
};

const char *
status_name(enum status s)
{
	return s < STATUS_N ? statuses[s].name : NULL;
}

int
status_ok(enum status s)
{
	return s < STATUS_N && statuses[s].ok;
}

/* A JSON string: quotes, backslashes and control bytes escaped. */
static void
json_str(struct buf *b, const char *s)
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

static void
field(struct buf *b, const char *name, const char *value)
{
	buf_printf(b, "  \"%s\": ", name);
	json_str(b, value);
	buf_puts(b, ",\n");
}

int
result_write(const char *path, const struct result *r)
{
	struct buf b = {0};
	int rc;

	buf_puts(&b, "{\n");
	field(&b, "distro", r->distro);
	field(&b, "suite", r->suite);
	field(&b, "variant", r->variant);
	field(&b, "status", status_name(r->status));
	buf_printf(&b, "  \"exit_code\": %d,\n", r->exit_code);
	field(&b, "reason", r->reason);
	buf_printf(&b, "  \"samples\": %d,\n", r->samples);
	buf_printf(&b, "  \"attempts\": %d,\n", r->attempts);
	buf_printf(&b, "  \"start\": %lld.%03lld,\n", r->start_ms / 1000, r->start_ms % 1000);
	buf_printf(&b, "  \"end\": %lld.%03lld,\n", r->end_ms / 1000, r->end_ms % 1000);
	buf_printf(&b, "  \"duration\": %.3f,\n", (double)(r->end_ms - r->start_ms) / 1000.0);
	field(&b, "image", r->image);
	buf_puts(&b, "  \"log\": ");
	json_str(&b, r->log);
	buf_puts(&b, "\n}\n");
	rc = file_write(path, b.s, b.len);
	buf_free(&b);
	return rc;
}
