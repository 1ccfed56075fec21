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
#include "model.h"
#include "walk.h"
#include "gen.h"
#include "cmd.h"
#include "util.h"

#define KEY_HEX 16	/* hex digits of a printed key, as in image tags */

/* One distro's keys; "" where the stage is not configured. */
struct keys {
	const char *distro;
	char base[KEY_HEX + 1], image[KEY_HEX + 1], warm[KEY_HEX + 1], build[KEY_HEX + 1];
};

static int
group_key(const struct group *g, char hex[HASH_HEX + 1])
{
	struct strv files = {0}, dirs = {0};
	int rc = group_list(g, &files, &dirs) == 0 ? hash_files(&files, NULL, hex) : -1;

	strv_free(&files), strv_free(&dirs);
	return rc;
}

/* The hash of PATHS, the .dockerignore of IGNORE_ROOT applied ("" if none). */
static int
paths_key(const struct strv *paths, const char *ignore_root, char hex[HASH_HEX + 1])
{
	struct group g = {.ignore_root = ignore_root};
	int rc;

	if (paths->n == 0) {
		hex[0] = '\0';
		return 0;
	}
	for (size_t i = 0; i < paths->n; i++)
		strv_push(&g.paths, paths->v[i]);
	rc = group_key(&g, hex);
	group_free(&g);
	return rc;
}

/* A stage's key: the image's, the stage's settings, its files' hash. */
static void
stage_key(const char *image, const char *settings, const char *files, char out[KEY_HEX + 1])
{
	struct hasher h;
	char hex[HASH_HEX + 1];

	hasher_init(&h);
	hasher_add(&h, image);
	hasher_add(&h, settings);
	hasher_add(&h, files);
	hasher_end(&h, hex);
	memcpy(out, hex, KEY_HEX);
	out[KEY_HEX] = '\0';
}

static void
distro_keys(const struct matrix *m, const struct distro *d, const char *context, const char *warm_files,
    const char *sources, struct keys *k)
{
	char *tag = image_tag(m, d, context, ""), hex[HASH_HEX + 1];

	memset(k, 0, sizeof(*k));
	k->distro = d->name;
	snprintf(k->image, sizeof(k->image), "%s", strchr(tag, ':') + 1);
	if (d->rootfs) {
		char *base = base_tag(m, d);
		snprintf(k->base, sizeof(k->base), "%s", strchr(base, ':') + 1);
		free(base);
	}
	if (matrix_warms(m)) {
		key_warm(m, hex);
		stage_key(k->image, hex, warm_files, k->warm);
	}
	if (m->project.build) {
		key_build(m, hex);
		stage_key(k->image, hex, sources, k->build);
	}
	free(tag);
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

/* The hashes every distro's keys share: context, warm inputs, sources. */
static int
shared_keys(const struct matrix *m, char context[HASH_HEX + 1], char warm[HASH_HEX + 1], char sources[HASH_HEX + 1])
{
	struct strv inputs = {0};
	struct group g;
	int rc;

	gen_context_group(&m->project, &g);
	rc = group_key(&g, context);
	group_free(&g);
	matrix_warm_inputs(m, &inputs);
	if (rc == 0)
		rc = paths_key(&inputs, NULL, warm);
	if (rc == 0)
		rc = paths_key(&m->project.sources, m->project.workspace, sources);
	strv_free(&inputs);
	return rc;
}

int
cmd_keys(struct cmdargs *a)
{
	const char *name = a->format ? a->format : "env";
	const struct format *f = formats;
	char context[HASH_HEX + 1], warm[HASH_HEX + 1], sources[HASH_HEX + 1];
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
	if (shared_keys(&m, context, warm, sources) < 0) {
		matrix_free(&m);
		return EXIT_USAGE;
	}
	ks = xcalloc(m.ndistros, sizeof(*ks));
	for (size_t i = 0; i < m.ndistros; i++) {
		if (!a->distro || !strcmp(a->distro, m.distros[i].name))
			distro_keys(&m, &m.distros[i], context, warm, sources, &ks[n++]);
	}
	f->print(context, ks, n);
	free(ks);
	matrix_free(&m);
	return 0;
}
