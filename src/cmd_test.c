/* orchgen test: one job, in one fresh container, from start to result. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <regex.h>
#include "str.h"
#include "file.h"
#include "log.h"
#include "matrix.h"
#include "hash.h"
#include "key.h"
#include "engine.h"
#include "layout.h"
#include "record.h"
#include "driver.h"
#include "container.h"
#include "result.h"
#include "suite.h"
#include "spread.h"
#include "spreadrun.h"
#include "model.h"
#include "cmd.h"
#include "helper.h"
#include "retry.h"
#include "engines.h"
#include "stage.h"
#include "util.h"

/* The driver's body. Each skip condition and each section is its own
 * shell, sections with -e, like spread's. Artifacts are collected after
 * execute (and debug), before restore; restore always runs. When skip
 * entry N holds, the outcome is "skip N". */
static const char job_common[] =
	"i=1\n"
	"while [ -f \"" MOUNT_RUN "/skip-$i\" ]; do\n"
	"\tif $sh -c '. " MOUNT_RUN "/env; . \"" MOUNT_RUN "/skip-$1\"' skip \"$i\"; then\n"
	"\t\toutcome=\"skip $i\"\n"
	"\t\treturn 0\n"
	"\tfi\n"
	"\ti=$((i + 1))\n"
	"done\n"
	"collect() {\n"
	"\t[ -f " MOUNT_RUN "/artifacts ] || return 0\n"
	"\techo \"" DRIVER_MARK "artifacts\"\n"
	"\twhile IFS= read -r p; do\n"
	"\t\tif [ -e \"$p\" ] || [ -L \"$p\" ]; then\n"
	"\t\t\td=" MOUNT_ARTIFACTS "/$(dirname \"$p\")\n"
	"\t\t\tmkdir -p \"$d\" && cp -a \"$p\" \"$d/\" || echo \"orchgen: artifact $p: not copied\"\n"
	"\t\telse\n"
	"\t\t\techo \"orchgen: artifact $p: no such file\"\n"
	"\t\tfi\n"
	"\tdone <" MOUNT_RUN "/artifacts\n"
	"\tchown -R \"$(cat " MOUNT_RUN "/owner)\" " MOUNT_ARTIFACTS " 2>/dev/null || true\n"
	"}\n";
static const char job_sequence[] =
	"rc=0\n"
	"section prepare-each || rc=$?\n"
	"[ $rc -ne 0 ] || section prepare || rc=$?\n"
	"[ $rc -ne 0 ] || section execute || rc=$?\n"
	"if [ $rc -ne 0 ]; then section debug-each; section debug; fi\n"
	"collect\n"
	"section restore || { r=$?; [ $rc -ne 0 ] || rc=$r; }\n"
	"section restore-each || { r=$?; [ $rc -ne 0 ] || rc=$r; }\n"
	"return $rc\n";

/* One line per artifact, for the driver to read. */
static char *
artifact_list(const struct suite *s)
{
	struct buf b = {0};

	if (s->artifacts.n == 0)
		return NULL;
	for (size_t i = 0; i < s->artifacts.n; i++)
		buf_printf(&b, "%s\n", s->artifacts.v[i]);
	return b.s;
}

/* skip-1, skip-2...: the conditions; an older run's extra ones removed. */
static int
write_skips(const char *dir, const struct suite *s)
{
	int rc = 0;
	char name[32];

	for (size_t i = 0; i < s->nskip; i++) {
		snprintf(name, sizeof(name), "skip-%zu", i + 1);
		rc |= file_put(dir, name, s->skip[i].cond);
	}
	for (size_t i = s->nskip + 1;; i++) {
		char *path = xasprintf("%s/skip-%zu", dir, i);
		int gone = access(path, F_OK) != 0;
		free(path);
		if (gone)
			break;
		snprintf(name, sizeof(name), "skip-%zu", i);
		rc |= file_put(dir, name, NULL);
	}
	return rc;
}

/* The scripts the container runs, in the job's run directory DIR; with
 * `trace = yes` or ORCHGEN_TRACE set (not to 0), under set -x. */
static int
write_scripts(const char *dir, const struct project *p, const struct suite *s, const char *variant,
    const struct spread *sp, const struct spread_job *sj)
{
	const char *env_trace = getenv("ORCHGEN_TRACE");
	int trace = p->trace || (env_trace && *env_trace && strcmp(env_trace, "0") != 0);
	struct buf env = {0}, body = {0};
	char *artifacts = artifact_list(s), *owner = xasprintf("%ld:%ld\n", (long)getuid(), (long)getgid());
	int rc = 0;

	buf_puts(&body, driver_section);
	if (sp) {	/* spread's runtime, and its cascade of scripts */
		buf_puts(&body, spreadrun_prelude);
		buf_puts(&body, job_common);
		buf_puts(&body, spreadrun_sequence);
		rc |= spreadrun_write(dir, sp, sj, variant);
	} else {
		suite_env_script(s, variant, &env);
		buf_puts(&body, job_common);
		buf_puts(&body, job_sequence);
		rc |= file_put(dir, "env", buf_str(&env));
		rc |= file_put(dir, "section", driver_section_script);
		rc |= file_put(dir, "prepare-each", p->prepare_each);
		rc |= file_put(dir, "restore-each", p->restore_each);
		rc |= file_put(dir, "debug-each", p->debug_each);
		rc |= file_put(dir, "prepare", s->prepare);
		rc |= file_put(dir, "execute", s->execute);
		rc |= file_put(dir, "restore", s->restore);
		rc |= file_put(dir, "debug", s->debug);
	}
	rc |= file_put(dir, "trace", trace ? "" : NULL);
	rc |= driver_write(dir, body.s);
	rc |= file_put(dir, "owner", owner);
	rc |= file_put(dir, "artifacts", artifacts);
	rc |= write_skips(dir, s);
	buf_free(&env), buf_free(&body);
	free(artifacts), free(owner);
	return rc ? -1 : 0;
}

/* Everything one run needs, resolved from the arguments. */
struct run {
	struct matrix m;
	struct suite s;
	struct spread *sp;	/* a spread project's cascade; NULL: orchgen's own suites */
	struct spread_job sj;	/* what the job takes from it */
	const struct distro *d;
	struct job job;
	char *image;		/* the tag; NULL when none was recorded */
	const char *key;	/* the key of the job's settings, as the graph gave it */
	char *paths[JOB_NPATHS];	/* the job's files (layout_job) */
	long long t0;		/* when it started */
	const struct engine *engine;	/* the [engine] of its last attempt, or NULL */
};

/* How a job ended, for its result and exit status. */
struct outcome {
	enum status status;
	int exit_code;		/* of the last run; -1: none */
	char *reason;		/* NULL, or why (owned) */
	int samples, attempts;	/* samples that passed; engine attempts of the last */
	char *phase;		/* the section that failed (owned), or NULL */
	long line;		/* the line of it that failed, or 0 */
	int script_error;	/* the error is the job's own (a spread job's ERROR): a failed job, not engine trouble */
};

/* A spread project's spread.yaml (its root holds the suites). 0, or -1 (warned). */
static int
open_spread(struct run *r)
{
	r->sp = xcalloc(1, sizeof(*r->sp));
	if (spread_load(r->sp, r->m.project.spread, 0) < 0) {
		free(r->sp);
		r->sp = NULL;
		return -1;
	}
	return 0;
}

/* A spread project's job: its cascade, and its timeouts and priority
 * from there. 0, or -1 (warned). */
static int
load_spread(struct run *r)
{
	const struct spread_system *sys;

	if (!(sys = spread_system(r->sp, r->d->name))) {
		warn("%s: no system \"%s\"", r->sp->path, r->d->name);
		return -1;
	}
	spread_job(r->sp, sys, &r->s, &r->sj);
	r->s.kill_timeout = r->sj.kill_timeout;
	r->s.warn_timeout = r->sj.warn_timeout;
	return 0;
}

/* The matrix, the distro and the suite A names: 0, or EXIT_USAGE (warned)
 * when they are not what the graph would give: no job to report on. */
static int
load(struct run *r, struct cmdargs *a)
{
	const char *variant = NULL;
	char *dir, *path;
	int rc;

	if (!(r->d = helper_distro(&r->m, a)))
		return EXIT_USAGE;
	if (r->m.project.spread && open_spread(r) < 0)
		return EXIT_USAGE;
	dir = model_suite_dir(r->sp ? r->sp->root : r->m.project.suites, a->suite);
	path = xasprintf("%s/task.yaml", dir);
	rc = suite_parse_spread(&r->s, path, dir, a->suite, r->m.project.spread);
	free(dir), free(path);
	if (rc < 0) {
		memset(&r->s, 0, sizeof(r->s));
		return EXIT_USAGE;
	}
	if (r->sp && load_spread(r) < 0)
		return EXIT_USAGE;
	const struct strv *variants = r->sp ? &r->sj.variants : &r->s.variants;
	for (size_t i = 0; a->variant && i < variants->n; i++) {
		if (!strcmp(variants->v[i], a->variant))
			variant = variants->v[i];
	}
	if (a->variant ? !variant : variants->n > 0) {
		warn("%s: no variant \"%s\"", r->s.path, a->variant ? a->variant : "");
		return EXIT_USAGE;
	}
	job_init(&r->job, r->d, &r->s, variant);
	r->key = a->key;
	for (int i = 0; i < JOB_NPATHS; i++)
		r->paths[i] = layout_job(i, r->job.file);
	r->image = helper_read_recorded(a->image);
	if (r->image && !*r->image)
		free(r->image), r->image = NULL;
	return 0;
}

static void
run_free(struct run *r)
{
	free(r->image);
	for (int i = 0; i < JOB_NPATHS; i++)
		free(r->paths[i]);
	if (r->job.id)
		job_free(&r->job);
	if (r->sp) {
		if (r->sj.task)
			spread_job_free(&r->sj);
		spread_free(r->sp);
		free(r->sp);
	}
	suite_free(&r->s);
	if (r->d)
		matrix_free(&r->m);
}

/* The job's container: its artifacts directory, the stages' mounts, the
 * job's variables. */
static int
container(struct run *r, struct container *c)
{
	const struct job *j = &r->job;
	struct strv *env = &c->env;

	container_init(c, &r->m, r->d, r->image, j->id, r->s.name);
	if (r->s.artifacts.n > 0)
		container_mount(c, r->paths[JOB_ARTIFACTS], MOUNT_ARTIFACTS, 0);
	if (container_mount_stages(c, r->d, USE_JOB) < 0)
		return -1;
	strv_take(env, xasprintf("ORCHGEN_DISTRO=%s", j->distro->name));
	strv_take(env, xasprintf("ORCHGEN_SUITE=%s", j->suite->name));
	strv_take(env, xasprintf("ORCHGEN_VARIANT=%s", j->variant ? j->variant : ""));
	strv_take(env, xasprintf("ORCHGEN_JOB=%s", j->id));
	return 0;
}

/* Features the suite requires that the distro lacks, as one string; NULL
 * when it has them all. */
static char *
missing_features(const struct suite *s, const struct distro *d)
{
	struct buf b = {0};

	for (size_t i = 0; i < s->requires.n; i++) {
		if (!strv_contains(&d->features, s->requires.v[i]))
			buf_printf(&b, "%s%s", b.len ? " " : "", s->requires.v[i]);
	}
	return b.s;
}

/* The status of a run that ended with ST (-2: killed at the deadline). */
static enum status
status_of(const struct suite *s, int st)
{
	if (st == -2)
		return STATUS_TIMEOUT;
	if (s->expect_fail)
		return st == 0 ? STATUS_XPASS : STATUS_XFAIL;
	return st == 0 ? STATUS_PASS : STATUS_FAIL;
}

/* One sample's run, for retry(). */
struct sample {
	struct run *r;
	int append;		/* to the log: not the first sample */
	long skip;		/* the skip entry that held (1-based), or 0 */
	char *phase;		/* the section that failed, as the driver said (owned) */
	long line;		/* the line of it that failed, or 0 */
	char *error;		/* a spread job's ERROR, FATAL or refused REBOOT (owned), or NULL */
	int index;		/* which sample, from 1 */
};

/* The container kept after the job's last run, if any, removed, on the
 * engine its record's second line names (none: the local default). */
static void
forget_kept(const struct run *r)
{
	char *text = file_read(r->paths[JOB_KEPT], NULL);
	char *name = text, *engine = text ? strchr(text, '\n') : NULL;

	if (engine) {
		*engine++ = '\0';
		engine[strcspn(engine, "\n")] = '\0';
	}
	if (name && *name) {
		engines_use(engines_named(&r->m, engine));
		engine_remove(r->m.project.engine, name);
		engines_use(r->engine);
	}
	unlink(r->paths[JOB_KEPT]);
	free(text);
}

/* After a run that ended with ST, keep container NAME (`keep = failed`:
 * when it failed; `always`), recorded for orchgen shell D:S[:V], or
 * remove it. One is kept per job: the last. */
static void
keep_or_remove(const struct run *r, const char *name, int st)
{
	int keep = r->m.project.keep == KEEP_ALWAYS || (st >= 0 && !status_ok(status_of(&r->s, st)));
	char *line = xasprintf("%s\n%s%s", name, r->engine ? r->engine->name : "", r->engine ? "\n" : "");

	forget_kept(r);
	if (st >= 0 && keep && file_write(r->paths[JOB_KEPT], line, strlen(line)) == 0)
		fprintf(stderr, "orchgen: %s: its container is kept: orchgen shell %s opens a shell in what it left\n",
		    r->job.id, r->job.id);
	else
		engine_remove(r->m.project.engine, name);
	free(line);
}

/* A spread job that asked to reboot (ST, C's outcome "reboot N") is
 * started again, its filesystem kept, as often as it asks and spread
 * allows; then its ERROR, if any, into SM. The status of the last run. */
static int
reboots(struct run *r, struct container *c, struct sample *sm, int st, long warn_s, long kill_s)
{
	char *n;

	while (st >= 0 && c->outcome && (n = driver_field(c->outcome, "reboot"))) {
		long k = strtol(n, NULL, 10);
		free(n);
		if (k > SPREADRUN_MAX_REBOOTS) {
			sm->error = xasprintf("rebooted more than %d times", SPREADRUN_MAX_REBOOTS);
			return st;
		}
		st = container_restart(c, r->paths[JOB_RUN], r->paths[JOB_LOG], warn_s, kill_s);
	}
	if (st >= 0 && c->outcome)
		sm->error = driver_field(c->outcome, "error");
	return st;
}

/* Write LINE to the log, truncating it first unless APPEND. */
static void
log_line(const char *log, const char *line, int append)
{
	int fd = log_open(log, append);

	if (fd >= 0) {
		if (write(fd, line, strlen(line)) < 0)
			warn("write %s:", log);
		close(fd);
	}
}

/* A slot on an engine that serves the job's distro, in use from now on,
 * with the job's image there; with engines, the log begun (or appended
 * to, with APPEND: a later sample) with a line naming the engine, after
 * which what brings the image and the stages there, then the container,
 * append theirs. 0, or -1
 * engine trouble: no engine left, or the image could not reach it (the
 * engine is then marked down). */
static int
take_slot(struct run *r, struct slot *slot, int append)
{
	char *header;

	if (engines_take(&r->m, r->d->name, r->job.id, slot) != 0)
		return -1;
	engines_use(slot->e);
	r->engine = slot->e;
	if (!slot->e)
		return 0;
	header = xasprintf("orchgen: %s on engine %s\n", r->job.id, slot->e->name);
	log_line(r->paths[JOB_LOG], header, append);
	free(header);
	if (engines_image(&r->m, slot->e, r->d, r->image, r->paths[JOB_LOG]) < 0) {
		if (r->m.nengines > 1)
			engines_mark_down(slot->e);
		engines_release(slot);
		return -1;
	}
	return 0;
}

/* On an engine that shares no files, when the project builds or warms,
 * the distro's stages there first (stage.h). 0; 1 a stage failed there
 * (SM's error says so: the job ends as the stage's failure would end
 * it); -1 engine trouble (the engine is then marked down). */
static int
stages_there(struct run *r, const struct slot *slot, struct sample *sm)
{
	int rc;

	if (!slot->e || slot->e->shared || (!r->m.project.build && !matrix_warms(&r->m)))
		return 0;
	rc = stage_there(&r->m, r->d, slot->e, r->image, r->paths[JOB_LOG], &sm->error);
	if (rc < 0 && r->m.nengines > 1)
		engines_mark_down(slot->e);
	return rc;
}

/* One container run to its end: its status as container_run. */
static int
run_once(void *arg)
{
	struct sample *sm = arg;
	struct run *r = sm->r;
	const struct project *p = &r->m.project;
	long kill_s = r->s.kill_timeout ? r->s.kill_timeout : p->kill_timeout;
	long warn_s = r->s.warn_timeout ? r->s.warn_timeout : p->warn_timeout;
	struct container c;
	struct slot slot;
	int st;

	sm->skip = sm->line = 0;
	free(sm->phase), free(sm->error);
	sm->phase = sm->error = NULL;
	if (take_slot(r, &slot, sm->append) < 0)
		return -1;
	if ((st = stages_there(r, &slot, sm)) != 0) {
		engines_release(&slot);
		return st;
	}
	st = -1;
	if (container(r, &c) == 0) {
		strv_take(&c.env, xasprintf("ORCHGEN_SAMPLE=%d", sm->index));
		c.append = sm->append || slot.e;
		c.keep = p->keep != KEEP_NEVER || r->sp;	/* a spread job's may reboot */
		c.copy_mounts = slot.e && !slot.e->shared;
		c.engine = slot.e ? slot.e->name : NULL;
		if (r->sp && spreadrun_reset(r->paths[JOB_RUN]) < 0) {
			st = -1;
		} else {
			st = container_run(&c, r->paths[JOB_RUN], r->paths[JOB_LOG], warn_s, kill_s);
			if (st == -1 && slot.e && r->m.nengines > 1)
				engines_mark_down(slot.e);
		}
		if (r->sp)
			st = reboots(r, &c, sm, st, warn_s, kill_s);
		if (c.keep && p->keep == KEEP_NEVER)
			engine_remove(p->engine, c.name);
		else if (c.keep)
			keep_or_remove(r, c.name, st);
		if (st == 0 && c.outcome && !strncmp(c.outcome, "skip ", 5))
			sm->skip = strtol(c.outcome + 5, NULL, 10);
		if (c.outcome) {
			char *line = driver_field(c.outcome, "line");
			sm->phase = driver_field(c.outcome, "phase");
			sm->line = line ? strtol(line, NULL, 10) : 0;
			free(line);
		}
	}
	container_free(&c);
	engines_release(&slot);
	return st;
}

/* Run every sample, stopping at the first that does not pass. */
static void
samples(struct run *r, struct outcome *o)
{
	int n = r->s.samples > 0 ? r->s.samples : 1;
	struct sample sm = {r, n > 1, 0, NULL, 0, NULL, 1};

	for (int i = 1; i <= n; i++) {
		int st;
		sm.index = i;
		if (n > 1) {
			char *line = xasprintf("=== sample %d of %d\n", i, n);
			log_line(r->paths[JOB_LOG], line, i > 1);
			free(line);
		}
		st = retry(r->job.id, r->m.project.retries, -1, run_once, &sm, &o->attempts);
		o->exit_code = st < 0 ? -1 : st;
		if (st == -1) {
			o->status = STATUS_ERROR;
			o->reason = xasprintf("engine trouble, %d attempts", o->attempts);
			break;
		}
		if (st == 0 && sm.skip >= 1 && (size_t)sm.skip <= r->s.nskip) {
			const struct suite_skip *sk = &r->s.skip[sm.skip - 1];
			o->status = STATUS_SKIP;
			o->reason = xstrdup(sk->reason ? sk->reason : "skip condition held");
			break;
		}
		if (sm.error && st != -2) {
			o->status = STATUS_ERROR;
			o->reason = sm.error;
			o->phase = sm.phase, o->line = sm.line;
			sm.error = sm.phase = NULL;
			o->script_error = 1;
			break;
		}
		o->status = status_of(&r->s, st);
		if (!status_ok(o->status)) {
			if (st == -2)
				o->reason = xstrdup("the container was killed at the kill-timeout");
			else if (sm.phase && st != 0 && sm.line > 0)
				o->reason = xasprintf("%s failed at line %ld", sm.phase, sm.line);
			else if (sm.phase && st != 0)
				o->reason = xasprintf("%s failed", sm.phase);
			o->phase = sm.phase, o->line = sm.line;
			sm.phase = NULL;
			if (n > 1) {
				char *why = o->reason;
				o->reason = xasprintf("sample %d of %d%s%s", i, n, why ? ": " : "", why ? why : "");
				free(why);
			}
			break;
		}
		o->samples = i;
	}
	free(sm.phase), free(sm.error);
}

/* The job's stamp: a record of what it was made of (its image and what
 * that was made of, its suite's hash, its build's record, the key of its
 * settings and the settings), for orchgen why. */
static int
stamp(const struct run *r)
{
	char *hash = layout_suite_hash(r->s.name), *suite = helper_read_recorded(hash);
	char *image = layout_record(r->d->name, "image"), *build = layout_stage_stamp(r->d->name, "build");
	struct record rec = {0}, from = {0};
	int rc;

	record_add(&rec, "image", r->image);
	record_add(&rec, "suite", suite);
	record_add(&rec, "key", r->key);
	key_record(&rec, &r->m, r->d, FEEDS_JOB);
	if (record_read(image, &from) == 0)
		record_merge(&rec, "image.", &from);
	record_free(&from);
	if (r->m.project.build && record_read(build, &from) == 0)
		record_merge(&rec, "build.", &from);
	record_free(&from);
	rc = record_write(r->paths[JOB_STAMP], &rec);
	record_free(&rec);
	free(hash), free(suite), free(image), free(build);
	return rc;
}

/* Record the outcome; the stamp only when it passed or was skipped. */
static int
finish(const struct run *r, const struct outcome *o)
{
	struct result res = {
		.distro = r->d->name, .suite = r->s.name, .variant = r->job.variant,
		.status = o->status, .exit_code = o->exit_code, .reason = o->reason,
		.samples = o->samples, .attempts = o->attempts,
		.start_ms = r->t0, .end_ms = now_ms(), .image = r->image, .log = r->paths[JOB_LOG],
		.engine = r->engine ? r->engine->name : NULL,
		.phase = o->phase, .line = o->line,
	};
	const char *id = r->job.id;

	if (result_write(r->paths[JOB_RESULT], &res) < 0)
		return EXIT_ENGINE;
	if (o->status == STATUS_SKIP)
		warn("%s: skip: %s", id, o->reason);
	if (status_ok(o->status))
		return stamp(r) < 0 ? EXIT_ENGINE : 0;
	if (o->attempts == 0) {		/* it never started: the log holds the reason */
		warn("%s: error: %s", id, o->reason);
		return EXIT_JOBFAIL;
	}
	if (o->phase) {
		char *mark = xasprintf(DRIVER_MARK "%s", o->phase);
		log_tail(r->paths[JOB_LOG], mark, DRIVER_MARK, 20);
		free(mark);
	} else {
		log_tail(r->paths[JOB_LOG], NULL, NULL, 20);
	}
	if (o->status == STATUS_ERROR && !o->script_error)
		return EXIT_ENGINE;
	char code[32] = "";
	if (o->exit_code >= 0)
		snprintf(code, sizeof(code), " (exit status %d)", o->exit_code);
	warn("%s: %s%s%s%s", id, status_name(o->status), o->reason ? ": " : "", o->reason ? o->reason : "", code);
	return EXIT_JOBFAIL;
}

/* A job that cannot start: its log says why (so that the result's log
 * exists), its result is an error or, with SKIP, a skip; no container. */
static void
not_started(const struct run *r, struct outcome *o, int skip, char *reason)
{
	char *line = xasprintf("orchgen: %s: %s\n", r->job.id, reason);

	log_line(r->paths[JOB_LOG], line, 0);
	free(line);
	o->status = skip ? STATUS_SKIP : STATUS_ERROR;
	o->reason = reason;
}

/* Why the job cannot start, as not_started() records it: 1, or 0 when it
 * can. A distro lacking a feature the suite requires fails the job, or
 * skips it under `missing-feature = skip`; a job with no recorded image,
 * or whose files cannot be made, is an error. *RC: the exit status. */
static int
cannot_start(const struct run *r, struct outcome *o, int *rc)
{
	char *missing = missing_features(&r->s, r->d);
	int own = r->s.requires_missing != REQUIRES_PROJECT;
	int skip = own ? r->s.requires_missing == REQUIRES_SKIP : r->m.project.skip_missing;

	*rc = EXIT_JOBFAIL;
	if (missing) {
		not_started(r, o, skip, xasprintf("requires %s, which %s's features do not list%s", missing,
		    r->d->name, skip || own ? "" : " (missing-feature = skip, or requires-missing: skip, would skip it)"));
		free(missing);
		return 1;
	}
	*rc = EXIT_USAGE;
	if (!r->image) {
		not_started(r, o, 0, xstrdup("no image recorded: run ninja rather than orchgen test by hand"));
		return 1;
	}
	*rc = EXIT_ENGINE;
	if (file_mkdirs(r->paths[JOB_RUN]) < 0 || write_scripts(r->paths[JOB_RUN], &r->m.project, &r->s, r->job.variant, r->sp, &r->sj) < 0) {
		not_started(r, o, 0, xasprintf("could not write the job's scripts to %s", r->paths[JOB_RUN]));
		return 1;
	}
	if (r->s.artifacts.n > 0 && (file_remove_tree(r->paths[JOB_ARTIFACTS]) < 0 || file_mkdirs(r->paths[JOB_ARTIFACTS]) < 0)) {
		not_started(r, o, 0, xasprintf("could not empty the last run's artifacts in %s", r->paths[JOB_ARTIFACTS]));
		return 1;
	}
	return 0;
}

/* Start the job, unless it cannot start, and record its outcome. A job
 * that did not start exits with the status cannot_start() gave. Another
 * run of the same job (a second ninja in the project) waits for this one:
 * a log, a result and a stamp are always one run's. */
static int
execute(struct run *r)
{
	struct outcome o = {.exit_code = -1};
	char *lockpath = layout_lock(r->paths[JOB_RUN]);
	int rc = 0, written, lock = file_lock(lockpath, r->job.id);

	free(lockpath);
	if (lock < 0)
		return EXIT_ENGINE;
	r->t0 = now_ms();
	unlink(r->paths[JOB_STAMP]);
	unlink(r->paths[JOB_RESULT]);	/* a run that is cut short leaves none, not the last one's */
	forget_kept(r);
	if (!cannot_start(r, &o, &rc))
		samples(r, &o);
	written = finish(r, &o);
	free(o.reason), free(o.phase);
	close(lock);
	return o.attempts > 0 || written != EXIT_JOBFAIL ? written : rc;
}

int
cmd_test(struct cmdargs *a)
{
	struct run r;
	int rc;

	memset(&r, 0, sizeof(r));
	rc = load(&r, a);
	if (rc == 0)
		rc = execute(&r);
	run_free(&r);
	return rc;
}
