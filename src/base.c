/* orchgen base: a distro's base image built offline from a rootfs recipe,
 * then imported into the engine. */
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
#include "layout.h"
#include "container.h"
#include "proc.h"
#include "suite.h"
#include "model.h"
#include "cmd.h"
#include "helper.h"
#include "util.h"

/* Bumped when what goes into a base key changes meaning. */
#define BASE_SCHEME "orchgen-base-1"

char *
base_tag(const struct matrix *m, const struct distro *d)
{
	struct hasher h;
	char hex[HASH_HEX + 1];

	hasher_init(&h);
	hasher_add(&h, BASE_SCHEME);
	hasher_add(&h, d->rootfs);
	hasher_end(&h, hex);
	return xasprintf("%s-base-%s:%.16s", m->project.name, d->name, hex);
}

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

/* The recipe, with the directory as its last argument, into ROOT. */
static int
recipe(const struct distro *d, const char *root, const char *log, int fd)
{
	char *script = xasprintf("%s \"$1\"", d->rootfs);
	int st = proc_call(fd, "/bin/sh", "-c", script, "orchgen-rootfs", root, NULL);

	free(script);
	if (st != 0) {
		log_tail(log, 20);
		warn("%s: [distro %s] the rootfs recipe failed (exit status %d): expected a command that fills the directory given as its last argument",
		    d->where, d->name, st);
		return EXIT_JOBFAIL;
	}
	if (empty_dir(root)) {
		log_tail(log, 20);
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
	char *rel = stage_path(d, "rootfs"), *root = absolute(rel);
	char *tar = xasprintf("%s.tar", root), *log = stage_path(d, "base.log");
	int fd = -1, rc;

	proc_call(-1, "rm", "-rf", root, tar, NULL);
	if (file_mkdirs(root) < 0 || (fd = log_open(log, 0)) < 0)
		rc = EXIT_ENGINE;
	else
		rc = recipe(d, root, log, fd);
	if (rc == 0 && proc_call(fd, "tar", "--numeric-owner", "-cf", tar, "-C", root, ".", NULL) != 0) {
		warn("[distro %s] could not pack the root filesystem (see %s)", d->name, log);
		rc = EXIT_ENGINE;
	}
	if (rc == 0 && engine_import(m->project.engine, tar, tag, m->project.name, fd) != 0) {
		log_tail(log, 10);
		warn("[distro %s] the engine could not import the root filesystem as %s", d->name, tag);
		rc = EXIT_ENGINE;
	}
	if (fd >= 0)
		close(fd);
	proc_call(-1, "rm", "-rf", root, tar, NULL);
	free(rel), free(root), free(tar), free(log);
	return rc;
}

int
cmd_base(struct cmdargs *a)
{
	struct matrix m;
	const struct distro *d;
	char id[256], *tag;
	int rc;

	if (!a->distro || !a->out)
		fatal(EXIT_USAGE, "usage: orchgen base [-f FILE] --distro D -o FILE");
	if (!(d = helper_distro(&m, a)))
		return EXIT_USAGE;
	if (!d->rootfs) {
		warn("[distro %s] has no rootfs recipe in %s", a->distro, a->o.file);
		matrix_free(&m);
		return EXIT_USAGE;
	}
	tag = base_tag(&m, d);
	rc = engine_image_id(m.project.engine, tag, id, sizeof(id));
	if (rc < 0)
		rc = EXIT_ENGINE;
	else if (rc > 0)
		rc = make_base(&m, d, tag);
	if (rc == 0) {
		char *line = xasprintf("%s\n", tag);
		rc = file_update(a->out, line, strlen(line)) < 0 ? EXIT_ENGINE : 0;
		free(line);
	}
	free(tag);
	matrix_free(&m);
	return rc;
}
