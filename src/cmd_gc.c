/* orchgen gc: what the project left behind. Its containers (left after a
 * kill -9 or on an engine lost mid-job, kept, or started by orchgen up)
 * and image tags no distro uses any more, on every engine; archives of
 * the image cache no distro's key names; every file under .orch that no
 * current job, suite, input or distro names (the layout says what each
 * one's files are); with
 * --caches, the caches and build directories too, removed through the
 * engine because containers wrote them as root. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "str.h"
#include "engine.h"
#include "file.h"
#include "hash.h"
#include "matrix.h"
#include "key.h"
#include "layout.h"
#include "suite.h"
#include "walk.h"
#include "inputs.h"
#include "driver.h"
#include "container.h"
#include "model.h"
#include "cmd.h"
#include "helper.h"
#include "engines.h"
#include "util.h"

static int
containers(const struct project *p)
{
	struct owner owner = {p->name, key_checkout()};
	struct strv names = {0};

	if (engine_containers(p->engine, &owner, &names) < 0)
		return -1;
	for (size_t i = 0; i < names.n; i++) {
		engine_remove(p->engine, names.v[i]);
		printf("removed container %s\n", names.v[i]);
	}
	strv_free(&names);
	return 0;
}

/* The tags the current distros' records name: their images and bases. */
static void
recorded_tags(const struct matrix *m, struct strv *tags)
{
	for (size_t i = 0; i < m->ndistros; i++) {
		char *paths[] = {layout_image(m->distros[i].name), layout_base(m->distros[i].name)};
		for (size_t k = 0; k < 2; k++) {
			char *tag = helper_read_recorded(paths[k]);
			if (tag && *tag)
				strv_take(tags, tag);
			else
				free(tag);
			free(paths[k]);
		}
	}
}

static int
images(const struct matrix *m)
{
	const struct project *p = &m->project;
	struct owner owner = {p->name, key_checkout()};
	struct strv refs = {0}, keep = {0};

	if (engine_images(p->engine, &owner, &refs) < 0)
		return -1;
	recorded_tags(m, &keep);
	for (size_t i = 0; i < refs.n; i++) {
		const char *r = refs.v[i];
		if (strv_contains(&keep, r))
			continue;
		if (engine_rmi(p->engine, r) == 0)
			printf("removed image %s%s\n", r, strchr(r, ':') ? "" : " (untagged)");
	}
	strv_free(&refs), strv_free(&keep);
	return 0;
}

/* The project's volumes on the engine in use (caches and build
 * directories on an engine that shares no files) that no current cache
 * or distro names, or every one (ALL). */
static int
volumes(const struct matrix *m, int all)
{
	const struct project *p = &m->project;
	struct owner owner = {p->name, key_checkout()};
	struct strv names = {0}, keep = {0};

	if (engine_volumes(p->engine, &owner, &names) < 0)
		return -1;
	for (size_t i = 0; !all && i < m->ncaches; i++) {
		for (size_t k = 0; k < m->ndistros; k++)
			strv_take(&keep, engines_volume(m, &m->caches[i], m->distros[k].name));
	}
	for (size_t k = 0; !all && m->project.build && k < m->ndistros; k++)
		strv_take(&keep, engines_build_volume(m, m->distros[k].name));
	for (size_t i = 0; i < names.n; i++) {
		if (!strv_contains(&keep, names.v[i]) && engine_volume_rm(p->engine, names.v[i]) == 0)
			printf("removed volume %s\n", names.v[i]);
	}
	strv_free(&names), strv_free(&keep);
	return 0;
}

/* The containers and unused tags on the local default engine, then on
 * each other [engine], and its unused volumes (all of them with
 * CACHES): one that does not answer is said, and the others still
 * swept. 0, or -1 when one did not answer. */
static int
every_engine(const struct matrix *m, int caches)
{
	int rc = containers(&m->project) < 0 || images(m) < 0 ? -1 : 0;

	for (size_t i = 0; i < m->nengines; i++) {
		const struct engine *e = &m->engines[i];
		if (matrix_engine_local(e))
			continue;
		engines_use(e);
		if (containers(&m->project) < 0 || images(m) < 0 || volumes(m, caches) < 0) {
			warn("engine %s: not swept", e->name);
			rc = -1;
		}
	}
	engines_use(NULL);
	return rc;
}

/* An archive of the image cache, by age. */
struct archive {
	char *path;
	struct timespec mtime;
};

static int
newest_first(const void *a, const void *b)
{
	const struct archive *x = a, *y = b;

	if (x->mtime.tv_sec != y->mtime.tv_sec)
		return x->mtime.tv_sec < y->mtime.tv_sec ? 1 : -1;
	if (x->mtime.tv_nsec != y->mtime.tv_nsec)
		return x->mtime.tv_nsec < y->mtime.tv_nsec ? 1 : -1;
	return strcmp(x->path, y->path);
}

/* Remove the archives of REPO in the image cache DIR but CURRENT's and the
 * KEEP most recent others, each said; and what saves that were stopped
 * left behind. */
static void
sweep_archives(const char *dir, const char *repo, const char *current, int keep)
{
	char *rdir = layout_archive_dir(dir, repo), *kept = layout_archive(dir, current);
	DIR *d = opendir(rdir);
	struct archive *v = NULL;
	struct dirent *e;
	struct stat st;
	size_t n = 0;

	while (d && (e = readdir(d))) {
		char *path = xasprintf("%s/%s", rdir, e->d_name);
		if (!layout_is_archive(e->d_name) || !strcmp(path, kept) || lstat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(path);
			continue;
		}
		v = xrealloc(v, (n + 1) * sizeof(*v));
		v[n++] = (struct archive){path, st.st_mtim};
	}
	if (d)
		closedir(d);
	if (n > 1)
		qsort(v, n, sizeof(*v), newest_first);
	for (size_t i = 0; i < n; i++) {
		if (i >= (size_t)keep && unlink(v[i].path) == 0)
			printf("removed %s\n", v[i].path);
		else if (i >= (size_t)keep)
			warn("remove %s:", v[i].path);
		free(v[i].path);
	}
	file_clean_temporaries_in(rdir);
	free(v), free(rdir), free(kept);
}

/* The archives of the image cache that no distro's current key names, but
 * the KEEP most recent of each image and base: removed. An image's key is
 * the one its record names; without a record, every archive of it stays. */
static void
archives(const struct matrix *m, int keep)
{
	const char *dir = m->project.image_cache;

	for (size_t i = 0; dir && i < m->ndistros; i++) {
		const struct distro *d = &m->distros[i];
		char *repo = key_image_repo(m, d), *record = layout_image(d->name), *tag = helper_read_recorded(record);
		size_t n = strlen(repo);
		if (tag && !strncmp(tag, repo, n) && tag[n] == ':')
			sweep_archives(dir, repo, tag, keep);
		else
			warn("image cache %s: no image of %s is recorded here (ninja has not made it yet): its archives are kept", dir, d->name);
		free(repo), free(record), free(tag);
		if (d->rootfs) {
			repo = key_base_repo(m, d), tag = key_base_tag(m, d);
			sweep_archives(dir, repo, tag, keep);
			free(repo), free(tag);
		}
	}
}

/* Add the hash file of IN and its stat cache to LIVE. */
static void
live_input(struct input *in, struct strv *live)
{
	strv_push(live, in->out);
	strv_take(live, layout_stat_cache(in->out));
	input_free(in);
}

/* The stage files of distro D that its configuration makes. */
static void
live_stages(const struct matrix *m, const struct distro *d, struct strv *live)
{
	strv_take(live, layout_image(d->name));
	strv_take(live, layout_present(d->name));
	strv_take(live, layout_stage_log(d->name, "image"));
	strv_take(live, layout_record(d->name, "image"));
	strv_take(live, layout_stage_failed(d->name, "image"));
	if (!m->project.dockerfile)
		strv_take(live, layout_stage(d->name, "base-only"));
	if (d->rootfs) {
		strv_take(live, layout_base(d->name));
		strv_take(live, layout_stage_log(d->name, "base"));
		strv_take(live, layout_stage_failed(d->name, "base"));
	}
	for (int build = 0; build <= 1; build++) {
		const char *stage = build ? "build" : "warm";
		if (build ? !m->project.build : !matrix_warms(m))
			continue;
		strv_take(live, layout_stage(d->name, stage));
		strv_take(live, layout_stage_log(d->name, stage));
		strv_take(live, layout_stage_stamp(d->name, stage));
		strv_take(live, layout_stage_failed(d->name, stage));
	}
}

/* Every path under .orch that the model names, but the caches and build
 * directories, which only --caches removes. */
static void
live_paths(const struct model *md, struct strv *live)
{
	const struct matrix *m = &md->matrix;
	struct input in;

	for (size_t i = 0; i < md->njobs; i++) {
		for (int k = 0; k < JOB_NPATHS; k++) {
			if (k != JOB_KEPT)	/* gc removed every kept container */
				strv_take(live, layout_job(k, md->jobs[i].file));
		}
	}
	for (size_t i = 0; i < md->nsuites; i++) {
		input_suite(md->suites, md->nsuites, i, md->found, md->output, &in);
		live_input(&in, live);
	}
	if (input_context(m, NULL, &in) == 0)
		live_input(&in, live);
	if (input_sources(m, NULL, &in) == 0)
		live_input(&in, live);
	if (input_warm(m, NULL, &in) == 0)
		live_input(&in, live);
	for (size_t i = 0; i < m->ndistros; i++)
		live_stages(m, &m->distros[i], live);
	strv_uniq(live);
}

/* Is PATH a live path (2), a directory above one (1), or dead (0)? */
static int
liveness(const struct strv *live, const char *path)
{
	size_t at = strv_lower_bound(live, path), n = strlen(path);
	char *below;

	if (at < live->n && !strcmp(live->v[at], path))
		return 2;
	below = xasprintf("%s/", path);
	at = strv_lower_bound(live, below);
	free(below);
	return at < live->n && !strncmp(live->v[at], path, n) && live->v[at][n] == '/';
}

/* Remove what below DIR is not live, printing each path removed. */
static void
sweep(const char *dir, const struct strv *live)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct strv names = {0};

	if (!d)
		return;
	while ((e = readdir(d))) {
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			strv_push(&names, e->d_name);
	}
	closedir(d);
	strv_sort(&names);
	for (size_t i = 0; i < names.n; i++) {
		char *path = xasprintf("%s/%s", dir, names.v[i]);
		int l = liveness(live, path);
		if (l == 1)
			sweep(path, live);
		else if (l == 0 && file_remove_tree(path) == 0)
			printf("removed %s\n", path);
		free(path);
	}
	strv_free(&names);
}

static void
dead_state(const struct model *md)
{
	struct strv live = {0};

	live_paths(md, &live);
	for (size_t i = 0; layout_state_roots[i]; i++)
		sweep(layout_state_roots[i], &live);
	for (int k = 0; k < JOB_NPATHS; k++)
		sweep(layout_job_root(k), &live);
	strv_free(&live);
}

/* rm -rf of the caches and build directories, inside a container of one
 * of the project's images (the files may be root's), then on the host. */
static int
caches(const struct model *md)
{
	static const char *const dirs[] = {ORCH "/cache", ORCH "/build"};
	const struct matrix *m = &md->matrix;
	int there[2], any = 0, rc = 0;
	struct strv tags = {0};
	char id[256];

	for (size_t i = 0; i < m->ndistros; i++) {
		char *stamps[] = {layout_stage_stamp(m->distros[i].name, "warm"), layout_stage_stamp(m->distros[i].name, "build")};
		for (size_t k = 0; k < 2; k++) {
			if (unlink(stamps[k]) != 0 && errno != ENOENT)
				warn("remove %s:", stamps[k]);
			free(stamps[k]);
		}
	}
	for (size_t i = 0; i < 2; i++)
		any |= there[i] = access(dirs[i], F_OK) == 0;
	if (!any)
		return 0;
	recorded_tags(m, &tags);
	for (size_t i = 0; i < tags.n; i++) {
		char *run = layout_gc(), *log = layout_gc_log();
		struct container c;
		if (engine_image_id(m->project.engine, tags.v[i], id, sizeof(id)) != 0 || driver_write(run, "rm -rf /.orch/cache /.orch/build\n") < 0) {
			free(run), free(log);
			continue;
		}
		container_init(&c, m, &m->distros[0], tags.v[i], "gc", "gc");
		container_mount(&c, ORCH, "/.orch", 0);
		rc = container_run(&c, run, log, 0, 0);
		container_free(&c);
		free(run), free(log);
		break;
	}
	strv_free(&tags);
	for (size_t i = 0; i < 2; i++) {
		if (!there[i])
			continue;
		if (file_remove_tree(dirs[i]) == 0 && access(dirs[i], F_OK) != 0) {
			printf("removed %s\n", dirs[i]);
			continue;
		}
		warn("could not remove %s%s", dirs[i], rc == -1 ? " (the engine did not answer)" : "");
		rc = -1;
	}
	return rc;
}

int
cmd_gc(struct cmdargs *a)
{
	struct model md;
	int rc;

	if (model_load(&md, &a->o) < 0)
		return EXIT_USAGE;
	rc = every_engine(&md.matrix, a->caches);
	dead_state(&md);
	archives(&md.matrix, a->keep_archives);
	if (rc == 0 && a->caches)
		rc = caches(&md);
	model_free(&md);
	return rc < 0 ? EXIT_ENGINE : 0;
}
