/* filter.c: spread-style job filters. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "str.h"
#include "filter.h"
#include "util.h"

static const char *const jobs[] = {
	"bookworm:main/hello",
	"bookworm:main/vars:one",
	"trixie:main/vars:two",
	"sid:other/deep/x",
	"sid:a+b",
	"sid:sp ace:one",
};
#define NJOBS (sizeof(jobs) / sizeof(jobs[0]))

/* Which of jobs[] filter TEXT matches: a string of '1' and '0'. */
static const char *
matches(const char *text)
{
	static char out[NJOBS + 1];
	struct strv args = {0};
	struct filter f;

	strv_push(&args, text);
	if (filter_compile(&f, &args) < 0) {
		strv_free(&args);
		return "error";
	}
	for (size_t i = 0; i < NJOBS; i++)
		out[i] = filter_match(&f, jobs[i]) ? '1' : '0';
	out[NJOBS] = '\0';
	filter_free(&f);
	strv_free(&args);
	return out;
}

static void
test_components(void)
{
	CHECK_STR(matches("bookworm"), "110000");
	CHECK_STR(matches("book"), "000000");
	CHECK_STR(matches("boo..."), "110000");
	CHECK_STR(matches("main/hello"), "100000");
	CHECK_STR(matches("main/hel"), "000000");
	CHECK_STR(matches("main/vars"), "011000");
	CHECK_STR(matches("one"), "010001");
	CHECK_STR(matches("x"), "000000");
}

static void
test_slashes(void)
{
	CHECK_STR(matches("main/"), "111000");
	CHECK_STR(matches("/hello"), "100000");
	CHECK_STR(matches("/hel..."), "100000");
	CHECK_STR(matches("ma...lo"), "100000");
	CHECK_STR(matches("main/..."), "111000");
	CHECK_STR(matches("other/"), "000100");
	CHECK_STR(matches("/x"), "000100");
	CHECK_STR(matches("/deep/"), "000100");
	CHECK_STR(matches("deep"), "000000");
}

static void
test_colons(void)
{
	CHECK_STR(matches("bookworm:main/..."), "110000");
	CHECK_STR(matches("bookworm:main/"), "110000");
	CHECK_STR(matches(":one"), "010001");
	CHECK_STR(matches("bookworm:one"), "010000");
	CHECK_STR(matches("trixie:main/vars:two"), "001000");
	CHECK_STR(matches("trixie:two"), "001000");
	CHECK_STR(matches("bookworm:"), "110000");
	CHECK_STR(matches("two:trixie"), "000000");
	CHECK_STR(matches("...:main/hello"), "100000");
	CHECK_STR(matches("..."), "111111");
}

static void
test_literal(void)
{
	CHECK_STR(matches("a+b"), "000010");
	CHECK_STR(matches("aab"), "000000");
	CHECK_STR(matches("sp ace"), "000001");
	CHECK_STR(matches("*"), "000000");
	CHECK_STR(matches("(.*)"), "000000");
	CHECK_STR(matches("main.hello"), "000000");
}

static void
test_errors(void)
{
	CHECK_STR(matches(""), "error");
	CHECK_STR(matches("a..b"), "error");
	CHECK_STR(matches("...."), "error");
	CHECK_STR(matches("a::b"), "error");
}

/* The jobs[] as a scope, with a distro that has no job. */
static void
scope_of_jobs(struct filter_scope *s)
{
	memset(s, 0, sizeof(*s));
	for (size_t i = 0; i < NJOBS; i++)
		strv_push(&s->ids, jobs[i]);
	strv_push(&s->distros, "forky");
}

static void
test_set(void)
{
	struct strv args = {0};
	struct filter_scope scope;
	struct filter f;

	scope_of_jobs(&scope);
	CHECK(filter_compile(&f, &args) == 0);
	CHECK(filter_match(&f, "anything") == 1);
	CHECK(filter_check(&f, &scope) == 0);
	filter_free(&f);

	strv_push(&args, "main/hello");
	strv_push(&args, "sid");
	strv_push(&args, "nowhere");
	CHECK(filter_compile(&f, &args) == 0);
	CHECK(filter_match(&f, jobs[0]) == 1);
	CHECK(filter_match(&f, jobs[3]) == 1);
	CHECK(filter_match(&f, jobs[2]) == 0);
	CHECK(f.pats[0].hits == 1 && f.pats[1].hits == 1 && f.pats[2].hits == 0);
	fflush(stderr);
	CHECK(filter_check(&f, &scope) == -1);	/* warns: "nowhere" matches no job */
	filter_free(&f);
	strv_free(&args);
	filter_scope_free(&scope);
}

/* Why TEXT matches no job of jobs[], as filter_explain says it. */
static void
check_explain(int line, const char *text, const char *want)
{
	struct filter_scope scope;
	struct strv excluded = {0};
	char *got;

	scope_of_jobs(&scope);
	strv_push(&excluded, "trixie:other/deep/x");
	scope.excluded = &excluded;
	got = filter_explain(text, &scope);
	checks_run++;
	if (!got || strcmp(got, want) != 0) {
		checks_failed++;
		fprintf(stderr, "%s:%d: %s: got \"%s\", want \"%s\"\n", __FILE__, line, text, got ? got : "(null)", want);
	}
	free(got);
	filter_scope_free(&scope);
	strv_free(&excluded);
}
#define EXPLAIN(text, want) check_explain(__LINE__, text, want)

static void
test_explain(void)
{
	EXPLAIN("bookwrm:main/hello", "no distro \"bookwrm\" in the matrix (its distros: bookworm, forky, sid, trixie)");
	EXPLAIN("bookwrm", "no distro \"bookwrm\" in the matrix (its distros: bookworm, forky, sid, trixie), nor a suite or variant of that name");
	EXPLAIN("main/helo", "no suite \"main/helo\": the nearest are main/hello, main/vars");
	EXPLAIN("bookworm:other/deep/y", "no suite \"other/deep/y\": the nearest is other/deep/x");
	EXPLAIN("nope/x", "no suite \"nope/x\": no suite is below nope/");
	EXPLAIN("main/nope/", "no suite \"main/nope/\": no suite is below main/nope/");
	EXPLAIN("sid:tree", "no suite or variant \"tree\": the nearest are one, two, a+b, ...");
	/* spread's backend:system:task: the rest would match */
	EXPLAIN("qemu:bookworm:main/hello", "orchgen's job names leave out spread's backend (qemu): expected bookworm:main/hello");
	EXPLAIN("qemu:trixie:...", "orchgen's job names leave out spread's backend (qemu): expected trixie:...");
	/* each part names something, but not together */
	EXPLAIN("bookworm:main/hello:one", "jobs match \"bookworm:main/hello\", but none has \"one\" after that (orchgen list bookworm:main/hello shows them)");
	EXPLAIN("forky:main/hello", "\"forky\" is in no job's name: expected distro:suite[:variant], as orchgen list prints them");
	EXPLAIN("trixie:other/deep/x", "trixie:other/deep/x is no job, as the suite's systems leave that distro out");
	/* ":" matches every job, so only when there is none (the fuzzer's find) */
	EXPLAIN(":", "there is no job to match");
}

static void
test_regex(void)
{
	struct buf b = {0};

	CHECK(filter_regex("bookworm:main/...", &b) == 0);
	CHECK_STR(buf_str(&b), "(^|:)bookworm(:.+)*:(.+:)*main/[^:]*($|:)");
	buf_free(&b);
	CHECK(filter_regex(":one", &b) == 0);
	CHECK_STR(buf_str(&b), "(^|:).+(:.+)*:(.+:)*one($|:)");
	buf_free(&b);
	CHECK(filter_regex("a.b$", &b) == 0);
	CHECK_STR(buf_str(&b), "(^|:)a\\.b\\$($|:)");
	buf_free(&b);
}

int
main(void)
{
	test_components();
	test_slashes();
	test_colons();
	test_literal();
	test_errors();
	test_set();
	test_explain();
	test_regex();
	return checks_done();
}
