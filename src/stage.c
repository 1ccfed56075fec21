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

/* The stages of a distro there, warm before build, and what a look at
 * the engine's volumes found. */
#define NSTAGES 2
struct there {
	struct stage st[NSTAGES];
	size_t n;
	int held[NSTAGES];	/* its volumes carry its stamp */
};

/* One look at the volumes of the stages of T (their stamps as each has
 * it here, into T's run directory of the first) on their engine: each
 * one's held flag. 0, or -1 engine trouble (said in the log at LOG). */
static int
peek(struct there *t, const char *log)
{
	struct stage *first = &t->st[0];
	struct strv paths = {0};
	size_t from[NSTAGES + 1];
	struct container c;
	int rc;

	for (size_t i = 0; i < t->n; i++) {
		from[i] = paths.n;
		layout_mounted_stamps(t->st[i].m, t->st[i].d, t->st[i].name, &paths);
	}
	from[t->n] = paths.n;
	container(first, &c);
	rc = container_mount_stages(&c, first->d, USE_STAGE) < 0 ? -1 : container_peek(&c, &paths, first->run, log);
	for (size_t i = 0; rc == 0 && i < t->n; i++) {
		t->held[i] = from[i + 1] > from[i];
		for (size_t k = from[i]; k < from[i + 1]; k++) {
			char *path = xasprintf("%s/peek-%zu", first->run, k), *text = file_read(path, NULL);
			t->held[i] &= text && !strcmp(text, t->st[i].stamp);
			free(path), free(text);
		}
	}
	container_free(&c);
	strv_free(&paths);
	return rc;
}

/* Stage ST on its engine, whose volumes lack its stamp, unless it failed
 * there in this run with that stamp: as stage_there(). */
static int
one_there(struct stage *st, const char *log, char **why)
{
	char *target = layout_target(st->name, st->d->name);
	char *what = xasprintf("%s on engine %s", target, st->engine->name);
	char *failed = layout_engine_stage_failed(st->engine->name, st->d->name, st->name);
	char *mark = file_read(failed, NULL), *run = engines_run(), *now = str_join(run, st->stamp, NULL);
	int rc = 1;

	if (mark && !strcmp(mark, now)) {
		*why = xasprintf("%s failed earlier in this run (its log: %s)", what, st->log);
		note(log, *why);
	} else {
		rc = run_there(st, what, failed, log, why);
	}
	free(target), free(what), free(failed), free(mark), free(run), free(now);
	return rc;
}

/* The stages of D that E runs for its jobs into T, each with the stamp it
 * left here: 0, or 1 when one never ran here (*WHY). */
static int
stages_of(struct there *t, const struct matrix *m, const struct distro *d, const struct engine *e, const char *image,
    char **why)
{
	static const char *const names[NSTAGES] = {"warm", "build"};

	for (size_t i = 0; i < NSTAGES; i++) {
		if (i == 0 ? !matrix_warms(m) : !m->project.build)
			continue;
		char *here = layout_stage_stamp(d->name, names[i]), *target = layout_target(names[i], d->name);
		struct stage *st = &t->st[t->n++];
		*st = (struct stage){m, d, names[i], image, layout_engine_stage(e->name, d->name, names[i]),
		    layout_engine_stage_log(e->name, d->name, names[i]), e, file_read(here, NULL)};
		if (!st->stamp && !*why)
			*why = xasprintf("%s on engine %s: it has not run here (no %s): run ninja", target, e->name, here);
		free(here), free(target);
	}
	return *why ? 1 : 0;
}

/* What T's volumes hold once its stages are done there, in this run: the
 * run, and each stage's stamp. */
static char *
held_text(const struct there *t)
{
	struct buf b = {0};
	char *run = engines_run();

	buf_puts(&b, run);
	for (size_t i = 0; i < t->n; i++)
		buf_printf(&b, "%s %s\n", t->st[i].name, t->st[i].stamp);
	free(run);
	return b.s;
}

int
stage_there(const struct matrix *m, const struct distro *d, const struct engine *e, const char *image,
    const char *log, char **why)
{
	struct there t = {0};
	char *path = layout_engine_stages(e->name, d->name), *held_path = layout_engine_stages_held(e->name, d->name);
	char *held = NULL, *was = NULL;
	int lock = file_lock(path, NULL), rc = lock < 0 ? -1 : 0, look;

	free(path);
	if (rc == 0 && (rc = stages_of(&t, m, d, e, image, why)) != 0)
		note(log, *why);
	/* A job of this run found them done there, or did them, under this
	 * lock: a later job of the run does not look again (one container
	 * fewer per job); a new run looks again. */
	if (rc == 0 && t.n > 0)
		held = held_text(&t), was = file_read(held_path, NULL);
	look = rc == 0 && t.n > 0 && !(was && !strcmp(was, held));
	for (size_t i = 0; look && rc == 0 && i < t.n; i++)
		rc = file_mkdirs(t.st[i].run);
	if (look && rc == 0)
		rc = peek(&t, log);
	for (size_t i = 0; look && rc == 0 && i < t.n; i++)
		rc = t.held[i] ? 0 : one_there(&t.st[i], log, why);
	if (look && rc == 0 && file_update(held_path, held, strlen(held)) < 0)
		rc = -1;
	for (size_t i = 0; i < t.n; i++)
		free(t.st[i].run), free(t.st[i].log), free(t.st[i].stamp);
	free(held), free(was), free(held_path);
	if (lock >= 0)
		close(lock);
	return rc;
}
