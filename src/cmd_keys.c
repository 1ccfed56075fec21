/* orchgen keys: the content keys of each stage, for CI caches. They come
 * from the same hashes and key functions the graph uses. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "str.h"
#include "hash.h"
#include "matrix.h"
#include "key.h"
#include "suite.h"
#include "walk.h"
#include "inputs.h"
#include "model.h"
#include "cmd.h"
#include "util.h"

/* One distro's keys; "" where the stage is not configured. */
struct keys {
	const char *distro;
	char base[KEY_HEX + 1], image[KEY_HEX + 1], warm[KEY_HEX + 1], build[KEY_HEX + 1], run[KEY_HEX + 1];
};

/* The hashes every distro's keys share, from the inputs the graph hashes:
 * the context's, the warm inputs' and sources' ("" when there are none),
 * and each suite's, in the model's order. */
struct shared {
	char context[HASH_HEX + 1], warm[HASH_HEX + 1], sources[HASH_HEX + 1];
	char (*suites)[HASH_HEX + 1];
};

/* What a format prints: the keys of N distros, and how many runners each
 * distro's jobs are split over (github-matrix). */
struct keyset {
	const char *context;
	const struct keys *ks;
	size_t n;
	unsigned shards;
};

/* The hash of the input that GET defines into HEX, "" when there is none. */
static int
input_key(const struct matrix *m, const char *output, int (*get)(const struct matrix *, const char *, struct input *),
    char hex[HASH_HEX + 1])
{
	struct input in;
	int rc = 0;

	hex[0] = '\0';
	if (get(m, output, &in) < 0)
		return 0;
	rc = input_hash(&in, 0, hex);
	input_free(&in);
	return rc;
}

static int
shared_keys(const struct model *md, const char *output, struct shared *sh)
{
	const struct matrix *m = &md->matrix;
	struct input in;
	int rc;

	sh->suites = xcalloc(md->nsuites ? md->nsuites : 1, sizeof(*sh->suites));
	if (input_context(m, output, &in) < 0)
		return -1;
	rc = input_hash(&in, 0, sh->context);
	input_free(&in);
	if (rc == 0)
		rc = input_key(m, output, input_warm, sh->warm);
	if (rc == 0)
		rc = input_key(m, output, input_sources, sh->sources);
	for (size_t i = 0; rc == 0 && i < md->nsuites; i++) {
		input_suite(md->suites, md->nsuites, i, md->found, md->output, &in);
		rc = input_hash(&in, 0, sh->suites[i]);
		input_free(&in);
	}
	return rc;
}

/* D's run state's key: its stages' keys, its jobs' settings, the suites
 * it has jobs of, and the $(HOST:...) outputs its jobs use (a spread
 * project's). */
static void
run_key(const struct model *md, const struct distro *d, const struct shared *sh, struct keys *k)
{
	const char *stages[KEY_RUN_STAGES] = {k->base, k->image, k->warm, k->build};
	char *on = xcalloc(md->nsuites ? md->nsuites : 1, 1), hex[HASH_HEX + 1];
	struct strv suites = {0};

	for (size_t i = 0; i < md->njobs; i++) {
		if (md->jobs[i].distro == d)
			on[md->jobs[i].suite - md->suites] = 1;
	}
	for (size_t i = 0; i < md->nsuites; i++) {
		if (on[i])
			strv_push(&suites, md->suites[i].name), strv_push(&suites, sh->suites[i]);
	}
	for (size_t i = 0; i < md->njobs; i++) {
		if (md->jobs[i].distro == d && md->jobs[i].host)
			strv_push(&suites, md->jobs[i].id), strv_push(&suites, md->jobs[i].host);
	}
	key_settings(&md->matrix, d, FEEDS_JOB, hex);
	key_run(d->name, stages, hex, &suites, k->run);
	strv_free(&suites);
	free(on);
}

static void
distro_keys(const struct model *md, const struct distro *d, const struct shared *sh, struct keys *k)
{
	const struct matrix *m = &md->matrix;
	char hex[HASH_HEX + 1];

	memset(k, 0, sizeof(*k));
	k->distro = d->name;
	key_image(m, d, sh->context, "", k->image);
	if (d->rootfs) {
		char *base = key_base_tag(m, d);
		snprintf(k->base, sizeof(k->base), "%s", strchr(base, ':') + 1);
		free(base);
	}
	if (matrix_warms(m)) {
		key_settings(m, d, FEEDS_WARM, hex);
		key_stage(k->image, hex, sh->warm, k->warm);
	}
	if (m->project.build) {
		key_settings(m, d, FEEDS_BUILD, hex);
		key_stage(k->image, hex, sh->sources, k->build);
	}
	run_key(md, d, sh, k);
}

static const char *const stages[] = {"base", "image", "warm", "build", "run"};
#define NSTAGES (sizeof(stages) / sizeof(*stages))

static const char *
stage_of(const struct keys *k, size_t i)
{
	const char *v[] = {k->base, k->image, k->warm, k->build, k->run};
	return v[i];
}

/* ORCHGEN_KEY_STAGE_DISTRO=key, the distro upper-cased, others '_'. */
static void
print_env(const struct keyset *set)
{
	printf("ORCHGEN_KEY_CONTEXT=%s\n", set->context);
	for (size_t s = 0; s < NSTAGES; s++) {
		for (size_t i = 0; i < set->n; i++) {
			if (!*stage_of(&set->ks[i], s))
				continue;
			printf("ORCHGEN_KEY_");
			for (const char *p = stages[s]; *p; p++)
				putchar(toupper((unsigned char)*p));
			putchar('_');
			for (const char *p = set->ks[i].distro; *p; p++)
				putchar(isalnum((unsigned char)*p) ? toupper((unsigned char)*p) : '_');
			printf("=%s\n", stage_of(&set->ks[i], s));
		}
	}
}

/* GitHub Actions step outputs (append to $GITHUB_OUTPUT): stage-distro=key. */
static void
print_github(const struct keyset *set)
{
	printf("context=%s\n", set->context);
	for (size_t s = 0; s < NSTAGES; s++) {
		for (size_t i = 0; i < set->n; i++) {
			if (*stage_of(&set->ks[i], s))
				printf("%s-%s=%s\n", stages[s], set->ks[i].distro, stage_of(&set->ks[i], s));
		}
	}
}

/* {"context": ..., "images": {distro: key, ...}, "bases", "warm", "build",
 * "run" likewise, each only when some distro has that stage. Distro names
 * are Docker name components: nothing in them needs escaping. */
static void
print_json(const struct keyset *set)
{
	static const char *const maps[] = {"bases", "images", "warm", "build", "run"};

	printf("{\n  \"context\": \"%s\"", set->context);
	for (size_t s = 0; s < NSTAGES; s++) {
		int first = 1;
		for (size_t i = 0; i < set->n; i++) {
			if (!*stage_of(&set->ks[i], s))
				continue;
			if (first)
				printf(",\n  \"%s\": {", maps[s]);
			printf("%s\n    \"%s\": \"%s\"", first ? "" : ",", set->ks[i].distro, stage_of(&set->ks[i], s));
			first = 0;
		}
		if (!first)
			printf("\n  }");
	}
	printf("\n}\n");
}

/* A GitHub Actions matrix, on one line for $GITHUB_OUTPUT: {"include":
 * [{"distro": D, "shard": "K/N", "image": key, ...}]}, N runners for each
 * distro, each with the distro's keys (of the stages it has). */
static void
print_matrix(const struct keyset *set)
{
	int first = 1;

	printf("{\"include\":[");
	for (size_t i = 0; i < set->n; i++) {
		for (unsigned k = 1; k <= set->shards; k++) {
			printf("%s{\"distro\":\"%s\",\"shard\":\"%u/%u\"", first ? "" : ",", set->ks[i].distro, k, set->shards);
			for (size_t s = 0; s < NSTAGES; s++) {
				if (*stage_of(&set->ks[i], s))
					printf(",\"%s\":\"%s\"", stages[s], stage_of(&set->ks[i], s));
			}
			putchar('}');
			first = 0;
		}
	}
	printf("]}\n");
}

static const struct format {
	const char *name;
	void (*print)(const struct keyset *set);
} formats[] = {
	{"env", print_env},
	{"json", print_json},
	{"github", print_github},
	{"github-matrix", print_matrix},
	{NULL, NULL},
};

/* The format A names; NULL (warned) when none, or when it is not the one
 * --shards is for. */
static const struct format *
format_of(const struct cmdargs *a)
{
	const char *name = a->format ? a->format : "env";
	const struct format *f = formats;

	while (f->name && strcmp(f->name, name) != 0)
		f++;
	if (!f->name)
		warn("--format=%s: expected env, json, github or github-matrix", name);
	else if (a->nshards && f->print != print_matrix)
		warn("--shards=%u: only with --format=github-matrix", a->nshards);
	else
		return f;
	return NULL;
}

int
cmd_keys(struct cmdargs *a)
{
	const struct format *f = format_of(a);
	struct keyset set = {.shards = a->nshards ? a->nshards : 1};
	struct shared sh = {.suites = NULL};
	struct model md;
	struct keys *ks;
	int rc = 0;

	if (!f)
		return EXIT_USAGE;
	if (model_load(&md, &a->o) < 0)
		return EXIT_USAGE;
	if (a->distro && !matrix_distro(&md.matrix, a->distro)) {
		warn("--distro=%s: no such distro in %s", a->distro, a->o.file);
		rc = EXIT_USAGE;
	}
	if (rc == 0 && shared_keys(&md, a->o.output, &sh) < 0)
		rc = EXIT_USAGE;
	if (rc == 0) {
		ks = xcalloc(md.matrix.ndistros ? md.matrix.ndistros : 1, sizeof(*ks));
		for (size_t i = 0; i < md.matrix.ndistros; i++) {
			if (!a->distro || !strcmp(a->distro, md.matrix.distros[i].name))
				distro_keys(&md, &md.matrix.distros[i], &sh, &ks[set.n++]);
		}
		set.context = sh.context, set.ks = ks;
		f->print(&set);
		free(ks);
	}
	free(sh.suites);
	model_free(&md);
	return rc;
}
