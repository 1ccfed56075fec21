/* orchgen warm and orchgen build: one container per distro that fills the
 * caches, or builds the product into the distro's build directory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "str.h"
#include "file.h"
#include "log.h"
#include "matrix.h"
#include "hash.h"
#include "key.h"
#include "layout.h"
#include "record.h"
#include "driver.h"
#include "container.h"
#include "model.h"
#include "cmd.h"
#include "helper.h"
#include "retry.h"
#include "util.h"

/* The driver's body: the commands in one shell with -e. */
static const char body[] = "$sh -e " MOUNT_RUN "/commands\n";

/* One stage of distro D: NAME is "warm" or "build". */
struct stage {
	const struct matrix *m;
	const struct distro *d;
	const char *name;
	char *image;		/* the tag */
	char *run, *log;	/* its run directory and log */
};

static void
warm_commands(const struct matrix *m, struct buf *b)
{
	for (size_t i = 0; i < m->ncaches; i++) {
		const struct cache *c = &m->caches[i];
		if (c->warm)
			buf_printf(b, "echo '--- warm %s'\n%s\n", c->name, c->warm);
	}
}

static int
scripts(const struct stage *st)
{
	struct buf cmds = {0};
	char *path = xasprintf("%s/commands", st->run);
	int rc;

	if (!strcmp(st->name, "warm"))
		warm_commands(st->m, &cmds);
	else
		buf_printf(&cmds, "%s\n", st->m->project.build);
	rc = file_write(path, buf_str(&cmds), cmds.len);
	if (rc == 0)
		rc = driver_write(st->run, body);
	buf_free(&cmds);
	free(path);
	return rc;
}

/* One container of the stage, run to its end: its status as container_run. */
static int
stage_once(void *arg)
{
	struct stage *st = arg;
	const struct project *p = &st->m->project;
	int build = !strcmp(st->name, "build"), rc = -1;
	struct container c;

	container_init(&c, st->m, st->d, st->image, st->name, st->name);
	strv_take(&c.env, xasprintf("ORCHGEN_DISTRO=%s", st->d->name));
	strv_take(&c.env, xasprintf("ORCHGEN_STAGE=%s", st->name));
	if (container_mount_stages(&c, st->d, build ? USE_BUILD : USE_STAGE) == 0)
		rc = container_run(&c, st->run, st->log, p->warn_timeout, p->kill_timeout);
	container_free(&c);
	return rc;
}

/* The stage's stamp at OUT: a record of what it was made of (the image,
 * the key of its settings and the settings, the hash of its files). */
static int
stamp(const struct stage *st, const char *out, const char *key)
{
	int build = !strcmp(st->name, "build");
	char *hash = layout_hash(build ? "sources" : "warm-inputs");
	char *files = helper_read_recorded(hash);
	struct record r = {0};
	int rc;

	record_add(&r, "image", st->image);
	record_add(&r, "key", key);
	record_add(&r, "files", files);
	key_record(&r, st->m, st->d, build ? FEEDS_BUILD : FEEDS_WARM);
	rc = record_write(out, &r);
	record_free(&r);
	free(hash), free(files);
	return rc;
}

/* Run the stage, again after engine trouble; the stamp at OUT only on
 * success, holding KEY. A second run of it waits for the first; the lock
 * goes with the process. */
static int
run_stage(struct stage *st, const char *out, const char *key)
{
	const struct project *p = &st->m->project;
	char *what = layout_target(st->name, st->d->name), *lockpath = layout_lock(st->run);
	int rc, lock = file_lock(lockpath, what);

	free(lockpath);
	if (lock < 0) {
		free(what);
		return EXIT_ENGINE;
	}
	unlink(out);
	if (scripts(st) < 0) {
		free(what);
		return EXIT_ENGINE;
	}
	rc = retry(what, p->retries, -1, stage_once, st, NULL);
	if (rc == -1) {
		free(what);
		return EXIT_ENGINE;
	}
	if (rc != 0) {
		log_tail(st->log, NULL, NULL, 20);
		if (rc == -2)
			warn("%s: killed at the kill-timeout (%lds)", what, p->kill_timeout);
		else
			warn("%s failed (exit status %d)", what, rc);
		free(what);
		return EXIT_JOBFAIL;
	}
	free(what);
	return stamp(st, out, key) < 0 ? EXIT_ENGINE : 0;
}

static int
stage_cmd(struct cmdargs *a, const char *name)
{
	struct matrix m;
	struct stage st = {.m = &m, .name = name};
	int rc;

	if (!(st.d = helper_distro(&m, a)))
		return EXIT_USAGE;
	if (!strcmp(name, "build") ? !m.project.build : !matrix_warms(&m)) {
		warn("%s: %s", a->o.file, !strcmp(name, "build") ? "no [project] build: nothing to build"
		    : "no [cache NAME] has a warm command: nothing to warm");
		matrix_free(&m);
		return EXIT_USAGE;
	}
	if (!(st.image = helper_recorded(a->image, name))) {
		matrix_free(&m);
		return EXIT_USAGE;
	}
	st.run = layout_stage(st.d->name, name);
	st.log = layout_stage_log(st.d->name, name);
	rc = run_stage(&st, a->out, a->key);
	free(st.image), free(st.run), free(st.log);
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
