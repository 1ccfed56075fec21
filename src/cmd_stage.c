/* orchgen warm and orchgen build: one container per distro that fills the
 * caches, or builds the product into the distro's build directory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "str.h"
#include "file.h"
#include "matrix.h"
#include "hash.h"
#include "key.h"
#include "layout.h"
#include "record.h"
#include "stage.h"
#include "model.h"
#include "cmd.h"
#include "helper.h"
#include "util.h"

/* What the stage is made of now, its stamps' record: the image, the key
 * of its settings (KEY) and the settings, the hash of its files. */
static void
made_of(const struct stage *st, const char *key, struct record *r)
{
	int build = !strcmp(st->name, "build");
	char *hash = layout_hash(build ? "sources" : "warm-inputs");
	char *files = helper_read_recorded(hash);

	record_add(r, "image", st->image);
	record_add(r, "key", key);
	record_add(r, "files", files);
	key_record(r, st->m, st->d, build ? FEEDS_BUILD : FEEDS_WARM);
	free(hash), free(files);
}

/* Does each directory the stage fills carry its stamp R (STAMPS): was
 * it filled by a run made of what this one would be, such as a directory
 * restored from a CI cache under its key? */
static int
carried(const struct strv *stamps, const struct record *r)
{
	for (size_t i = 0; i < stamps->n; i++) {
		if (!record_holds(stamps->v[i], r))
			return 0;
	}
	return stamps->n > 0;
}

/* Write the stamp R at OUT and in each of STAMPS: 0, or EXIT_ENGINE.
 * Written again when they hold it already, so that they are newer than
 * the stage's inputs, as Ninja wants its outputs. */
static int
stamp(const char *out, const struct strv *stamps, const struct record *r)
{
	int rc = record_write(out, r);

	for (size_t i = 0; rc == 0 && i < stamps->n; i++)
		rc = record_write(stamps->v[i], r);
	return rc < 0 ? EXIT_ENGINE : 0;
}

/* Run the stage, unless its directories carry the stamp it would leave;
 * the stamps at OUT and in the directories only on success, holding KEY
 * and what else it was made of. A second run of it waits for the first;
 * the lock goes with the process. */
static int
run_stage(struct stage *st, const char *out, const char *key)
{
	char *what = layout_target(st->name, st->d->name), *lockpath = layout_lock(st->run);
	int rc, lock = file_lock(lockpath, what);
	struct strv stamps = {0};
	struct record r = {0};

	free(lockpath);
	if (lock < 0) {
		free(what);
		return EXIT_ENGINE;
	}
	made_of(st, key, &r);
	layout_carried_stamps(st->m, st->d, st->name, &stamps);
	if (carried(&stamps, &r)) {
		rc = stamp(out, &stamps, &r);
	} else {
		unlink(out);
		for (size_t i = 0; i < stamps.n; i++)
			unlink(stamps.v[i]);
		rc = stage_run(st, what, st->m->project.retries);
		if (rc == 0)
			rc = stamp(out, &stamps, &r);
	}
	record_free(&r);
	strv_free(&stamps);
	free(what);
	return rc;
}

static int
stage_cmd(struct cmdargs *a, const char *name)
{
	struct matrix m;
	struct stage st = {.m = &m, .name = name};
	char *image;
	int rc;

	if (!(st.d = helper_distro(&m, a)))
		return EXIT_USAGE;
	if (!strcmp(name, "build") ? !m.project.build : !matrix_warms(&m)) {
		warn("%s: %s", a->o.file, !strcmp(name, "build") ? "no [project] build: nothing to build"
		    : "no [cache NAME] has a warm command: nothing to warm");
		matrix_free(&m);
		return EXIT_USAGE;
	}
	if (!(st.image = image = helper_recorded(a->image, name))) {
		matrix_free(&m);
		return EXIT_USAGE;
	}
	st.run = layout_stage(st.d->name, name);
	st.log = layout_stage_log(st.d->name, name);
	rc = helper_stage_ended(st.d, name, run_stage(&st, a->out, a->key));
	free(image), free(st.run), free(st.log);
	matrix_free(&m);
	return rc;
}

int
cmd_warm(struct cmdargs *a)
{
	return stage_cmd(a, "warm");
}

int
cmd_build(struct cmdargs *a)
{
	return stage_cmd(a, "build");
}
