/* orchgen retest: the edge helper of retest-D, retest-D/S and
 * retest-D/S:V. Those are the names of one phony of D's retest edge (a
 * name a job, not an edge of its own), and Ninja tells an edge nothing of
 * the target it was asked for: so the helper reads the retest targets of D
 * from the command line of the Ninja that runs it. It forgets the passes
 * of the jobs that the matching test-... targets run, then has Ninja build
 * those: the hashes, image and stages brought up to date first, and each
 * job run by its own test edge, as `ninja test-...` would run it. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "str.h"
#include "file.h"
#include "matrix.h"
#include "layout.h"
#include "suite.h"
#include "model.h"
#include "cmd.h"
#include "util.h"

/* Does job J belong to FILE, retested: the job's own, its suite's on its
 * distro ("D/S", all variants), or its distro's ("D", but manual jobs)? */
static int
selected(const struct job *j, const char *file)
{
	const char *d = j->distro->name, *s = j->suite->name;
	size_t n = strlen(d);

	if (!strcmp(j->file, file))
		return 1;
	if (strncmp(file, d, n) != 0)
		return 0;
	if (!file[n])
		return !j->manual;
	return j->variant && file[n] == '/' && !strcmp(file + n + 1, s);
}

/* The parent of process PID, from /proc; 0 when not known. */
static pid_t
parent(pid_t pid)
{
	char path[64], *text, *close;
	long ppid = 0;

	snprintf(path, sizeof(path), "/proc/%ld/stat", (long)pid);
	if (!(text = file_read(path, NULL)))
		return 0;
	if ((close = strrchr(text, ')')))	/* the name may hold anything */
		sscanf(close + 1, " %*c %ld", &ppid);
	free(text);
	return (pid_t)ppid;
}

/* Is the program PID runs a Ninja (ninja, ninja-build, samu)? Its path. */
static char *
ninja_of(pid_t pid)
{
	char path[64], exe[PATH_MAX];
	const char *base;
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%ld/exe", (long)pid);
	if ((n = readlink(path, exe, sizeof(exe) - 1)) <= 0)
		return NULL;
	exe[n] = '\0';
	base = strrchr(exe, '/') ? strrchr(exe, '/') + 1 : exe;
	return !strncmp(base, "ninja", 5) || !strcmp(base, "samu") ? xstrdup(exe) : NULL;
}

/* Does option letter C of Ninja take a value? */
static int
takes_value(char c)
{
	return c && strchr("dfjklCtw", c) != NULL;
}

/* Ninja's command line (process PID's): the options that say how to build
 * (-j, -k, -l) added to OPTS as given, its targets to TARGETS, as it reads
 * them. -1 when it cannot be read. */
static int
ninja_args(pid_t pid, struct strv *opts, struct strv *targets)
{
	char path[64], *cmdline, *end, *next;
	size_t len;
	int dashdash = 0;

	snprintf(path, sizeof(path), "/proc/%ld/cmdline", (long)pid);
	if (!(cmdline = file_read(path, &len)))
		return -1;
	end = cmdline + len;
	for (char *arg = cmdline + strlen(cmdline) + 1; arg < end; arg = next) {
		next = arg + strlen(arg) + 1;
		if (dashdash || arg[0] != '-' || !arg[1]) {
			strv_take(targets, file_clean(arg, 0));
			continue;
		}
		dashdash = !strcmp(arg, "--");
		for (char *c = arg[1] != '-' ? arg + 1 : ""; *c; c++) {	/* -vj4, -j 4: getopt's */
			if (!takes_value(*c))
				continue;
			char *value = c[1] ? c + 1 : next < end ? next : NULL;
			if (value && strchr("jkl", *c))
				strv_take(opts, xasprintf("-%c%s", *c, value));
			if (value == next)
				next += strlen(next) + 1;
			break;
		}
	}
	free(cmdline);
	return 0;
}

/* The Ninja that runs this helper (through sh): the nearest ancestor that
 * is one. Its program, with its -j, -k and -l, in ARGV, and the targets
 * it was asked for in TARGETS; -1 (warned) when there is none. */
static int
running_ninja(struct strv *argv, struct strv *targets)
{
	pid_t pid = getppid();
	char *exe = NULL;

	for (int up = 0; up < 4 && pid > 1 && !(exe = ninja_of(pid)); up++)
		pid = parent(pid);
	if (exe) {
		strv_take(argv, exe);
		if (ninja_args(pid, argv, targets) == 0)
			return 0;
	}
	warn("retest: no Ninja runs this helper, or its command line cannot be read: run ninja retest-...");
	return -1;
}

/* The retest targets of D among TARGETS, each as the file of what it
 * reruns ("D", "D/S", "D/S:V"). */
static void
retest_files(const char *d, const struct strv *targets, struct strv *files)
{
	char *name = layout_target("retest", d);
	size_t n = strlen(name);

	for (size_t i = 0; i < targets->n; i++) {
		const char *t = targets->v[i];
		if (!strncmp(t, name, n) && (!t[n] || t[n] == '/'))
			strv_take(files, t[n] ? layout_job_file(d, t + n + 1, NULL) : xstrdup(d));
	}
	free(name);
}

/* Forget the passes of the jobs FILE selects: 0, or an exit status
 * (warned) when a stamp cannot be removed, or FILE names a job or suite
 * that has none (a distro may have no job). */
static int
forget(const struct model *md, const char *file)
{
	size_t found = 0;
	int rc = 0;

	for (size_t i = 0; i < md->njobs; i++) {
		if (!selected(&md->jobs[i], file))
			continue;
		char *stamp = layout_job(JOB_STAMP, md->jobs[i].file);
		if (unlink(stamp) != 0 && errno != ENOENT) {
			warn("remove %s:", stamp);
			rc = EXIT_ENGINE;
		}
		free(stamp);
		found++;
	}
	if (found == 0 && strchr(file, '/')) {
		warn("retest-%s: no job to run again: expected a target of build.ninja (orchgen list --targets)", file);
		rc = EXIT_USAGE;
	}
	return rc;
}

/* Forget the passes of what FILES name, and add the test targets that run
 * them again to ARGV. 0, or an exit status (warned). */
static int
forget_all(const struct cmdargs *a, const struct strv *files, struct strv *argv)
{
	struct model md;
	int rc = 0;

	if (model_load(&md, &a->o) < 0)
		return EXIT_USAGE;
	for (size_t i = 0; rc == 0 && i < files->n; i++) {
		rc = forget(&md, files->v[i]);
		strv_take(argv, layout_job_target("test", files->v[i]));
	}
	model_free(&md);
	return rc;
}

int
cmd_retest(struct cmdargs *a)
{
	struct strv argv = {0}, targets = {0}, files = {0};
	int rc = EXIT_USAGE;

	if (running_ninja(&argv, &targets) == 0)
		retest_files(a->distro, &targets, &files);
	if (argv.n > 0 && files.n == 0)
		warn("retest-%s: Ninja was not asked for retest-%s or retest-%s/...: name them on its command line "
		    "(through another target, which of them it was cannot be told)", a->distro, a->distro, a->distro);
	if (files.n > 0) {
		strv_push(&argv, "-f"), strv_push(&argv, a->o.output);
		rc = forget_all(a, &files, &argv);
	}
	if (rc == 0) {
		strv_take(&argv, NULL), argv.n--;
		fflush(NULL);
		execv(argv.v[0], argv.v);
		warn("%s:", argv.v[0]);
		rc = EXIT_ENGINE;
	}
	strv_free(&argv), strv_free(&targets), strv_free(&files);
	return rc;
}
