#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "str.h"
#include "file.h"
#include "hash.h"
#include "matrix.h"
#include "model.h"
#include "walk.h"
#include "gen.h"
#include "cmd.h"
#include "util.h"

static const struct command {
	const char *name;
	int (*fn)(struct cmdargs *);
	const char *help;
} commands[] = {
	{"generate", cmd_generate, "write build.ninja (the default)"},
	{"list", cmd_list, "the jobs, distro:suite[:variant], that FILTERs select (all by default)"},
	{"keys", cmd_keys, "content keys, for CI caches"},
	{"gc", cmd_gc, "remove leftover containers, unused image tags, dead results; --caches: caches too"},
	{"shell", cmd_shell, "D: an interactive shell in a new container of D's image, mounted as a job is"},
	{"exec", cmd_exec, "D -- COMMAND...: run COMMAND in D's image as you, in the current directory"},
	{"hash", cmd_hash, "edge helper: hash a group of files"},
	{"base", cmd_base, "edge helper: import a distro's base from its rootfs recipe"},
	{"image", cmd_image, "edge helper: ensure a distro's image exists"},
	{"warm", cmd_warm, "edge helper: fill a distro's caches"},
	{"build", cmd_build, "edge helper: build the product in a distro's image"},
	{"test", cmd_test, "edge helper: run one job"},
	{NULL, NULL, NULL},
};

static _Noreturn void
usage(int status)
{
	FILE *f = status ? stderr : stdout;

	fprintf(f, "usage: orchgen [-C DIR] [-f orchgen.ini] [-o build.ninja] [-D section.key=value]... [--distros=a,b] [COMMAND]\n");
	for (const struct command *c = commands; c->name; c++)
		fprintf(f, "  %-9s %s\n", c->name, c->help);
	exit(status);
}

int
cmd_generate(struct cmdargs *a)
{
	struct model md;
	int rc;

	if (model_load(&md, &a->o) < 0)
		return EXIT_USAGE;
	rc = gen_write(&md, &a->o, a->self) < 0 ? EXIT_USAGE : 0;
	model_free(&md);
	return rc;
}

int
cmd_hash(struct cmdargs *a)
{
	struct group g = {.paths = a->rest, .exclude = a->exclude, .ignore_root = a->context};
	struct strv files = {0}, dirs = {0};
	char hex[HASH_HEX + 2], *cache;
	int rc = EXIT_USAGE;

	if (!a->out || a->rest.n == 0)
		fatal(EXIT_USAGE, "usage: orchgen hash -o FILE [--context DIR] [--exclude PATH]... PATH...");
	cache = xasprintf("%s.stat", a->out);
	if (group_list(&g, &files, &dirs) == 0 && hash_files(&files, cache, hex) == 0) {
		strcat(hex, "\n");
		rc = file_update(a->out, hex, strlen(hex)) < 0 ? EXIT_ENGINE : 0;
	}
	free(cache);
	strv_free(&files), strv_free(&dirs);
	return rc;
}

/* How build.ninja will call this very program. */
static const char *
self_path(const char *argv0, char *buf)
{
	if (!strchr(argv0, '/'))
		return argv0;
	return realpath(argv0, buf) ? buf : argv0;
}

enum { OPT_DISTROS = 256, OPT_DISTRO, OPT_SUITE, OPT_VARIANT, OPT_HASH, OPT_IMAGE, OPT_KEY, OPT_FORMAT, OPT_CONTEXT, OPT_EXCLUDE, OPT_CACHES, OPT_TARGETS };

static const struct option longopts[] = {
	{"distros", required_argument, NULL, OPT_DISTROS},
	{"distro", required_argument, NULL, OPT_DISTRO},
	{"suite", required_argument, NULL, OPT_SUITE},
	{"variant", required_argument, NULL, OPT_VARIANT},
	{"hash", required_argument, NULL, OPT_HASH},
	{"image", required_argument, NULL, OPT_IMAGE},
	{"key", required_argument, NULL, OPT_KEY},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"context", required_argument, NULL, OPT_CONTEXT},
	{"exclude", required_argument, NULL, OPT_EXCLUDE},
	{"caches", no_argument, NULL, OPT_CACHES},
	{"targets", no_argument, NULL, OPT_TARGETS},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

/* How many operands came before the "--" that ended the options, or -1
 * when none did. getopt moves the operands before "--" to after it, so
 * `orchgen exec D -- COMMAND` needs this to know where COMMAND starts.
 * ORIG: ARGV as given; LASTARG: the last option's argument (a "--" too). */
static int
dashdash(char **orig, char *argv[], int argc, const char *lastarg)
{
	const char *dd = optind > 1 ? argv[optind - 1] : NULL;
	int at = 0, n = 0;

	if (!dd || strcmp(dd, "--") != 0 || dd == lastarg)
		return -1;
	while (orig[at] != dd)
		at++;
	for (int i = optind; i < argc; i++) {
		for (int j = 0; j < at; j++)
			n += orig[j] == argv[i];
	}
	return n;
}

static void
parse(struct cmdargs *a, int argc, char *argv[])
{
	char **orig = xcalloc(argc + 1, sizeof(*orig));
	const char *lastarg = NULL;
	int c;

	memcpy(orig, argv, argc * sizeof(*orig));
	while ((c = getopt_long(argc, argv, "C:f:o:D:h", longopts, NULL)) != -1) {
		lastarg = optarg;
		switch (c) {
		case 'C':
			if (chdir(optarg) != 0)
				fatal(EXIT_USAGE, "-C %s:", optarg);
			break;
		case 'f': a->o.file = optarg; break;
		case 'o': a->o.output = a->out = optarg; break;
		case 'D': strv_push(&a->o.defines, optarg); break;
		case OPT_DISTROS: {
			char *s = xstrdup(optarg);
			for (char *t = strtok(s, ","); t; t = strtok(NULL, ","))
				strv_push(&a->o.distros, t);
			free(s);
			break;
		}
		case OPT_DISTRO: a->distro = optarg; break;
		case OPT_SUITE: a->suite = optarg; break;
		case OPT_VARIANT: a->variant = optarg; break;
		case OPT_HASH: a->hash = optarg; break;
		case OPT_IMAGE: a->image = optarg; break;
		case OPT_KEY: a->key = optarg; break;
		case OPT_FORMAT: a->format = optarg; break;
		case OPT_CONTEXT: a->context = optarg; break;
		case OPT_EXCLUDE: strv_push(&a->exclude, optarg); break;
		case OPT_CACHES: a->caches = 1; break;
		case OPT_TARGETS: a->format = "targets"; break;
		case 'h': usage(0);
		default: usage(EXIT_USAGE);
		}
	}
	a->dashdash = dashdash(orig, argv, argc, lastarg);
	for (int i = optind; i < argc; i++)
		strv_push(&a->rest, argv[i]);
	free(orig);
}

int
main(int argc, char *argv[])
{
	static char selfbuf[PATH_MAX];
	struct cmdargs a = {.o = {.file = "orchgen.ini", .output = "build.ninja"}};
	const struct command *c = commands;
	int rc;

	a.self = self_path(argv[0], selfbuf);
	parse(&a, argc, argv);
	if (a.rest.n > 0) {
		for (c = commands; c->name && strcmp(c->name, a.rest.v[0]) != 0; c++)
			;
		if (!c->name) {
			warn("unknown command \"%s\"", a.rest.v[0]);
			usage(EXIT_USAGE);
		}
		free(a.rest.v[0]);
		memmove(a.rest.v, a.rest.v + 1, --a.rest.n * sizeof(*a.rest.v));
		if (a.dashdash > 0)
			a.dashdash--;
	}
	rc = c->fn(&a);
	strv_free(&a.o.defines), strv_free(&a.o.distros);
	strv_free(&a.exclude), strv_free(&a.rest);
	return rc;
}
