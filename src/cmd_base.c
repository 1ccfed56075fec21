/* orchgen base: a distro's base image built offline from a rootfs recipe,
 * then imported into the engine; or loaded, or pulled, as travel.h says. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "str.h"
#include "engine.h"
#include "file.h"
#include "hash.h"
#include "log.h"
#include "matrix.h"
#include "key.h"
#include "layout.h"
#include "proc.h"
#include "model.h"
#include "cmd.h"
#include "helper.h"
#include "retry.h"
#include "travel.h"
#include "util.h"

static int
empty_dir(const char *path)
{
	DIR *dir = opendir(path);
	struct dirent *e;
	int empty = 1;

	while (dir && empty && (e = readdir(dir)))
		empty = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..");
	if (dir)
		closedir(dir);
	return empty;
}

/* When a recipe that still runs says how far it got: 5s, 10s, 20s and
 * 40s after it started, then every minute. */
#define PROGRESS_FIRST_MS 5000
#define PROGRESS_DOUBLING_MS 40000
#define PROGRESS_EVERY_MS 60000

/* Say on the terminal the last line the recipe of D wrote to LOG, after
 * SECONDS. */
static void
progress(const struct distro *d, const char *log, long seconds)
{
	char *line = log_last_line(log), *msg = xasprintf("base-%s: %lds: %s", d->name, seconds, line);

	log_tty(msg);
	free(msg), free(line);
}

/* Run the recipe ARGV, output to FD (the log at LOG), to its end, saying
 * how far it got while it runs, as debootstrap takes minutes. Its exit
 * status, as proc_wait. */
static int
run_recipe(const struct distro *d, const struct strv *argv, const char *log, int fd)
{
	pid_t pid = proc_start(argv, fd);
	long ran = 0, next = PROGRESS_FIRST_MS;
	int st;

	if (pid < 0)
		return -1;
	while ((st = proc_wait(pid, next - ran)) == -2) {
		ran = next;
		progress(d, log, ran / 1000);
		next = ran < PROGRESS_DOUBLING_MS ? 2 * ran : ran + PROGRESS_EVERY_MS;
	}
	return st;
}

/* The recipe, with the directory as its last argument, into ROOT. */
static int
recipe(const struct distro *d, const char *root, const char *log, int fd)
{
	struct strv argv = {0};
	int st;

	strv_push(&argv, "/bin/sh"), strv_push(&argv, "-c");
	strv_take(&argv, xasprintf("%s \"$1\"", d->rootfs));
	strv_push(&argv, "orchgen-rootfs"), strv_push(&argv, root);
	st = run_recipe(d, &argv, log, fd);
	strv_free(&argv);
	if (st != 0) {
		log_tail(log, NULL, NULL, 20);
		warn("%s: [distro %s] the rootfs recipe failed (exit status %d): expected a command that fills the directory given as its last argument",
		    d->where, d->name, st);
		return EXIT_JOBFAIL;
	}
	if (empty_dir(root)) {
		log_tail(log, NULL, NULL, 20);
		warn("%s: [distro %s] the rootfs recipe left its directory empty: expected a root filesystem in the directory given as its last argument",
		    d->where, d->name);
		return EXIT_JOBFAIL;
	}
	return 0;
}

/* Recipe into a scratch directory, tar, import; the scratch is removed
 * whatever happens, so a failed recipe leaves nothing behind. */
static int
make_base(const struct matrix *m, const struct distro *d, const char *tag)
{
	char *rel = layout_stage(d->name, "rootfs"), *root = file_absolute(rel);
	char *tar = xasprintf("%s.tar", root), *log = layout_stage_log(d->name, "base");
	int fd = -1, rc;

	file_remove_tree(root), file_remove_tree(tar);
	if (file_mkdirs(root) < 0 || (fd = log_open(log, 0)) < 0)
		rc = EXIT_ENGINE;
	else
		rc = recipe(d, root, log, fd);
	if (rc == 0 && proc_call(fd, "tar", "--numeric-owner", "-cf", tar, "-C", root, ".", NULL) != 0) {
		warn("[distro %s] could not pack the root filesystem (see %s)", d->name, log);
		rc = EXIT_ENGINE;
	}
	struct owner owner = {m->project.name, key_checkout()};
	if (rc == 0 && engine_import(m->project.engine, tar, tag, &owner, fd) != 0) {
		log_tail(log, NULL, NULL, 10);
		warn("[distro %s] the engine could not import the root filesystem as %s", d->name, tag);
		rc = EXIT_ENGINE;
	}
	if (fd >= 0)
		close(fd);
	file_remove_tree(root), file_remove_tree(tar);
	free(rel), free(root), free(tar), free(log);
	return rc;
}

/* make_base()'s arguments, for travel_ensure(). */
struct make {
	const struct matrix *m;
	const struct distro *d;
	const char *tag;
};

static int
make_once(void *arg)
{
	const struct make *mk = arg;

	return make_base(mk->m, mk->d, mk->tag);
}

int
cmd_base(struct cmdargs *a)
{
	struct matrix m;
	const struct distro *d;
	char *tag, *log;
	int rc;

	if (!(d = helper_distro(&m, a)))
		return EXIT_USAGE;
	if (!d->rootfs) {
		warn("[distro %s] has no rootfs recipe in %s", a->distro, a->o.file);
		matrix_free(&m);
		return EXIT_USAGE;
	}
	tag = key_base_tag(&m, d);
	log = layout_stage_log(d->name, "base");
	struct make mk = {&m, d, tag};
	rc = travel_ensure(&m, d, tag, log, 0, make_once, &mk);
	if (rc == RETRY_HOPELESS)
		rc = EXIT_ENGINE;
	if (rc == 0) {
		char *line = xasprintf("%s\n", tag);
		rc = file_update(a->out, line, strlen(line)) < 0 ? EXIT_ENGINE : 0;
		free(line);
	}
	rc = helper_stage_ended(d, "base", rc);
	free(tag), free(log);
	matrix_free(&m);
	return rc;
}
