/* orchgen list and orchgen keys: what the model holds, for people and CI. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "str.h"
#include "hash.h"
#include "matrix.h"
#include "suite.h"
#include "model.h"
#include "walk.h"
#include "gen.h"
#include "cmd.h"
#include "util.h"

static int
format_is(const struct cmdargs *a, const char *dflt, const char *const *allowed, const char *want)
{
	const char *f = a->format ? a->format : dflt;

	for (const char *const *p = allowed; *p; p++) {
		if (!strcmp(f, *p))
			return !strcmp(f, want);
	}
	fatal(EXIT_USAGE, "--format=%s: expected one of the formats the command lists in its help", f);
}

/* JSON text for S; names here come from directories, so escape them. */
static void
json_print(const char *s)
{
	putchar('"');
	for (; s && *s; s++) {
		if (*s == '"' || *s == '\\')
			printf("\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			printf("\\u%04x", *s);
		else
			putchar(*s);
	}
	putchar('"');
}

int
cmd_list(struct cmdargs *a)
{
	static const char *const formats[] = {"text", "json", NULL};
	int json = format_is(a, "text", formats, "json");
	struct model md;

	if (model_load(&md, &a->o) < 0)
		return EXIT_USAGE;
	if (json)
		printf("[");
	for (size_t i = 0; i < md.njobs; i++) {
		const struct job *j = &md.jobs[i];
		const char *runs = j->suite->manual ? "manual" : "auto";
		if (!json) {
			printf("%s\t%s\n", j->id, runs);
			continue;
		}
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
		printf(", \"runs\": \"%s\"}", runs);
	}
	if (json)
		printf("\n]\n");
	model_free(&md);
	return 0;
}

/* The hash of the docker context, as the hash edge computes it. */
static int
context_key(const struct project *p, char hex[HASH_HEX + 1])
{
	struct group g;
	struct strv files = {0}, dirs = {0};
	int rc;

	gen_context_group(p, &g);
	rc = group_list(&g, &files, &dirs) == 0 ? hash_files(&files, NULL, hex) : -1;
	group_free(&g);
	strv_free(&files), strv_free(&dirs);
	return rc;
}

static void
env_name(const char *prefix, const char *name)
{
	printf("%s", prefix);
	for (const char *p = name; *p; p++)
		putchar(isalnum((unsigned char)*p) ? toupper((unsigned char)*p) : '_');
}

int
cmd_keys(struct cmdargs *a)
{
	static const char *const formats[] = {"env", "json", NULL};
	int json = format_is(a, "env", formats, "json");
	struct matrix m;
	char context[HASH_HEX + 1];

	if (matrix_load(&m, a->o.file, &a->o.defines) < 0)
		return EXIT_USAGE;
	if (a->distro && !matrix_distro(&m, a->distro)) {
		warn("--distro=%s: no such distro in %s", a->distro, a->o.file);
		matrix_free(&m);
		return EXIT_USAGE;
	}
	if (context_key(&m.project, context) < 0) {
		matrix_free(&m);
		return EXIT_USAGE;
	}
	if (json)
		printf("{\n  \"context\": \"%s\",\n  \"images\": {", context);
	else
		printf("ORCHGEN_KEY_CONTEXT=%s\n", context);
	int first = 1;
	for (size_t i = 0; i < m.ndistros; i++) {
		const struct distro *d = &m.distros[i];
		if (a->distro && strcmp(a->distro, d->name) != 0)
			continue;
		char *tag = image_tag(&m, d, context, "");
		const char *key = strchr(tag, ':') + 1;
		if (json) {
			printf("%s\n    ", first ? "" : ",");
			json_print(d->name);
			printf(": \"%s\"", key);
		} else {
			env_name("ORCHGEN_KEY_IMAGE_", d->name);
			printf("=%s\n", key);
		}
		first = 0;
		free(tag);
	}
	if (json)
		printf("\n  }\n}\n");
	matrix_free(&m);
	return 0;
}
