#include <ctype.h>
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "str.h"
#include "yaml.h"
#include "suite.h"
#include "util.h"

enum {
	MAXVARIANTS = 256,	/* per task */
	MAXSAMPLES = 1000,	/* runs of one job */
};

struct ctx {
	const char *path;
	struct suite *s;
	const struct ynode *variants;	/* applied once `environment` is known */
	unsigned level;		/* LEVEL_*: the keys read */
	const char *const *own;	/* keys the caller reads itself; NULL: none */
};

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

typedef int keyfn(struct ctx *, const struct ynode *, const struct ynode *, void *);
typedef int itemfn(struct ctx *, const struct ynode *, const struct ynode *);

/* Report at node N: an error when the caller returns the -1, else a warning. */
static int
nodeerr(const struct ctx *c, const struct ynode *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ynode_vreport(c->path, n->line, n->col, fmt, ap);
	va_end(ap);
	return -1;
}

/* A mapping whose keys are read: they must be strings. */
static int
scalarkeys(struct ctx *c, const struct ynode *map)
{
	for (const struct ynode *k = map->kid; k; k = k->next->next) {
		if (k->type != Y_SCALAR)
			return nodeerr(c, k, "keys must be strings, got %s", ynode_kind(k));
	}
	return 0;
}

static int
wantkind(struct ctx *c, const struct ynode *k, const struct ynode *v, enum ytype t, const char *want)
{
	if (v->type == t)
		return 0;
	return nodeerr(c, v, "%s: expected %s, got %s", k->text, want, ynode_kind(v));
}

static int
isword(const char *s, const char *extra)
{
	if (!*s)
		return 0;
	for (; *s; s++) {
		if (!isalnum((unsigned char)*s) && *s != '_' && !strchr(extra, *s))
			return 0;
	}
	return 1;
}

static int
parsestr(struct ctx *c, const struct ynode *k, const struct ynode *v, void *field)
{
	if (wantkind(c, k, v, Y_SCALAR, "a string") < 0)
		return -1;
	*(char **)field = xstrdup(v->text);
	return 0;
}

/* A scalar among a few words, case-insensitively, into an int field. */
static int
parseword(struct ctx *c, const struct ynode *k, const struct ynode *v, void *field,
	const char *const *words, const int *values, const char *want)
{
	if (wantkind(c, k, v, Y_SCALAR, want) < 0)
		return -1;
	for (size_t i = 0; words[i]; i++) {
		if (strcasecmp(v->text, words[i]) == 0) {
			*(int *)field = values[i];
			return 0;
		}
	}
	return nodeerr(c, v, "%s: expected %s, got \"%s\"", k->text, want, v->text);
}

static int
parsemissing(struct ctx *c, const struct ynode *k, const struct ynode *v, void *field)
{
	static const char *const words[] = {"error", "skip", NULL};
	static const int values[] = {REQUIRES_ERROR, REQUIRES_SKIP};

	return parseword(c, k, v, field, words, values, "\"skip\" or \"error\"");
}

static int
parsebool(struct ctx *c, const struct ynode *k, const struct ynode *v, void *field)
{
	static const char *const words[] = {"true", "yes", "on", "false", "no", "off", NULL};
	static const int values[] = {1, 1, 1, 0, 0, 0};

	return parseword(c, k, v, field, words, values, "true or false");
}

static int
parseexpect(struct ctx *c, const struct ynode *k, const struct ynode *v, void *field)
{
	static const char *const words[] = {"pass", "fail", NULL};
	static const int values[] = {0, 1};

	return parseword(c, k, v, field, words, values, "\"pass\" or \"fail\"");
}

/* A scalar integer from LO to HI into an int field; WANT says so in messages. */
static int
intrange(struct ctx *c, const struct ynode *k, const struct ynode *v, void *field, long lo, long hi, const char *want)
{
	char *end;
	long n;

	if (wantkind(c, k, v, Y_SCALAR, want) < 0)
		return -1;
	errno = 0;
	n = strtol(v->text, &end, 10);
	if (!*v->text || isspace((unsigned char)*v->text) || *end || errno || n < lo || n > hi)
		return nodeerr(c, v, "%s: expected %s, got \"%s\"", k->text, want, v->text);
	*(int *)field = (int)n;
	return 0;
}

static int
parseint(struct ctx *c, const struct ynode *k, const struct ynode *v, void *field)
{
	return intrange(c, k, v, field, INT_MIN, INT_MAX, "an integer");
}

static int
parsepriority(struct ctx *c, const struct ynode *k, const struct ynode *v, void *field)
{
	c->s->priority_set = 1;
	return parseint(c, k, v, field);
}

static int
parsesamples(struct ctx *c, const struct ynode *k, const struct ynode *v, void *field)
{
	return intrange(c, k, v, field, 1, MAXSAMPLES, "a whole number of runs from 1 to 1000");
}

static int
parseduration(struct ctx *c, const struct ynode *k, const struct ynode *v, void *field)
{
	long n;

	if (wantkind(c, k, v, Y_SCALAR, "a duration") < 0)
		return -1;
	if ((n = duration_parse(v->text)) < 0)
		return nodeerr(c, v, "%s: expected a duration like 90s, 30m or 1h30m, at most 30 days, got \"%s\"", k->text, v->text);
	*(long *)field = n;
	return 0;
}

/* A sequence of strings, each accepted by CHECK, appended to OUT when not NULL. */
static int
strlist(struct ctx *c, const struct ynode *k, const struct ynode *v, struct strv *out, itemfn *check)
{
	if (wantkind(c, k, v, Y_SEQUENCE, "a list of strings") < 0)
		return -1;
	for (const struct ynode *i = v->kid; i; i = i->next) {
		if (wantkind(c, k, i, Y_SCALAR, "a string in the list") < 0)
			return -1;
		if (check(c, k, i) < 0)
			return -1;
		if (out)
			strv_push(out, i->text);
	}
	return 0;
}

/* A systems or variants entry without its '+' or '-'. */
static const char *
bare(const char *s)
{
	return s + (*s == '+' || *s == '-');
}

static int
checkpattern(struct ctx *c, const struct ynode *k, const struct ynode *i)
{
	if (*bare(i->text))
		return 0;
	return nodeerr(c, i, "%s: empty pattern \"%s\"", k->text, i->text);
}

static int
checkvariant(struct ctx *c, const struct ynode *k, const struct ynode *i)
{
	const char *name = bare(i->text);

	if (isword(name, ""))
		return 0;
	return nodeerr(c, i, "%s: bad variant \"%s\": use letters, digits and '_'", k->text, i->text);
}

/* An artifact: a path in the job's container, relative to its working
 * directory or absolute, that stays below where it is copied to. */
static int
checkpath(struct ctx *c, const struct ynode *k, const struct ynode *i)
{
	const char *t = i->text;
	size_t n = strlen(t);

	if (!*t)
		return nodeerr(c, i, "%s: empty path: expected a path relative to /workspace, or absolute", k->text);
	if (!strcmp(t, "..") || !strncmp(t, "../", 3) || strstr(t, "/../") || (n >= 3 && !strcmp(t + n - 3, "/..")))
		return nodeerr(c, i, "%s: path \"%s\" has a '..' component: expected a path below /workspace, or absolute", k->text, t);
	if (strchr(t, '\n'))
		return nodeerr(c, i, "%s: path with a newline", k->text);
	return 0;
}

static int
checkfeature(struct ctx *c, const struct ynode *k, const struct ynode *i)
{
	if (isword(i->text, "-.+:"))
		return 0;
	return nodeerr(c, i, "%s: bad feature name \"%s\"", k->text, i->text);
}

/* Spread's rule for a systems or variants list: plain names, or +/-
 * changes to the level before, never both. */
static int
plain_or_delta(struct ctx *c, const struct ynode *k, const struct ynode *v)
{
	for (const struct ynode *i = v->kid; i && i->next; i = i->next) {
		if ((*i->text == '+' || *i->text == '-') != (*i->next->text == '+' || *i->next->text == '-'))
			return nodeerr(c, i->next, "%s: \"%s\" after \"%s\": expected plain names or +/- changes, not both (spread refuses a mix)",
			    k->text, i->next->text, i->text);
	}
	return 0;
}

static int
parsesystems(struct ctx *c, const struct ynode *k, const struct ynode *v, void *field)
{
	struct suite *s = c->s;
	size_t n = 0;

	(void)field;
	if (s->systems_line)
		return nodeerr(c, k, "duplicate key \"%s\" (first at line %d as \"systems\" or \"distro-check\")", k->text, s->systems_line);
	s->systems_line = k->line;
	if (strlist(c, k, v, &s->systems, checkpattern) < 0)
		return -1;
	if (plain_or_delta(c, k, v) < 0)
		return -1;
	s->systems_pos = xcalloc(s->systems.n, sizeof(*s->systems_pos));
	for (const struct ynode *i = v->kid; i; i = i->next, n++)
		s->systems_pos[n] = (struct suite_pos){i->line, i->col};
	return 0;
}

static int
parsevariants(struct ctx *c, const struct ynode *k, const struct ynode *v, void *field)
{
	(void)field;
	c->variants = v;
	if (strlist(c, k, v, &c->s->variants_list, checkvariant) < 0)
		return -1;
	return c->level != LEVEL_TASK || c->s->spread ? plain_or_delta(c, k, v) : 0;
}

/* A backends entry: a glob, maybe after '+' or '-'. */
static int
checkbackend(struct ctx *c, const struct ynode *k, const struct ynode *i)
{
	if (*bare(i->text))
		return 0;
	return nodeerr(c, i, "%s: an empty name", k->text);
}

static int
parsebackends(struct ctx *c, const struct ynode *k, const struct ynode *v, void *field)
{
	(void)field;
	if (strlist(c, k, v, &c->s->backends, checkbackend) < 0)
		return -1;
	return plain_or_delta(c, k, v);
}

static int
parsefeatures(struct ctx *c, const struct ynode *k, const struct ynode *v, void *field)
{
	return strlist(c, k, v, field, checkfeature);
}

static int
parsepaths(struct ctx *c, const struct ynode *k, const struct ynode *v, void *field)
{
	return strlist(c, k, v, field, checkpath);
}

/* Variants keep their order of first appearance; the cap keeps the
 * linear lookups cheap and the job count sane. */
static int
addvariant(struct ctx *c, const struct ynode *at, const char *name)
{
	struct strv *sv = &c->s->variants;

	if (strv_contains(sv, name))
		return 0;
	if (sv->n == MAXVARIANTS)
		return nodeerr(c, at, "more than %d variants", MAXVARIANTS);
	strv_push(sv, name);
	return 0;
}

/* "NAME" or "NAME/v1,v2" into E, like spread's variable names. */
static int
envkey(struct ctx *c, const struct ynode *k, struct suite_env *e)
{
	const char *slash = strchr(k->text, '/');
	char *list, *v, *save;
	int rc = 0;

	e->name = slash ? xstrndup(k->text, (size_t)(slash - k->text)) : xstrdup(k->text);
	if (!isword(e->name, "") || isdigit((unsigned char)e->name[0]))
		return nodeerr(c, k, "environment: bad variable name \"%s\"", e->name);
	if (!slash)
		return 0;
	list = xstrdup(slash + 1);
	for (v = list; rc == 0 && v; v = save) {
		save = strchr(v, ',');
		if (save)
			*save++ = '\0';
		if (!isword(v, ""))
			rc = nodeerr(c, k, "environment: bad variant \"%s\" in \"%s\": use letters, digits and '_'", v, k->text);
		else if ((rc = addvariant(c, k, v)) == 0)
			strv_push(&e->only, v);
	}
	free(list);
	return rc;
}

static int
parseenv(struct ctx *c, const struct ynode *k, const struct ynode *v, void *field)
{
	struct suite *s = c->s;
	size_t n = 0;

	(void)field;
	if (wantkind(c, k, v, Y_MAPPING, "a mapping of NAME: value") < 0 || scalarkeys(c, v) < 0)
		return -1;
	for (const struct ynode *e = v->kid; e; e = e->next->next)
		n++;
	s->env = xcalloc(n, sizeof(*s->env));
	for (const struct ynode *key = v->kid; key; key = key->next->next) {
		struct suite_env *e = &s->env[s->nenv++];
		const struct ynode *val = key->next;

		e->line = key->line;
		if (envkey(c, key, e) < 0)
			return -1;
		if (val->type != Y_SCALAR)
			return nodeerr(c, val, "environment: %s: expected a string, got %s", key->text, ynode_kind(val));
		e->value = xstrdup(ynode_isnull(val) ? "" : val->text);
	}
	return 0;
}

/* A key of a mapping that is read into a struct; tables of them are sorted
 * by name, for bsearch. A NULL parse accepts and ignores the key. */
struct key {
	const char *name;
	keyfn *parse;
	size_t off;	/* the field given to parse, from the struct's start */
	unsigned levels;	/* where the key is known: L_* bits; 0: a task's */
};

/* The levels of spread's cascade, as bits of struct key's levels. */
#define L_TASK (1u << LEVEL_TASK)
#define L_SUITE (1u << LEVEL_SUITE)
#define L_SYSTEM (1u << LEVEL_SYSTEM)
#define L_BACKEND (1u << LEVEL_BACKEND)
#define L_PROJECT (1u << LEVEL_PROJECT)
#define L_SCRIPTS (L_TASK | L_SUITE | L_BACKEND | L_PROJECT)

static int
cmpname(const void *name, const void *key)
{
	return strcmp(name, ((const struct key *)key)->name);
}

/* Each key of MAP through its entry of KEYS into the struct at BASE.
 * Unknown keys warn; IN says where ("" at the top). */
static int
parsemap(struct ctx *c, const struct ynode *map, const struct key *keys, size_t nkeys, void *base, const char *in)
{
	if (scalarkeys(c, map) < 0)
		return -1;
	for (const struct ynode *k = map->kid; k; k = k->next->next) {
		const struct key *key = bsearch(k->text, keys, nkeys, sizeof(*keys), cmpname);
		int own = 0;

		for (size_t i = 0; c->own && c->own[i]; i++)
			own |= !strcmp(c->own[i], k->text);
		if (own)
			continue;
		if (key && !((key->levels ? key->levels : L_TASK) & (1u << c->level)))
			key = NULL;
		if (!key) {
			nodeerr(c, k, "unknown key \"%s\"%s (ignored)", k->text, in);
			continue;
		}
		if (!key->parse || ynode_isnull(k->next))
			continue;
		if (key->parse(c, k, k->next, (char *)base + key->off) < 0)
			return -1;
	}
	return 0;
}

static const struct key skipkeys[] = {
	{"if", parsestr, offsetof(struct suite_skip, cond), L_TASK},
	{"reason", parsestr, offsetof(struct suite_skip, reason), L_TASK},
};

static int
parseskip(struct ctx *c, const struct ynode *k, const struct ynode *v, void *field)
{
	struct suite *s = c->s;
	size_t n = 0;

	(void)field;
	if (wantkind(c, k, v, Y_SEQUENCE, "a list of {reason, if} mappings") < 0)
		return -1;
	for (const struct ynode *i = v->kid; i; i = i->next)
		n++;
	s->skip = xcalloc(n, sizeof(*s->skip));
	for (const struct ynode *i = v->kid; i; i = i->next) {
		struct suite_skip *e = &s->skip[s->nskip++];

		e->line = i->line;
		if (wantkind(c, k, i, Y_MAPPING, "a mapping with \"if\" and \"reason\" in the list") < 0)
			return -1;
		if (parsemap(c, i, skipkeys, LEN(skipkeys), e, " in a skip entry") < 0)
			return -1;
		if (!e->cond || !*e->cond)
			return nodeerr(c, i, "skip: entry without \"if\": expected a shell condition under \"if\"");
	}
	return 0;
}

/* Every key of every level of spread's cascade. Backends and systems
 * carry keys that say how spread makes a machine: known, not used. */
static const struct key keys[] = {
	{"account", NULL, 0, L_BACKEND},
	{"allocate", NULL, 0, L_BACKEND},
	{"artifacts", parsepaths, offsetof(struct suite, artifacts), L_TASK},
	{"backends", parsebackends, 0, L_TASK | L_SUITE},
	{"bios", NULL, 0, L_SYSTEM},
	{"cpu-family", NULL, 0, L_SYSTEM},
	{"debug", parsestr, offsetof(struct suite, debug), L_SCRIPTS},
	{"debug-each", parsestr, offsetof(struct suite, debug_each), L_SUITE | L_BACKEND | L_PROJECT},
	{"details", parsestr, offsetof(struct suite, details), L_TASK},
	{"discard", NULL, 0, L_BACKEND},
	{"distro-check", parsesystems, 0, L_TASK},
	{"endpoint", NULL, 0, L_BACKEND},
	{"environment", parseenv, 0, L_TASK | L_SUITE | L_SYSTEM | L_BACKEND | L_PROJECT},
	{"execute", parsestr, offsetof(struct suite, execute), L_TASK},
	{"expect", parseexpect, offsetof(struct suite, expect_fail), L_TASK},
	{"groups", NULL, 0, L_BACKEND | L_SYSTEM},
	{"halt-timeout", NULL, 0, L_BACKEND},
	{"image", NULL, 0, L_SYSTEM},
	{"kernel", NULL, 0, L_SYSTEM},
	{"key", NULL, 0, L_BACKEND},
	{"kill-timeout", parseduration, offsetof(struct suite, kill_timeout), L_SCRIPTS},
	{"location", NULL, 0, L_BACKEND},
	{"manual", parsebool, offsetof(struct suite, manual), L_TASK | L_SUITE | L_SYSTEM | L_BACKEND},
	{"memory", NULL, 0, L_BACKEND},
	{"networks", NULL, 0, L_BACKEND | L_SYSTEM},
	{"password", NULL, 0, L_SYSTEM},
	{"plan", NULL, 0, L_BACKEND | L_SYSTEM},
	{"prepare", parsestr, offsetof(struct suite, prepare), L_SCRIPTS},
	{"prepare-each", parsestr, offsetof(struct suite, prepare_each), L_SUITE | L_BACKEND | L_PROJECT},
	{"priority", parsepriority, offsetof(struct suite, priority), L_TASK | L_SUITE | L_SYSTEM | L_BACKEND},
	{"requires", parsefeatures, offsetof(struct suite, requires), L_TASK},
	{"requires-missing", parsemissing, offsetof(struct suite, requires_missing), L_TASK},
	{"restore", parsestr, offsetof(struct suite, restore), L_SCRIPTS},
	{"restore-each", parsestr, offsetof(struct suite, restore_each), L_SUITE | L_BACKEND | L_PROJECT},
	{"samples", parsesamples, offsetof(struct suite, samples), L_TASK},
	{"secure-boot", NULL, 0, L_SYSTEM},
	{"skip", parseskip, 0, L_TASK},
	{"storage", NULL, 0, L_BACKEND | L_SYSTEM},
	{"summary", parsestr, offsetof(struct suite, summary), L_TASK | L_SUITE},
	{"systems", parsesystems, 0, L_TASK | L_SUITE},
	{"type", NULL, 0, L_BACKEND},
	{"username", NULL, 0, L_SYSTEM},
	{"variants", parsevariants, 0, L_TASK | L_SUITE | L_SYSTEM | L_BACKEND},
	{"warn-timeout", parseduration, offsetof(struct suite, warn_timeout), L_SCRIPTS},
	{"workers", NULL, 0, L_SYSTEM},
};

static void
removevariant(struct ctx *c, const struct ynode *i)
{
	struct strv *sv = &c->s->variants;
	size_t j;

	for (j = 0; j < sv->n && strcmp(sv->v[j], i->text + 1) != 0; j++)
		;
	if (j == sv->n) {
		nodeerr(c, i, "variants: \"%s\" removes no variant (ignored)", i->text);
		return;
	}
	free(sv->v[j]);
	memmove(&sv->v[j], &sv->v[j + 1], (sv->n - j - 1) * sizeof(*sv->v));
	sv->n--;
}

/* Apply `variants` to those that `environment` defined. */
static int
adjustvariants(struct ctx *c)
{
	for (const struct ynode *i = c->variants ? c->variants->kid : NULL; i; i = i->next) {
		if (i->text[0] == '-')
			removevariant(c, i);
		else if (addvariant(c, i, bare(i->text)) < 0)
			return -1;
	}
	return 0;
}

static int
parseroot(struct ctx *c, const struct ynode *root)
{
	int rc;

	if (!root)
		return ynode_report(c->path, 1, 1, "task.yaml must be a mapping of keys, got an empty file");
	if (root->type != Y_MAPPING)
		rc = nodeerr(c, root, "task.yaml must be a mapping of keys, got %s", ynode_kind(root));
	else
		rc = parsemap(c, root, keys, LEN(keys), c->s, "");
	if (rc == 0 && (!c->s->execute || !*c->s->execute))
		rc = nodeerr(c, root, "\"execute\" is missing or empty: expected an execute script, the test itself");
	if (rc == 0 && !c->s->spread)	/* a spread task's: the cascade's (spread.h) */
		rc = adjustvariants(c);
	return rc;
}

int
suite_parse_level(struct suite *s, const char *path, const struct ynode *map, unsigned level, const char *const *own)
{
	struct ctx c = {.path = path, .s = s, .level = level, .own = own};

	return parsemap(&c, map, keys, LEN(keys), s, "");
}

int
suite_parse(struct suite *s, const char *path, const char *dir, const char *name)
{
	return suite_parse_spread(s, path, dir, name, NULL);
}

int
suite_parse_spread(struct suite *s, const char *path, const char *dir, const char *name, const char *spread)
{
	struct ctx c = {.path = path, .s = s};
	struct ynode *root;
	int rc;

	memset(s, 0, sizeof(*s));
	s->name = xstrdup(name);
	s->dir = xstrdup(dir);
	s->path = xstrdup(path);
	s->samples = 1;
	s->requires_missing = REQUIRES_PROJECT;
	s->spread = spread ? xstrdup(spread) : NULL;
	rc = ynode_load(path, &root);
	if (rc == 0)
		rc = parseroot(&c, root);
	ynode_free(root);
	if (rc < 0)
		suite_free(s);
	return rc;
}

void
suite_free(struct suite *s)
{
	for (size_t i = 0; i < s->nenv; i++) {
		free(s->env[i].name);
		free(s->env[i].value);
		strv_free(&s->env[i].only);
	}
	free(s->env);
	free(s->name);
	free(s->dir);
	free(s->path);
	free(s->summary);
	free(s->details);
	free(s->prepare);
	free(s->execute);
	free(s->restore);
	free(s->debug);
	free(s->prepare_each), free(s->restore_each), free(s->debug_each), free(s->spread);
	strv_free(&s->variants_list);
	strv_free(&s->backends);
	for (size_t i = 0; i < s->nskip; i++) {
		free(s->skip[i].reason);
		free(s->skip[i].cond);
	}
	free(s->skip);
	free(s->systems_pos);
	strv_free(&s->systems);
	strv_free(&s->variants);
	strv_free(&s->requires);
	strv_free(&s->artifacts);
	memset(s, 0, sizeof(*s));
}

int
suite_selects(const struct suite *s, const char *distro)
{
	int selected;

	if (s->systems.n == 0)
		return 1;
	selected = s->systems.v[0][0] == '+' || s->systems.v[0][0] == '-';
	for (size_t i = 0; i < s->systems.n; i++) {
		const char *p = s->systems.v[i];

		if (fnmatch(bare(p), distro, 0) == 0)
			selected = p[0] != '-';
	}
	return selected;
}

size_t
suite_check_systems(const struct suite *s, const struct strv *distros)
{
	size_t warned = 0;

	for (size_t i = 0; i < s->systems.n; i++) {
		const char *p = s->systems.v[i];
		size_t d = 0;

		while (d < distros->n && fnmatch(bare(p), distros->v[d], 0) != 0)
			d++;
		if (d < distros->n)
			continue;
		warn("%s:%d:%d: systems: \"%s\" matches no distro of the matrix", s->path,
		    s->systems_pos[i].line, s->systems_pos[i].col, p);
		warned++;
	}
	return warned;
}

/* VALUE inside double quotes: '"' and '`' taken literally, a backslash
 * escaping what it escapes there ($, `, ", \ and newline) and literal
 * elsewhere, the last one included: no value can end the quotes. */
static void
double_quote(struct buf *b, const char *value)
{
	buf_putc(b, '"');
	for (const char *p = value; *p; p++) {
		if (*p == '\\' && p[1] && strchr("$`\"\\\n", p[1])) {
			buf_putc(b, '\\');
			buf_putc(b, *++p);
			continue;
		}
		if (*p == '"' || *p == '`' || (*p == '\\' && !p[1]))
			buf_putc(b, '\\');
		buf_putc(b, *p);
	}
	buf_putc(b, '"');
}

void
suite_env_export(const struct strv *pairs, struct buf *out)
{
	for (size_t i = 0; i + 1 < pairs->n; i += 2) {
		buf_printf(out, "export %s=", pairs->v[i]);
		double_quote(out, pairs->v[i + 1]);
		buf_putc(out, '\n');
	}
}

void
suite_env_script(const struct suite *s, const char *variant, struct buf *out)
{
	struct strv pairs = {0};

	suite_env_for(s, variant, &pairs);
	suite_env_export(&pairs, out);
	strv_free(&pairs);
}

static int
applies(const struct suite_env *e, const char *variant)
{
	return e->only.n == 0 || (variant && strv_contains(&e->only, variant));
}

static int
cmpenv(const void *a, const void *b)
{
	const struct suite_env *x = *(const struct suite_env *const *)a;
	const struct suite_env *y = *(const struct suite_env *const *)b;
	int r = strcmp(x->name, y->name);

	return r ? r : (x > y) - (x < y);
}

void
suite_env_for(const struct suite *s, const char *variant, struct strv *out)
{
	const struct suite_env **byname = xcalloc(s->nenv, sizeof(*byname));
	const struct suite_env **pick = xcalloc(s->nenv, sizeof(*pick));	/* by first entry of a name */
	size_t i, g;

	for (i = 0; i < s->nenv; i++)
		byname[i] = &s->env[i];
	qsort(byname, s->nenv, sizeof(*byname), cmpenv);
	for (g = 0; g < s->nenv; g = i) {
		const struct suite_env *win = NULL;

		for (i = g; i < s->nenv && strcmp(byname[i]->name, byname[g]->name) == 0; i++) {
			if (applies(byname[i], variant))
				win = byname[i];
		}
		pick[byname[g] - s->env] = win;
	}
	for (i = 0; i < s->nenv; i++) {
		if (pick[i]) {
			strv_push(out, pick[i]->name);
			strv_push(out, pick[i]->value);
		}
	}
	free(byname);
	free(pick);
}

long
duration_parse(const char *s)
{
	static const struct {
		char unit;
		long secs;
	} units[] = {{'h', 3600}, {'m', 60}, {'s', 1}};
	size_t u = 0, nunits = sizeof(units) / sizeof(units[0]);
	long total = 0;

	if (!isdigit((unsigned char)*s))
		return -1;
	while (*s) {
		long n = 0;

		if (!isdigit((unsigned char)*s))
			return -1;
		for (; isdigit((unsigned char)*s); s++) {
			n = n * 10 + (*s - '0');
			if (n > DURATION_MAX)
				return -1;
		}
		if (!*s)
			return u == 0 ? n : -1;
		while (u < nunits && units[u].unit != *s)
			u++;
		if (u == nunits || n > (DURATION_MAX - total) / units[u].secs)
			return -1;
		total += n * units[u++].secs;
		s++;
	}
	return total;
}
