#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "str.h"
#include "hash.h"
#include "matrix.h"
#include "key.h"
#include "layout.h"
#include "util.h"

const char *const layout_own_state[] = {ORCH, "build.ninja", ".ninja_log", ".ninja_deps", NULL};
const char *const layout_mounts[] = {MOUNT_WORKSPACE, MOUNT_WORKSPACE_COPY, MOUNT_BUILD, MOUNT_RUN,
    MOUNT_STATUS, MOUNT_ARTIFACTS, NULL};
const char *const layout_state_roots[] = {ORCH "/hash", ORCH "/image", ORCH "/base", ORCH "/stage",
    ORCH "/rebuild", ORCH "/up", ORCH "/present", NULL};

/* Per-job paths: ROOT/FILE SUFFIX. Suffixed so that a suite nested in
 * another (main and main/sub) never needs a file and a directory of one
 * name; artifacts keep the job's name, as people browse them. */
static const struct {
	const char *root, *suffix;
} jobs[JOB_NPATHS] = {
	[JOB_STAMP] = {ORCH "/stamp", ".ok"},
	[JOB_LOG] = {ORCH "/logs", ".log"},
	[JOB_RESULT] = {ORCH "/results", ".json"},
	[JOB_RUN] = {ORCH "/run", ".d"},
	[JOB_ARTIFACTS] = {ORCH "/artifacts", ""},
	[JOB_RETEST] = {ORCH "/retest", ".always"},
	[JOB_KEPT] = {ORCH "/kept", ".name"},
};

char *
layout_hash(const char *name)
{
	return str_join(ORCH "/hash/", name, NULL);
}

char *
layout_suite_hash(const char *suite)
{
	return str_join(ORCH "/hash/suite/", suite, ".hash", NULL);
}

char *
layout_stat_cache(const char *hash)
{
	return str_join(hash, ".stat", NULL);
}

char *
layout_base(const char *distro)
{
	return str_join(ORCH "/base/", distro, NULL);
}

char *
layout_image(const char *distro)
{
	return str_join(ORCH "/image/", distro, NULL);
}

char *
layout_present(const char *distro)
{
	return str_join(ORCH "/present/", distro, NULL);
}

char *
layout_rebuild(const char *distro)
{
	return str_join(ORCH "/rebuild/", distro, NULL);
}

char *
layout_stage(const char *distro, const char *name)
{
	return str_join(ORCH "/stage/", distro, "/", name, NULL);
}

char *
layout_stage_log(const char *distro, const char *stage)
{
	return str_join(ORCH "/stage/", distro, "/", stage, ".log", NULL);
}

char *
layout_record(const char *distro, const char *stage)
{
	return str_join(ORCH "/stage/", distro, "/", stage, ".inputs", NULL);
}

char *
layout_stage_failed(const char *distro, const char *stage)
{
	return str_join(ORCH "/stage/", distro, "/", stage, ".failed", NULL);
}

char *
layout_stage_stamp(const char *distro, const char *stage)
{
	return str_join(ORCH "/stage/", distro, "/", stage, ".ok", NULL);
}

char *
layout_cache(const char *name, const char *distro, int per_distro)
{
	if (per_distro)
		return str_join(ORCH "/cache/", name, "/", distro, NULL);
	return str_join(ORCH "/cache/", name, NULL);
}

char *
layout_build(const char *distro)
{
	return str_join(ORCH "/build/", distro, NULL);
}

char *
layout_carried_stamp(const char *dir, const char *stage, const char *distro)
{
	return xasprintf("%s/.orchgen-%s-%s.ok", dir, stage, distro);
}

/* The stamps of STAGE of D in the directories it fills: as this host
 * has them, or (MOUNTED) where a container mounts them. */
static void
carried(const struct matrix *m, const struct distro *d, const char *stage, int mounted, struct strv *out)
{
	char *dir;

	if (!strcmp(stage, "build")) {
		dir = mounted ? xstrdup(MOUNT_BUILD) : layout_build(d->name);
		strv_take(out, layout_carried_stamp(dir, stage, d->name));
		free(dir);
		return;
	}
	for (size_t i = 0; i < m->ncaches; i++) {
		if (!m->caches[i].warm)
			continue;
		dir = mounted ? xstrdup(m->caches[i].path) : layout_cache(m->caches[i].name, d->name, m->caches[i].per_distro);
		strv_take(out, layout_carried_stamp(dir, stage, d->name));
		free(dir);
	}
}

void
layout_carried_stamps(const struct matrix *m, const struct distro *d, const char *stage, struct strv *out)
{
	carried(m, d, stage, 0, out);
}

void
layout_mounted_stamps(const struct matrix *m, const struct distro *d, const char *stage, struct strv *out)
{
	carried(m, d, stage, 1, out);
}

char *
layout_engine_slot(const char *name, int i)
{
	return xasprintf(ORCH "/engines/%s/slot-%d", name, i);
}

char *
layout_engine_down(const char *name)
{
	return xasprintf(ORCH "/engines/%s/down", name);
}

char *
layout_engine_images(const char *name)
{
	return xasprintf(ORCH "/engines/%s/images.lock", name);
}

char *
layout_engine_volumes(const char *name)
{
	return xasprintf(ORCH "/engines/%s/volumes.lock", name);
}

char *
layout_engine_stage(const char *name, const char *distro, const char *stage)
{
	return str_join(ORCH "/engines/", name, "/stage/", distro, "/", stage, NULL);
}

char *
layout_engine_stage_log(const char *name, const char *distro, const char *stage)
{
	return str_join(ORCH "/engines/", name, "/stage/", distro, "/", stage, ".log", NULL);
}

char *
layout_engine_stage_failed(const char *name, const char *distro, const char *stage)
{
	return str_join(ORCH "/engines/", name, "/stage/", distro, "/", stage, ".failed", NULL);
}

char *
layout_engine_stages(const char *name, const char *distro)
{
	return str_join(ORCH "/engines/", name, "/stage/", distro, ".lock", NULL);
}

char *
layout_engine_stages_held(const char *name, const char *distro)
{
	return str_join(ORCH "/engines/", name, "/stage/", distro, ".held", NULL);
}

char *
layout_gc(void)
{
	return xstrdup(ORCH "/gc");
}

char *
layout_gc_log(void)
{
	return xstrdup(ORCH "/gc.log");
}

char *
layout_archive_dir(const char *dir, const char *repo)
{
	return xasprintf("%s/%s", dir, repo);
}

/* The archive's suffix after the key. */
#define ARCHIVE ".tar"

char *
layout_archive(const char *dir, const char *tag)
{
	const char *colon = strrchr(tag, ':');

	return xasprintf("%s/%.*s/%s" ARCHIVE, dir, (int)(colon - tag), tag, colon + 1);
}

int
layout_is_archive(const char *name)
{
	size_t n = strspn(name, "0123456789abcdef");

	return n == KEY_HEX && !strcmp(name + n, ARCHIVE);
}

char *
layout_job_file(const char *distro, const char *suite, const char *variant)
{
	if (variant)
		return str_join(distro, "/", suite, ":", variant, NULL);
	return str_join(distro, "/", suite, NULL);
}

char *
layout_job(enum job_path what, const char *file)
{
	return str_join(jobs[what].root, "/", file, jobs[what].suffix, NULL);
}

size_t
layout_job_suffix_max(void)
{
	size_t most = 0;

	for (int k = 0; k < JOB_NPATHS; k++)
		most = strlen(jobs[k].suffix) > most ? strlen(jobs[k].suffix) : most;
	return most;
}

const char *
layout_job_root(enum job_path what)
{
	return jobs[what].root;
}

char *
layout_shell(const char *distro)
{
	return str_join(ORCH "/shell/", distro, NULL);
}

char *
layout_up(const char *distro)
{
	return str_join(ORCH "/up/", distro, ".name", NULL);
}

char *
layout_status(const char *run)
{
	return str_join(run, "/status", NULL);
}

char *
layout_lock(const char *run)
{
	return str_join(run, "/lock", NULL);
}

char *
layout_target(const char *kind, const char *distro)
{
	return str_join(kind, "-", distro, NULL);
}

char *
layout_job_target(const char *kind, const char *file)
{
	return str_join(kind, "-", file, NULL);
}
