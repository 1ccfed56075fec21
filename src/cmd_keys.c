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
	char base[KEY_HEX + 1], image[KEY_HEX + 1], warm[KEY_HEX + 1], build[KEY_HEX + 1];
};

/* The hashes every distro's keys share, from the inputs the graph hashes:
 * the context's, and the warm inputs' and sources' ("" when there are none). */
struct shared {
	char context[HASH_HEX + 1], warm[HASH_HEX + 1], sources[HASH_HEX + 1];
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
shared_keys(const struct matrix *m, const char *output, struct shared *sh)
{
	struct input in;
	int rc;

	if (input_context(m, output, &in) < 0)
		return -1;
	rc = input_hash(&in, 0, sh->context);
	input_free(&in);
	if (rc == 0)
		rc = input_key(m, output, input_warm, sh->warm);
	if (rc == 0)
		rc = input_key(m, output, input_sources, sh->sources);
	return rc;
}

static void
distro_keys(const struct matrix *m, const struct distro *d, const struct shared *sh, struct keys *k)
{
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
}

static const char *const stages[] = {"base", "image", "warm", "build"};

static const char *
stage_of(const struct keys *k, size_t i)
{
	const char *v[] = {k->base, k->image, k->warm, k->build};
	return v[i];
}

/* ORCHGEN_KEY_STAGE_DISTRO=key, the distro upper-cased, others '_'. */
static void
print_env(const char *context, const struct keys *ks, size_t n)
{
	printf("ORCHGEN_KEY_CONTEXT=%s\n", context);
	for (size_t s = 0; s < sizeof(stages) / sizeof(*stages); s++) {
		for (size_t i = 0; i < n; i++) {
			if (!*stage_of(&ks[i], s))
				continue;
			printf("ORCHGEN_KEY_");
			for (const char *p = stages[s]; *p; p++)
				putchar(toupper((unsigned char)*p));
			putchar('_');
			for (const char *p = ks[i].distro; *p; p++)
				putchar(isalnum((unsigned char)*p) ? toupper((unsigned char)*p) : '_');
			printf("=%s\n", stage_of(&ks[i], s));
		}
	}
}

/* GitHub Actions step outputs (append to $GITHUB_OUTPUT): stage-distro=key. */
static void
print_github(const char *context, const struct keys *ks, size_t n)
{
	printf("context=%s\n", context);
	for (size_t s = 0; s < sizeof(stages) / sizeof(*stages); s++) {
		for (size_t i = 0; i < n; i++) {
			if (*stage_of(&ks[i], s))
				printf("%s-%s=%s\n", stages[s], ks[i].distro, stage_of(&ks[i], s));
		}
	}
}

/* {"context": ..., "images": {distro: key, ...}, "bases", "warm", "build"
 * likewise, each only when some distro has that stage. Distro names are
 * Docker name components: nothing in them needs escaping. */
static void
print_json(const char *context, const struct keys *ks, size_t n)
{
	static const char *const maps[] = {"bases", "images", "warm", "build"};

	printf("{\n  \"context\": \"%s\"", context);
	for (size_t s = 0; s < sizeof(stages) / sizeof(*stages); s++) {
		int first = 1;
		for (size_t i = 0; i < n; i++) {
			if (!*stage_of(&ks[i], s))
				continue;
			if (first)
				printf(",\n  \"%s\": {", maps[s]);
			printf("%s\n    \"%s\": \"%s\"", first ? "" : ",", ks[i].distro, stage_of(&ks[i], s));
			first = 0;
		}
		if (!first)
			printf("\n  }");
	}
	printf("\n}\n");
}

static const struct format {
	const char *name;
	void (*print)(const char *context, const struct keys *ks, size_t n);
} formats[] = {
	{"env", print_env},
	{"json", print_json},
	{"github", print_github},
	{NULL, NULL},
};

int
cmd_keys(struct cmdargs *a)
{
	const char *name = a->format ? a->format : "env";
	const struct format *f = formats;
	struct shared sh;
	struct matrix m;
	struct keys *ks;
	size_t n = 0;

	while (f->name && strcmp(f->name, name) != 0)
		f++;
	if (!f->name)
		fatal(EXIT_USAGE, "--format=%s: expected env, json or github", name);
	if (matrix_load(&m, a->o.file, &a->o.defines) < 0)
		return EXIT_USAGE;
	if (a->distro && !matrix_distro(&m, a->distro)) {
		warn("--distro=%s: no such distro in %s", a->distro, a->o.file);
		matrix_free(&m);
		return EXIT_USAGE;
	}
	if (shared_keys(&m, a->o.output, &sh) < 0) {
		matrix_free(&m);
		return EXIT_USAGE;
	}
	ks = xcalloc(m.ndistros, sizeof(*ks));
	for (size_t i = 0; i < m.ndistros; i++) {
		if (!a->distro || !strcmp(a->distro, m.distros[i].name))
			distro_keys(&m, &m.distros[i], &sh, &ks[n++]);
	}
	f->print(sh.context, ks, n);
	free(ks);
	matrix_free(&m);
	return 0;
}
