#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <ini.h>
#include "str.h"
#include "file.h"
#include "matrix.h"
#include "suite.h"
#include "layout.h"
#include "util.h"

struct key;

/* Where a value comes from, so every message can name file and line. */
struct reader {
	struct matrix *m;
	FILE *f;
	const char *file;	/* a file, or "-D section.key=value" (line 0) */
	int line;
	int continued;		/* the current line starts with a blank */
	int toolong;		/* line number of the first overlong line */
	int nul;		/* line number of the first line with a NUL byte */
	int errors;
	char *section;		/* the open section, as written: inih truncates long ones */
	void *target;		/* where its values go; NULL: a bad section, already reported */
	const struct key *keys;
	char lastkey[256];	/* "section\nname" of the previous value; "" after a header */
};

/* A kind of value: how a line sets it, and how it reads back as text for
 * the keys it feeds (nothing when it is unset). */
struct type {
	int (*set)(struct reader *, void *field, const char *value);
	void (*show)(const void *field, struct buf *out);
	int continues;		/* may continue on indented lines */
};

/* One key of a section. FEEDS says which content keys it is part of
 * (FEEDS_*), so that changing it reruns exactly the edges that read it: a
 * new key must say, here, what it feeds. */
struct key {
	const char *name;
	const struct type *type;
	size_t offset;
	unsigned feeds;
};

/* Print "FILE:LINE: message" (just "FILE: " for -D). */
static void
complain(struct reader *r, const char *fmt, const char *arg)
{
	struct buf b = {0};

	if (r->line > 0)
		buf_printf(&b, "%s:%d: ", r->file, r->line);
	else
		buf_printf(&b, "%s: ", r->file);
	buf_printf(&b, fmt, arg);
	warn("%s", b.s);
	buf_free(&b);
}

static int
bad(struct reader *r, const char *fmt, const char *arg)
{
	complain(r, fmt, arg);
	r->errors++;
	return 1;	/* counted here; inih goes on to find more */
}

static int
set_str(struct reader *r, void *field, const char *value)
{
	char **p = field;

	if (r->continued && *p && **p) {
		char *s = xasprintf("%s\n%s", *p, value);
		free(*p);
		*p = s;
		return 1;
	}
	free(*p);
	*p = xstrdup(value);
	return 1;
}

/* A word list's words, each checked: a comma is not a separator, and a
 * word that holds one is refused rather than kept with it ("a, b" would
 * make the word "a,"). CHECK: more that each word must be, or NULL. */
static int
set_list(struct reader *r, struct strv *sv, const char *value, int (*check)(struct reader *, const char *))
{
	struct strv words = {0};
	int bad_words = 0;

	strv_split(&words, value);
	for (size_t i = 0; i < words.n; i++) {
		if (check ? check(r, words.v[i]) < 0 : 0)
			bad_words++;
	}
	if (!bad_words) {
		if (!r->continued)
			strv_free(sv);
		for (size_t i = 0; i < words.n; i++)
			strv_push(sv, words.v[i]);
	}
	strv_free(&words);
	return 1;
}

static int
no_comma(struct reader *r, const char *word)
{
	if (!strchr(word, ','))
		return 0;
	bad(r, "\"%s\": a comma does not separate words: expected words separated by blanks", word);
	return -1;
}

static int
set_words(struct reader *r, void *field, const char *value)
{
	return set_list(r, field, value, no_comma);
}

/* Build arguments: KEY=VALUE each, where VALUE may hold anything but a
 * blank. A bare KEY would make docker take KEY's value from whoever runs
 * ninja, unseen by the image's key. */
static int
build_arg(struct reader *r, const char *word)
{
	const char *eq = strchr(word, '=');

	if (eq && eq != word)
		return 0;
	bad(r, "bad build argument \"%s\": expected KEY=VALUE", word);
	return -1;
}

static int
set_args(struct reader *r, void *field, const char *value)
{
	return set_list(r, field, value, build_arg);
}

/* PATH as a path of the project is kept: cleaned, "." for the project. */
static char *
clean_path(const char *path)
{
	char *clean = file_clean(path, 0);

	return *clean ? clean : (free(clean), xstrdup("."));
}

/* A path relative to the project: it must exist once every layer is
 * read (a later layer may name another in its place), so the line that
 * named it is kept for the message. */
static int
named_path(struct reader *r, const char *word)
{
	char *clean;

	if (no_comma(r, word) < 0)
		return -1;
	clean = clean_path(word);
	if (r->line > 0)
		strv_take(&r->m->named, xasprintf("%s\t%s:%d", clean, r->file, r->line));
	else
		strv_take(&r->m->named, xasprintf("%s\t%s", clean, r->file));
	free(clean);
	return 0;
}

/* Does every path in LIST (cleaned) exist? Those that do not are said,
 * at the last line that named each. The number missing. */
static int
paths_exist(const struct matrix *m, const struct strv *list)
{
	int missing = 0;
	struct stat st;

	for (size_t i = 0; i < list->n; i++) {
		const char *where = m->files.n ? m->files.v[m->files.n - 1] : "orchgen.ini";
		if (stat(list->v[i], &st) == 0)
			continue;
		for (size_t k = 0; k < m->named.n; k++) {
			const char *v = m->named.v[k], *tab = strchr(v, '\t');
			if ((size_t)(tab - v) == strlen(list->v[i]) && !strncmp(v, list->v[i], (size_t)(tab - v)))
				where = tab + 1;
		}
		warn("%s: no such file or directory \"%s\": expected paths relative to the project", where, list->v[i]);
		missing++;
	}
	return missing;
}

static int
set_paths(struct reader *r, void *field, const char *value)
{
	struct strv *sv = field;
	size_t from = r->continued ? sv->n : 0;

	set_list(r, field, value, named_path);
	for (size_t i = from; i < sv->n; i++) {
		char *clean = clean_path(sv->v[i]);
		free(sv->v[i]);
		sv->v[i] = clean;
	}
	return 1;
}

static int
set_duration(struct reader *r, void *field, const char *value)
{
	long *p = field;
	long secs = duration_parse(value);

	if (secs < 0)
		return bad(r, "bad duration \"%s\": expected a time such as 90s, 30m or 1h30m, at most 30 days", value);
	*p = secs;
	return 1;
}

/* A whole number from LO to HI for the key NAME. */
static int
set_number(struct reader *r, int *p, const char *value, long lo, long hi, const char *name)
{
	char *end, *form;
	long n = strtol(value, &end, 10);

	if (*end || end == value || n < lo || n > hi) {
		form = xasprintf("bad %s \"%%s\": expected a whole number from %ld to %ld", name, lo, hi);
		bad(r, form, value);
		free(form);
		return 1;
	}
	*p = (int)n;
	return 1;
}

static int
set_jobs(struct reader *r, void *field, const char *value)
{
	return set_number(r, field, value, 1, 1024, "jobs");
}

static int
set_retries(struct reader *r, void *field, const char *value)
{
	return set_number(r, field, value, 0, 10, "retries");
}

/* A word of WORDS (NULL-terminated), stored as its index. */
static int
set_choice(struct reader *r, int *p, const char *value, const char *const *words, const char *what)
{
	for (int i = 0; words[i]; i++) {
		if (!strcmp(value, words[i])) {
			*p = i;
			return 1;
		}
	}
	return bad(r, what, value);
}

static const char *const workspace_modes[] = {"ro", "rw", "copy", NULL};
static const char *const missing_feature[] = {"fail", "skip", NULL};
static const char *const keeps[] = {"never", "failed", "always", NULL};
static const char *const pulls[] = {"missing", "always", NULL};

static int
set_pull(struct reader *r, void *field, const char *value)
{
	return set_choice(r, field, value, pulls, "bad pull \"%s\": expected missing or always");
}

static void
show_pull(const void *field, struct buf *out)
{
	buf_puts(out, pulls[*(const int *)field]);
}

static int
set_keep(struct reader *r, void *field, const char *value)
{
	return set_choice(r, field, value, keeps, "bad keep \"%s\": expected never, failed or always");
}

static void
show_keep(const void *field, struct buf *out)
{
	buf_puts(out, keeps[*(const int *)field]);
}

static int
set_workspace_mode(struct reader *r, void *field, const char *value)
{
	return set_choice(r, field, value, workspace_modes, "bad workspace-mode \"%s\": expected ro, rw or copy");
}

static int
set_missing_feature(struct reader *r, void *field, const char *value)
{
	return set_choice(r, field, value, missing_feature, "bad missing-feature \"%s\": expected fail or skip");
}

const char *
workspace_mode_name(int mode)
{
	return workspace_modes[mode];
}

static int
set_bool(struct reader *r, void *field, const char *value)
{
	int *p = field;

	if (!strcmp(value, "yes") || !strcmp(value, "true"))
		*p = 1;
	else if (!strcmp(value, "no") || !strcmp(value, "false"))
		*p = 0;
	else
		return bad(r, "bad value \"%s\": expected yes or no", value);
	return 1;
}

/* What name_valid() accepts, for messages. */
#define NAME_FORM "expected lowercase letters and digits, separated by '.', '_', '__' or dashes (a name in image tags)"

static int
set_name(struct reader *r, void *field, const char *value)
{
	if (!name_valid(value))
		return bad(r, "bad name \"%s\": " NAME_FORM, value);
	return set_str(r, field, value);
}

/* A mount point inside containers: absolute and clean, without ',' or
 * '=' (which --mount would read as more options), and none of orchgen's
 * own. */
static int
set_mountpoint(struct reader *r, void *field, const char *value)
{
	char *clean = file_clean(value, 0);
	int ok = value[0] == '/' && !strcmp(clean, value) && !strpbrk(value, ",=");

	free(clean);
	if (!ok)
		return bad(r, "bad path \"%s\": expected an absolute, clean path inside the container, without ',' or '='", value);
	for (const char *const *o = layout_mounts; *o; o++) {
		if (!strcmp(value, *o) || !strcmp(value, "/"))
			return bad(r, "bad path \"%s\": orchgen mounts something else there", value);
	}
	return set_str(r, field, value);
}

/* A path of the project, cleaned once here ("./suites/" is "suites"), so
 * that every name made from it is the same. */
static int
set_path(struct reader *r, void *field, const char *value)
{
	char *clean = file_clean(value, 0);
	int rc = set_str(r, field, *clean ? clean : ".");

	free(clean);
	return rc;
}

/* A variable name: letters, digits and '_', not starting with a digit. */
static int
var_name(struct reader *r, const char *word)
{
	if (*word && !isdigit((unsigned char)*word) && strspn(word, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_") == strlen(word))
		return 0;
	bad(r, "bad variable name \"%s\": expected letters, digits and '_', not starting with a digit", word);
	return -1;
}

static int
set_var_names(struct reader *r, void *field, const char *value)
{
	return set_list(r, field, value, var_name);
}

static int
set_image(struct reader *r, void *field, const char *value)
{
	if (*value && !image_ref_valid(value))
		return bad(r, "bad image reference \"%s\": expected [HOST[:PORT]/]NAME[:TAG][@DIGEST], NAME in lowercase", value);
	return set_str(r, field, value);
}

static char *where(struct reader *r);

/* The image cache: a path, cleaned, and where it was set, for the
 * messages of generation, which checks the directory (travel.h); empty:
 * none. */
static int
set_image_cache(struct reader *r, void *field, const char *value)
{
	struct project *p = &r->m->project;
	char **dir = field;

	free(*dir), free(p->image_cache_at);
	*dir = p->image_cache_at = NULL;
	if (!*value)
		return 1;
	*dir = file_clean(value, 0);
	if (!**dir)
		free(*dir), *dir = xstrdup(".");
	p->image_cache_at = where(r);
	return 1;
}

static int
set_registry(struct reader *r, void *field, const char *value)
{
	if (*value && !registry_valid(value))
		return bad(r, "bad registry \"%s\": expected HOST[:PORT]/PREFIX, HOST with a '.' or a port, or localhost "
		    "(127.0.0.1:5000/ci), PREFIX in lowercase", value);
	free(*(char **)field);
	*(char **)field = *value ? xstrdup(value) : NULL;
	return 1;
}

static int
set_engine(struct reader *r, void *field, const char *value)
{
	if (strcmp(value, "docker") != 0 && strcmp(value, "podman") != 0)
		return bad(r, "bad engine \"%s\": expected docker or podman", value);
	return set_str(r, field, value);
}

static int
set_host(struct reader *r, void *field, const char *value)
{
	if (*value && strcmp(value, "none") != 0 && !matrix_engine_host_valid(value))
		return bad(r, "bad host \"%s\": expected unix:///PATH, tcp://HOST[:PORT], ssh://[USER@]HOST[:PORT], or none (the local default)", value);
	return set_str(r, field, value);
}

/* A file the engine's client reads (a TLS certificate or key): it must
 * exist now. */
static int
set_file(struct reader *r, void *field, const char *value)
{
	struct stat st;

	if (stat(value, &st) != 0 || !S_ISREG(st.st_mode))
		return bad(r, "no such file \"%s\": expected a file, relative to the project or absolute", value);
	return set_str(r, field, value);
}

static void
show_str(const void *field, struct buf *out)
{
	const char *s = *(char *const *)field;

	if (s)
		buf_puts(out, s);
}

/* The words one per line: no word holds a newline. */
static void
show_words(const void *field, struct buf *out)
{
	const struct strv *sv = field;

	for (size_t i = 0; i < sv->n; i++)
		buf_printf(out, "%s\n", sv->v[i]);
}

static void
show_long(const void *field, struct buf *out)
{
	buf_printf(out, "%ld", *(const long *)field);
}

static void
show_int(const void *field, struct buf *out)
{
	buf_printf(out, "%d", *(const int *)field);
}

static void
show_bool(const void *field, struct buf *out)
{
	buf_puts(out, *(const int *)field ? "yes" : "no");
}

static void
show_workspace_mode(const void *field, struct buf *out)
{
	buf_puts(out, workspace_modes[*(const int *)field]);
}

static void
show_missing_feature(const void *field, struct buf *out)
{
	buf_puts(out, missing_feature[*(const int *)field]);
}

static const struct type
	t_str = {set_str, show_str, 1},
	t_words = {set_words, show_words, 1},
	t_args = {set_args, show_words, 1},
	t_paths = {set_paths, show_words, 1},
	t_name = {set_name, show_str, 0},
	t_path = {set_path, show_str, 0},
	t_mountpoint = {set_mountpoint, show_str, 0},
	t_image = {set_image, show_str, 0},
	t_var_names = {set_var_names, show_words, 1},
	t_engine = {set_engine, show_str, 0},
	t_image_cache = {set_image_cache, show_str, 0},
	t_registry = {set_registry, show_str, 0},
	t_host = {set_host, show_str, 0},
	t_file = {set_file, show_str, 0},
	t_duration = {set_duration, show_long, 0},
	t_jobs = {set_jobs, show_int, 0},
	t_retries = {set_retries, show_int, 0},
	t_bool = {set_bool, show_bool, 0},
	t_workspace_mode = {set_workspace_mode, show_workspace_mode, 0},
	t_missing_feature = {set_missing_feature, show_missing_feature, 0},
	t_keep = {set_keep, show_keep, 0},
	t_pull = {set_pull, show_pull, 0};

/* Jobs, stages and shells all mount the workspace and the caches, and get
 * the env names: those feed every key of a container. */
#define CONTAINERS (FEEDS_JOB | FEEDS_WARM | FEEDS_BUILD)

/* name and jobs feed no key: the name is part of every tag itself, the
 * pool depth changes no outcome; engine and retries say how to reach an
 * engine, not what runs in it; trace how much a log shows, keep what is
 * left to look at; suites is part of every suite's hash, and so is
 * spread (the spread.yaml read) of every task of its project; image-cache
 * and registry are where images travel, under the tags their keys make:
 * they feed no key, only the command lines of the image and base edges. */
#define P(f) offsetof(struct project, f)
static const struct key project_keys[] = {
	{"name", &t_name, P(name), FEEDS_NONE},
	{"dockerfile", &t_path, P(dockerfile), FEEDS_IMAGE},
	{"context", &t_path, P(context), FEEDS_IMAGE},
	{"suites", &t_path, P(suites), FEEDS_NONE},
	{"spread", &t_path, P(spread), FEEDS_NONE},
	{"workspace", &t_path, P(workspace), CONTAINERS},
	{"sources", &t_paths, P(sources), FEEDS_BUILD},
	{"build", &t_str, P(build), FEEDS_BUILD | FEEDS_JOB},
	{"prepare-each", &t_str, P(prepare_each), FEEDS_JOB},
	{"restore-each", &t_str, P(restore_each), FEEDS_JOB},
	{"debug-each", &t_str, P(debug_each), FEEDS_JOB},
	{"env", &t_var_names, P(env), CONTAINERS},
	{"kill-timeout", &t_duration, P(kill_timeout), FEEDS_JOB},
	{"warn-timeout", &t_duration, P(warn_timeout), FEEDS_JOB},
	{"jobs", &t_jobs, P(jobs), FEEDS_NONE},
	{"engine", &t_engine, P(engine), FEEDS_NONE},
	{"retries", &t_retries, P(retries), FEEDS_NONE},
	{"workspace-mode", &t_workspace_mode, P(workspace_mode), FEEDS_JOB},
	{"missing-feature", &t_missing_feature, P(skip_missing), FEEDS_JOB},
	{"trace", &t_bool, P(trace), FEEDS_NONE},
	{"keep", &t_keep, P(keep), FEEDS_NONE},
	{"image-cache", &t_image_cache, P(image_cache), FEEDS_TRAVEL},
	{"registry", &t_registry, P(registry), FEEDS_TRAVEL},
	{NULL, NULL, 0, 0},
};
#undef P

#define D(f) offsetof(struct distro, f)
static const struct key distro_keys[] = {
	{"base", &t_image, D(base), FEEDS_IMAGE},
	{"rootfs", &t_str, D(rootfs), FEEDS_BASE | FEEDS_IMAGE},
	{"build-args", &t_args, D(build_args), FEEDS_IMAGE},
	{"features", &t_words, D(features), FEEDS_JOB},
	/* When the base is pulled; a new one changes its ID, which is part
	 * of the image's tag (not of a key of settings). */
	{"pull", &t_pull, D(pull), FEEDS_NONE},
	{NULL, NULL, 0, 0},
};
#undef D

/* An engine says where jobs run, never what runs: no key. */
#define E(f) offsetof(struct engine, f)
static const struct key engine_keys[] = {
	{"host", &t_host, E(host), FEEDS_NONE},
	{"jobs", &t_jobs, E(jobs), FEEDS_NONE},
	{"tlscacert", &t_file, E(tlscacert), FEEDS_NONE},
	{"tlscert", &t_file, E(tlscert), FEEDS_NONE},
	{"tlskey", &t_file, E(tlskey), FEEDS_NONE},
	{"tlsverify", &t_bool, E(tlsverify), FEEDS_NONE},
	{"distros", &t_words, E(distros), FEEDS_NONE},
	{"shared", &t_bool, E(shared), FEEDS_NONE},
	{NULL, NULL, 0, 0},
};
#undef E

#define C(f) offsetof(struct cache, f)
static const struct key cache_keys[] = {
	{"path", &t_mountpoint, C(path), CONTAINERS},
	{"per-distro", &t_bool, C(per_distro), CONTAINERS},
	{"warm", &t_str, C(warm), FEEDS_WARM},
	{"warm-inputs", &t_paths, C(warm_inputs), FEEDS_WARM},
	{NULL, NULL, 0, 0},
};
#undef C

/* Each key of KEYS that feeds one of FEEDS and is set, as "SECTION.KEY"
 * and its text, to FN. */
static void
settings(const struct key *keys, const void *base, const char *section, unsigned feeds,
    void (*fn)(void *, const char *, const char *), void *arg)
{
	struct buf name = {0}, value = {0};

	for (const struct key *k = keys; k->name; k++) {
		if (!(k->feeds & feeds))
			continue;
		value.len = 0;
		k->type->show((const char *)base + k->offset, &value);
		if (value.len == 0)
			continue;
		name.len = 0;
		buf_printf(&name, "%s.%s", section, k->name);
		fn(arg, name.s, value.s);
	}
	buf_free(&name), buf_free(&value);
}

void
matrix_settings(const struct matrix *m, const struct distro *d, unsigned feeds,
    void (*fn)(void *arg, const char *name, const char *value), void *arg)
{
	settings(project_keys, &m->project, "project", feeds, fn, arg);
	if (d)
		settings(distro_keys, d, "distro", feeds, fn, arg);
	for (size_t i = 0; i < m->ncaches; i++) {
		char *section = xasprintf("cache.%s", m->caches[i].name);
		settings(cache_keys, &m->caches[i], section, feeds, fn, arg);
		free(section);
	}
}

void
matrix_keys(void (*fn)(void *arg, const char *section, const char *key, unsigned feeds), void *arg)
{
	static const struct {
		const char *section;
		const struct key *keys;
	} sections[] = {{"project", project_keys}, {"distro", distro_keys}, {"cache", cache_keys}, {"engine", engine_keys}};

	for (size_t i = 0; i < sizeof(sections) / sizeof(*sections); i++) {
		for (const struct key *k = sections[i].keys; k->name; k++)
			fn(arg, sections[i].section, k->name, k->feeds);
	}
}

/* Docker's grammar for a component of an image name: runs of [a-z0-9]
 * joined by '.', '_', "__" or any run of '-'. Anything looser passes here
 * and fails later, in `docker build`, as an invalid reference. */
int
name_valid(const char *s)
{
	const char *alnum = "abcdefghijklmnopqrstuvwxyz0123456789";
	size_t n = strlen(s), run, sep;

	if (n == 0 || n > 128)
		return 0;
	for (;;) {
		if ((run = strspn(s, alnum)) == 0)
			return 0;
		s += run;
		if (!*s)
			return 1;
		sep = strspn(s, "._-");
		if (sep != 1 && strncmp(s, "__", sep) != 0 && strspn(s, "-") != sep)
			return 0;
		s += sep;
	}
}

/* A registry host: [A-Za-z0-9.-] names, or "localhost", with an optional
 * ":PORT". */
static int
host_valid(const char *s, size_t n)
{
	size_t host = strcspn(s, ":");

	if (host > n)
		host = n;
	if (host == 0 || strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-") < host)
		return 0;
	if (host == n)
		return 1;
	return n > host + 1 && strspn(s + host + 1, "0123456789") == n - host - 1;
}

/* @ALGORITHM:HEX, with 32 hex digits at least. */
static int
digest_valid(const char *s)
{
	const char *hex = strchr(s, ':');

	return hex && hex > s && strlen(hex + 1) >= 32 && strspn(hex + 1, "0123456789abcdefABCDEF") == strlen(hex + 1);
}

/* A tag: [A-Za-z0-9_] then up to 127 of [A-Za-z0-9_.-]. */
static int
tag_valid(const char *s)
{
	return *s && *s != '.' && *s != '-' && strlen(s) <= 128 &&
	    strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-") == strlen(s);
}

/* NAME's components, separated by '/', after a registry when the first
 * one looks like a host (holds '.' or ':', or is localhost). NAME is
 * changed. */
static int
repository_valid(char *name)
{
	char *slash = strchr(name, '/'), *mark = strpbrk(name, ".:"), *c = name, *next;

	if (slash && ((mark && mark < slash) || !strncmp(name, "localhost/", 10))) {
		if (!host_valid(name, (size_t)(slash - name)))
			return 0;
		c = slash + 1;
	}
	for (; c; c = next) {
		if ((next = strchr(c, '/')))
			*next++ = '\0';
		if (!name_valid(c))
			return 0;
	}
	return 1;
}

int
image_ref_valid(const char *ref)
{
	const char *at = strchr(ref, '@');
	size_t n = at ? (size_t)(at - ref) : strlen(ref);
	char *name = xstrndup(ref, n), *slash = strrchr(name, '/'), *colon = strrchr(name, ':');
	int ok = n > 0 && n <= 255 && (!at || digest_valid(at + 1));

	if (ok && colon && (!slash || colon > slash)) {
		ok = tag_valid(colon + 1);
		*colon = '\0';
	}
	ok = ok && repository_valid(name);
	free(name);
	return ok;
}

int
registry_valid(const char *s)
{
	const char *slash = strchr(s, '/');
	size_t host = slash ? (size_t)(slash - s) : 0;
	char *prefix, *c, *next;
	int ok;

	if (!slash || !host_valid(s, host) || (!memchr(s, '.', host) && !memchr(s, ':', host) && strncmp(s, "localhost/", 10)))
		return 0;
	prefix = xstrdup(slash + 1);
	for (ok = 1, c = prefix; ok && c; c = next) {
		if ((next = strchr(c, '/')))
			*next++ = '\0';
		ok = name_valid(c);
	}
	free(prefix);
	return ok;
}

void
matrix_var_name(const char *name, struct buf *out)
{
	for (const char *p = name; *p; p++)
		buf_putc(out, isalnum((unsigned char)*p) ? (char)toupper((unsigned char)*p) : '_');
}

static char *
where(struct reader *r)
{
	return r->line > 0 ? xasprintf("%s:%d", r->file, r->line) : xstrdup(r->file);
}

static struct distro *
distro_get(struct reader *r, const char *name)
{
	struct matrix *m = r->m;
	struct distro *d = matrix_distro(m, name);

	if (d)
		return d;
	m->distros = xrealloc(m->distros, (m->ndistros + 1) * sizeof(*m->distros));
	d = &m->distros[m->ndistros++];
	memset(d, 0, sizeof(*d));
	d->name = xstrdup(name);
	d->where = where(r);
	return d;
}

static struct cache *
cache_get(struct reader *r, const char *name)
{
	struct matrix *m = r->m;

	for (size_t i = 0; i < m->ncaches; i++) {
		if (!strcmp(m->caches[i].name, name))
			return &m->caches[i];
	}
	m->caches = xrealloc(m->caches, (m->ncaches + 1) * sizeof(*m->caches));
	struct cache *c = &m->caches[m->ncaches++];
	memset(c, 0, sizeof(*c));
	c->name = xstrdup(name);
	c->per_distro = 1;
	c->where = where(r);
	return c;
}

static struct engine *
engine_get(struct reader *r, const char *name)
{
	struct matrix *m = r->m;

	for (size_t i = 0; i < m->nengines; i++) {
		if (!strcmp(m->engines[i].name, name))
			return &m->engines[i];
	}
	m->engines = xrealloc(m->engines, (m->nengines + 1) * sizeof(*m->engines));
	struct engine *e = &m->engines[m->nengines++];
	memset(e, 0, sizeof(*e));
	e->name = xstrdup(name);
	e->shared = -1;
	e->where = where(r);
	return e;
}

/* The struct a section's values go into, and its key table; NULL when the
 * section is not one of ours (reported). */
static void *
section_target(struct reader *r, const char *section, const struct key **keys)
{
	const char *sp = strchr(section, ' ');
	size_t kindlen = sp ? (size_t)(sp - section) : strlen(section);
	const char *name = sp ? sp + 1 : "";

	if (!*section) {
		bad(r, "%s", "a key before any section: expected [project], [distro NAME], [cache NAME] or [engine NAME] above it");
		return NULL;
	}
	if (!sp && !strcmp(section, "project")) {
		*keys = project_keys;
		return &r->m->project;
	}
	int distro = kindlen == 6 && !strncmp(section, "distro", 6);
	int cache = kindlen == 5 && !strncmp(section, "cache", 5);
	int engine = kindlen == 6 && !strncmp(section, "engine", 6);
	if (distro || cache || engine) {
		if (!name_valid(name)) {
			bad(r, "bad name in [%s]: " NAME_FORM, section);
			return NULL;
		}
		*keys = distro ? distro_keys : cache ? cache_keys : engine_keys;
		return distro ? (void *)distro_get(r, name) : cache ? (void *)cache_get(r, name) : (void *)engine_get(r, name);
	}
	bad(r, "unknown section [%s]: expected [project], [distro NAME], [cache NAME] or [engine NAME]", section);
	return NULL;
}

/* Check SECTION (taken) once, at its header, and create what it names,
 * so that an empty [distro NAME] is seen too. */
static void
open_section(struct reader *r, char *section)
{
	free(r->section);
	r->section = section;
	r->target = section_target(r, section, &r->keys);
	r->lastkey[0] = '\0';
}

static int
handler(void *user, const char *section, const char *name, const char *value)
{
	struct reader *r = user;
	char key[sizeof(r->lastkey)];

	if (!r->section)
		open_section(r, xstrdup(section));
	snprintf(key, sizeof(key), "%s\n%s", r->section, name);
	if (r->continued && strcmp(key, r->lastkey) != 0)
		r->continued = 0;
	memcpy(r->lastkey, key, sizeof(key));
	if (!r->target)
		return 1;
	for (const struct key *k = r->keys; k->name; k++) {
		if (strcmp(k->name, name) != 0)
			continue;
		if (r->continued && !k->type->continues)
			return bad(r, "%s takes a single line: only scripts and word lists continue on indented lines", name);
		return k->type->set(r, (char *)r->target + k->offset, value);
	}
	if (!r->continued) {
		struct buf b = {0};
		buf_printf(&b, "unknown key \"%s\" in [%s] (ignored)", name, r->section);
		complain(r, "%s", b.s);
		buf_free(&b);
	}
	return 1;
}

/* A "[section]" line, as inih sees one: not when an indented line continues
 * a value. The UTF-8 byte order mark inih skips on line 1 is skipped too. */
static void
header(struct reader *r, const char *str)
{
	const char *s, *end;

	if (r->line == 1 && !strncmp(str, "\xEF\xBB\xBF", 3))
		str += 3;
	s = str + strspn(str, " \t\r\v\f");
	if (*s != '[' || (s > str && r->lastkey[0]) || !(end = strchr(s, ']')))
		return;
	open_section(r, xstrndup(s + 1, (size_t)(end - s - 1)));
}

/* inih's line reader: counts lines, opens sections, and blanks out a line
 * longer than inih's buffer (inih would split it in two) or one that holds
 * a NUL byte (inih would end it there and take the rest for a line of its
 * own), each reported once load_file() is done. */
static char *
readline(char *str, int num, void *stream)
{
	struct reader *r = stream;
	int c = 0, n = 0, toolong = 0, nul = 0;

	while (n < num - 1 && (c = getc(r->f)) != EOF && c != '\n') {
		nul |= c == '\0';
		str[n++] = (char)c;
	}
	if (n == num - 1 && (c = getc(r->f)) != EOF && c != '\n') {
		toolong = 1;
		while ((c = getc(r->f)) != EOF && c != '\n')
			;
	}
	if (c == EOF && n == 0 && !toolong)
		return NULL;
	r->line++;
	str[n] = '\0';
	if (toolong || nul) {
		if (toolong && !r->toolong)
			r->toolong = r->line;
		if (nul && !r->nul)
			r->nul = r->line;
		strcpy(str, "\n");
		return str;
	}
	/* What inih takes for a continuation: a line that starts with any
	 * blank, \v and \f included. */
	r->continued = isspace((unsigned char)str[0]) && str[0] != '\n' && r->lastkey[0];
	header(r, str);
	return str;
}

/* Read one layer. A missing optional layer is no error. */
static int
load_file(struct matrix *m, const char *file, int required)
{
	struct reader r = {.m = m, .file = file};
	int rc;

	r.f = fopen(file, "r");
	if (!r.f) {
		if (!required && errno == ENOENT)
			return 0;
		warn("%s: cannot read the matrix:", file);
		if (errno == ENOENT)
			warn("no project here: orchgen init makes one (orchgen init DIR, in a new directory)");
		return -1;
	}
	strv_push(&m->files, file);
	rc = ini_parse_stream(readline, &r, handler, &r);
	fclose(r.f);
	free(r.section);
	if (r.toolong) {
		warn("%s:%d: line longer than 199 characters: continue a long value on indented lines", file, r.toolong);
		return -1;
	}
	if (r.nul) {
		warn("%s:%d: a NUL byte in the line: expected text", file, r.nul);
		return -1;
	}
	if (rc > 0) {
		warn("%s:%d: malformed line: expected [section], key = value, or a comment", file, rc);
		return -1;
	}
	return r.errors ? -1 : 0;
}

/* -D section.key=value: the key is after the last '.', the name between. */
static int
load_define(struct matrix *m, const char *def)
{
	const char *eq = strchr(def, '=');
	const char *dot = NULL;

	for (const char *p = def; eq && p < eq; p++) {
		if (*p == '.')
			dot = p;
	}

	if (!dot || dot == def) {
		warn("-D %s: expected section.key=value, e.g. project.jobs=8 or distro.bookworm.base=debian:bookworm", def);
		return -1;
	}
	struct reader r = {.m = m, .file = xasprintf("-D %s", def)};
	char *section = xstrndup(def, (size_t)(dot - def));
	char *key = xstrndup(dot + 1, (size_t)(eq - dot - 1));
	char *sep = strchr(section, '.');
	if (sep)
		*sep = ' ';
	open_section(&r, section);
	handler(&r, section, key, eq + 1);
	free(r.section);
	free(key);
	free((char *)r.file);
	return r.errors ? -1 : 0;
}

static int
cmpdistro(const void *a, const void *b)
{
	return strcmp(((const struct distro *)a)->name, ((const struct distro *)b)->name);
}

static int
cmpcache(const void *a, const void *b)
{
	return strcmp(((const struct cache *)a)->name, ((const struct cache *)b)->name);
}

static void
defaults(struct project *p)
{
	p->context = xstrdup("docker");
	p->workspace = xstrdup(".");
	p->jobs = 4;
	p->kill_timeout = 15 * 60;
	p->warn_timeout = 5 * 60;
	p->engine = xstrdup("docker");
	p->retries = 2;
}

/* Names made from the matrix's names must fit where they go: an image's
 * name (<project>-base-<distro>) in docker's 255 bytes, and each distro in
 * a variable name of its own in `orchgen keys`, where every character
 * but a letter or digit is '_'. The distros are sorted. */
static int
names_fit(const struct matrix *m)
{
	int errors = 0;
	struct buf a = {0}, b = {0};

	for (size_t i = 0; i < m->ndistros; i++) {
		const struct distro *d = &m->distros[i];
		const char *registry = m->project.registry;
		size_t len = (registry ? strlen(registry) + 1 : 0) + strlen(m->project.name) + strlen("-base-") + strlen(d->name);
		if (len > 255) {
			warn("%s: [distro %s]: its image would be named with %zu bytes%s: expected at most 255 (shorten the project's or the distro's name%s)",
			    d->where, d->name, len, registry ? " in the registry" : "", registry ? ", or the registry's" : "");
			errors++;
		}
		for (size_t k = i + 1; k < m->ndistros; k++) {
			a.len = b.len = 0;
			matrix_var_name(d->name, &a);
			matrix_var_name(m->distros[k].name, &b);
			if (strcmp(buf_str(&a), buf_str(&b)) != 0)
				continue;
			warn("%s: [distro %s] and [distro %s] (%s) would share the variable name ..._%s in orchgen keys: expected names that differ in a letter or digit",
			    d->where, d->name, m->distros[k].name, m->distros[k].where, a.s);
			errors++;
		}
	}
	buf_free(&a), buf_free(&b);
	return errors ? -1 : 0;
}

/* The engines, when there are any: each distro they name is one of the
 * matrix's, and every distro has one that serves it. An engine's jobs
 * default to the project's; only the local default shares this host's
 * files unless `shared` says so. */
static int
engines_valid(struct matrix *m)
{
	int errors = 0;

	for (size_t i = 0; i < m->nengines; i++) {
		struct engine *e = &m->engines[i];
		if (!e->jobs)
			e->jobs = m->project.jobs;
		if (e->shared < 0)
			e->shared = matrix_engine_local(e);
		if (!matrix_engine_local(e) && strcmp(m->project.engine, "docker") != 0) {
			warn("%s: [engine %s]: a host is for the docker client: expected engine = docker in [project], or no host",
			    e->where, e->name);
			errors++;
		}
		for (size_t k = 0; k < e->distros.n; k++) {
			if (matrix_distro(m, e->distros.v[k]))
				continue;
			warn("%s: [engine %s]: no distro \"%s\": expected distros of this matrix", e->where, e->name, e->distros.v[k]);
			errors++;
		}
	}
	for (size_t i = 0; m->nengines > 0 && i < m->ndistros; i++) {
		size_t k = 0;
		while (k < m->nengines && !matrix_engine_serves(&m->engines[k], m->distros[i].name))
			k++;
		if (k < m->nengines)
			continue;
		warn("%s: [distro %s]: no engine serves it: expected an [engine NAME] whose distros name it, or one without distros",
		    m->distros[i].where, m->distros[i].name);
		errors++;
	}
	return errors ? -1 : 0;
}

/* What every layer together must say. A Dockerfile not named is
 * docker/Dockerfile when there is one, else none: the base is the image. */
static int
validate(struct matrix *m)
{
	int errors = 0;

	if (!m->project.dockerfile && access(DEFAULT_DOCKERFILE, F_OK) == 0)
		m->project.dockerfile = xstrdup(DEFAULT_DOCKERFILE);
	/* A spread project: its spread.yaml says where the suites are. */
	if (!m->project.suites && !m->project.spread && access(DEFAULT_SPREAD, F_OK) == 0)
		m->project.spread = xstrdup(DEFAULT_SPREAD);
	if (!m->project.suites && m->project.spread)
		m->project.suites = file_dirname(m->project.spread, 0);
	if (!m->project.suites)
		m->project.suites = xstrdup("suites");

	if (!m->project.name) {
		warn("%s: [project] has no name: expected name = NAME (lowercase, used in image tags)", m->files.v[m->files.n - 1]);
		errors++;
	}
	if (m->ndistros == 0) {
		warn("%s: no [distro NAME] section: the matrix needs at least one distro", m->files.v[m->files.n - 1]);
		errors++;
	}
	for (size_t i = 0; i < m->ndistros; i++) {
		const struct distro *d = &m->distros[i];
		int base = d->base && *d->base, rootfs = d->rootfs && *d->rootfs;
		if (base == rootfs) {
			warn("%s: [distro %s] has %s: expected either base = IMAGE or rootfs = COMMAND", d->where, d->name,
			    base ? "both base and rootfs" : "no base");
			errors++;
		}
	}
	errors += paths_exist(m, &m->project.sources);
	for (size_t i = 0; i < m->ncaches; i++)
		errors += paths_exist(m, &m->caches[i].warm_inputs);
	for (size_t i = 0; i < m->ncaches; i++) {
		if (!m->caches[i].path) {
			warn("%s: [cache %s] has no path: expected path = /absolute/dir", m->caches[i].where, m->caches[i].name);
			errors++;
		}
	}
	return errors || names_fit(m) < 0 || engines_valid(m) < 0 ? -1 : 0;
}

/* The nearest directory above the current one that has FILE (a relative
 * path), as a path from here: "..", "../.."; NULL when none has. */
static char *
above(const char *file)
{
	struct buf up = {0};
	struct stat here, parent;
	char *found = NULL;

	if (file[0] == '/')
		return NULL;
	buf_puts(&up, ".");
	for (int depth = 0; depth < 64 && !found; depth++) {
		char *dotdot = xasprintf("%s/..", up.s), *path;
		/* "/.." is "/": the root has no directory above. */
		if (stat(up.s, &here) != 0 || stat(dotdot, &parent) != 0 ||
		    (here.st_dev == parent.st_dev && here.st_ino == parent.st_ino)) {
			free(dotdot);
			break;
		}
		free(dotdot);
		buf_puts(&up, "/..");
		path = xasprintf("%s/%s", up.s + 2, file);
		if (access(path, F_OK) == 0)
			found = xstrdup(up.s + 2);
		free(path);
	}
	buf_free(&up);
	return found;
}

int
matrix_elsewhere(const char *file, const char *from, const char *again)
{
	char *up, *dir;

	if (access(file, F_OK) == 0 || errno != ENOENT || !(up = above(file)))
		return 0;
	if (from) {
		char *joined = str_join(from, "/", up, NULL);
		dir = file_clean(joined, 0);
		free(joined);
		if (!*dir)
			free(dir), dir = xstrdup(".");
	} else {
		dir = xstrdup(up);
	}
	warn("%s: no project here; the project at %s has one: run orchgen -C %s%s", file, dir, dir, again ? again : "");
	free(up), free(dir);
	return -1;
}

int
matrix_load(struct matrix *m, const char *file, const struct strv *defines)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	char *user = xdg && *xdg ? xasprintf("%s/orchgen/config.ini", xdg)
	    : xasprintf("%s/.config/orchgen/config.ini", home ? home : "/");
	int rc = 0;

	memset(m, 0, sizeof(*m));
	defaults(&m->project);
	if (load_file(m, "/etc/orchgen/config.ini", 0) < 0 || load_file(m, user, 0) < 0)
		rc = -1;
	free(user);
	if (rc == 0 && load_file(m, file, 1) < 0)
		rc = -1;
	for (size_t i = 0; rc == 0 && i < defines->n; i++)
		rc = load_define(m, defines->v[i]);
	if (rc == 0)
		rc = validate(m);
	if (rc < 0) {
		matrix_free(m);
		return -1;
	}
	if (m->ndistros > 1)
		qsort(m->distros, m->ndistros, sizeof(*m->distros), cmpdistro);
	if (m->ncaches > 1)	/* qsort(NULL, 0) is undefined */
		qsort(m->caches, m->ncaches, sizeof(*m->caches), cmpcache);
	return 0;
}

struct distro *
matrix_distro(const struct matrix *m, const char *name)
{
	for (size_t i = 0; i < m->ndistros; i++) {
		if (!strcmp(m->distros[i].name, name))
			return &m->distros[i];
	}
	return NULL;
}

/* A host name or address: letters, digits, '.', '-', or [IPv6]. */
static int
hostname_valid(const char *s, size_t n)
{
	if (n >= 2 && s[0] == '[' && s[n - 1] == ']')
		return strspn(s + 1, "0123456789abcdefABCDEF:.") == n - 2;
	return n > 0 && s[0] != '-' && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-") >= n;
}

/* HOST[:PORT], the port from 1 to 65535. */
static int
hostport_valid(const char *s)
{
	const char *colon = strrchr(s, ':');
	size_t n = strlen(s);

	if (colon && strchr(s, ']') > colon)
		colon = NULL;
	if (!colon)
		return hostname_valid(s, n);
	long port = strspn(colon + 1, "0123456789") == strlen(colon + 1) && colon[1] ? strtol(colon + 1, NULL, 10) : 0;
	return port >= 1 && port <= 65535 && strlen(colon + 1) <= 5 && hostname_valid(s, (size_t)(colon - s));
}

int
matrix_engine_host_valid(const char *host)
{
	if (!strncmp(host, "unix:///", 8))
		return host[8] && !strpbrk(host, " \t\r\n");
	if (!strncmp(host, "tcp://", 6))
		return hostport_valid(host + 6);
	if (!strncmp(host, "ssh://", 6)) {
		const char *at = strchr(host + 6, '@'), *h = at ? at + 1 : host + 6;
		size_t user = at ? (size_t)(at - host - 6) : 0;
		if (at && (user == 0 || strspn(host + 6, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-") != user || host[6] == '-'))
			return 0;
		return hostport_valid(h);
	}
	return 0;
}

int
matrix_engine_local(const struct engine *e)
{
	return !e->host || !*e->host || !strcmp(e->host, "none");
}

int
matrix_engine_serves(const struct engine *e, const char *distro)
{
	return e->distros.n == 0 || strv_contains(&e->distros, distro);
}

int
matrix_warms(const struct matrix *m)
{
	for (size_t i = 0; i < m->ncaches; i++) {
		if (m->caches[i].warm)
			return 1;
	}
	return 0;
}

void
distro_free(struct distro *d)
{
	free(d->name), free(d->base), free(d->rootfs), free(d->where);
	strv_free(&d->build_args), strv_free(&d->features);
}

void
matrix_free(struct matrix *m)
{
	struct project *p = &m->project;

	free(p->name), free(p->dockerfile), free(p->context), free(p->suites), free(p->spread);
	free(p->workspace), free(p->prepare_each), free(p->restore_each);
	free(p->debug_each), free(p->engine), free(p->build);
	free(p->image_cache), free(p->image_cache_at), free(p->registry);
	strv_free(&p->env), strv_free(&p->sources);
	for (size_t i = 0; i < m->ndistros; i++)
		distro_free(&m->distros[i]);
	for (size_t i = 0; i < m->ncaches; i++) {
		struct cache *c = &m->caches[i];
		free(c->name), free(c->path), free(c->warm), free(c->where);
		strv_free(&c->warm_inputs);
	}
	for (size_t i = 0; i < m->nengines; i++) {
		struct engine *e = &m->engines[i];
		free(e->name), free(e->host), free(e->tlscacert), free(e->tlscert), free(e->tlskey), free(e->where);
		strv_free(&e->distros);
	}
	free(m->distros), free(m->caches), free(m->engines);
	strv_free(&m->files), strv_free(&m->named);
	memset(m, 0, sizeof(*m));
}
