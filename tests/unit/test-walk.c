/* walk: .dockerignore patterns and the listing of a group's files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"
#include "file.h"
#include "str.h"
#include "util.h"
#include "walk.h"

static void
put(const char *path, const char *text)
{
	if (file_write(path, text, strlen(text)) < 0)
		fatal(1, "cannot write fixture %s", path);
}

static struct buf joined;

/* SV joined with spaces, valid until the next call, for CHECK_STR. */
static const char *
join(const struct strv *sv)
{
	joined.len = 0;
	buf_puts(&joined, "");
	for (size_t i = 0; i < sv->n; i++)
		buf_printf(&joined, "%s%s", i ? " " : "", sv->v[i]);
	return buf_str(&joined);
}

static int
ignored(const char *patterns, const char *rel)
{
	struct strv pv = {0};
	int r;

	strv_split(&pv, patterns);
	r = ignore_match(&pv, rel);
	strv_free(&pv);
	return r;
}

static void
test_ignore_load(void)
{
	struct strv pv = {0};

	put(".dockerignore", "# a comment\n*.log\n\n  !keep.log  \n"
	    "build\n**/tmp\n/abs\n\t./dot/x/ \n! spaced\n#!not\n");
	CHECK(ignore_load(".dockerignore", &pv) == 0);
	CHECK_STR(join(&pv), "*.log !keep.log build **/tmp abs dot/x !spaced");
	CHECK(ignore_match(&pv, "a.log"));
	CHECK(!ignore_match(&pv, "keep.log"));
	CHECK(!ignore_match(&pv, "sub/a.log"));	/* '*' stops at '/' */
	CHECK(ignore_match(&pv, "build"));
	CHECK(ignore_match(&pv, "build/x/y"));
	CHECK(!ignore_match(&pv, "buildx"));
	CHECK(!ignore_match(&pv, "src/build.c"));
	CHECK(ignore_match(&pv, "tmp"));
	CHECK(ignore_match(&pv, "tmp/f"));
	CHECK(ignore_match(&pv, "a/b/tmp/c"));
	CHECK(!ignore_match(&pv, "a/tmpx"));
	CHECK(ignore_match(&pv, "abs"));
	CHECK(ignore_match(&pv, "abs/f"));
	CHECK(!ignore_match(&pv, "x/abs"));
	CHECK(ignore_match(&pv, "dot/x"));
	CHECK(ignore_match(&pv, "./dot/x/y"));
	CHECK(!ignore_match(&pv, "# a comment"));
	CHECK(!ignore_match(&pv, "src/main.c"));
	strv_free(&pv);
	unlink(".dockerignore");
	CHECK(ignore_load("missing/.dockerignore", &pv) == 0);
	CHECK(pv.n == 0);
	strv_free(&pv);
	/* As docker reads it: a '#' after a blank starts a pattern, and a
	 * UTF-8 byte order mark at the start is dropped. */
	put(".dockerignore", "\xEF\xBB\xBF" "first\n  #hash\n");
	CHECK(ignore_load(".dockerignore", &pv) == 0);
	CHECK_STR(join(&pv), "first #hash");
	strv_free(&pv);
	unlink(".dockerignore");
}

static void
test_ignore_match(void)
{
	/* the last matching pattern decides */
	CHECK(ignored("*.log !keep.log keep*", "keep.log"));
	CHECK(!ignored("*.log keep* !keep.log", "keep.log"));
	CHECK(!ignored("build !build/keep", "build/keep"));
	CHECK(ignored("build !build/keep", "build/other"));
	CHECK(ignored("build !build/keep", "build"));
	/* "**" is any number of directories, zero included */
	CHECK(ignored("**/*.o", "a.o"));
	CHECK(ignored("**/*.o", "x/y/a.o"));
	CHECK(ignored("a/**/b", "a/b"));
	CHECK(ignored("a/**/b", "a/x/y/b"));
	CHECK(!ignored("a/**/b", "c/x/b"));
	CHECK(ignored("a/**", "a/x/y"));
	CHECK(ignored("**", "anything/at/all"));
	CHECK(ignored("docs/**/*.md", "docs/a/b/c.md"));
	CHECK(!ignored("docs/**/*.md", "docs/a/b/c.txt"));
	/* filepath.Match globs */
	CHECK(ignored("?.c", "a.c"));
	CHECK(!ignored("?.c", "ab.c"));
	CHECK(ignored("[a-c].txt", "b.txt"));
	CHECK(!ignored("[^a-c].txt", "b.txt"));
	CHECK(ignored("*/x", "dir/x"));
	CHECK(!ignored("*/x", "a/b/x"));
	CHECK(!ignored("", "x"));
}

/* A context with a .dockerignore, and suites with a nested one. */
static void
make_tree(void)
{
	put("ctx/.dockerignore", "build\n*.log\n!keep.log\nnode_modules\n!build/keep.txt\n");
	put("ctx/Dockerfile", "FROM scratch\n");
	put("ctx/a.log", "x");
	put("ctx/keep.log", "x");
	put("ctx/src/main.c", "int main(void) { return 0; }\n");
	put("ctx/build/out.o", "x");
	put("ctx/build/keep.txt", "x");
	put("ctx/build/deep/y.o", "x");
	put("ctx/node_modules/m/index.js", "x");
	put("suites/a/task.yaml", "summary: a\n");
	put("suites/a/data/f", "x");
	put("suites/a/nested/task.yaml", "summary: nested\n");
	put("top", "x");
	if (symlink("main.c", "ctx/src/link") != 0 || symlink("src", "ctx/srclink") != 0)
		fatal(1, "symlink:");
}

/* List a group of PATHS minus EXCLUDE (space-separated) under ROOT. */
static int
list(const char *paths, const char *exclude, const char *root, struct strv *files, struct strv *dirs)
{
	struct group g = {.ignore_root = root};
	int rc;

	strv_free(files);
	strv_free(dirs);
	strv_split(&g.paths, paths);
	strv_split(&g.exclude, exclude);
	rc = group_list(&g, files, dirs);
	strv_free(&g.paths);
	strv_free(&g.exclude);
	return rc;
}

static void
test_group_list(void)
{
	struct strv files = {0}, dirs = {0};

	make_tree();
	CHECK(list("ctx", "", "ctx", &files, &dirs) == 0);
	CHECK_STR(join(&files), "ctx/.dockerignore ctx/Dockerfile ctx/build/keep.txt "
	          "ctx/keep.log ctx/src/link ctx/src/main.c ctx/srclink");
	/* build is walked (an exception reaches into it); build/deep and
	 * node_modules are not: nothing below them can be kept */
	CHECK_STR(join(&dirs), "ctx ctx/build ctx/src");
	CHECK(list("ctx/build", "", "ctx", &files, &dirs) == 0);
	CHECK_STR(join(&files), "ctx/build/keep.txt");
	CHECK_STR(join(&dirs), "ctx/build");
	CHECK(list("ctx/", "", NULL, &files, &dirs) == 0);
	CHECK(files.n == 11);
	CHECK(list("suites/a", "suites/a/nested", NULL, &files, &dirs) == 0);
	CHECK_STR(join(&files), "suites/a/data/f suites/a/task.yaml");
	CHECK_STR(join(&dirs), "suites/a suites/a/data");
	CHECK(list("./suites/a/ suites/a/task.yaml", "./suites/a/nested/", NULL, &files, &dirs) == 0);
	CHECK_STR(join(&files), "suites/a/data/f suites/a/task.yaml");
	CHECK(list(".", "ctx suites", NULL, &files, &dirs) == 0);
	CHECK_STR(join(&files), "top");
	CHECK_STR(join(&dirs), ".");
	/* A root that is a link is walked through it, as docker does. */
	CHECK(list("ctx/Dockerfile ctx/srclink", "", NULL, &files, &dirs) == 0);
	CHECK_STR(join(&files), "ctx/Dockerfile ctx/srclink/link ctx/srclink/main.c");
	CHECK_STR(join(&dirs), "ctx/srclink");
	CHECK(list("suites/a/nested/task.yaml", "suites/a/nested", NULL, &files, &dirs) == 0);
	CHECK(files.n == 0);
	fprintf(stderr, "(a warning about 'nope' follows)\n");
	CHECK(list("top nope", "", NULL, &files, &dirs) == -1);
	strv_free(&files);
	strv_free(&dirs);
}

/* A group that follows links brings in what a link inside the project
 * leads to, once; a link that leads outside is only itself. */
static void
test_follow(void)
{
	struct group g = {.follow = 1};
	struct strv files = {0}, dirs = {0};

	put("linked/shared/data.txt", "x");
	put("linked/suite/task.yaml", "execute: true\n");
	if (symlink("../shared/data.txt", "linked/suite/data") != 0 || symlink("../shared", "linked/suite/dir") != 0 ||
	    symlink("/etc/passwd", "linked/suite/outside") != 0 || symlink("..", "linked/suite/loop") != 0 ||
	    symlink("nowhere", "linked/suite/dangling") != 0)
		fatal(1, "symlink:");
	strv_push(&g.paths, "linked/suite");
	CHECK(group_list(&g, &files, &dirs) == 0);
	CHECK_STR(join(&files), "linked/shared/data.txt linked/suite/dangling linked/suite/data linked/suite/dir "
	    "linked/suite/loop linked/suite/outside linked/suite/task.yaml");
	CHECK_STR(join(&dirs), "linked linked/shared linked/suite");
	strv_free(&files), strv_free(&dirs);
	g.follow = 0;
	CHECK(group_list(&g, &files, &dirs) == 0);
	CHECK_STR(join(&files), "linked/suite/dangling linked/suite/data linked/suite/dir "
	    "linked/suite/loop linked/suite/outside linked/suite/task.yaml");
	strv_free(&files), strv_free(&dirs), strv_free(&g.paths);
}

/* A group of a directory that another walk entered takes its files from
 * that walk, as walking it would find them (links followed, nested suites
 * left out), and walks nothing again: a file added since is not seen. A
 * directory below which that walk left something out is walked. */
static void
test_walked(void)
{
	struct group all = {0}, g = {.follow = 1};
	struct listing found = {0};
	struct strv files = {0}, dirs = {0}, again = {0}, againdirs = {0};
	char *want;

	put("linked/suite/nested/task.yaml", "execute: true\n");
	put("linked/suite/sub/deeper.txt", "x");
	strv_push(&all.paths, "linked");
	strv_push(&all.exclude, "linked/suite/sub/deeper.txt");
	CHECK(group_walk(&all, &found) == 0);
	CHECK_STR(join(&found.links), "linked/suite/dangling linked/suite/data linked/suite/dir linked/suite/loop "
	    "linked/suite/outside");
	CHECK_STR(join(&found.exclude), "linked/suite/sub/deeper.txt");
	strv_push(&g.paths, "linked/suite");
	strv_push(&g.exclude, "linked/suite/nested");
	CHECK(group_list(&g, &again, &againdirs) == 0);	/* walked */
	g.walked = &found;
	CHECK(group_list(&g, &files, &dirs) == 0);	/* walked: below it, the walk left a file out */
	want = xstrdup(join(&again));
	CHECK_STR(join(&files), want);
	free(want), want = xstrdup(join(&againdirs));
	CHECK_STR(join(&dirs), want);
	free(want);
	strv_free(&files), strv_free(&dirs), strv_free(&again), strv_free(&againdirs);
	listing_free(&found);

	strv_free(&all.exclude);	/* the same walk, nothing left out */
	CHECK(group_walk(&all, &found) == 0);
	g.walked = NULL;
	CHECK(group_list(&g, &again, &againdirs) == 0);
	CHECK_STR(join(&again), "linked/shared/data.txt linked/suite/dangling linked/suite/data linked/suite/dir "
	    "linked/suite/loop linked/suite/outside linked/suite/sub/deeper.txt linked/suite/task.yaml");
	CHECK_STR(join(&againdirs), "linked linked/shared linked/suite linked/suite/sub");
	put("linked/suite/late.txt", "x");
	g.walked = &found;
	CHECK(group_list(&g, &files, &dirs) == 0);
	want = xstrdup(join(&again));
	CHECK_STR(join(&files), want);	/* late.txt unseen: nothing walked again */
	free(want), want = xstrdup(join(&againdirs));
	CHECK_STR(join(&dirs), want);
	free(want);
	strv_free(&files), strv_free(&dirs), strv_free(&again), strv_free(&againdirs);
	listing_free(&found);
	group_free(&all), group_free(&g);
}

int
main(void)
{
	scratch_enter("walk");

	test_ignore_load();
	test_ignore_match();
	test_group_list();
	test_follow();
	test_walked();
	scratch_leave();
	buf_free(&joined);
	return checks_done();
}
