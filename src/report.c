#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "str.h"
#include "file.h"
#include "json.h"
#include "log.h"
#include "matrix.h"
#include "layout.h"
#include "driver.h"
#include "result.h"
#include "suite.h"
#include "walk.h"
#include "filter.h"
#include "model.h"
#include "report.h"
#include "util.h"

const char *
report_status(int s)
{
	return s == NOT_RUN ? "not run" : s == MANUAL ? "manual" : status_name(s);
}

const char *
report_job_status(const struct report_job *j)
{
	return report_status(j->r.status == MANUAL ? NOT_RUN : (int)j->r.status);
}

int
report_status_ok(int s)
{
	return s == MANUAL || status_ok(s);
}

double
report_seconds(const struct report_job *j)
{
	if (j->r.status >= NOT_RUN || j->r.end_ms < j->r.start_ms)
		return 0;
	return (double)(j->r.end_ms - j->r.start_ms) / 1000.0;
}

static char *
job_id(const char *distro, const char *suite, const char *variant)
{
	return variant ? xasprintf("%s:%s:%s", distro, suite, variant) : xasprintf("%s:%s", distro, suite);
}

/* Where the log LOG (a path of the project, .orch/logs/...) is, for results
 * read from DIR: beside DIR, in the .orch it is part of. */
static char *
log_beside(const char *dir, const char *log)
{
	size_t n = strlen(ORCH "/");
	const char *slash = strrchr(dir, '/');

	if (!log)
		return NULL;
	if (strncmp(log, ORCH "/", n) != 0)
		return xstrdup(log);
	if (!slash)
		return xstrdup(log + n);
	return xasprintf("%.*s/%s", (int)(slash - dir), dir, log + n);
}

static void
push_job(struct report *rp, struct report_job *j)
{
	rp->jobs = xrealloc(rp->jobs, (rp->njobs + 1) * sizeof(*rp->jobs));
	rp->jobs[rp->njobs++] = *j;
}

/* Every result below DIR; of two results of one job, the later one. */
static int
read_dir(struct report *rp, const char *dir, int project)
{
	struct group g = {0};
	struct strv files = {0}, dirs = {0};
	int rc;

	strv_push(&g.paths, dir);
	rc = group_list(&g, &files, &dirs);
	for (size_t i = 0; rc == 0 && i < files.n; i++) {
		struct report_job j = {0};
		size_t len = strlen(files.v[i]);
		if (len < 5 || strcmp(files.v[i] + len - 5, ".json") != 0)
			continue;
		if (result_read(files.v[i], &j.r) < 0) {
			rc = -1;
			break;
		}
		j.id = job_id(j.r.distro, j.r.suite, j.r.variant);
		j.log = project ? (j.r.log ? xstrdup(j.r.log) : NULL) : log_beside(dir, j.r.log);
		push_job(rp, &j);
	}
	group_free(&g), strv_free(&files), strv_free(&dirs);
	return rc;
}

static void
report_job_free(struct report_job *j)
{
	free(j->id), free(j->log);
	result_free(&j->r);
}

/* The order of jobs: distro, suite, variant (none first). */
static int
cmptriple(const char *d1, const char *s1, const char *v1, const char *d2, const char *s2, const char *v2)
{
	int r = strcmp(d1, d2);

	if (!r)
		r = strcmp(s1, s2);
	return r ? r : strcmp(v1 ? v1 : "", v2 ? v2 : "");
}

static int
cmpjob(const void *a, const void *b)
{
	const struct report_job *x = a, *y = b;
	int r = cmptriple(x->r.distro, x->r.suite, x->r.variant, y->r.distro, y->r.suite, y->r.variant);

	/* The same job twice: the later result first. */
	return r ? r : (y->r.end_ms > x->r.end_ms) - (y->r.end_ms < x->r.end_ms);
}

/* Sorted, one result per job: the first of each run of one id. */
static void
dedup(struct report *rp)
{
	size_t kept = 0;

	if (rp->njobs > 1)
		qsort(rp->jobs, rp->njobs, sizeof(*rp->jobs), cmpjob);
	for (size_t i = 0; i < rp->njobs; i++) {
		if (kept > 0 && !strcmp(rp->jobs[kept - 1].id, rp->jobs[i].id))
			report_job_free(&rp->jobs[i]);
		else
			rp->jobs[kept++] = rp->jobs[i];
	}
	rp->njobs = kept;
}

static int
cmpmodel(const void *a, const void *b)
{
	const struct job *x = *(const struct job *const *)a, *y = *(const struct job *const *)b;

	return cmptriple(x->distro->name, x->suite->name, x->variant, y->distro->name, y->suite->name, y->variant);
}

/* A report job for the model's job J, which has no result. */
static struct report_job
not_run(const struct job *mj)
{
	struct report_job j = {.id = xstrdup(mj->id), .r = {.status = NOT_RUN, .exit_code = -1}, .manual = mj->manual};

	strv_push(&j.r.owned, mj->distro->name);
	strv_push(&j.r.owned, mj->suite->name);
	if (mj->variant)
		strv_push(&j.r.owned, mj->variant);
	j.r.distro = j.r.owned.v[0], j.r.suite = j.r.owned.v[1];
	j.r.variant = mj->variant ? j.r.owned.v[2] : NULL;
	return j;
}

/* Held against the model, both sorted: results of jobs it no longer has
 * go, its jobs without one come in as not run. */
static void
against_model(struct report *rp, const struct model *md)
{
	const struct job **mj = xcalloc(md->njobs, sizeof(*mj));
	struct report_job *all = rp->jobs;
	size_t n = rp->njobs, i = 0, k = 0;

	for (size_t x = 0; x < md->njobs; x++)
		mj[x] = &md->jobs[x];
	if (md->njobs > 1)
		qsort(mj, md->njobs, sizeof(*mj), cmpmodel);
	rp->jobs = NULL, rp->njobs = 0;
	while (i < n || k < md->njobs) {
		int c = i == n ? 1 : k == md->njobs ? -1
		    : cmptriple(all[i].r.distro, all[i].r.suite, all[i].r.variant,
			mj[k]->distro->name, mj[k]->suite->name, mj[k]->variant);
		if (c < 0) {
			report_job_free(&all[i++]);
		} else if (c == 0) {
			all[i].manual = mj[k++]->manual;
			push_job(rp, &all[i++]);
		} else {
			struct report_job j = not_run(mj[k++]);
			push_job(rp, &j);
		}
	}
	free(all), free(mj);
}

/* Keep the jobs FILTERS select: -1 (warned) when one selects none, said
 * against MD's jobs (NULL: those of the results). */
static int
select_jobs(struct report *rp, const struct model *md, const struct strv *filters)
{
	struct filter_scope scope = {0};
	struct filter f;
	size_t kept = 0;
	int rc;

	if (filters->n == 0)
		return 0;
	if (filter_compile(&f, filters) < 0)
		return -1;
	if (md)
		model_scope(md, &scope);
	for (size_t i = 0; i < rp->njobs; i++)
		strv_push(&scope.ids, rp->jobs[i].id);
	for (size_t i = 0; i < rp->njobs; i++) {
		if (filter_match(&f, rp->jobs[i].id))
			rp->jobs[kept++] = rp->jobs[i];
		else
			report_job_free(&rp->jobs[i]);
	}
	rp->njobs = kept;
	rc = filter_check(&f, &scope);
	filter_scope_free(&scope);
	filter_free(&f);
	return rc;
}

/* Why the jobs of D would have no result, when a stage of D failed the
 * last time it ran: the first of its stages that did, in the order they
 * run ("image-D failed (exit status 1)", new), its log at *LOG (new), and
 * when it failed at *WHEN (Unix milliseconds). NULL when none did. */
static char *
stage_failed(const struct matrix *m, const struct distro *d, char **log, long long *when)
{
	const char *stages[] = {d->rootfs ? "base" : NULL, "image", matrix_warms(m) ? "warm" : NULL,
	    m->project.build ? "build" : NULL};
	char *why = NULL;

	for (size_t i = 0; !why && i < sizeof(stages) / sizeof(*stages); i++) {
		char *path = stages[i] ? layout_stage_failed(d->name, stages[i]) : NULL;
		char *mark = path ? file_read(path, NULL) : NULL, *target;
		struct stat st;
		*when = mark && stat(path, &st) == 0 ? (long long)st.st_mtim.tv_sec * 1000 + st.st_mtim.tv_nsec / 1000000 : 0;
		free(path);
		if (!mark)
			continue;
		mark[strcspn(mark, "\n")] = '\0';
		target = layout_target(stages[i], d->name);
		why = *mark ? xasprintf("%s failed (%s)", target, mark) : xasprintf("%s failed", target);
		*log = layout_stage_log(d->name, stages[i]);
		free(target), free(mark);
	}
	return why;
}

/* J has no result as it is manual, and not named: MANUAL, and why. */
static void
as_manual(struct report_job *j)
{
	char *file = layout_job_file(j->r.distro, j->r.suite, j->r.variant), *target = layout_job_target("test", file);

	j->r.status = MANUAL;
	strv_take(&j->r.owned, xasprintf("manual: it runs only when named (ninja %s)", target));
	j->r.reason = j->r.owned.v[j->r.owned.n - 1];
	free(file), free(target);
}

/* Why each job held against MD that has no result has none: a manual job
 * that FILTERS do not name (they name the manual jobs they select when
 * they select no other) runs only when named; the others did not run, as
 * a stage of their distro failed (when STAGES: the results are this
 * checkout's, and so are its stages' marks), or for no reason known. A
 * result older than its distro's failed stage is an earlier run's: the
 * job did not run since, as that stage failed, and counts as not run. */
static void
no_result(struct report *rp, const struct model *md, const struct strv *filters, int stages)
{
	const struct distro *d = NULL;
	char *why = NULL, *log = NULL;
	long long when = 0;
	int named = filters->n > 0;

	for (size_t i = 0; i < rp->njobs; i++)
		named &= rp->jobs[i].manual;
	for (size_t i = 0; i < rp->njobs; i++) {
		struct report_job *j = &rp->jobs[i];
		if (j->r.status == NOT_RUN && j->manual && !named) {
			as_manual(j);
			continue;
		}
		if (!d || strcmp(d->name, j->r.distro) != 0) {
			free(why), free(log);
			why = log = NULL;
			if (stages && (d = matrix_distro(&md->matrix, j->r.distro)))
				why = stage_failed(&md->matrix, d, &log, &when);
		}
		if (!why || (j->r.status != NOT_RUN && (j->r.end_ms >= when || j->manual)))
			continue;
		if (j->r.status != NOT_RUN)
			strv_take(&j->r.owned, xasprintf("%s; its last result, %s, is from an earlier run", why, status_name(j->r.status)));
		else
			strv_push(&j->r.owned, why);
		j->r.status = NOT_RUN;
		j->r.exit_code = -1;
		j->r.phase = NULL, j->r.line = 0;
		j->r.reason = j->r.owned.v[j->r.owned.n - 1];
		free(j->log);
		j->log = xstrdup(log);
	}
	free(why), free(log);
}

int
report_load(struct report *rp, const struct model *md, const struct strv *dirs, const struct strv *filters)
{
	int rc = 0;

	memset(rp, 0, sizeof(*rp));
	for (size_t i = 0; rc == 0 && i < dirs->n; i++)
		rc = read_dir(rp, dirs->v[i], 0);
	if (rc == 0 && dirs->n == 0 && access(layout_job_root(JOB_RESULT), F_OK) == 0)
		rc = read_dir(rp, layout_job_root(JOB_RESULT), 1);
	dedup(rp);
	if (rc == 0 && md)
		against_model(rp, md);
	if (rc == 0)
		rc = select_jobs(rp, md, filters);
	if (rc == 0 && md)
		no_result(rp, md, filters, dirs->n == 0);
	for (size_t i = 0; i < rp->njobs; i++) {
		rp->counts[rp->jobs[i].r.status]++;
		strv_push(&rp->distros, rp->jobs[i].r.distro);
	}
	strv_uniq(&rp->distros);
	if (rc < 0)
		report_free(rp);
	return rc;
}

void
report_free(struct report *rp)
{
	for (size_t i = 0; i < rp->njobs; i++)
		report_job_free(&rp->jobs[i]);
	free(rp->jobs);
	strv_free(&rp->distros);
	memset(rp, 0, sizeof(*rp));
}

int
report_ok(const struct report *rp)
{
	for (size_t i = 0; i < rp->njobs; i++) {
		if (!report_status_ok(rp->jobs[i].r.status))
			return 0;
	}
	return 1;
}

char *
report_tail(const struct report_job *j, int n)
{
	char *mark, *text;

	if (!j->log)
		return NULL;
	mark = j->r.phase ? xasprintf(DRIVER_MARK "%s", j->r.phase) : NULL;
	text = log_tail_text(j->log, mark, DRIVER_MARK, n);
	free(mark);
	return text;
}

/* "12 pass  1 fail" for the jobs of DISTRO (NULL: all), in status order. */
static void
counts(const struct report *rp, const char *distro, struct buf *out, const char *sep)
{
	size_t c[REPORT_NSTATUS] = {0};
	int first = 1;

	for (size_t i = 0; i < rp->njobs; i++) {
		if (!distro || !strcmp(rp->jobs[i].r.distro, distro))
			c[rp->jobs[i].r.status]++;
	}
	for (int s = 0; s < REPORT_NSTATUS; s++) {
		if (!c[s])
			continue;
		buf_printf(out, "%s%zu %s", first ? "" : sep, c[s], report_status(s));
		first = 0;
	}
}

static int
cmpslow(const void *a, const void *b)
{
	double x = report_seconds(*(const struct report_job *const *)a);
	double y = report_seconds(*(const struct report_job *const *)b);

	return (x < y) - (x > y);
}

size_t
report_slowest(const struct report *rp, const struct report_job **out, size_t n)
{
	const struct report_job **by = xcalloc(rp->njobs, sizeof(*by));
	size_t ran = 0;

	for (size_t i = 0; i < rp->njobs; i++) {
		if (rp->jobs[i].r.status < NOT_RUN)
			by[ran++] = &rp->jobs[i];
	}
	if (ran > 1)
		qsort(by, ran, sizeof(*by), cmpslow);
	n = ran < n ? ran : n;
	memcpy(out, by, n * sizeof(*out));
	free(by);
	return n;
}

static void
slowest(const struct report *rp, struct buf *out)
{
	const struct report_job *by[5];
	size_t n = report_slowest(rp, by, 5);

	if (n > 0)
		buf_puts(out, "\nslowest:\n");
	for (size_t i = 0; i < n; i++)
		buf_printf(out, "  %8.1fs  %s\n", report_seconds(by[i]), by[i]->id);
}

/* The failed jobs (and those not run), each with why and its log; then
 * how many manual jobs were not run, which are no failures. */
static void
failures(const struct report *rp, struct buf *out)
{
	int first = 1, unknown = 0;

	for (size_t i = 0; i < rp->njobs; i++) {
		const struct report_job *j = &rp->jobs[i];
		if (report_status_ok(j->r.status))
			continue;
		unknown |= j->r.status == NOT_RUN && !j->r.reason;
		buf_printf(out, "%s  %s  %s", first ? "\nfailed:\n" : "", j->id, report_status(j->r.status));
		if (j->r.reason)
			buf_printf(out, ": %s", j->r.reason);
		if (j->r.exit_code >= 0 && j->r.status != STATUS_XPASS)
			buf_printf(out, " (exit status %d)", j->r.exit_code);
		buf_putc(out, '\n');
		if (j->log)
			buf_printf(out, "      log: %s\n", j->log);
		first = 0;
	}
	if (unknown)
		buf_puts(out, "  (not run: no result yet; run them, or name the jobs to report on: orchgen report FILTER...)\n");
	if (rp->counts[MANUAL])
		buf_printf(out, "\nmanual: %zu job%s not run, as a manual suite runs only when named (ninja test-D/S); no failure\n",
		    rp->counts[MANUAL], rp->counts[MANUAL] == 1 ? "" : "s");
}

void
report_summary(const struct report *rp, struct buf *out)
{
	size_t width = 0;
	double total = 0;

	for (size_t i = 0; i < rp->distros.n; i++)
		width = strlen(rp->distros.v[i]) > width ? strlen(rp->distros.v[i]) : width;
	for (size_t i = 0; i < rp->distros.n; i++) {
		buf_printf(out, "%-*s  ", (int)width, rp->distros.v[i]);
		counts(rp, rp->distros.v[i], out, "  ");
		buf_putc(out, '\n');
	}
	failures(rp, out);
	slowest(rp, out);
	for (size_t i = 0; i < rp->njobs; i++)
		total += report_seconds(&rp->jobs[i]);
	buf_printf(out, "\n%zu job%s: ", rp->njobs, rp->njobs == 1 ? "" : "s");
	counts(rp, NULL, out, ", ");
	buf_printf(out, "%s in %.1fs\n", rp->njobs ? "" : "none", total);
}

void
report_json(const struct report *rp, struct buf *out)
{
	buf_puts(out, "{\n  \"jobs\": [");
	for (size_t i = 0; i < rp->njobs; i++) {
		const struct report_job *j = &rp->jobs[i];
		const struct result *r = &j->r;
		buf_printf(out, "%s\n    {\"job\": ", i ? "," : "");
		json_string(out, j->id);
		buf_puts(out, ", \"distro\": "), json_string(out, r->distro);
		buf_puts(out, ", \"suite\": "), json_string(out, r->suite);
		buf_puts(out, ", \"variant\": "), json_string(out, r->variant);
		buf_puts(out, ", \"status\": "), json_string(out, report_job_status(j));
		buf_printf(out, ", \"exit_code\": %d", r->exit_code);
		buf_puts(out, ", \"reason\": "), json_string(out, r->reason);
		buf_puts(out, ", \"phase\": "), json_string(out, r->phase);
		buf_printf(out, ", \"duration\": %.3f", report_seconds(j));
		buf_puts(out, ", \"log\": "), json_string(out, j->log);
		buf_putc(out, '}');
	}
	buf_puts(out, "\n  ],\n  \"counts\": {");
	for (int s = 0, first = 1; s < REPORT_NSTATUS; s++) {
		buf_printf(out, "%s\"%s\": %zu", first ? "" : ", ", report_status(s), rp->counts[s]);
		first = 0;
	}
	buf_printf(out, "},\n  \"ok\": %s\n}\n", report_ok(rp) ? "true" : "false");
}
