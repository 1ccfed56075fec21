/* orchgen gc: what the project left behind. Leftover containers (after a
 * kill -9), image tags no distro uses any more, results, stamps and logs of
 * jobs that no longer exist; with --caches, the caches and build
 * directories too, removed through the engine because containers wrote
 * them as root. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "str.h"
#include "engine.h"
#include "file.h"
#include "matrix.h"
#include "layout.h"
#include "suite.h"
#include "model.h"
#include "container.h"
#include "proc.h"
#include "walk.h"
#include "cmd.h"
#include "helper.h"
#include "util.h"

/* The first line of every file in DIR (the tags orchgen recorded). */
static void
recorded(const char *dir, struct strv *tags)
{
	struct group g = {0};
	struct strv files = {0}, dirs = {0};
	struct stat st;

	if (stat(dir, &st) != 0)
		return;
	strv_push(&g.paths, dir);
	if (group_list(&g, &files, &dirs) == 0) {
		for (size_t i = 0; i < files.n; i++) {
			char *s = helper_recorded(files.v[i], "gc");
			if (s)
				strv_take(tags, s);
		}
	}
	group_free(&g), strv_free(&files), strv_free(&dirs);
}

static int
containers(const struct project *p)
{
	struct strv names = {0};

	if (engine_containers(p->engine, p->name, &names) < 0)
		return -1;
	for (size_t i = 0; i < names.n; i++) {
		engine_remove(p->engine, names.v[i]);
		printf("removed container %s\n", names.v[i]);
	}
	strv_free(&names);
	return 0;
}

static int
images(const struct project *p)
{
	struct strv refs = {0}, keep = {0};

	if (engine_images(p->engine, p->name, &refs) < 0)
		return -1;
	recorded(".orch/image", &keep);
	recorded(".orch/base", &keep);
	for (size_t i = 0; i < refs.n; i++) {
		const char *r = refs.v[i];
		if (strv_contains(&keep, r) || strstr(r, "<none>"))
			continue;
		if (engine_rmi(p->engine, r) == 0)
			printf("removed image %s\n", r);
	}
	strv_free(&refs), strv_free(&keep);
	return 0;
}

/* Files under ROOT named "<job file>SUFFIX" for no job of the model. */
static void
dead(const struct model *md, const char *root, const char *suffix)
{
	struct group g = {0};
	struct strv files = {0}, dirs = {0};
	struct stat st;
	size_t rlen = strlen(root) + 1, slen = strlen(suffix);

	if (stat(root, &st) != 0)
		return;
	strv_push(&g.paths, root);
	if (group_list(&g, &files, &dirs) == 0) {
		for (size_t i = 0; i < files.n; i++) {
			const char *f = files.v[i];
			size_t n = strlen(f) - rlen;
			int live = strlen(f) < rlen + slen || strcmp(f + rlen + n - slen, suffix) != 0;
			for (size_t k = 0; !live && k < md->njobs; k++)
				live = strlen(md->jobs[k].file) == n - slen && !strncmp(md->jobs[k].file, f + rlen, n - slen);
			if (!live && unlink(f) == 0)
				printf("removed %s\n", f);
		}
	}
	group_free(&g), strv_free(&files), strv_free(&dirs);
}

/* Remove a stamp (taken), so that its stage runs again. */
static void
forget(char *stamp)
{
	if (unlink(stamp) != 0 && errno != ENOENT)
		warn("remove %s:", stamp);
	free(stamp);
}

/* rm -rf of orchgen's own directories, inside a container of one of the
 * project's images (the files may be root's), then on the host. */
static int
caches(const struct model *md)
{
	const struct matrix *m = &md->matrix;
	struct strv tags = {0};
	char id[256];
	int rc = 0;

	for (size_t i = 0; i < m->ndistros; i++) {
		forget(stage_stamp(&m->distros[i], "warm"));
		forget(stage_stamp(&m->distros[i], "build"));
	}
	recorded(".orch/image", &tags);
	for (size_t i = 0; i < tags.n; i++) {
		if (engine_image_id(m->project.engine, tags.v[i], id, sizeof(id)) != 0)
			continue;
		struct container c;
		container_init(&c, m, &m->distros[0], tags.v[i], "gc", "gc");
		container_mount(&c, ".orch", "/.orch", 0);
		strv_push(&c.command, "/bin/sh"), strv_push(&c.command, "-c");
		strv_push(&c.command, "rm -rf /.orch/cache /.orch/build; echo '" CONTAINER_END "0'");
		rc = container_run(&c, ".orch/gc.log", 0, 0);
		container_free(&c);
		break;
	}
	if (proc_call(-1, "rm", "-rf", ".orch/cache", ".orch/build", NULL) != 0 || access(".orch/cache", F_OK) == 0 || access(".orch/build", F_OK) == 0) {
		warn("could not remove .orch/cache and .orch/build%s", rc == -1 ? " (the engine did not answer)" : "");
		rc = -1;
	} else {
		printf("removed .orch/cache and .orch/build\n");
	}
	strv_free(&tags);
	return rc;
}

int
cmd_gc(struct cmdargs *a)
{
	struct model md;
	int rc;

	if (model_load(&md, &a->o) < 0)
		return EXIT_USAGE;
	rc = containers(&md.matrix.project);
	if (rc == 0)
		rc = images(&md.matrix.project);
	dead(&md, ".orch/results", ".json");
	dead(&md, ".orch/stamp", ".ok");
	dead(&md, ".orch/logs", ".log");
	if (rc == 0 && a->caches)
		rc = caches(&md);
	model_free(&md);
	return rc < 0 ? EXIT_ENGINE : 0;
}
