/* filter.c: spread-style job filters. */
#include <stdlib.h>
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

static void
test_set(void)
{
	struct strv args = {0};
	struct filter f;

	CHECK(filter_compile(&f, &args) == 0);
	CHECK(filter_match(&f, "anything") == 1);
	CHECK(filter_check(&f, NULL) == 0);
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
	CHECK(filter_check(&f, NULL) == -1);	/* warns: "nowhere" matches no job */
	filter_free(&f);
	strv_free(&args);
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
	test_regex();
	return checks_done();
}
