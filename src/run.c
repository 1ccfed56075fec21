/* orchgen test: one job, in one fresh container, from start to result. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "str.h"
#include "engine.h"
#include "file.h"
#include "log.h"
#include "matrix.h"
#include "container.h"
#include "result.h"
#include "suite.h"
#include "model.h"
#include "cmd.h"
#include "helper.h"
#include "proc.h"
#include "retry.h"
#include "util.h"

/* Where a job's artifacts directory is mounted. */
#define ARTIFACTS "/.orchgen-artifacts"

/* Runs inside the container. Each skip condition and each section is its
 * own shell, sections with -e, like spread's. Artifacts are collected after
 * execute (and debug), before restore; restore always runs. The last line
 * says how it ended: "--- exit STATUS", or "--- exit skip N" when skip
 * entry N held. */
static const char driver[] =
	"sh=sh; command -v bash >/dev/null 2>&1 && sh=bash\n"
	"section() {\n"
	"\t[ -f \"/.orchgen/$1\" ] || return 0\n"
	"\techo \"--- $1\"\n"
	"\t$sh -e -c '. /.orchgen/env; . \"/.orchgen/$1\"' \"$1\" \"$1\"\n"
	"}\n"
	"i=1\n"
	"while [ -f \"/.orchgen/skip-$i\" ]; do\n"
	"\tif $sh -c '. /.orchgen/env; . \"/.orchgen/skip-$1\"' skip \"$i\"; then\n"
	"\t\techo \"" CONTAINER_END "skip $i\"\n"
	"\t\texit 0\n"
	"\tfi\n"
	"\ti=$((i + 1))\n"
	"done\n"
	"collect() {\n"
	"\t[ -f /.orchgen/artifacts ] || return 0\n"
	"\techo \"--- artifacts\"\n"
	"\twhile IFS= read -r p; do\n"
	"\t\tif [ -e \"$p\" ] || [ -L \"$p\" ]; then\n"
	"\t\t\td=" ARTIFACTS "/$(dirname \"$p\")\n"
	"\t\t\tmkdir -p \"$d\" && cp -a \"$p\" \"$d/\" || echo \"orchgen: artifact $p: not copied\"\n"
	"\t\telse\n"
	"\t\t\techo \"orchgen: artifact $p: no such file\"\n"
	"\t\tfi\n"
	"\tdone </.orchgen/artifacts\n"
	"\tchown -R \"$(cat /.orchgen/owner)\" " ARTIFACTS " 2>/dev/null || true\n"
	"}\n"
	"rc=0\n"
	"section prepare-each || rc=$?\n"
	"[ $rc -ne 0 ] || section prepare || rc=$?\n"
	"[ $rc -ne 0 ] || section execute || rc=$?\n"
	"if [ $rc -ne 0 ]; then section debug-each; section debug; fi\n"
	"collect\n"
	"section restore || { r=$?; [ $rc -ne 0 ] || rc=$r; }\n"
	"section restore-each || { r=$?; [ $rc -ne 0 ] || rc=$r; }\n"
	"echo \"" CONTAINER_END "$rc\"\n"
	"exit $rc\n";

/* The env file: spread's semantics, values expanded by the job's shell. */
static void
env_file(struct buf *b, const struct suite *s, const char *variant)
{
	struct strv pairs = {0};

	suite_env_for(s, variant, &pairs);
	for (size_t i = 0; i + 1 < pairs.n; i += 2) {
		buf_printf(b, "export %s=\"", pairs.v[i]);
		for (const char *p = pairs.v[i + 1]; *p; p++) {
			if (*p == '"')
				buf_putc(b, '\\');
			buf_putc(b, *p);
		}
		buf_puts(b, "\"\n");
	}
	strv_free(&pairs);
}

static int
put(const char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	int rc = 0;

	if (text)
		rc = file_write(path, text, strlen(text));
	else if (unlink(path) != 0 && errno != ENOENT)
		rc = -1, warn("remove %s:", path);
	free(path);
	return rc;
}

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
		rc |= put(dir, name, s->skip[i].cond);
	}
	for (size_t i = s->nskip + 1;; i++) {
		char *path = xasprintf("%s/skip-%zu", dir, i);
		int gone = access(path, F_OK) != 0;
		free(path);
		if (gone)
			break;
		snprintf(name, sizeof(name), "skip-%zu", i);
		rc |= put(dir, name, NULL);
	}
	return rc;
}

/* The scripts the container runs, in a directory of this job's own. */
static int
write_scripts(const char *dir, const struct project *p, const struct suite *s, const char *variant)
{
	struct buf env = {0};
	char *artifacts = artifact_list(s), *owner = xasprintf("%ld:%ld\n", (long)getuid(), (long)getgid());
	int rc = 0;

	env_file(&env, s, variant);
	rc |= put(dir, "env", buf_str(&env));
	rc |= put(dir, "run", driver);
	rc |= put(dir, "owner", owner);
	rc |= put(dir, "artifacts", artifacts);
	rc |= put(dir, "prepare-each", p->prepare_each);
	rc |= put(dir, "restore-each", p->restore_each);
	rc |= put(dir, "debug-each", p->debug_each);
	rc |= put(dir, "prepare", s->prepare);
	rc |= put(dir, "execute", s->execute);
	rc |= put(dir, "restore", s->restore);
	rc |= put(dir, "debug", s->debug);
	rc |= write_skips(dir, s);
	buf_free(&env);
	free(artifacts), free(owner);
	return rc ? -1 : 0;
}

/* Everything one run needs, resolved from the arguments. */
struct run {
	struct matrix m;
	struct suite s;
	const struct distro *d;
	struct job job;
	char *image;		/* the tag */
	char *scripts;		/* the job's script directory */
	char *log, *result, *artifacts;
};

/* How a job ended, for its result and exit status. */
struct outcome {
	const char *status;	/* pass fail xfail xpass skip timeout error */
	int exit_code;		/* of the last run; -1: none */
	char *reason;		/* NULL, or why (owned) */
	int samples, attempts;	/* samples that passed; engine attempts of the last */
};

static int
load(struct run *r, struct cmdargs *a)
{
	char *dir, *path;

	if (!(r->d = helper_distro(&r->m, a)))
		return EXIT_USAGE;
	dir = xasprintf("%s/%s", r->m.project.suites, a->suite);
	path = xasprintf("%s/task.yaml", dir);
	int rc = suite_parse(&r->s, path, dir, a->suite);
	free(dir), free(path);
	if (rc < 0) {
		memset(&r->s, 0, sizeof(r->s));
		return EXIT_USAGE;
	}
	if (a->variant ? !strv_contains(&r->s.variants, a->variant) : r->s.variants.n > 0) {
		warn("%s: no variant \"%s\"", r->s.path, a->variant ? a->variant : "");
		return EXIT_USAGE;
	}
	return (r->image = helper_recorded(a->image, "test")) ? 0 : EXIT_USAGE;
}

static void
paths(struct run *r)
{
	const struct job *j = &r->job;

	r->scripts = xasprintf(".orch/run/%s", j->file);
	r->log = xasprintf(".orch/logs/%s.log", j->file);
	r->result = xasprintf(".orch/results/%s.json", j->file);
	r->artifacts = xasprintf(".orch/artifacts/%s", j->file);
}

static void
run_free(struct run *r)
{
	free(r->image), free(r->scripts), free(r->log), free(r->result), free(r->artifacts);
	job_free(&r->job);
	suite_free(&r->s);
	matrix_free(&r->m);
}

/* The job's container: its scripts at /.orchgen, its artifacts directory,
 * the stages' mounts. */
static int
container(struct run *r, struct container *c)
{
	const struct job *j = &r->job;
	struct strv *env = &c->env;

	container_init(c, &r->m, r->d, r->image, j->id, r->s.name);
	container_mount(c, r->scripts, "/.orchgen", 1);
	if (r->s.artifacts.n > 0)
		container_mount(c, r->artifacts, ARTIFACTS, 0);
	if (container_mount_stages(c, r->d, USE_JOB) < 0)
		return -1;
	strv_push(&c->command, "/bin/sh"), strv_push(&c->command, "/.orchgen/run");
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
static const char *
status_name(const struct suite *s, int st)
{
	if (st == -2)
		return "timeout";
	if (s->expect_fail)
		return st == 0 ? "xpass" : "xfail";
	return st == 0 ? "pass" : "fail";
}

static int
passed(const char *status)
{
	return !strcmp(status, "pass") || !strcmp(status, "xfail") || !strcmp(status, "skip");
}

/* One sample's run, for retry(). */
struct sample {
	struct run *r;
	int append;		/* to the log: not the first sample */
};

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
	int st = -1;

	if (container(r, &c) == 0) {
		c.append = sm->append;
		st = container_run(&c, r->log, warn_s, kill_s);
	}
	container_free(&c);
	return st;
}

/* Write "=== sample I of N" to the log before each sample after the first. */
static void
sample_header(const char *log, int i, int n)
{
	int fd = log_open(log, i > 1);
	char *line = xasprintf("=== sample %d of %d\n", i, n);

	if (fd >= 0) {
		if (write(fd, line, strlen(line)) < 0)
			warn("write %s:", log);
		close(fd);
	}
	free(line);
}

/* The skip entry N (1-based) that the driver reported, or 0. */
static const struct suite_skip *
skipped(const struct run *r)
{
	char *rest = container_outcome(r->log);
	long n = rest && !strncmp(rest, "skip ", 5) ? strtol(rest + 5, NULL, 10) : 0;

	free(rest);
	return n >= 1 && (size_t)n <= r->s.nskip ? &r->s.skip[n - 1] : NULL;
}

/* Run every sample, stopping at the first that does not pass. */
static void
samples(struct run *r, struct outcome *o)
{
	int n = r->s.samples > 0 ? r->s.samples : 1;
	struct sample sm = {r, n > 1};

	for (int i = 1; i <= n; i++) {
		const struct suite_skip *sk;
		int st;
		if (n > 1)
			sample_header(r->log, i, n);
		st = retry(r->job.id, r->m.project.retries, -1, run_once, &sm, &o->attempts);
		o->exit_code = st < 0 ? -1 : st;
		if (st == -1) {
			o->status = "error";
			o->reason = xasprintf("engine trouble, %d attempts", o->attempts);
			return;
		}
		if (st == 0 && (sk = skipped(r))) {
			o->status = "skip";
			o->reason = xstrdup(sk->reason ? sk->reason : "skip condition held");
			return;
		}
		o->status = status_name(&r->s, st);
		if (!passed(o->status)) {
			if (st == -2)
				o->reason = xstrdup("the container was killed at the kill-timeout");
			if (n > 1) {
				char *why = o->reason;
				o->reason = xasprintf("sample %d of %d%s%s", i, n, why ? ": " : "", why ? why : "");
				free(why);
			}
			return;
		}
		o->samples = i;
	}
}

/* Record the outcome; the stamp only when it passed or was skipped. */
static int
finish(const struct run *r, const struct outcome *o, long long t0)
{
	struct result res = {
		.distro = r->d->name, .suite = r->s.name, .variant = r->job.variant,
		.status = o->status, .exit_code = o->exit_code, .reason = o->reason,
		.samples = o->samples, .attempts = o->attempts,
		.start_ms = t0, .end_ms = now_ms(), .image = r->image, .log = r->log,
	};

	if (result_write(r->result, &res) < 0)
		return EXIT_ENGINE;
	if (!strcmp(o->status, "skip"))
		warn("%s: skip: %s", r->job.id, o->reason);
	if (passed(o->status)) {
		char *text = xasprintf("%s\n", r->image);
		int rc = file_write(r->job.stamp, text, strlen(text));
		free(text);
		return rc < 0 ? EXIT_ENGINE : 0;
	}
	if (o->attempts == 0) {		/* it never started: a missing feature */
		warn("%s: error: %s", r->job.id, o->reason);
		return EXIT_JOBFAIL;
	}
	log_tail(r->log, 20);
	if (!strcmp(o->status, "error"))
		return EXIT_ENGINE;
	char code[32] = "";
	if (o->exit_code >= 0)
		snprintf(code, sizeof(code), " (exit status %d)", o->exit_code);
	warn("%s: %s%s%s%s", r->job.id, o->status, o->reason ? ": " : "", o->reason ? o->reason : "", code);
	return EXIT_JOBFAIL;
}

/* A job whose distro lacks a feature it requires never starts: it fails,
 * or with `missing-feature = skip` it is skipped. */
static int
unmet(const struct run *r, struct outcome *o)
{
	char *missing = missing_features(&r->s, r->d);

	if (!missing)
		return 0;
	o->status = r->m.project.skip_missing ? "skip" : "error";
	o->reason = xasprintf("requires %s, which %s's features do not list%s", missing, r->d->name,
	    r->m.project.skip_missing ? "" : " (missing-feature = skip would skip it)");
	free(missing);
	return 1;
}

static int
execute(struct run *r)
{
	struct outcome o = {.exit_code = -1};
	long long t0 = now_ms();
	int rc;

	unlink(r->job.stamp);
	if (file_mkdirs(r->scripts) < 0 || write_scripts(r->scripts, &r->m.project, &r->s, r->job.variant) < 0)
		return EXIT_ENGINE;
	if (!unmet(r, &o)) {
		if (r->s.artifacts.n > 0 && (proc_call(-1, "rm", "-rf", r->artifacts, NULL) != 0 || file_mkdirs(r->artifacts) < 0)) {
			warn("%s: could not empty the last run's artifacts", r->artifacts);
			return EXIT_ENGINE;
		}
		samples(r, &o);
	}
	rc = finish(r, &o, t0);
	free(o.reason);
	return rc;
}

int
cmd_test(struct cmdargs *a)
{
	struct run r;
	int rc;

	if (!a->distro || !a->suite || !a->image)
		fatal(EXIT_USAGE, "usage: orchgen test [-f FILE] --distro D --suite S [--variant V] --image FILE");
	memset(&r, 0, sizeof(r));
	rc = load(&r, a);
	if (rc == 0) {
		job_init(&r.job, r.d, &r.s, a->variant);
		paths(&r);
		rc = execute(&r);
	}
	run_free(&r);
	return rc;
}
