/* The formats orchgen writes and reads back: results (JSON), records (for
 * orchgen why), markup text (JUnit, HTML), relative paths (links). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "str.h"
#include "file.h"
#include "json.h"
#include "markup.h"
#include "record.h"
#include "result.h"
#include "util.h"

static void
test_result_round_trip(void)
{
	struct result w = {
		.distro = "alpha", .suite = "main/odd \"quoted\"\\name", .variant = NULL,
		.status = STATUS_TIMEOUT, .exit_code = -1, .reason = "line\nbreak\ttab\001",
		.samples = 2, .attempts = 3, .start_ms = 1700000000123LL, .end_ms = 1700000004567LL,
		.image = "demo-alpha:0123456789abcdef", .log = ".orch/logs/alpha/x.log", .phase = "execute", .line = 7,
	}, r;

	CHECK(result_write("r.json", &w) == 0);
	CHECK(result_read("r.json", &r) == 0);
	CHECK_STR(r.distro, w.distro);
	CHECK_STR(r.suite, w.suite);
	CHECK(r.variant == NULL);
	CHECK(r.status == STATUS_TIMEOUT);
	CHECK(r.exit_code == -1 && r.samples == 2 && r.attempts == 3 && r.line == 7);
	CHECK_STR(r.reason, w.reason);
	CHECK_STR(r.phase, "execute");
	CHECK(r.start_ms == w.start_ms && r.end_ms == w.end_ms);
	result_free(&r);
	CHECK(file_write("bad.json", "{\"distro\": \"a\"}", 15) == 0);
	fprintf(stderr, "(a warning about bad.json follows)\n");
	CHECK(result_read("bad.json", &r) == -1);
	CHECK(status_parse("xpass") == STATUS_XPASS && status_parse("nope") == STATUS_N);
}

static void
test_json(void)
{
	struct buf b = {0};

	json_string(&b, "a\"b\\c\n\x01");
	CHECK_STR(b.s, "\"a\\\"b\\\\c\\u000a\\u0001\"");
	b.len = 0;
	json_string(&b, NULL);
	CHECK_STR(b.s, "null");
	buf_free(&b);
}

static void
test_record_round_trip(void)
{
	struct record w = {0}, r;

	record_add(&w, "image", "demo-alpha:1");
	record_add(&w, "setting.project.prepare-each", "echo one\necho \\two");
	record_add(&w, "empty", NULL);
	CHECK(record_write("rec", &w) == 0);
	CHECK(record_read("rec", &r) == 0);
	CHECK_STR(record_get(&r, "image"), "demo-alpha:1");
	CHECK_STR(record_get(&r, "setting.project.prepare-each"), "echo one\necho \\two");
	CHECK_STR(record_get(&r, "empty"), "");
	CHECK(record_get(&r, "missing") == NULL);
	record_free(&r), record_free(&w);
	CHECK(record_read("no-such-record", &r) == 0 && r.pairs.n == 0);
	CHECK(file_write("old", "demo-alpha:1\n", 13) == 0);
	CHECK(record_read("old", &r) == -1);	/* a stamp from before records */
}

static void
test_markup(void)
{
	struct buf b = {0};
	const char s[] = "<a & 'b'>\"\033[31mred\033[0m\x07 caf\xc3\xa9 bad\xff end\n";

	markup_text(&b, s, sizeof(s) - 1);
	CHECK_STR(b.s, "&lt;a &amp; &#39;b&#39;&gt;&quot;red\\x07 caf\xc3\xa9 bad\\xff end\n");
	b.len = 0;
	markup_url(&b, "../.orch/logs/a b/x:1.log");
	CHECK_STR(b.s, "../.orch/logs/a%20b/x%3A1.log");
	buf_free(&b);
}

static void
test_paths(void)
{
	char *r;

	r = file_relative_to("out", ".orch/logs/a.log");
	CHECK_STR(r, "../.orch/logs/a.log");
	free(r);
	r = file_relative_to(".", ".orch/logs/a.log");
	CHECK_STR(r, ".orch/logs/a.log");
	free(r);
	r = file_relative_to("a/b", "a/c/d");
	CHECK_STR(r, "../c/d");
	free(r);
	r = file_clean("./a//b/../c/", 0);
	CHECK_STR(r, "a/c");
	free(r);
	r = file_clean("/x/../../y", 1);
	CHECK_STR(r, "y");
	free(r);
	r = file_clean(".", 0);
	CHECK_STR(r, "");
	free(r);
}

int
main(void)
{
	scratch_enter("formats");
	test_result_round_trip();
	test_json();
	test_record_round_trip();
	test_markup();
	test_paths();
	scratch_leave();
	return checks_done();
}
