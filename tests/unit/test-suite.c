/* suite.c: task.yaml parsing, variants, environment, systems, durations. */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include "check.h"
#include "str.h"
#include "suite.h"
#include "util.h"

static char tmpdir[] = "/tmp/test-suite-XXXXXX";
static char yamlpath[64], errpath[64];
static char errtext[4096];	/* what the last parse printed on stderr */

static void
writefile(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0)
		fatal(1, "write %s:", path);
}

/* Send stderr to errpath until capture_end, which reads it into errtext. */
static int
capture_begin(void)
{
	int saved, fd;

	fflush(stderr);
	saved = dup(2);
	fd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	dup2(fd, 2);
	close(fd);
	return saved;
}

static void
capture_end(int saved)
{
	int fd;
	ssize_t n;

	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	fd = open(errpath, O_RDONLY);
	n = read(fd, errtext, sizeof(errtext) - 1);
	errtext[n > 0 ? n : 0] = '\0';
	close(fd);
}

/* Parse PATH into S, capturing stderr in errtext. */
static int
parsepath(struct suite *s, const char *path)
{
	int saved = capture_begin();
	int rc = suite_parse(s, path, "suites/main/t", "main/t");

	capture_end(saved);
	return rc;
}

/* Parse YAML as tmpdir/task.yaml. */
static int
parse(struct suite *s, const char *yaml)
{
	writefile(yamlpath, yaml, strlen(yaml));
	return parsepath(s, yamlpath);
}

/* YAML must fail with a message containing WHERE ("task.yaml:L:C:") and WHAT. */
static void
fails(int line, const char *yaml, const char *where, const char *what)
{
	struct suite s;
	int rc = parse(&s, yaml);

	checks_run++;
	if (rc != -1 || !strstr(errtext, where) || !strstr(errtext, what)) {
		checks_failed++;
		fprintf(stderr, "%s:%d: rc %d, stderr \"%s\", want \"%s\" and \"%s\"\n",
			__FILE__, line, rc, errtext, where, what);
	}
	if (rc == 0)
		suite_free(&s);
}
#define FAILS(yaml, where, what) fails(__LINE__, yaml, where, what)

static void
test_full(void)
{
	struct suite s;
	const char *yaml =
		"summary: Every key at once\n"
		"details: |\n"
		"  Long text.\n"
		"systems: [ubuntu-*, debian-12]\n"
		"environment:\n"
		"  A: 1\n"
		"  B/x,y: two words\n"
		"variants: [+z]\n"
		"prepare: |\n"
		"  echo prepare\n"
		"execute: |\n"
		"  echo one\n"
		"  echo two\n"
		"restore: echo restore\n"
		"debug: echo debug\n"
		"manual: yes\n"
		"expect: fail\n"
		"priority: -3\n"
		"kill-timeout: 1h30m\n"
		"warn-timeout: 90s\n"
		"requires: [locale-de, apt]\n"
		"skip:\n"
		"  - reason: no\n"
		"    if: true\n"
		"  - if: test -e /etc/fedora-release\n"
		"artifacts: [a.log, out/]\n"
		"samples: 2\n"
		"backends: [qemu]\n";

	CHECK(parse(&s, yaml) == 0);
	CHECK_STR(errtext, "");
	CHECK_STR(s.name, "main/t");
	CHECK_STR(s.dir, "suites/main/t");
	CHECK_STR(s.path, yamlpath);
	CHECK_STR(s.summary, "Every key at once");
	CHECK_STR(s.details, "Long text.\n");
	CHECK(s.systems.n == 2 && s.systems_line == 4);
	CHECK_STR(s.systems.v[1], "debian-12");
	CHECK(s.nenv == 2);
	CHECK_STR(s.env[1].name, "B");
	CHECK_STR(s.env[1].value, "two words");
	CHECK(s.env[1].only.n == 2 && s.env[1].line == 7);
	CHECK(s.variants.n == 3);
	CHECK_STR(s.variants.v[2], "z");
	CHECK_STR(s.prepare, "echo prepare\n");
	CHECK_STR(s.execute, "echo one\necho two\n");
	CHECK_STR(s.restore, "echo restore");
	CHECK_STR(s.debug, "echo debug");
	CHECK(s.manual == 1 && s.expect_fail == 1 && s.priority == -3);
	CHECK(s.kill_timeout == 5400 && s.warn_timeout == 90);
	CHECK(s.requires.n == 2);
	CHECK_STR(s.requires.v[0], "locale-de");
	CHECK(s.systems_pos[0].line == 4 && s.systems_pos[0].col == 11);
	CHECK(s.systems_pos[1].line == 4 && s.systems_pos[1].col == 21);
	CHECK(s.nskip == 2);
	if (s.nskip == 2) {
		CHECK_STR(s.skip[0].reason, "no");
		CHECK_STR(s.skip[0].cond, "true");
		CHECK(s.skip[0].line == 23);
		CHECK(s.skip[1].reason == NULL);
		CHECK_STR(s.skip[1].cond, "test -e /etc/fedora-release");
		CHECK(s.skip[1].line == 25);
	}
	CHECK(s.artifacts.n == 2);
	CHECK_STR(s.artifacts.v[1], "out/");
	CHECK(s.samples == 2);
	suite_free(&s);
}

static void
test_minimal(void)
{
	struct suite s;

	CHECK(parse(&s, "execute: true\nprepare:\nenvironment:\n") == 0);
	CHECK_STR(s.execute, "true");
	CHECK(s.prepare == NULL && s.summary == NULL && s.nenv == 0);
	CHECK(s.variants.n == 0 && s.systems_line == 0 && s.manual == 0);
	CHECK(s.kill_timeout == 0 && s.expect_fail == 0);
	CHECK(s.samples == 1 && s.nskip == 0 && s.artifacts.n == 0 && s.priority == 0);
	suite_free(&s);
	CHECK(parse(&s, "execute: x\nexpect: pass\nmanual: False\ndistro-check: [arch]\n") == 0);
	CHECK(s.expect_fail == 0 && s.manual == 0 && s.systems.n == 1);
	suite_free(&s);
}

static void
test_order(void)
{
	struct suite s;
	const char *yaml =
		"execute: x\n"
		"variants: [+z, -c, y, +a]\n"
		"environment:\n"
		"  ZED: last\n"
		"  A/b,a: 1\n"
		"  B: 2\n"
		"  A/c: 3\n"
		"  C/a: 4\n"
		"  N: ~\n";

	CHECK(parse(&s, yaml) == 0);
	CHECK(s.nenv == 6);
	CHECK_STR(s.env[0].name, "ZED");
	CHECK_STR(s.env[3].name, "A");
	CHECK_STR(s.env[5].value, "");
	CHECK(s.variants.n == 4);
	CHECK_STR(s.variants.v[0], "b");
	CHECK_STR(s.variants.v[1], "a");
	CHECK_STR(s.variants.v[2], "z");
	CHECK_STR(s.variants.v[3], "y");
	suite_free(&s);

	CHECK(parse(&s, "execute: x\nenvironment: {X/a: 1}\nvariants: [-nope, -a]\n") == 0);
	CHECK(s.variants.n == 0);
	CHECK(strstr(errtext, "task.yaml:3:12: variants: \"-nope\" removes no variant (ignored)") != NULL);
	suite_free(&s);
}

static void
test_env_for(void)
{
	struct suite s;
	struct strv out = {0};
	const char *yaml =
		"execute: x\n"
		"environment:\n"
		"  X: 1\n"
		"  Y/a: ya\n"
		"  X/a: xa\n"
		"  Y/b: yb\n"
		"  Z/b: zb\n"
		"  W: w\n";
	CHECK(parse(&s, yaml) == 0);
	suite_env_for(&s, "a", &out);
	CHECK(out.n == 6);
	if (out.n == 6) {
		CHECK_STR(out.v[0], "X");
		CHECK_STR(out.v[1], "xa");
		CHECK_STR(out.v[2], "Y");
		CHECK_STR(out.v[3], "ya");
		CHECK_STR(out.v[4], "W");
		CHECK_STR(out.v[5], "w");
	}
	strv_free(&out);
	suite_env_for(&s, "b", &out);
	CHECK(out.n == 8);
	if (out.n == 8) {
		CHECK_STR(out.v[1], "1");
		CHECK_STR(out.v[3], "yb");
		CHECK_STR(out.v[4], "Z");
		CHECK_STR(out.v[5], "zb");
	}
	strv_free(&out);
	suite_env_for(&s, NULL, &out);
	CHECK(out.n == 4);
	if (out.n == 4) {
		CHECK_STR(out.v[0], "X");
		CHECK_STR(out.v[1], "1");
		CHECK_STR(out.v[2], "W");
	}
	strv_free(&out);
	suite_free(&s);

	/* The last applicable entry wins, a general one included. */
	CHECK(parse(&s, "execute: x\nenvironment:\n  V/a: 1\n  V: 2\n  U: 3\n  U/a: 4\n") == 0);
	suite_env_for(&s, "a", &out);
	CHECK(out.n == 4);
	if (out.n == 4) {
		CHECK_STR(out.v[1], "2");
		CHECK_STR(out.v[3], "4");
	}
	strv_free(&out);
	suite_free(&s);
}

static int
selects(const char *systems, const char *distro)
{
	struct suite s;
	char *yaml = xasprintf("execute: x\nsystems: %s\n", systems);
	int rc = -1;

	if (parse(&s, yaml) == 0) {
		rc = suite_selects(&s, distro);
		suite_free(&s);
	}
	free(yaml);
	return rc;
}

static void
test_systems(void)
{
	CHECK(selects("[]", "arch") == 1);
	CHECK(selects("[ubuntu-*]", "ubuntu-22.04") == 1);
	CHECK(selects("[ubuntu-*]", "arch") == 0);
	CHECK(selects("[ubuntu-*, arch]", "arch") == 1);
	CHECK(selects("[-ubuntu-14.04]", "ubuntu-14.04") == 0);
	CHECK(selects("[-ubuntu-14.04]", "ubuntu-16.04") == 1);
	CHECK(selects("[-ubuntu-1*, +ubuntu-16.04]", "ubuntu-16.04") == 1);
	CHECK(selects("[-ubuntu-1*, +ubuntu-16.04]", "ubuntu-18.04") == 0);
	CHECK(selects("[-arch*]", "archlinux") == 0);
	CHECK(selects("[-arch*]", "bookworm") == 1);
	CHECK(selects("[+fedora]", "bookworm") == 1);
	CHECK(selects("[-bookworm, +bookworm]", "bookworm") == 1);
}

static void
test_duration(void)
{
	CHECK(duration_parse("90s") == 90);
	CHECK(duration_parse("30m") == 1800);
	CHECK(duration_parse("1h30m") == 5400);
	CHECK(duration_parse("2h") == 7200);
	CHECK(duration_parse("1h30m15s") == 5415);
	CHECK(duration_parse("1h15s") == 3615);
	CHECK(duration_parse("45") == 45);
	CHECK(duration_parse("0") == 0);
	CHECK(duration_parse("") == -1);
	CHECK(duration_parse("10x") == -1);
	CHECK(duration_parse("m") == -1);
	CHECK(duration_parse("1h30") == -1);
	CHECK(duration_parse("30m1h") == -1);
	CHECK(duration_parse("1m1m") == -1);
	CHECK(duration_parse("-5s") == -1);
	CHECK(duration_parse(" 5s") == -1);
	CHECK(duration_parse("5s ") == -1);
	CHECK(duration_parse("1.5h") == -1);
	CHECK(duration_parse("99999999999999999999") == -1);
	CHECK(duration_parse("9999999999999999h") == -1);
}

static void
test_errors(void)
{
	FAILS("- a\n- b\n", "task.yaml:1:1:", "task.yaml must be a mapping of keys, got a sequence");
	FAILS("just text\n", "task.yaml:1:1:", "must be a mapping of keys, got a scalar");
	FAILS("# nothing\n", "task.yaml:1:1:", "got an empty file");
	FAILS("execute: x\n---\nexecute: y\n", "task.yaml:2:1:", "one YAML document");
	FAILS("execute: [a\nsummary: b\n", "task.yaml:", "did not find expected");
	FAILS("summary: a\n  bad: b\n", "task.yaml:2:6:", "mapping values are not allowed");
	FAILS("execute: x\nsummary: \xff\n", "task.yaml:2:10:", "invalid leading UTF-8 octet");
	FAILS("summary: s\n", "task.yaml:1:1:", "\"execute\" is missing or empty: expected an execute script");
	FAILS("execute: \"\"\n", "task.yaml:1:1:", "expected an execute script");
	FAILS("execute:\n", "task.yaml:1:1:", "expected an execute script");
	FAILS("execute: x\nsummary: a\nsummary: b\n", "task.yaml:3:1:", "duplicate key \"summary\" (first at line 2)");
	FAILS("execute: x\nfoo: 1\nbar: 2\nfoo: 3\nbar: 4\n", "task.yaml:4:1:", "duplicate key \"foo\" (first at line 2)");
	FAILS("execute: x\nsystems: [a]\ndistro-check: [b]\n", "task.yaml:3:1:", "duplicate key \"distro-check\" (first at line 2");
	FAILS("execute: x\nenvironment:\n  A: 1\n  B: 2\n  A: 3\n", "task.yaml:5:3:", "duplicate key \"A\" (first at line 3)");
	FAILS("execute: x\nenvironment:\n  X/: 1\n", "task.yaml:3:3:", "bad variant \"\" in \"X/\"");
	FAILS("execute: x\nenvironment:\n  X/a,,b: 1\n", "task.yaml:3:3:", "bad variant \"\" in \"X/a,,b\"");
	FAILS("execute: x\nenvironment:\n  1X: 1\n", "task.yaml:3:3:", "bad variable name \"1X\"");
	FAILS("execute: x\nenvironment:\n  X-Y: 1\n", "task.yaml:3:3:", "bad variable name");
	FAILS("execute: x\nenvironment:\n  X: [1]\n", "task.yaml:3:6:", "environment: X: expected a string, got a sequence");
	FAILS("execute: x\nenvironment:\n  - A=1\n", "task.yaml:3:3:", "environment: expected a mapping of NAME: value, got a sequence");
	FAILS("execute: x\nsystems:\n  a: b\n", "task.yaml:3:3:", "systems: expected a list of strings, got a mapping");
	FAILS("execute: x\nsystems: [a, [b]]\n", "task.yaml:2:14:", "systems: expected a string in the list, got a sequence");
	FAILS("execute: x\nsystems: [\"*\", -alpha]\n", "task.yaml:2:16:",
	    "systems: \"-alpha\" after \"*\": expected plain names or +/- changes, not both (spread refuses a mix)");
	FAILS("execute: x\nsystems: [-a, b]\n", "task.yaml:2:15:", "systems: \"b\" after \"-a\": expected plain names or +/- changes");
	FAILS("execute: x\nsystems: [a, \"-\"]\n", "task.yaml:2:14:", "systems: empty pattern \"-\"");
	FAILS("execute: x\nsummary: {a: b}\n", "task.yaml:2:10:", "summary: expected a string, got a mapping");
	FAILS("execute:\n  - a\n", "task.yaml:2:3:", "execute: expected a string, got a sequence");
	FAILS("execute: x\nvariants: [\"a b\"]\n", "task.yaml:2:12:", "variants: bad variant \"a b\"");
	FAILS("execute: x\nvariants: [a, -b*]\n", "task.yaml:2:15:", "variants: bad variant \"-b*\"");
	FAILS("execute: x\nmanual: maybe\n", "task.yaml:2:9:", "manual: expected true or false, got \"maybe\"");
	FAILS("execute: x\nexpect: pas\n", "task.yaml:2:9:", "expect: expected \"pass\" or \"fail\", got \"pas\"");
	FAILS("execute: x\npriority: high\n", "task.yaml:2:11:", "priority: expected an integer, got \"high\"");
	FAILS("execute: x\npriority: 99999999999\n", "task.yaml:2:11:", "priority: expected an integer");
	FAILS("execute: x\nkill-timeout: soon\n", "task.yaml:2:15:", "kill-timeout: expected a duration like 90s, 30m or 1h30m, at most 30 days, got \"soon\"");
	FAILS("execute: x\nwarn-timeout: 5q\n", "task.yaml:2:15:", "warn-timeout: expected a duration like 90s, 30m or 1h30m");
	FAILS("execute: x\nrequires: [\"two words\"]\n", "task.yaml:2:12:", "requires: bad feature name \"two words\"");
	FAILS("execute: x\n[a]: b\n", "task.yaml:2:1:", "keys must be strings, got a sequence");
	FAILS("execute: x\nenvironment:\n  ? [a]\n  : b\n", "task.yaml:3:5:", "keys must be strings, got a sequence");
	FAILS("execute: x\nenvironment: [A=1]\n", "task.yaml:2:14:", "environment: expected a mapping of NAME: value, got a sequence");
	FAILS("execute: x\nenvironment: A=1\n", "task.yaml:2:14:", "environment: expected a mapping of NAME: value, got a scalar");
	FAILS("execute: x\nbogus: {a: 1, b: 2, a: 3}\n", "task.yaml:2:21:", "duplicate key \"a\" (first at line 2)");
	FAILS("execute: x\nskip:\n  - if: a\n    if: b\n", "task.yaml:4:5:", "duplicate key \"if\" (first at line 3)");
	FAILS("execute: x\nenvironment:\n  X/a: 1\n  X/a: 2\n", "task.yaml:4:3:", "duplicate key \"X/a\" (first at line 3)");
	FAILS("execute: x\nmanual: [true]\n", "task.yaml:2:9:", "manual: expected true or false, got a sequence");
	FAILS("execute: x\npriority: 1.5\n", "task.yaml:2:11:", "priority: expected an integer, got \"1.5\"");
	FAILS("execute: x\nsamples: 0\n", "task.yaml:2:10:", "samples: expected a whole number of runs from 1 to 1000, got \"0\"");
	FAILS("execute: x\nsamples: -2\n", "task.yaml:2:10:", "samples: expected a whole number");
	FAILS("execute: x\nsamples: 1001\n", "task.yaml:2:10:", "samples: expected a whole number");
	FAILS("execute: x\nsamples: many\n", "task.yaml:2:10:", "got \"many\"");
	FAILS("execute: x\nsamples: \" 3\"\n", "task.yaml:2:10:", "samples: expected a whole number");
	FAILS("execute: x\nskip: yes\n", "task.yaml:2:7:", "skip: expected a list of {reason, if} mappings, got a scalar");
	FAILS("execute: x\nskip: {if: x}\n", "task.yaml:2:7:", "skip: expected a list of {reason, if} mappings, got a mapping");
	FAILS("execute: x\nskip: [test -e /x]\n", "task.yaml:2:8:", "skip: expected a mapping with \"if\" and \"reason\" in the list, got a scalar");
	FAILS("execute: x\nskip:\n  - reason: why\n", "task.yaml:3:5:", "skip: entry without \"if\": expected a shell condition");
	FAILS("execute: x\nskip:\n  - {reason: r, if: \"\"}\n", "task.yaml:3:5:", "entry without \"if\"");
	FAILS("execute: x\nskip:\n  - if:\n", "task.yaml:3:5:", "entry without \"if\"");
	FAILS("execute: x\nskip:\n  - if: [a]\n", "task.yaml:3:9:", "if: expected a string, got a sequence");
	FAILS("execute: x\nskip:\n  - reason: {a: b}\n    if: x\n", "task.yaml:3:13:", "reason: expected a string, got a mapping");
	FAILS("execute: x\nartifacts: out.log\n", "task.yaml:2:12:", "artifacts: expected a list of strings, got a scalar");
	FAILS("execute: x\nartifacts: [\"\"]\n", "task.yaml:2:13:", "artifacts: empty path");
	FAILS("execute: x\nartifacts: [../up]\n", "task.yaml:2:13:", "artifacts: path \"../up\" has a '..' component: expected a path below /workspace, or absolute");
	FAILS("execute: x\nartifacts: [ok, /tmp/../etc]\n", "task.yaml:2:17:", "'..' component");
	FAILS("execute: x\nartifacts: [out/..]\n", "task.yaml:2:13:", "'..' component");
	FAILS("execute: \"a\\0b\"\n", "task.yaml:1:10:", "NUL");
}

static void
test_warnings(void)
{
	struct suite s;

	CHECK(parse(&s, "execute: x\nbogus: 1\nskip: [{reason: r, if: true}]\n") == 0);
	CHECK(strstr(errtext, "orchgen: ") == errtext);
	CHECK(strstr(errtext, "task.yaml:2:1: unknown key \"bogus\" (ignored)\n") != NULL);
	CHECK(strstr(errtext, "skip") == NULL);
	suite_free(&s);

	CHECK(parse(&s, "execute: x\nskip:\n  - if: x\n    when: later\n") == 0);
	CHECK(strstr(errtext, "task.yaml:4:5: unknown key \"when\" in a skip entry (ignored)\n") != NULL);
	CHECK(s.nskip == 1);
	suite_free(&s);

	/* Keys orchgen leaves to others: accepted quietly. */
	CHECK(parse(&s, "execute: x\nbackends: [lxd]\n") == 0);
	CHECK_STR(errtext, "");
	suite_free(&s);
}

static void
test_aliases(void)
{
	struct suite s;
	const char *yaml =
		"common: &common\n"
		"  A: 1\n"
		"  B: two\n"
		"script: &run |\n"
		"  echo run\n"
		"environment: *common\n"
		"execute: *run\n"
		"restore: *run\n"
		"systems: &sys [bookworm, trixie]\n"
		"\"requires\": [apt]\n";

	CHECK(parse(&s, yaml) == 0);
	CHECK(strstr(errtext, "unknown key \"common\"") != NULL);
	CHECK(s.nenv == 2);
	if (s.nenv == 2)
		CHECK_STR(s.env[1].value, "two");
	CHECK_STR(s.execute, "echo run\n");
	CHECK_STR(s.restore, "echo run\n");
	CHECK(s.systems.n == 2 && s.requires.n == 1);
	suite_free(&s);

	/* A later anchor of the same name wins. */
	CHECK(parse(&s, "a: &x one\nb: &x two\nexecute: *x\n") == 0);
	CHECK_STR(s.execute, "two");
	suite_free(&s);

	FAILS("execute: *nothing\n", "task.yaml:1:10:", "alias *nothing: no anchor &nothing before it");
	FAILS("a: &x [1, *x]\nexecute: x\n", "task.yaml:1:11:", "alias *x: no anchor &x before it");
	FAILS("execute: x\n<<: {summary: s}\n", "task.yaml:2:1:", "merge keys (<<) are not supported");
	FAILS("execute: x\nenvironment:\n  <<: {A: 1}\n", "task.yaml:3:3:", "merge keys (<<) are not supported");
}

/* A billion laughs: aliases that double each level stop at the node limit. */
static void
test_alias_bomb(void)
{
	struct buf b = {0};

	buf_puts(&b, "execute: x\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
	for (int i = 1; i < 10; i++)
		buf_printf(&b, "a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n",
		    i, i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
	FAILS(buf_str(&b), "task.yaml:", "more than 100000 YAML nodes");
	buf_free(&b);

	buf_puts(&b, "execute: x\nd: &d ");
	for (int i = 0; i < 20; i++)
		buf_putc(&b, '[');
	for (int i = 0; i < 20; i++)
		buf_putc(&b, ']');
	buf_puts(&b, "\ne: [[[[[[[[[[[[*d]]]]]]]]]]]]\n");
	FAILS(buf_str(&b), "task.yaml:3:16:", "this alias nests deeper than 32 levels");
	buf_free(&b);

	buf_puts(&b, "execute: x\n");
	for (int i = 0; i <= 256; i++)
		buf_printf(&b, "k%d: &a%d x\n", i, i);
	FAILS(buf_str(&b), "task.yaml:258:7:", "more than 256 anchors");
	buf_free(&b);
}

/* Patterns that match no distro of the matrix warn at their own position. */
static void
test_check_systems(void)
{
	struct suite s;
	struct strv distros = {0};
	size_t warned;
	int saved;

	strv_push(&distros, "bookworm");
	strv_push(&distros, "trixie");
	CHECK(parse(&s, "execute: x\nsystems:\n  - -debian-*\n  - -bookworm\n  - -tri*\n  - +fedora\n") == 0);
	saved = capture_begin();
	warned = suite_check_systems(&s, &distros);
	capture_end(saved);
	CHECK(warned == 2);
	CHECK(strstr(errtext, "task.yaml:3:5: systems: \"-debian-*\" matches no distro of the matrix\n") != NULL);
	CHECK(strstr(errtext, "task.yaml:6:5: systems: \"+fedora\" matches no distro of the matrix\n") != NULL);
	CHECK(strstr(errtext, "bookworm") == NULL && strstr(errtext, "tri*") == NULL);
	suite_free(&s);
	strv_free(&distros);
}

static void
test_limits(void)
{
	struct suite s;
	struct buf b = {0};
	int i;

	buf_puts(&b, "execute: x\ndeep: ");
	for (i = 0; i < 31; i++)
		buf_putc(&b, '[');
	for (i = 0; i < 31; i++)
		buf_putc(&b, ']');
	buf_putc(&b, '\n');
	CHECK(parse(&s, buf_str(&b)) == 0);	/* 32 levels with the top mapping */
	suite_free(&s);
	buf_free(&b);

	buf_puts(&b, "execute: x\ndeep: ");
	for (i = 0; i < 1000; i++)
		buf_puts(&b, "[");
	FAILS(buf_str(&b), "task.yaml:2:38:", "nested deeper than 32 levels");
	buf_free(&b);

	buf_puts(&b, "execute: x\ndeep:\n");
	for (i = 0; i < 40; i++)
		buf_printf(&b, "%*s- \n", 2 * i + 2, "");
	FAILS(buf_str(&b), "task.yaml:", "nested deeper than 32 levels");
	buf_free(&b);

	buf_puts(&b, "execute: x\nwide: [");
	for (i = 0; i < 100000; i++)
		buf_puts(&b, "a,");
	buf_puts(&b, "a]\n");
	FAILS(buf_str(&b), "task.yaml:2:", "more than 100000 YAML nodes");
	buf_free(&b);

	buf_puts(&b, "execute: x\n");
	while (b.len <= (1 << 20))
		buf_puts(&b, "# a comment, filling the file\n");
	FAILS(buf_str(&b), "task.yaml: larger than 1 MiB", "");
	buf_free(&b);

	buf_puts(&b, "execute: x\nenvironment:\n  A/v0");
	for (i = 1; i <= 256; i++)
		buf_printf(&b, i == 200 ? ": 1\n  B/v%d" : ",v%d", i);
	buf_puts(&b, ": 1\n");
	FAILS(buf_str(&b), "task.yaml:4:3:", "more than 256 variants");
	buf_free(&b);
	buf_puts(&b, "execute: x\nvariants:\n");
	for (i = 0; i < 257; i++)
		buf_printf(&b, "  - v%d\n", i);
	FAILS(buf_str(&b), "task.yaml:259:5:", "more than 256 variants");
	buf_free(&b);

	CHECK(parsepath(&s, "/nonexistent/task.yaml") == -1);
	CHECK_STR(errtext, "orchgen: open /nonexistent/task.yaml: No such file or directory\n");
}

/* The env script SHELL reads back: each value NUL-terminated. */
static char *
read_back(const char *shell, const struct suite *s, size_t *len)
{
	struct buf script = {0}, cmd = {0};
	char *out;
	FILE *f;

	suite_env_script(s, NULL, &script);
	buf_puts(&script, "printf '%s\\0'");
	for (size_t i = 0; i < s->nenv; i++)
		buf_printf(&script, " \"$%s\"", s->env[i].name);
	buf_printf(&script, " >%s/readback.out\n", tmpdir);
	buf_printf(&cmd, "%s/readback.sh", tmpdir);
	writefile(cmd.s, script.s, script.len);
	cmd.len = 0;
	buf_printf(&cmd, "%s %s/readback.sh", shell, tmpdir);
	CHECK(system(cmd.s) == 0);
	cmd.len = 0;
	buf_printf(&cmd, "%s/readback.out", tmpdir);
	f = fopen(cmd.s, "rb");
	out = xmalloc(1 << 20);
	*len = f ? fread(out, 1, 1 << 20, f) : 0;
	if (f)
		fclose(f);
	buf_free(&script), buf_free(&cmd);
	return out;
}

/* Every byte from 1 to 255 but '$', alone, at the end and in the middle of
 * a value, reads back as it was, in sh and in bash: no value can end its
 * quotes or run as code. '$' expands, and "\\$" is a literal '$'. */
static void
test_env_script_quotes_every_byte(void)
{
	const char *shells[] = {"sh", "bash"};
	struct suite s = {0};
	struct strv want = {0};
	char text[8];

	s.env = xcalloc(3 * 256 + 3, sizeof(*s.env));
	for (int b = 1; b < 256; b++) {
		const char *forms[] = {"%c", "a%c", "a%cz"};
		if (b == '$')
			continue;
		for (int f = 0; f < 3; f++) {
			struct suite_env *e = &s.env[s.nenv++];
			snprintf(text, sizeof(text), forms[f], b);
			e->name = xasprintf("V%d_%d", b, f);
			e->value = xstrdup(text);
			strv_push(&want, text);
		}
	}
	const char *dollar[][2] = {{"a$", "a$"}, {"\\$HOME", "$HOME"}, {"C:\\", "C:\\"}};
	for (size_t i = 0; i < 3; i++) {
		struct suite_env *e = &s.env[s.nenv++];
		e->name = xasprintf("D%zu", i);
		e->value = xstrdup(dollar[i][0]);
		strv_push(&want, dollar[i][1]);
	}
	for (size_t sh = 0; sh < 2; sh++) {
		size_t len, at = 0;
		char *got = read_back(shells[sh], &s, &len);
		for (size_t i = 0; i < want.n; i++) {
			int same = at < len && !strcmp(got + at, want.v[i]);
			if (!same)
				fprintf(stderr, "%s: %s (%s) read back as \"%s\"\n", shells[sh], s.env[i].name, want.v[i], at < len ? got + at : "(nothing)");
			CHECK(same);
			at += at < len ? strlen(got + at) + 1 : 0;
		}
		free(got);
	}
	for (size_t i = 0; i < s.nenv; i++)
		free(s.env[i].name), free(s.env[i].value);
	free(s.env);
	strv_free(&want);
}

int
main(void)
{
	if (!mkdtemp(tmpdir))
		fatal(1, "mkdtemp:");
	snprintf(yamlpath, sizeof(yamlpath), "%s/task.yaml", tmpdir);
	snprintf(errpath, sizeof(errpath), "%s/stderr", tmpdir);
	test_full();
	test_minimal();
	test_order();
	test_env_for();
	test_systems();
	test_duration();
	test_errors();
	test_warnings();
	test_aliases();
	test_alias_bomb();
	test_check_systems();
	test_limits();
	test_env_script_quotes_every_byte();
	unlink(yamlpath);
	unlink(errpath);
	for (const char *const *f = (const char *const[]){"readback.sh", "readback.out", NULL}; *f; f++) {
		char path[128];
		snprintf(path, sizeof(path), "%s/%s", tmpdir, *f);
		unlink(path);
	}
	rmdir(tmpdir);
	return checks_done();
}
