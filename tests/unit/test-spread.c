/* spread.c: spread's cascade of systems, variants and environment, as
 * spread computes them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <regex.h>
#include <sys/stat.h>
#include "check.h"
#include "str.h"
#include "suite.h"
#include "spread.h"
#include "util.h"

static void
writefile(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (!f || fputs(text, f) < 0 || fclose(f) != 0)
		fatal(1, "write %s:", path);
}

static const char project[] =
	"project: p\n"
	"path: /p\n"
	"environment:\n"
	"  A: a\n"
	"  L: project\n"
	"  V/x,y: xy\n"
	"backends:\n"
	"  b:\n"
	"    environment:\n"
	"      L: backend\n"
	"    systems:\n"
	"      - one\n"
	"      - two:\n"
	"          variants: [+z]\n"
	"          environment:\n"
	"            V/z: zz\n"
	"suites:\n"
	"  s/:\n"
	"    summary: s\n"
	"    systems: [one, two]\n";

/* The variables of TASK on SYSTEM for VARIANT, as "NAME=value " each,
 * less the SPREAD_* ones. */
static char *
env_of(const struct spread *sp, const struct suite *task, const char *system, const char *variant)
{
	struct spread_job j;
	struct strv pairs = {0};
	struct buf b = {0};
	char *out;

	spread_job(sp, spread_system(sp, system), task, &j);
	spread_env(sp, &j, variant, &pairs);
	for (size_t i = 0; i + 1 < pairs.n; i += 2) {
		if (strncmp(pairs.v[i], "SPREAD_", 7) != 0)
			buf_printf(&b, "%s=%s ", pairs.v[i], pairs.v[i + 1]);
	}
	out = xstrdup(buf_str(&b));
	strv_free(&pairs);
	buf_free(&b);
	spread_job_free(&j);
	return out;
}

/* The variants of TASK on SYSTEM, joined by ' '; "-" when not selected. */
static char *
variants_of(const struct spread *sp, const struct suite *task, const char *system)
{
	struct spread_job j;
	struct buf b = {0};
	char *out;

	spread_job(sp, spread_system(sp, system), task, &j);
	for (size_t i = 0; i < j.variants.n; i++)
		buf_printf(&b, "%s%s", i ? " " : "", j.variants.v[i]);
	out = xstrdup(j.selected ? buf_str(&b) : "-");
	buf_free(&b);
	spread_job_free(&j);
	return out;
}

int
main(void)
{
	struct spread sp;
	struct suite *tasks;
	size_t n;
	struct strv dirs = {0};
	char *s;

	scratch_enter("spread");
	mkdir("s", 0755), mkdir("s/t", 0755), mkdir("s/u", 0755);
	writefile("spread.yaml", project);
	writefile("s/t/task.yaml", "summary: t\nenvironment:\n  B: $A-$L\n  L: task\nexecute: \"true\"\n");
	writefile("s/u/task.yaml", "summary: u\nsystems: [-two]\nvariants: [-y]\nexecute: \"true\"\n");
	CHECK(spread_load(&sp, "spread.yaml", 0) == 0);
	CHECK(spread_tasks(&sp, &tasks, &n, &dirs) == 0);
	CHECK(n == 2);
	if (n == 2) {
		/* Variants: the project's plainly, the system adds z, a task takes y away. */
		CHECK_STR((s = variants_of(&sp, &tasks[0], "one")), "x y");
		free(s);
		CHECK_STR((s = variants_of(&sp, &tasks[0], "two")), "x y z");
		free(s);
		CHECK_STR((s = variants_of(&sp, &tasks[1], "one")), "x");
		free(s);
		CHECK_STR((s = variants_of(&sp, &tasks[1], "two")), "-");
		free(s);
		/* A variable set again moves to its later place; V/z replaces V where it applies. */
		CHECK_STR((s = env_of(&sp, &tasks[0], "one", "x")), "A=a V=xy B=$A-$L L=task ");
		free(s);
		CHECK_STR((s = env_of(&sp, &tasks[0], "two", "z")), "A=a V=zz B=$A-$L L=task ");
		free(s);
		for (size_t i = 0; i < n; i++)
			suite_free(&tasks[i]);
	}
	free(tasks);
	strv_free(&dirs);
	spread_free(&sp);

	/* rename: sed expressions applied in order, as tar's --transform. */
	writefile("renamed.yaml", "project: p\npath: /p\nbackends:\n  b:\n    systems: [one]\nsuites:\n  s/:\n    summary: s\n"
	    "rename:\n  - 's,^s/,tests/,'\n  - 's/a/A/g'\n  - 's/o/0/2'\n  - 's|\\(.*\\)\\.txt$|\\1.md|'\n  - 's/X+/y/xi'\n  - 's/\\//_/3'\n");
	CHECK(spread_load(&sp, "renamed.yaml", 0) == 0);
	CHECK_STR((s = spread_rename(&sp, "s/t/task.yaml")), "tests/t/tAsk.yAml");
	free(s);
	CHECK_STR((s = spread_rename(&sp, "foo/boo.txt")), "fo0/boo.md");
	free(s);
	CHECK_STR((s = spread_rename(&sp, "xxx-data")), "y-dAtA");
	free(s);
	CHECK_STR((s = spread_rename(&sp, "a/b/c/d")), "A/b/c_d");
	free(s);
	spread_free(&sp);
	writefile("bad.yaml", "project: p\npath: /p\nbackends:\n  b:\n    systems: [one]\nsuites:\n  s/:\n    summary: s\nrename: ['s/a/b']\n");
	CHECK(spread_load(&sp, "bad.yaml", 0) == -1);
	scratch_leave();
	return checks_done();
}
