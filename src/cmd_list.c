/* orchgen list: the jobs the model holds, for people and scripts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "str.h"
#include "matrix.h"
#include "suite.h"
#include "json.h"
#include "result.h"
#include "report.h"
#include "shard.h"
#include "layout.h"
#include "model.h"
#include "filter.h"
#include "cmd.h"
#include "util.h"

/* S as a JSON string on stdout. */
static void
json_print(const char *s)
{
	struct buf b = {0};

	json_string(&b, s);
	fputs(b.s, stdout);
	buf_free(&b);
}

/* Is a container of J's last run kept (keep)? */
static int
kept(const struct job *j)
{
	char *path = layout_job(JOB_KEPT, j->file);
	int there = access(path, F_OK) == 0;

	free(path);
	return there;
}

static void
list_text(const struct job *const *jobs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		printf("%s\t%s%s\n", jobs[i]->id, jobs[i]->manual ? "manual" : "auto",
		    kept(jobs[i]) ? "\tkept" : "");
	}
}

static void
list_json(const struct job *const *jobs, size_t n)
{
	printf("[");
	for (size_t i = 0; i < n; i++) {
		const struct job *j = jobs[i];

		printf("%s\n  {\"job\": ", i ? "," : "");
		json_print(j->id);
		printf(", \"distro\": ");
		json_print(j->distro->name);
		printf(", \"suite\": ");
		json_print(j->suite->name);
		printf(", \"variant\": ");
		if (j->variant)
			json_print(j->variant);
		else
			printf("null");
		printf(", \"runs\": \"%s\", \"kept\": %s}", j->manual ? "manual" : "auto", kept(j) ? "true" : "false");
	}
	printf("\n]\n");
}

/* The Ninja targets of the jobs, for `ninja $(...)`: the jobs that would
 * run (runnable()). */
static void
list_targets(const struct job *const *jobs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *target = layout_job_target("test", jobs[i]->file);
		puts(target);
		free(target);
	}
}

static const struct lister {
	const char *format;
	void (*print)(const struct job *const *jobs, size_t n);
	int runs;		/* lists only the jobs that would run */
} listers[] = {
	{"text", list_text, 0},
	{"json", list_json, 0},
	{"targets", list_targets, 1},	/* what `orchgen list --targets` prints */
};

static const struct lister *
lister_find(const char *format)
{
	for (size_t i = 0; i < sizeof(listers) / sizeof(listers[0]); i++) {
		if (!strcmp(listers[i].format, format))
			return &listers[i];
	}
	fatal(EXIT_USAGE, "--format=%s: expected text, json or targets", format);
}

/* The jobs of MD that the filters ARGS select, in model order; NULL
 * (warned) when a filter is bad or selects no job. */
static const struct job **
select_jobs(const struct model *md, const struct strv *args, size_t *n)
{
	struct filter f;
	const struct job **sel;

	if (filter_compile(&f, args) < 0)
		return NULL;
	sel = xcalloc(md->njobs, sizeof(*sel));
	*n = 0;
	for (size_t i = 0; i < md->njobs; i++) {
		if (filter_match(&f, md->jobs[i].id))
			sel[(*n)++] = &md->jobs[i];
	}
	if (f.n > 0) {
		struct filter_scope scope;
		model_scope(md, &scope);
		if (filter_check(&f, &scope) < 0) {
			free(sel);
			sel = NULL;
		}
		filter_scope_free(&scope);
	}
	filter_free(&f);
	return sel;
}

/* Of the N jobs SEL, those that would run: as in spread, the manual ones
 * only when no other job is there. */
static void
runnable(const struct job **sel, size_t *n)
{
	size_t kept = 0;
	int automatic = 0;

	for (size_t i = 0; i < *n; i++)
		automatic |= !sel[i]->manual;
	for (size_t i = 0; i < *n; i++) {
		if (!automatic || !sel[i]->manual)
			sel[kept++] = sel[i];
	}
	*n = kept;
}

static int
cmpplace(const void *a, const void *b)
{
	return strcmp(((const struct shard_job *)a)->id, ((const struct shard_job *)b)->id);
}

/* How long each of the N jobs SEL ran when it last did, from the results
 * below DIRS (none: the project's), into JOBS (-1: no result). 0, or -1
 * (warned) when a result is not one. */
static int
durations(const struct model *md, const struct strv *dirs, const struct job *const *sel, size_t n,
    struct shard_job *jobs)
{
	struct strv none = {0};
	struct shard_job *ran;
	struct report rp;

	if (report_load(&rp, md, dirs, &none) < 0)
		return -1;
	ran = xcalloc(rp.njobs ? rp.njobs : 1, sizeof(*ran));
	for (size_t i = 0; i < rp.njobs; i++) {
		const struct result *r = &rp.jobs[i].r;
		ran[i] = (struct shard_job){rp.jobs[i].id, r->status >= NOT_RUN || r->end_ms < r->start_ms ? -1 : r->end_ms - r->start_ms};
	}
	qsort(ran, rp.njobs, sizeof(*ran), cmpplace);
	for (size_t i = 0; i < n; i++) {
		struct shard_job key = {sel[i]->id, -1};
		const struct shard_job *found = bsearch(&key, ran, rp.njobs, sizeof(*ran), cmpplace);
		jobs[i] = (struct shard_job){sel[i]->id, found ? found->ms : -1};
	}
	free(ran);
	report_free(&rp);
	return 0;
}

/* Keep, of the N jobs SEL, part A->shard of A->nshards: 0, or -1 (warned)
 * when the durations cannot be read. */
static int
shard(const struct model *md, const struct cmdargs *a, const struct job **sel, size_t *n)
{
	struct shard_job *jobs = xcalloc(*n ? *n : 1, sizeof(*jobs));
	unsigned *part = xcalloc(*n ? *n : 1, sizeof(*part));
	size_t kept = 0;
	int rc = durations(md, &a->results, sel, *n, jobs);

	if (rc == 0) {
		shard_split(jobs, *n, a->nshards, part);
		for (size_t i = 0; i < *n; i++) {
			if (part[i] == a->shard - 1)
				sel[kept++] = sel[i];
		}
		*n = kept;
	}
	free(jobs), free(part);
	return rc;
}

int
cmd_list(struct cmdargs *a)
{
	const struct lister *l = lister_find(a->format ? a->format : "text");
	const struct job **sel;
	struct model md;
	size_t n;
	int rc = 0;

	if (a->results.n > 0 && !a->shard)
		return cmd_usage(a, "list --results: the durations --shard balances by; expected --shard=K/N too");
	if (model_load(&md, &a->o) < 0)
		return EXIT_USAGE;
	if (!(sel = select_jobs(&md, &a->rest, &n))) {
		model_free(&md);
		return EXIT_USAGE;
	}
	/* A shard of what would run, so that every format splits the same. */
	if (l->runs || a->shard)
		runnable(sel, &n);
	if (a->shard && shard(&md, a, sel, &n) < 0)
		rc = EXIT_USAGE;
	else
		l->print(sel, n);
	free(sel);
	model_free(&md);
	return rc;
}
