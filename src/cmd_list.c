/* orchgen list: the jobs the model holds, for people and scripts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "str.h"
#include "matrix.h"
#include "suite.h"
#include "json.h"
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

/* The Ninja targets of the jobs that would run, for `ninja $(...)`. As in
 * spread, manual jobs are left out when any other job was selected. */
static void
list_targets(const struct job *const *jobs, size_t n)
{
	int automatic = 0;

	for (size_t i = 0; i < n; i++)
		automatic |= !jobs[i]->manual;
	for (size_t i = 0; i < n; i++) {
		if (!automatic || !jobs[i]->manual) {
			char *target = layout_job_target("test", jobs[i]->file);
			puts(target);
			free(target);
		}
	}
}

static const struct lister {
	const char *format;
	void (*print)(const struct job *const *jobs, size_t n);
} listers[] = {
	{"text", list_text},
	{"json", list_json},
	{"targets", list_targets},	/* what `orchgen list --targets` prints */
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
	if (filter_check(&f, &md->excluded) < 0) {
		free(sel);
		sel = NULL;
	}
	filter_free(&f);
	return sel;
}

int
cmd_list(struct cmdargs *a)
{
	const struct lister *l = lister_find(a->format ? a->format : "text");
	const struct job **sel;
	struct model md;
	size_t n;

	if (model_load(&md, &a->o) < 0)
		return EXIT_USAGE;
	if (!(sel = select_jobs(&md, &a->rest, &n))) {
		model_free(&md);
		return EXIT_USAGE;
	}
	l->print(sel, n);
	free(sel);
	model_free(&md);
	return 0;
}
