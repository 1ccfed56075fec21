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
#include "key.h"
#include "layout.h"
#include "proc.h"
#include "model.h"
#include "cmd.h"
#include "helper.h"
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

/* The recipe, with the directory as its last argument, into ROOT. */
static int
recipe(const struct distro *d, const char *root, const char *log, int fd)
{
	char *script = xasprintf("%s \"$1\"", d->rootfs);
	int st = proc_call(fd, "/bin/sh", "-c", script, "orchgen-rootfs", root, NULL);

	free(script);
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

int
cmd_base(struct cmdargs *a)
{
	struct matrix m;
	const struct distro *d;
	char id[256], *tag;
	int rc;

	if (!(d = helper_distro(&m, a)))
		return EXIT_USAGE;
	if (!d->rootfs) {
		warn("[distro %s] has no rootfs recipe in %s", a->distro, a->o.file);
		matrix_free(&m);
		return EXIT_USAGE;
	}
	tag = key_base_tag(&m, d);
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
