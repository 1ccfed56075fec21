#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "str.h"
#include "file.h"
#include "util.h"
#include "json.h"
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

enum status
status_parse(const char *name)
{
	enum status s = 0;

	while (s < STATUS_N && strcmp(statuses[s].name, name) != 0)
		s++;
	return s;
}

int
status_ok(enum status s)
{
	return s < STATUS_N && statuses[s].ok;
}

static void
field(struct buf *b, const char *name, const char *value)
{
	buf_printf(b, "  \"%s\": ", name);
	json_string(b, value);
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
	field(&b, "phase", r->phase);
	if (r->line > 0)
		buf_printf(&b, "  \"line\": %ld,\n", r->line);
	else
		buf_puts(&b, "  \"line\": null,\n");
	buf_printf(&b, "  \"samples\": %d,\n", r->samples);
	buf_printf(&b, "  \"attempts\": %d,\n", r->attempts);
	buf_printf(&b, "  \"start\": %lld.%03lld,\n", r->start_ms / 1000, r->start_ms % 1000);
	buf_printf(&b, "  \"end\": %lld.%03lld,\n", r->end_ms / 1000, r->end_ms % 1000);
	buf_printf(&b, "  \"duration\": %.3f,\n", (double)(r->end_ms - r->start_ms) / 1000.0);
	field(&b, "image", r->image);
	if (r->engine)
		field(&b, "engine", r->engine);
	buf_puts(&b, "  \"log\": ");
	json_string(&b, r->log);
	buf_puts(&b, "\n}\n");
	rc = file_write(path, b.s, b.len);
	buf_free(&b);
	return rc;
}

/* Seconds with a fraction ("1700000000.123") in milliseconds. */
static long long
millis(const char *s)
{
	return (long long)(strtod(s, NULL) * 1000.0 + 0.5);
}

static void
member(void *arg, const char *key, const struct json_value *v)
{
	struct result *r = arg;
	const char **strings[] = {&r->distro, &r->suite, &r->variant, &r->reason, &r->image, &r->log, &r->phase, &r->engine};
	const char *names[] = {"distro", "suite", "variant", "reason", "image", "log", "phase", "engine"};

	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++) {
		if (strcmp(key, names[i]) == 0 && v->string) {
			strv_push(&r->owned, v->text);
			*strings[i] = r->owned.v[r->owned.n - 1];
			return;
		}
	}
	if (!strcmp(key, "status") && v->string)
		r->status = status_parse(v->text);
	else if (!strcmp(key, "exit_code") && !v->string)
		r->exit_code = (int)strtol(v->text, NULL, 10);
	else if (!strcmp(key, "samples") && !v->string)
		r->samples = (int)strtol(v->text, NULL, 10);
	else if (!strcmp(key, "attempts") && !v->string)
		r->attempts = (int)strtol(v->text, NULL, 10);
	else if (!strcmp(key, "line") && !v->string)
		r->line = strtol(v->text, NULL, 10);
	else if (!strcmp(key, "start") && !v->string)
		r->start_ms = millis(v->text);
	else if (!strcmp(key, "end") && !v->string)
		r->end_ms = millis(v->text);
}

int
result_read(const char *path, struct result *r)
{
	char *text = file_read(path, NULL);
	int rc;

	memset(r, 0, sizeof(*r));
	r->status = STATUS_N;
	r->exit_code = -1;
	if (!text) {
		warn("%s: cannot read the result:", path);
		return -1;
	}
	rc = json_object(text, member, r);
	free(text);
	if (rc < 0 || !r->distro || !r->suite || r->status == STATUS_N) {
		warn("%s: not a result of orchgen's: expected distro, suite and status", path);
		result_free(r);
		return -1;
	}
	return 0;
}

void
result_free(struct result *r)
{
	strv_free(&r->owned);
	memset(r, 0, sizeof(*r));
}
