/* glob: docker's .dockerignore patterns, case by case, on adversarial
 * inputs, and against the matcher it replaced. */
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "glob.h"
#include "str.h"
#include "util.h"

struct row {
	const char *pattern, *path;
	int want;
};

#define NROWS(t) (sizeof(t) / sizeof((t)[0]))

static void
check_rows(const struct row *t, size_t n, int (*match)(const char *, const char *))
{
	for (size_t i = 0; i < n; i++) {
		int got = match(t[i].pattern, t[i].path);

		checks_run++;
		if (got != t[i].want) {
			checks_failed++;
			fprintf(stderr, "pattern \"%s\", path \"%s\": got %d, want %d\n",
			        t[i].pattern, t[i].path, got, t[i].want);
		}
	}
}

/* Patterns as docker's own tests and documentation describe them. */
static const struct row globs[] = {
	/* literal text matches itself, all of the path */
	{"abc.def", "abc.def", 1}, {"abc.def", "abcXdef", 0}, {"abc", "abcd", 0},
	{"a(b)c/d+e", "a(b)c/d+e", 1}, {"a$", "a$", 1},
	/* '*' is any run but '/' */
	{"*", "file", 1}, {"*", "", 1}, {"*", "dir/file", 0}, {"*.go", "x.go", 1},
	{"a*/b", "abc/b", 1}, {"a*/b", "a/c/b", 0}, {"*/x", "dir/x", 1}, {"*/x", "a/b/x", 0},
	{"a*b*c*d*e*/f", "axbxcxdxexxx/f", 1}, {"a*b*c*d*e*/f", "axbxcxdxe/xxx/f", 0},
	/* '?' is one character but '/'; a character is a UTF-8 sequence */
	{"abc?def", "abcXdef", 1}, {"abc?def", "abcdef", 0}, {"a?b", "a/b", 0},
	{"a?b", "a\xc3\xa9" "b", 1}, {"a???b", "a\xc3\xa9" "b", 0}, {"a?b", "a\xff" "b", 1},
	/* classes and ranges, negated with '^' only; a class may match '/' */
	{"ab[c]", "abc", 1}, {"ab[b-d]", "abc", 1}, {"ab[e-g]", "abc", 0},
	{"ab[^c]", "abc", 0}, {"ab[^e-g]", "abc", 1}, {"[!a]", "b", 0}, {"[!a]", "!", 1},
	{"a[^x]b", "a/b", 1}, {"a[/]b", "a/b", 1},
	{"[a-\xce\xb6]*", "\xce\xb1", 1}, {"*[a-\xce\xb6]", "A", 0},
	{"[\\]a]", "]", 1}, {"[\\-]", "-", 1}, {"[x\\-]", "-", 1}, {"[x\\-]", "z", 0},
	{"[[:digit:]x]", "7", 1}, {"[[:digit:]x]", "y", 0},
	/* '\' before punctuation is that character */
	{"a\\*b", "a*b", 1}, {"a\\*b", "ab", 0}, {"a\\\\", "a\\", 1}, {"\\[x]", "[x]", 1},
	/* "**" leading: any directories, none included */
	{"**", "file", 1}, {"**", "dir/file", 1}, {"**/dir", "dir", 1}, {"**/dir", "a/b/dir", 1},
	{"**/dir", "adir", 0}, {"**/*.txt", "file.txt", 1}, {"**/*.txt", "a/b/file.txt", 1},
	{"**/foo/bar", "foo/bar", 1}, {"**/foo/bar", "x/y/foo/bar", 1}, {"**/.foo", "bar.foo", 0},
	/* ... in the middle: the same, but whole directories only */
	{"a/**/b", "a/b", 1}, {"a/**/b", "a/x/y/b", 1}, {"a/**/b", "c/x/b", 0},
	{"docs/**/*.md", "docs/a/b/c.md", 1}, {"docs/**/*.md", "docs/a/b/c.txt", 0},
	{"a**b", "ab", 1}, {"a**b", "ax/b", 1}, {"a**b", "axb", 0},
	{"a**/*.txt", "a/dir/file.txt", 1}, {"**/**/*.txt", "file.txt", 1},
	/* ... ending the pattern: anything, but the directory itself is not below */
	{"abc/**", "abc/def/ghi", 1}, {"abc/**", "abc", 0}, {"a**", "abc/d", 1},
	{"*/**", "x/y/z", 1}, {"*/**", "x", 0}, {"a/*.txt**", "a/file.txt", 1},
	/* docker compares bytes after a leading "**" when the rest is literal */
	{"**file", "dir/file", 1}, {"**file", "myfile", 1}, {"**file*", "myfile", 0},
	/* elsewhere "**" is Go's ".*", which stops at a newline */
	{"a/**/b", "a/x\ny/b", 0}, {"**/b*", "x\ny/b", 0}, {"**b", "x\ny/b", 1},
};

/* Go regexp syntax that docker's translation lets through. */
static const struct row leaks[] = {
	{"\\d", "7", 1}, {"\\d", "d", 0}, {"x\\w", "x_", 1}, {"\\x41", "A", 1}, {"\\101", "A", 1},
	{"a\\n", "a\n", 1}, {"a\\bb", "ab", 0}, {"a\\Bb", "ab", 1},
	{"^a*", "abc", 1}, {"^a*", "^abc", 0}, {"^a", "^a", 1}, {"a^b*", "a^b", 0},
	{"*.c|x", "y.c.txt", 1}, {"*.c|x", "y.h", 0}, {"a|b", "a|b", 1}, {"a|b", "b", 0},
	{"?{2}", "ab", 1}, {"?{2}", "abc", 0}, {"a{2}", "a{2}", 1}, {"[ab]{1,2}", "ab", 1},
	{"[*]", "*", 0}, {"[*]", "]", 1}, {"[*]", "[/^]", 1}, {"[?]", "/]", 1}, {"[?]", "?", 0},
	{"*\\Q*\\E", "x[^/]*", 1},
	/* docker's syntax check stops at the first '*' that "." does not get
	 * past, and leaves the rest to Go's regexp */
	{"x*[-a]", "x-", 1}, {"a*[]a]", "a]", 1}, {"a*\\", "ab$", 1}, {"a*\\", "a$/x", 1},
};

/* Patterns docker refuses (the build fails) match nothing here. */
static const struct row refused[] = {
	/* Go's filepath.Match, as far as matching "." takes it */
	{"[", "[", 0}, {"a[", "a[", 0}, {"[]a]", "]", 0}, {"[-x]", "-", 0}, {"[x-]", "x", 0},
	{"[a-b-c]", "a", 0}, {"a\\", "a\\", 0}, {".*[", ".[", 0}, {"?*[-a]", "a-", 0},
	/* Go's regexp */
	{"[z-a]*", "z", 0}, {"[Local-Only]/", "L", 0}, {"x\\q*", "xq", 0}, {"\\1*", "1", 0},
	{"[[:foo:]]*", "f", 0}, {"x{1001}*", "x", 0},
};

/* Where orchgen departs from docker: no Unicode tables, so a "\p" class
 * matches nothing (docker: "\pL" is a letter, and this row matches). */
static const struct row departs[] = {
	{"\\pL*", "x", 0}, {"[\\p{Greek}]", "x", 0},
};

/* A pattern also matches below a directory it matches. */
static const struct row parents[] = {
	{"build", "build/x/y", 1}, {"build", "buildx/y", 0}, {"docs/*", "docs/a/b.md", 1},
	{"*.d", "x.d/y", 1}, {"a/b", "a", 0}, {"abc/**", "abc", 0}, {"**/tmp", "a/tmp/f", 1},
	{"a/*/c", "a/b/c/d/e", 1}, {"x/**/y", "x/y/z", 1},
};

static void
test_semantics(void)
{
	check_rows(globs, NROWS(globs), glob_match);
	check_rows(leaks, NROWS(leaks), glob_match);
	check_rows(refused, NROWS(refused), glob_match);
	check_rows(refused, NROWS(refused), glob_match_or_parent);
	check_rows(parents, NROWS(parents), glob_match_or_parent);
	check_rows(departs, NROWS(departs), glob_match);
}

static char *
repeat(const char *s, size_t n, const char *tail)
{
	struct buf b = {0};
	char *out;

	for (size_t i = 0; i < n; i++)
		buf_puts(&b, s);
	buf_puts(&b, tail);
	out = xstrdup(buf_str(&b));
	buf_free(&b);
	return out;
}

/* The inputs that took the old matcher seconds to minutes must come back,
 * with docker's answer. Time is not checked: finishing is the test. */
static void
test_adversarial(void)
{
	char *stars = repeat("*", 14, ""), *stars_b = repeat("*", 14, "b");
	char *name = repeat("a", 40, "");
	char *star2 = repeat("**a", 5, "**b"), *long_name = repeat("a", 100, "");
	char *big = repeat("**a", 200, "**b"), *big_name = repeat("a/", 1000, "a");

	CHECK(glob_match(stars, name));
	CHECK(!glob_match(stars_b, name));
	CHECK(!glob_match(star2, long_name));
	CHECK(!glob_match_or_parent(star2, long_name));
	CHECK(!glob_match_or_parent(big, big_name));
	big_name[2000] = 'b';	/* 200 directories "a", then "b" */
	CHECK(glob_match(big, big_name));
	free(stars), free(stars_b), free(name), free(star2), free(long_name);
	free(big), free(big_name);
}

/* The matcher this module replaced (fnmatch and recursion, exponential in
 * the number of "**"), kept as an oracle for small inputs. */
static int old_match(const char *pat, const char *s);

static int
old_star2(const char *rest, const char *s)
{
	if (rest[0] == '/') {
		if (old_match(rest + 1, s))
			return 1;
		for (; *s; s++) {
			if (*s == '/' && old_match(rest + 1, s + 1))
				return 1;
		}
		return 0;
	}
	for (;; s++) {
		if (old_match(rest, s))
			return 1;
		if (!*s)
			return 0;
	}
}

static int
old_match(const char *pat, const char *s)
{
	const char *star2 = strstr(pat, "**");
	size_t slen = strlen(s);
	int ok = 0;

	if (!star2)
		return fnmatch(pat, s, FNM_PATHNAME) == 0;
	char *prefix = xstrndup(pat, (size_t)(star2 - pat));
	char *head = xmalloc(slen + 1);
	for (size_t i = 0; i <= slen && !ok; i++) {
		memcpy(head, s, i);
		head[i] = '\0';
		if (fnmatch(prefix, head, FNM_PATHNAME) == 0)
			ok = old_star2(star2 + 2, s + i);
	}
	free(head);
	free(prefix);
	return ok;
}

static int
old_match_or_parent(const char *pat, const char *rel)
{
	char *p = xstrdup(rel);
	int ok = old_match(pat, p);

	for (char *slash = strrchr(p, '/'); !ok && slash; slash = strrchr(p, '/')) {
		*slash = '\0';
		ok = old_match(pat, p);
	}
	free(p);
	return ok;
}

static unsigned long rng = 12345;

static size_t
pick(size_t n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (size_t)(rng >> 33) % n;
}

static int
ends_with_star(const struct buf *b)
{
	return b->len > 0 && b->s[b->len - 1] == '*';
}

/* A random pattern where docker's and the old semantics agree: ASCII, '*',
 * '?', classes that cannot match '/', escaped punctuation, and "**" only
 * as a whole component or at the very end (no "**" made of two '*'). */
static void
random_pattern(struct buf *b)
{
	static const char *atoms[] = {"a", "b", "*", "?", "[ab]", "[a-b]", "[^a/]", "\\*"};
	size_t nseg = 1 + pick(4);

	for (size_t i = 0; i < nseg; i++) {
		buf_puts(b, i ? "/" : "");
		if (pick(4) == 0) {
			buf_puts(b, "**");
			continue;
		}
		for (size_t j = 1 + pick(3); j > 0; j--) {
			const char *atom = atoms[pick(NROWS(atoms))];

			buf_puts(b, ends_with_star(b) && atom[0] == '*' ? "a" : atom);
		}
	}
	if (pick(8) == 0 && !ends_with_star(b))
		buf_puts(b, "**");
}

/* A random cleaned path over the same characters. */
static void
random_path(struct buf *b)
{
	size_t nseg = 1 + pick(5);

	for (size_t i = 0; i < nseg; i++) {
		buf_puts(b, i ? "/" : "");
		for (size_t j = 1 + pick(3); j > 0; j--)
			buf_putc(b, "ab*"[pick(3)]);
	}
}

static void
test_against_old(void)
{
	struct buf pat = {0}, path = {0};
	size_t differ = 0;

	for (int i = 0; i < 20000; i++) {
		pat.len = path.len = 0;
		random_pattern(&pat);
		random_path(&path);
		const char *p = buf_str(&pat), *s = buf_str(&path);
		if (glob_match(p, s) != old_match(p, s) ||
		    glob_match_or_parent(p, s) != old_match_or_parent(p, s)) {
			if (differ++ < 10)
				fprintf(stderr, "old and new differ: pattern \"%s\", path \"%s\"\n", p, s);
		}
	}
	checks_run++;
	checks_failed += differ != 0;
	buf_free(&pat);
	buf_free(&path);
}

/* Where the old matcher was not docker's: each row holds docker's answer,
 * the old one was the opposite. */
static const struct row fixed[] = {
	{"a**b", "axb", 0},		/* "**" inside a name is whole directories */
	{"**?", "ab", 0},
	{"**x*", "ax", 0},
	{"[!a]", "b", 0},		/* '!' does not negate */
	{"[!a]", "a", 1},
	{"a[^x]b", "a/b", 1},		/* a class may match '/' */
	{"?", "\xc3\xa9", 1},		/* a character, not a byte */
	{"\\d", "1", 1},		/* Go escapes */
	{"\\d", "d", 0},
	{"^a*", "ab", 1},		/* '^' anchors */
	{"^a*", "^ab", 0},
	{"[", "[", 0},			/* docker refuses the pattern */
	{"[]a]", "]", 0},
	{"a/**/b", "a/x\ny/b", 0},	/* Go's '.' stops at a newline */
	{"*.c|x", "y.c.txt", 1},	/* '|' separates alternatives */
	{"[*]", "*", 0},		/* '*' in a class is replaced */
};

static void
test_fixed(void)
{
	check_rows(fixed, NROWS(fixed), glob_match);
	for (size_t i = 0; i < NROWS(fixed); i++)
		CHECK(old_match(fixed[i].pattern, fixed[i].path) == !fixed[i].want);
}

int
main(void)
{
	test_semantics();
	test_adversarial();
	test_against_old();
	test_fixed();
	return checks_done();
}
