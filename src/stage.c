#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "str.h"
#include "file.h"
#include "log.h"
#include "matrix.h"
#include "layout.h"
#include "driver.h"
#include "engines.h"
#include "container.h"
#include "retry.h"
#include "stage.h"
#include "util.h"

/* The driver's body: the commands in one shell with -e. */
static const char body[] = "$sh -e " MOUNT_RUN "/commands\n";
/* On an engine, around them: the stamps the volumes carry removed first,
 * RUN/stamp written to each once the commands succeeded. Each stamp's
 * path is a file of its own (RUN/stamp-1...), never shell text. */
static const char body_there[] =
	"stamps() {\n"
	"\ti=1\n"
	"\twhile [ -f " MOUNT_RUN "/stamp-$i ]; do\n"
	"\t\tp=$(cat " MOUNT_RUN "/stamp-$i) && \"$@\" \"$p\" || return 1\n"
	"\t\ti=$((i + 1))\n"
	"\tdone\n"
	"}\n"
	"stamps rm -f || return 1\n"
	"$sh -e " MOUNT_RUN "/commands || return $?\n"
	"stamps cp " MOUNT_RUN "/stamp\n";

static void
warm_commands(const struct matrix *m, struct buf *b)
{
	for (size_t i = 0; i < m->ncaches; i++) {
		const struct cache *c = &m->caches[i];
		if (c->warm)
			buf_printf(b, "echo '--- warm %s'\n%s\n", c->name, c->warm);
	}
}

/* On an engine: the stamp, and where the container finds each of the
 * volumes' stamps, in the run directory. */
static int
stamp_files(const struct stage *st)
{
	struct strv paths = {0};
	char name[32];
	int rc = file_put(st->run, "stamp", st->stamp);

	layout_mounted_stamps(st->m, st->d, st->name, &paths);
	for (size_t i = 0; rc == 0 && i < paths.n; i++) {
		snprintf(name, sizeof(name), "stamp-%zu", i + 1);
		rc = file_put(st->run, name, paths.v[i]);
	}
	for (size_t i = paths.n + 1; rc == 0; i++) {	/* an older run's extra ones */
		char *path = xasprintf("%s/stamp-%zu", st->run, i);
		int gone = access(path, F_OK) != 0;
		free(path);
		if (gone)
			break;
		snprintf(name, sizeof(name), "stamp-%zu", i);
		rc = file_put(st->run, name, NULL);
	}
	strv_free(&paths);
	return rc;
}

static int
scripts(const struct stage *st)
{
	struct buf cmds = {0};
	int rc;

	if (!strcmp(st->name, "warm"))
		warm_commands(st->m, &cmds);
	else
		buf_printf(&cmds, "%s\n", st->m->project.build);
	rc = file_put(st->run, "commands", buf_str(&cmds));
	if (rc == 0 && st->engine)
		rc = stamp_files(st);
	if (rc == 0)
		rc = driver_write(st->run, st->engine ? body_there : body);
	buf_free(&cmds);
	return rc;
}

/* ST's container, on its engine when it has one. */
static void
container(const struct stage *st, struct container *c)
{
	container_init(c, st->m, st->d, st->image, st->name, st->name);
	if (st->engine) {
		c->copy_mounts = 1;
		c->engine = st->engine->name;
	}
}

/* One container of the stage, run to its end: its status as container_run. */
static int
stage_once(void *arg)
{
	struct stage *st = arg;
	const struct project *p = &st->m->project;
	int build = !strcmp(st->name, "build"), rc = -1;
	struct container c;

	container(st, &c);
	strv_take(&c.env, xasprintf("ORCHGEN_DISTRO=%s", st->d->name));
	strv_take(&c.env, xasprintf("ORCHGEN_STAGE=%s", st->name));
	if (container_mount_stages(&c, st->d, build ? USE_BUILD : USE_STAGE) == 0)
		rc = container_run(&c, st->run, st->log, p->warn_timeout, p->kill_timeout);
	container_free(&c);
	return rc;
}

int
stage_run(struct stage *st, const char *what, int retries)
{
	const struct project *p = &st->m->project;
	int rc;

	if (file_mkdirs(st->run) < 0 || scripts(st) < 0)
		return EXIT_ENGINE;
	rc = retry(what, retries, -1, stage_once, st, NULL);
	if (rc == -1)
		return EXIT_ENGINE;
	if (rc != 0) {
		log_tail(st->log, NULL, NULL, 20);
		if (rc == -2)
			warn("%s: killed at the kill-timeout (%lds)", what, p->kill_timeout);
		else
			warn("%s failed (exit status %d)", what, rc);
		return EXIT_JOBFAIL;
	}
	return 0;
}

/* Do ST's volumes on its engine carry its stamp? 1, 0, or -1 engine
 * trouble (said in the log at LOG). */
static int
held(const struct stage *st, const char *log)
{
	struct strv paths = {0};
	struct container c;
	int rc;

	container(st, &c);
	layout_mounted_stamps(st->m, st->d, st->name, &paths);
	rc = container_mount_stages(&c, st->d, USE_STAGE) < 0 ? -1 : container_peek(&c, &paths, st->run, log);
	for (size_t i = 0; rc == 0 && i < paths.n; i++) {
		char *path = xasprintf("%s/peek-%zu", st->run, i), *there = file_read(path, NULL);
		rc = there && !strcmp(there, st->stamp) ? 0 : 1;
		free(path), free(there);
	}
	if (rc == 0 && paths.n == 0)
		rc = 1;
	container_free(&c);
	strv_free(&paths);
	return rc < 0 ? -1 : rc == 0;
}

/* Append LINE to the log at LOG. */
static void
note(const char *log, const char *line)
{
	int fd = log_open(log, 1);

	if (fd >= 0) {
		dprintf(fd, "orchgen: %s\n", line);
		close(fd);
	}
}

/* ST run on its engine, its failure marked for this run and its stamp
 * (FAILED), so that the other jobs of the run there end with it rather
 * than run it again, as a failed stage here ends them: 0, 1 failed
 * (*WHY), -1 engine trouble. */
static int
run_there(struct stage *st, const char *what, const char *failed, const char *log, char **why)
{
	char *line = xasprintf("%s: its volumes lack the stamp it left here: running it there (its log: %s)", what, st->log);
	char *run = engines_run(), *mark = str_join(run, st->stamp, NULL);
	int rc;

	note(log, line);
	rc = stage_run(st, what, 0);
	if (rc == EXIT_JOBFAIL) {
		*why = xasprintf("%s failed (its log: %s)", what, st->log);
		note(log, *why);
		if (file_write(failed, mark, strlen(mark)) < 0)
			warn("%s: its failure not marked", what);
	} else if (rc == 0 && unlink(failed) != 0 && errno != ENOENT) {
		warn("remove %s:", failed);
	}
	free(line), free(run), free(mark);
	return rc == 0 ? 0 : rc == EXIT_JOBFAIL ? 1 : -1;
}

/* Stage NAME of ST's distro on its engine, unless its volumes hold the
 * stamp it left here, or it failed there in this run with that stamp:
 * as stage_there(). */
static int
one_there(struct stage *st, const char *log, char **why)
{
	char *here = layout_stage_stamp(st->d->name, st->name), *stamp = file_read(here, NULL);
	char *target = layout_target(st->name, st->d->name);
	char *what = xasprintf("%s on engine %s", target, st->engine->name);
	char *failed = layout_engine_stage_failed(st->engine->name, st->d->name, st->name);
	char *mark = file_read(failed, NULL), *run = engines_run(), *now = stamp ? str_join(run, stamp, NULL) : NULL;
	int rc = 1;

	st->stamp = stamp;
	if (!stamp) {
		*why = xasprintf("%s: %s has not run here (no %s): run ninja", what, target, here);
	} else if (mark && !strcmp(mark, now)) {
		*why = xasprintf("%s failed earlier in this run (its log: %s)", what, st->log);
		note(log, *why);
	} else if (file_mkdirs(st->run) < 0) {
		rc = -1;
	} else if ((rc = held(st, log)) == 0) {
		rc = run_there(st, what, failed, log, why);
	} else if (rc == 1) {
		rc = 0;
	}
	free(here), free(stamp), free(target), free(what), free(failed), free(mark), free(run), free(now);
	return rc;
}

int
stage_there(const struct matrix *m, const struct distro *d, const struct engine *e, const char *image,
    const char *log, char **why)
{
	static const char *const names[] = {"warm", "build"};
	char *path = layout_engine_stages(e->name, d->name);
	int lock = file_lock(path, NULL), rc = lock < 0 ? -1 : 0;

	free(path);
	for (size_t i = 0; rc == 0 && i < sizeof(names) / sizeof(*names); i++) {
		if (i == 0 ? !matrix_warms(m) : !m->project.build)
			continue;
		struct stage st = {m, d, names[i], image, layout_engine_stage(e->name, d->name, names[i]),
		    layout_engine_stage_log(e->name, d->name, names[i]), e, NULL};
		rc = one_there(&st, log, why);
		free(st.run), free(st.log);
	}
	if (lock >= 0)
		close(lock);
	return rc;
}
