/* orchgen why: what changed, input by input, since a job's last passing
 * run, from the record in its stamp (record.h) held against what the
 * inputs are now: its suite's files, its image and what that is made of,
 * its build, the settings on its command line. Or that it is up to date. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>
#include "str.h"
#include "hash.h"
#include "matrix.h"
#include "key.h"
#include "layout.h"
#include "record.h"
#include "result.h"
#include "suite.h"
#include "walk.h"
#include "inputs.h"
#include "model.h"
#include "cmd.h"
#include "helper.h"
#include "util.h"

/* A value short enough to show on a line, else "(changed)" says it. */
static const char *
shown(const char *v)
{
	return !v ? "(none)" : strlen(v) <= 40 && !strchr(v, '\n') ? v : NULL;
}

/* Each setting that differs between the recorded ones (WAS, under PREFIX)
 * and NOW, as a line in WHY. */
static void
settings(const struct record *was, const char *prefix, const struct record *now, const char *what, struct strv *why)
{
	size_t n = strlen(prefix);
	struct strv names = {0};

	for (size_t i = 0; i < was->pairs.n; i += 2) {
		if (!strncmp(was->pairs.v[i], prefix, n) && !strncmp(was->pairs.v[i] + n, "setting.", 8))
			strv_push(&names, was->pairs.v[i] + n);
	}
	for (size_t i = 0; i < now->pairs.n; i += 2)
		strv_push(&names, now->pairs.v[i]);
	strv_uniq(&names);
	for (size_t i = 0; i < names.n; i++) {
		char *key = xasprintf("%s%s", prefix, names.v[i]);
		const char *old = record_get(was, key), *new = record_get(now, names.v[i]);
		if (!old || !new || strcmp(old, new) != 0) {
			if (shown(old) && shown(new))
				strv_take(why, xasprintf("%s: %s: %s -> %s", what, names.v[i] + 8, shown(old), shown(new)));
			else
				strv_take(why, xasprintf("%s: %s changed", what, names.v[i] + 8));
		}
		free(key);
	}
	strv_free(&names);
}

/* The hash of the input GET defines now ("" when it has none). */
static char *
hash_now(const struct matrix *m, int (*get)(const struct matrix *, const char *, struct input *))
{
	struct input in;
	char hex[HASH_HEX + 1] = "";

	if (get(m, NULL, &in) == 0) {
		if (input_hash(&in, 0, hex) < 0)
			hex[0] = '\0';
		input_free(&in);
	}
	return xstrdup(hex);
}

static int
differs(const struct record *r, const char *name, const char *now)
{
	const char *was = record_get(r, name);

	return !was || strcmp(was, now ? now : "") != 0;
}

/* What changed in the image since REC: its tag, and what it is made of. */
static void
image(const struct model *md, const struct job *j, const struct record *rec, struct strv *why)
{
	const struct matrix *m = &md->matrix;
	char *path = layout_image(j->distro->name), *tag = helper_read_recorded(path);
	char *context = hash_now(m, input_context), *base = key_base_ref(m, j->distro);
	struct record now = {0};

	if (differs(rec, "image", tag))
		strv_take(why, xasprintf("the image is another one now: %s -> %s", record_get(rec, "image") ? record_get(rec, "image") : "(none)", tag ? tag : "(none)"));
	if (differs(rec, "image.context", context))
		strv_push(why, "the image's context changed (the Dockerfile or a file of its context)");
	if (differs(rec, "image.base", base))
		strv_take(why, xasprintf("the image's base is another one: %s", base));
	key_record(&now, m, j->distro, FEEDS_IMAGE);
	settings(rec, "image.", &now, "the image", why);
	record_free(&now);
	free(path), free(tag), free(context), free(base);
}

static void
build(const struct model *md, const struct job *j, const struct record *rec, struct strv *why)
{
	const struct matrix *m = &md->matrix;
	struct record now = {0};
	char *sources;

	if (!m->project.build)
		return;
	sources = hash_now(m, input_sources);
	if (differs(rec, "build.files", sources))
		strv_push(why, "the build's sources changed");
	key_record(&now, m, j->distro, FEEDS_BUILD);
	settings(rec, "build.", &now, "the build", why);
	record_free(&now);
	free(sources);
}

static void
suite(const struct model *md, const struct job *j, const struct record *rec, struct strv *why)
{
	struct input in;
	char hex[HASH_HEX + 1] = "";

	for (size_t i = 0; i < md->nsuites; i++) {
		if (&md->suites[i] != j->suite)
			continue;
		input_suite(md->suites, md->nsuites, i, md->found, md->output, &in);
		if (input_hash(&in, 0, hex) < 0)
			hex[0] = '\0';
		input_free(&in);
	}
	if (differs(rec, "suite", hex))
		strv_take(why, xasprintf("its suite's files changed (%s)", j->suite->dir));
}

/* Why the job ran last and did not pass, or never ran. */
static void
never_passed(const struct job *j)
{
	char *path = layout_job(JOB_RESULT, j->file), *log = layout_job(JOB_LOG, j->file);
	struct result r;

	if (access(path, F_OK) != 0 && access(log, F_OK) == 0) {
		printf("%s has not passed: its last run did not end (it was interrupted, or runs now): %s\n", j->id, log);
	} else if (access(path, F_OK) != 0 || result_read(path, &r) < 0) {
		printf("%s has never run\n", j->id);
	} else {
		printf("%s has not passed: its last run ended %s%s%s\n", j->id, status_name(r.status),
		    r.reason ? ": " : "", r.reason ? r.reason : "");
		result_free(&r);
	}
	free(path), free(log);
}

static void
explain(const struct model *md, const struct job *j)
{
	char *path = layout_job(JOB_STAMP, j->file);
	struct record rec = {0}, now = {0};
	struct strv why = {0};

	if (access(path, F_OK) != 0 || record_read(path, &rec) < 0) {
		never_passed(j);
		free(path);
		return;
	}
	suite(md, j, &rec, &why);
	image(md, j, &rec, &why);
	build(md, j, &rec, &why);
	key_record(&now, &md->matrix, j->distro, FEEDS_JOB);
	settings(&rec, "", &now, "a setting of its jobs", &why);
	if (why.n == 0)
		printf("%s is up to date\n", j->id);
	else
		printf("%s will run again:\n", j->id);
	for (size_t i = 0; i < why.n; i++)
		printf("  %s\n", why.v[i]);
	record_free(&rec), record_free(&now);
	strv_free(&why);
	free(path);
}

int
cmd_why(struct cmdargs *a)
{
	const struct job **named;
	struct model md;
	int rc = 0;

	if (a->rest.n == 0)
		return cmd_usage(a, "why needs a job or target: expected distro:suite[:variant] or test-D[/DIR|/S[:V]], as orchgen list prints them");
	if (model_load(&md, &a->o) < 0)
		return EXIT_USAGE;
	named = xcalloc(md.njobs + 1, sizeof(*named));
	for (size_t i = 0; i < a->rest.n; i++) {
		size_t n = model_named(&md, a->rest.v[i], named);
		for (size_t k = 0; k < n; k++)
			explain(&md, named[k]);
		if (n == 0) {
			char *why = model_no_job(&md, a->rest.v[i]);
			warn("%s: %s", a->rest.v[i], why);
			free(why);
			rc = EXIT_USAGE;
		}
	}
	free(named);
	model_free(&md);
	return rc;
}
