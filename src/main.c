/* orchgen's command line: the table of commands, the options each one
 * takes, and the parsing that holds every command to its own. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "str.h"
#include "matrix.h"
#include "model.h"
#include "shard.h"
#include "cmd.h"
#include "util.h"

/* The options, one bit each. */
enum {
	O_C = 1 << 0, O_F = 1 << 1, O_D = 1 << 2, O_O = 1 << 3, O_DISTROS = 1 << 4,
	O_DISTRO = 1 << 5, O_SUITE = 1 << 6, O_VARIANT = 1 << 7, O_HASH = 1 << 8,
	O_IMAGE = 1 << 9, O_KEY = 1 << 10, O_FORMAT = 1 << 11, O_TARGETS = 1 << 12,
	O_CONTEXT = 1 << 13, O_EXCLUDE = 1 << 14, O_CACHES = 1 << 15, O_HELP = 1 << 16,
	O_FOLLOW = 1 << 17, O_JUNIT = 1 << 18, O_JSON = 1 << 19, O_HTML = 1 << 20, O_RESULTS = 1 << 21,
	O_TAIL = 1 << 22, O_REBUILD = 1 << 23, O_VERSION = 1 << 24, O_SHARD = 1 << 25, O_SHARDS = 1 << 26,
	O_KEEP_ARCHIVES = 1 << 27,
};
/* What every command that reads the project takes. */
#define MATRIX (O_C | O_F | O_D)
/* What every edge helper that works on one distro takes. */
#define HELPER (MATRIX | O_DISTRO)
/* The global options, the default command's: before a command's name,
 * these are what their letters and names mean, whatever the command's
 * own options call that letter after it (orchgen -f FILE log -f JOB). */
#define GLOBAL (MATRIX | O_O | O_DISTROS)

static const struct opt {
	unsigned bit;
	int shortname;		/* 0: none */
	const char *longname;	/* NULL: none */
	const char *arg;	/* the argument's name; NULL: takes none */
	const char *help;
} opts[] = {
	{O_C, 'C', NULL, "DIR", "change to DIR first; every other path is relative to it"},
	{O_F, 'f', NULL, "FILE", "the matrix (default orchgen.ini)"},
	{O_D, 'D', NULL, "SECTION.KEY=VALUE", "set a matrix key after every file is read (repeatable)"},
	{O_O, 'o', NULL, "FILE", "the Ninja file (default build.ninja); of a helper: its output"},
	{O_DISTROS, 0, "distros", "A,B", "keep only these distros"},
	{O_DISTRO, 0, "distro", "D", "the distro"},
	{O_SUITE, 0, "suite", "S", "the suite"},
	{O_VARIANT, 0, "variant", "V", "the variant"},
	{O_HASH, 0, "hash", "FILE", "the context's hash file"},
	{O_IMAGE, 0, "image", "FILE", "the file that records the distro's image"},
	{O_KEY, 0, "key", "KEY", "the key of the settings the edge reads"},
	{O_FORMAT, 0, "format", "FORMAT", "the output format"},
	{O_TARGETS, 0, "targets", NULL, "the jobs' Ninja targets (--format=targets)"},
	{O_SHARD, 0, "shard", "K/N", "only part K of N disjoint parts of the jobs, balanced by their last durations"},
	{O_SHARDS, 0, "shards", "N", "N runners for each distro (--format=github-matrix)"},
	{O_CONTEXT, 0, "context", "DIR", "a docker build context whose .dockerignore applies"},
	{O_EXCLUDE, 0, "exclude", "PATH", "leave PATH out (repeatable)"},
	{O_FOLLOW, 0, "follow", NULL, "links that lead inside the project bring their targets in"},
	{O_TAIL, 'f', "follow", NULL, "follow the log while the job runs"},
	{O_REBUILD, 0, "rebuild", NULL, "build the image again, every step (no layer cache)"},
	{O_JUNIT, 0, "junit", "FILE", "write the report as JUnit XML to FILE"},
	{O_JSON, 0, "json", "FILE", "write the report as JSON to FILE"},
	{O_HTML, 0, "html", "FILE", "write the report as an HTML page to FILE"},
	{O_RESULTS, 0, "results", "DIR", "read the results below DIR (repeatable: shards merged), not this project's"},
	{O_CACHES, 0, "caches", NULL, "also remove the caches and build directories"},
	{O_KEEP_ARCHIVES, 0, "keep-archives", "N", "in the image cache, keep the N newest archives of each image and base besides the current one"},
	{O_HELP, 'h', "help", NULL, "print this help and exit"},
	{O_VERSION, 0, "version", NULL, "print orchgen's version and exit"},
};
#define NOPTS (sizeof(opts) / sizeof(*opts))

static const struct command {
	const char *name;
	int (*fn)(struct cmdargs *);
	unsigned takes, needs;	/* options it accepts; those it requires */
	int line;		/* the operands after D are a command line (exec) */
	const char *operands;
	const char *help;	/* a line, then what only COMMAND --help says after a blank line */
} commands[] = {
	{"generate", cmd_generate, MATRIX | O_O | O_DISTROS, 0, 0, "", "write build.ninja (the default command)"},
	{"init", cmd_init, O_C, 0, 0, "[DIR]", "a new project in DIR (the current directory): orchgen.ini, a Dockerfile, a suite"},
	{"list", cmd_list, MATRIX | O_DISTROS | O_FORMAT | O_TARGETS | O_SHARD | O_RESULTS, 0, 0, "[FILTER...]",
	    "the jobs, distro:suite[:variant], that FILTERs select (all by default); --format=text|json|targets"},
	{"keys", cmd_keys, MATRIX | O_O | O_DISTRO | O_FORMAT | O_SHARDS, 0, 0, "",
	    "content keys of each stage, for CI caches; --format=env|json|github|github-matrix"},
	{"gc", cmd_gc, MATRIX | O_CACHES | O_KEEP_ARCHIVES, 0, 0, "",
	    "remove leftover containers, unused image tags and image-cache archives, dead results"},
	{"report", cmd_report, MATRIX | O_JUNIT | O_JSON | O_HTML | O_RESULTS, 0, 0, "[FILTER...]",
	    "how the jobs ended: a summary, and JUnit, JSON or HTML files; exit 1 unless all passed\n\n"
	    "A job with no result is `not run`, which fails the report; when a stage of its distro (base,\n"
	    "image, warm, build) failed when it last ran, the report says which, with that stage's log.\n"
	    "A manual job with no result is counted apart (`manual`) and fails nothing: it runs only when\n"
	    "named. FILTERs that select only manual jobs name them, as for list --targets: then one with\n"
	    "no result is `not run`. With --results in a checkout of the project, the merged results are\n"
	    "held against its matrix: a job no runner ran is `not run`."},
	{"why", cmd_why, MATRIX, 0, 0, "JOB|TARGET...",
	    "what changed since each job's last passing run, input by input, or that it is up to date\n\n"
	    "A JOB is distro:suite[:variant]. A TARGET is every job it runs: test-D/S[:V] (manual or not),\n"
	    "test-D and test-D/DIR (but the manual jobs), or retest-D, retest-D/S[:V]."},
	{"log", cmd_log, MATRIX | O_TAIL, 0, 0, "JOB", "a job's log; -f follows it while the job runs"},
	{"shell", cmd_shell, MATRIX | O_DISTRO | O_IMAGE, 0, 0, "[D|D:SUITE[:VARIANT]]",
	    "an interactive shell in a new container of D's image, mounted as a job is; or in what a job left (keep)"},
	{"exec", cmd_exec, MATRIX | O_DISTRO, 0, 1, "D [--] COMMAND [ARG]...",
	    "run COMMAND in D's image as you, in the current directory"},
	{"up", cmd_up, MATRIX | O_DISTRO, 0, 1, "D [--] [COMMAND [ARG]...]",
	    "start a container of D's image that runs on, detached, mounted as a job is: COMMAND, or the image's own"},
	{"down", cmd_down, MATRIX | O_DISTRO, 0, 0, "D", "stop and remove the container orchgen up started"},
	{"hash", cmd_hash, O_C | O_O | O_CONTEXT | O_EXCLUDE | O_FOLLOW, O_O, 0, "-- PATH...", "edge helper: hash a group of files"},
	{"base", cmd_base, HELPER | O_O | O_KEY, O_DISTRO | O_O, 0, "", "edge helper: import a distro's base from its rootfs recipe"},
	{"image", cmd_image, HELPER | O_HASH | O_O | O_REBUILD | O_KEY, O_DISTRO | O_HASH | O_O, 0, "", "edge helper: ensure a distro's image exists"},
	{"warm", cmd_warm, HELPER | O_IMAGE | O_O | O_KEY, O_DISTRO | O_IMAGE | O_O, 0, "", "edge helper: fill a distro's caches"},
	{"build", cmd_build, HELPER | O_IMAGE | O_O | O_KEY, O_DISTRO | O_IMAGE | O_O, 0, "",
	    "edge helper: build the product in a distro's image"},
	{"test", cmd_test, HELPER | O_SUITE | O_VARIANT | O_IMAGE | O_KEY, O_DISTRO | O_SUITE | O_IMAGE, 0, "",
	    "edge helper: run one job"},
	{"probe", cmd_probe, MATRIX, 0, 0, "",
	    "edge helper: ask the engine once which images are there; update the presence files that changed"},
	{"retest", cmd_retest, HELPER | O_O, O_DISTRO, 0, "",
	    "edge helper: forget the passes of the retest-D... targets Ninja was asked for, then run ninja test-..."},
};
#define NCOMMANDS (sizeof(commands) / sizeof(*commands))

static const struct command *
command(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++) {
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	}
	return NULL;
}

/* Do options A and B share a letter or a name? */
static int
clash(const struct opt *a, const struct opt *b)
{
	return a != b && ((a->shortname && a->shortname == b->shortname) ||
	    (a->longname && b->longname && !strcmp(a->longname, b->longname)));
}

/* Is option O hidden, for a command that TAKES those options, by another
 * that has its letter or name? By one it takes, when it does not take O
 * (log's -f is not the matrix's). Of two it takes, BEFORE the command's
 * name the global one wins, after it the command's own (orchgen -f FILE
 * log -f JOB). */
static int
hidden(const struct opt *o, unsigned takes, int before)
{
	for (size_t i = 0; i < NOPTS; i++) {
		const struct opt *t = &opts[i];
		if (!clash(o, t) || !(takes & t->bit))
			continue;
		if (!(takes & o->bit))
			return 1;
		if (!(GLOBAL & t->bit) == !before && !(GLOBAL & o->bit) != !before)
			return 1;
	}
	return 0;
}

/* "-C DIR", "--distros=A,B", "--caches"; with ALSO, the long name too:
 * "-f, --follow". */
static void
opt_print(FILE *f, const struct opt *o, int also)
{
	if (o->shortname)
		fprintf(f, "-%c%s%s", o->shortname, o->arg ? " " : "", o->arg ? o->arg : "");
	if (o->shortname && o->longname && also)
		fputs(", ", f);
	if (o->longname && (also || !o->shortname))
		fprintf(f, "--%s%s%s", o->longname, o->arg ? "=" : "", o->arg ? o->arg : "");
}

/* " [-C DIR]" for each option of C's: with BEFORE, those that go before
 * its name (hidden after it by one of its own), else the others; "..."
 * after those that repeat. */
static void
usage_opts(FILE *f, const struct command *c, int before)
{
	for (size_t i = 0; i < NOPTS; i++) {
		const struct opt *o = &opts[i];
		if (!(c->takes & o->bit) || hidden(o, c->takes, 0) != before)
			continue;
		fputs(c->needs & o->bit ? " " : " [", f);
		opt_print(f, o, 0);
		fputs(c->needs & o->bit ? "" : "]", f);
		if (o->bit == O_D || o->bit == O_EXCLUDE || o->bit == O_RESULTS)
			fputs("...", f);
	}
}

/* usage: orchgen [options before NAME] NAME [options] OPERANDS */
static void
usage_line(FILE *f, const struct command *c)
{
	fputs("usage: orchgen", f);
	usage_opts(f, c, 1);
	fprintf(f, " %s", c->name);
	usage_opts(f, c, 0);
	fprintf(f, "%s%s\n", *c->operands ? " " : "", c->operands);
}

/* orchgen CMD --help: its usage, what it does, its options. */
static _Noreturn void
command_help(const struct command *c)
{
	usage_line(stdout, c);
	printf("%s\n\noptions:\n", c->help);
	for (size_t i = 0; i < NOPTS; i++) {
		if (!((c->takes | O_HELP) & opts[i].bit))
			continue;
		printf("  ");
		opt_print(stdout, &opts[i], 1);
		printf("%s\n      %s\n", hidden(&opts[i], c->takes, 0) ? " (before the command's name)" : "", opts[i].help);
	}
	exit(0);
}

/* orchgen --help: the commands. */
static _Noreturn void
usage(void)
{
	printf("usage: orchgen [COMMAND] [OPTION]... [OPERAND]...\n");
	for (size_t i = 0; i < NCOMMANDS; i++)
		printf("  %-9s %.*s\n", commands[i].name, (int)strcspn(commands[i].help, "\n"), commands[i].help);
	printf("\norchgen COMMAND --help: a command's options; orchgen --version: this orchgen's version\n");
	exit(0);
}

int
cmd_usage(const struct cmdargs *a, const char *fmt, ...)
{
	va_list ap;

	fputs("orchgen: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	usage_line(stderr, command(a->command));
	return EXIT_USAGE;
}

/* How build.ninja calls this very program: its absolute path, so that
 * ninja works from a shell whose PATH lacks orchgen, as CMake does it. */
static const char *
self_path(const char *argv0, char *buf)
{
	ssize_t n;

	if (strchr(argv0, '/') && realpath(argv0, buf))
		return buf;
	n = readlink("/proc/self/exe", buf, PATH_MAX - 1);
	if (n <= 0)
		return argv0;
	buf[n] = '\0';
	return buf;
}

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

/* Store option O's argument ARG in A. */
static void
store(struct cmdargs *a, unsigned bit, const char *arg)
{
	switch (bit) {
	case O_C:
		if (chdir(arg) != 0)
			fatal(EXIT_USAGE, "-C %s:", arg);
		{
			char *was = a->from;
			a->o.from = a->from = was && arg[0] != '/' ? xasprintf("%s/%s", was, arg) : xstrdup(arg);
			free(was);
		}
		refv_push(&a->dirargs, arg);
		break;
	case O_F: a->o.file = arg; break;
	case O_O: a->o.output = a->out = arg; break;
	case O_D: strv_push(&a->o.defines, arg); break;
	case O_DISTROS: {
		char *s = xstrdup(arg);
		for (char *t = strtok(s, ","); t; t = strtok(NULL, ","))
			strv_push(&a->o.distros, t);
		free(s);
		if (a->o.distros.n == 0)
			fatal(EXIT_USAGE, "--distros=%s: expected distro names separated by commas", arg);
		break;
	}
	case O_DISTRO: a->distro = arg; break;
	case O_SUITE: a->suite = arg; break;
	case O_VARIANT: a->variant = arg; break;
	case O_HASH: a->hash = arg; break;
	case O_IMAGE: a->image = arg; break;
	case O_KEY: a->key = arg; break;
	case O_FORMAT: a->format = arg; break;
	case O_TARGETS: a->format = "targets"; break;
	case O_CONTEXT: a->context = arg; break;
	case O_EXCLUDE: strv_push(&a->exclude, arg); break;
	case O_CACHES: a->caches = 1; break;
	case O_KEEP_ARCHIVES: {
		char *end;
		long n = strtol(arg, &end, 10);
		if (*end || end == arg || n < 0 || n > 1000000)
			fatal(EXIT_USAGE, "--keep-archives=%s: expected a whole number, 0 or more", arg);
		a->keep_archives = (int)n;
		break;
	}
	case O_FOLLOW: a->follow = 1; break;
	case O_TAIL: a->tail = 1; break;
	case O_REBUILD: a->rebuild = 1; break;
	case O_JUNIT: a->junit = arg; break;
	case O_JSON: a->json = arg; break;
	case O_HTML: a->html = arg; break;
	case O_RESULTS: strv_push(&a->results, arg); break;
	case O_SHARD:
		if (shard_parse(arg, &a->shard, &a->nshards) < 0)
			fatal(EXIT_USAGE, "--shard=%s: expected K/N, whole numbers with 1 <= K <= N (part K of N)", arg);
		break;
	case O_SHARDS:
		if (shard_count(arg, &a->nshards) < 0)
			fatal(EXIT_USAGE, "--shards=%s: expected N, a whole number of 1 or more", arg);
		break;
	}
}

/* Where in ARGV the command is named: its first word that is no option or
 * an option's argument (options read as every command has them). 0 for
 * none. */
static int
command_word(int argc, char *argv[])
{
	for (int i = 1; i < argc; i++) {
		const char *s = argv[i];
		if (!strcmp(s, "--"))
			return 0;
		if (s[0] != '-' || !s[1])
			return i;
		for (size_t k = 0; k < NOPTS; k++) {
			const struct opt *o = &opts[k];
			int named = s[1] == '-' ? o->longname && !strcmp(s + 2, o->longname)
			    : o->shortname && strchr(s + 1, o->shortname) && !s[strchr(s + 1, o->shortname) - s + 1];
			if (named && o->arg) {
				i++;
				break;
			}
		}
	}
	return 0;
}

/* The options of every command, as getopt sees them, but those that one
 * of the command's own hides (TAKES: its options; BEFORE: ARGV is what
 * came before the command's name); *SEEN gets the bit of
 * each one given. The first option that is none, or lacks its argument,
 * is *BAD, for the command's usage to follow. With LINE, the operands
 * after the command and its distro are a command line of their own: the
 * options end where it starts (orchgen exec D ls -la). */
static void
parse(struct cmdargs *a, int argc, char *argv[], unsigned takes, int line, int before, unsigned *seen, char **bad)
{
	char **orig = xcalloc(argc + 1, sizeof(*orig)), shorts[2 * NOPTS + 3] = "+:";
	struct option longopts[NOPTS + 1];
	const char *lastarg = NULL;
	size_t ns = 2, nl = 0;
	int c, operands = 0;

	memset(longopts, 0, sizeof(longopts));
	for (size_t i = 0; i < NOPTS; i++) {
		if (hidden(&opts[i], takes, before))
			continue;
		if (opts[i].shortname) {
			shorts[ns++] = (char)opts[i].shortname;
			if (opts[i].arg)
				shorts[ns++] = ':';
		}
		if (opts[i].longname)
			longopts[nl++] = (struct option){opts[i].longname, opts[i].arg ? required_argument : no_argument, NULL, 256 + (int)i};
	}
	shorts[ns] = '\0';
	memcpy(orig, argv, argc * sizeof(*orig));
	opterr = 0;
	optind = 0;	/* getopt starts anew (GNU's way), for each part of the line */
	for (;;) {
		while ((c = getopt_long(argc, argv, line ? shorts : shorts + 1, longopts, NULL)) != -1) {
			lastarg = optarg;
			if (c == '?' || c == ':') {
				char flag[3] = {'-', (char)optopt, '\0'};
				if (!*bad)
					*bad = xasprintf("%s: %s", optopt > 0 && optopt < 256 ? flag : argv[optind - 1],
					    c == ':' ? "needs an argument" : "no such option");
				continue;
			}
			const struct opt *o = c >= 256 ? &opts[c - 256] : NULL;
			for (size_t i = 0; i < NOPTS && !o; i++) {
				if (c == opts[i].shortname && !hidden(&opts[i], takes, before))
					o = &opts[i];
			}
			*seen |= o->bit;
			store(a, o->bit, optarg);
		}
		/* Past the command and its distro: the command line. */
		if (!line || optind >= argc || !strcmp(argv[optind - 1], "--") || operands == ((*seen & O_DISTRO) ? 1 : 2))
			break;
		strv_push(&a->rest, argv[optind++]);
		operands++;
	}
	a->dashdash = line && operands ? operands : dashdash(orig, argv, argc, lastarg);
	for (int i = optind; i < argc; i++)
		strv_push(&a->rest, argv[i]);
	free(orig);
}

/* Hold the arguments to what command C takes and needs: BAD (an option
 * that is none), SEEN (the options given), the operands of A. */
static void
check(const struct command *c, unsigned seen, const char *bad, const struct cmdargs *a)
{
	for (size_t i = 0; i < NOPTS && !bad; i++) {
		const struct opt *o = &opts[i];
		const char *what = (seen & o->bit) && !(c->takes & o->bit) ? "does not take"
		    : !(seen & o->bit) && (c->needs & o->bit) ? "needs" : NULL;
		if (!what)
			continue;
		fprintf(stderr, "orchgen: %s %s ", c->name, what);
		opt_print(stderr, o, 0);
		fputc('\n', stderr);
		usage_line(stderr, c);
		exit(EXIT_USAGE);
	}
	if (!bad && !*c->operands && a->rest.n > 0)
		warn("%s takes no operand, got \"%s\"", c->name, a->rest.v[0]);
	else if (bad)
		warn("%s", bad);
	else
		return;
	usage_line(stderr, c);
	exit(EXIT_USAGE);
}

/* The command line ORIG (argc words) as the user typed it, but the -C
 * options A took, quoted: to run it again elsewhere. */
static char *
again(const struct cmdargs *a, int argc, char **orig)
{
	struct buf b = {0};

	for (int i = 1; i < argc; i++) {
		int took = 0;
		for (size_t k = 0; k < a->dirargs.n; k++) {
			took |= orig[i] == a->dirargs.v[k] || orig[i] + 2 == a->dirargs.v[k];
			took |= i + 1 < argc && orig[i + 1] == a->dirargs.v[k] && !strcmp(orig[i], "-C");
		}
		if (took)
			continue;
		buf_putc(&b, ' ');
		buf_shell_word(&b, orig[i]);
	}
	return b.s ? b.s : xstrdup("");
}

int
main(int argc, char *argv[])
{
	static char selfbuf[PATH_MAX];
	struct cmdargs a = {.o = {.file = "orchgen.ini", .output = "build.ninja"}};
	const struct command *c;
	char **orig = xcalloc(argc + 1, sizeof(*orig)), *bad = NULL;
	unsigned seen = 0;
	int rc, word;

	memcpy(orig, argv, argc * sizeof(*orig));
	a.self = self_path(argv[0], selfbuf);
	word = command_word(argc, argv);
	c = word ? command(argv[word]) : NULL;
	if (c && word > 1) {
		/* The options before its name, then the rest from its name on. */
		char **after = xcalloc(argc - word + 2, sizeof(*after));
		after[0] = argv[0];
		memcpy(after + 1, argv + word, (argc - word) * sizeof(*after));
		parse(&a, word, argv, c->takes, 0, 1, &seen, &bad);
		parse(&a, argc - word + 1, after, c->takes, c->line, 0, &seen, &bad);
		free(after);
	} else {
		parse(&a, argc, argv, c ? c->takes : 0, c && c->line, !c, &seen, &bad);
	}
	c = command("generate");
	if (a.rest.n > 0) {
		if (!(c = command(a.rest.v[0])))
			fatal(EXIT_USAGE, "unknown command \"%s\" (orchgen --help lists them)", a.rest.v[0]);
		free(a.rest.v[0]);
		memmove(a.rest.v, a.rest.v + 1, --a.rest.n * sizeof(*a.rest.v));
		if (a.dashdash > 0)
			a.dashdash--;
	} else if (seen & O_HELP) {
		usage();
	} else if ((seen & O_VERSION) && !bad) {
		printf("orchgen %s\n", ORCHGEN_VERSION);
		free(orig);
		return 0;
	}
	if ((seen & O_HELP) && !bad)
		command_help(c);
	check(c, seen & ~O_HELP, bad, &a);
	a.o.again = a.again = again(&a, argc, orig);
	a.command = c->name;
	rc = c->fn(&a);
	strv_free(&a.o.defines), strv_free(&a.o.distros);
	strv_free(&a.exclude), strv_free(&a.rest), strv_free(&a.results);
	refv_free(&a.dirargs);
	free(a.from), free(a.again), free(orig);
	return rc;
}
