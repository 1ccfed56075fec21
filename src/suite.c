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
#include <yaml.h>
#include "str.h"
#include "suite.h"
#include "util.h"

/* Limits that keep a hostile task.yaml from costing more than a few
 * megabytes or a deep recursion. */
enum {
	MAXSIZE = 1 << 20,	/* bytes in one task.yaml */
	MAXDEPTH = 32,		/* nested mappings and sequences */
	MAXNODES = 100000,	/* YAML nodes, copies made by aliases included */
	MAXANCHORS = 256,	/* anchors defined, so that alias lookups stay cheap */
	MAXVARIANTS = 256,	/* per task */
	MAXSAMPLES = 1000,	/* runs of one job */
};

/* A YAML node, built from libyaml's events so that depth and size are refused early. */
struct node {
	yaml_node_type_t type;
	char *text;		/* a scalar's value */
	int plain;		/* an unquoted scalar, which may stand for null */
	int line, col;		/* 1-based */
	struct node *kid, *next;	/* a mapping's children alternate key, value */
};

/* An anchor (&name) and the node it names; an alias (*name) copies that node. */
struct anchor {
	char *name;
	const struct node *node;	/* owned by the document's tree */
};

struct ctx {
	yaml_parser_t parser;
	const char *path;
	const char *data;
	size_t len;
	struct suite *s;
	size_t nodes;		/* built so far, against MAXNODES */
	struct anchor *anchors;	/* in document order: a later one of a name wins */
	size_t nanchors;
	const struct node *variants;	/* applied once `environment` is known */
};

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

typedef int keyfn(struct ctx *, const struct node *, const struct node *, void *);
typedef int itemfn(struct ctx *, const struct node *, const struct node *);

static char *
vfmt(const char *fmt, va_list ap)
{
	va_list aq;
	int n;
	char *s;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		fatal(EXIT_ENGINE, "bad format string");
	s = xmalloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

static void
vreport(const struct ctx *c, int line, int col, const char *fmt, va_list ap)
{
	char *msg = vfmt(fmt, ap);

	warn("%s:%d:%d: %s", c->path, line, col, msg);
	free(msg);
}

static int
errorat(const struct ctx *c, int line, int col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(c, line, col, fmt, ap);
	va_end(ap);
	return -1;
}

/* Report at node N: an error when the caller returns the -1, else a warning. */
static int
nodeerr(const struct ctx *c, const struct node *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(c, n->line, n->col, fmt, ap);
	va_end(ap);
	return -1;
}

static const char *
what(const struct node *n)
{
	switch (n->type) {
	case YAML_SEQUENCE_NODE:
		return "a sequence";
	case YAML_MAPPING_NODE:
		return "a mapping";
	default:
		return "a scalar";
	}
}

static int
isnull(const struct node *n)
{
	static const char *const nulls[] = {"", "~", "null", "Null", "NULL"};

	if (n->type != YAML_SCALAR_NODE || !n->plain)
		return 0;
	for (size_t i = 0; i < sizeof(nulls) / sizeof(nulls[0]); i++) {
		if (strcmp(n->text, nulls[i]) == 0)
			return 1;
	}
	return 0;
}

static void
freenode(struct node *n)
{
	while (n) {
		struct node *next = n->next;

		freenode(n->kid);
		free(n->text);
		free(n);
		n = next;
	}
}

static char *
readfile(const char *path, size_t *len)
{
	struct buf b = {0};
	char chunk[8192];
	size_t n;
	FILE *f = fopen(path, "rb");
	int bad;

	if (!f) {
		warn("open %s:", path);
		return NULL;
	}
	while (b.len <= MAXSIZE && (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_putn(&b, chunk, n);
	if ((bad = ferror(f)))
		warn("read %s:", path);
	else if ((bad = b.len > MAXSIZE))
		warn("%s: larger than 1 MiB: not a task file", path);
	fclose(f);
	if (bad) {
		buf_free(&b);
		return NULL;
	}
	*len = b.len;
	return b.s ? b.s : xstrdup("");
}

/* libyaml's reader errors carry a byte offset rather than a mark. */
static void
offsetmark(const struct ctx *c, size_t off, int *line, int *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < off && i < c->len; i++) {
		if (c->data[i] == '\n') {
			++*line;
			*col = 1;
		} else {
			++*col;
		}
	}
}

static int
nextevent(struct ctx *c, yaml_event_t *ev)
{
	yaml_parser_t *p = &c->parser;
	int line, col;

	if (yaml_parser_parse(p, ev))
		return 0;
	if (p->error == YAML_MEMORY_ERROR)
		fatal(EXIT_ENGINE, "out of memory");
	if (p->error == YAML_READER_ERROR) {
		offsetmark(c, p->problem_offset, &line, &col);
	} else {
		line = (int)p->problem_mark.line + 1;
		col = (int)p->problem_mark.column + 1;
	}
	return errorat(c, line, col, "%s", p->problem ? p->problem : "invalid YAML");
}

static int loadkids(struct ctx *, struct node *, int);
static int checkmap(struct ctx *, const struct node *);

/* A new node at AT, counted against MAXNODES; NULL (reported) past it. */
static struct node *
newnode(struct ctx *c, yaml_node_type_t type, struct suite_pos at)
{
	struct node *n;

	if (++c->nodes > MAXNODES) {
		errorat(c, at.line, at.col, "more than %d YAML nodes: expected a task of ordinary size", MAXNODES);
		return NULL;
	}
	n = xcalloc(1, sizeof(*n));
	n->type = type;
	n->line = at.line;
	n->col = at.col;
	return n;
}

/* A copy of N at DEPTH for an alias written at AT, limited like the
 * original; errors are reported at the alias. */
static struct node *
copynode(struct ctx *c, const struct node *n, int depth, struct suite_pos at)
{
	struct node *copy, **tail;

	if (n->type != YAML_SCALAR_NODE && depth > MAXDEPTH) {
		errorat(c, at.line, at.col, "this alias nests deeper than %d levels", MAXDEPTH);
		return NULL;
	}
	if (!(copy = newnode(c, n->type, at)))
		return NULL;
	copy->line = n->line;
	copy->col = n->col;
	copy->text = n->text ? xstrdup(n->text) : NULL;
	copy->plain = n->plain;
	tail = &copy->kid;
	for (const struct node *k = n->kid; k; k = k->next) {
		if (!(*tail = copynode(c, k, depth + 1, at))) {
			freenode(copy);
			return NULL;
		}
		tail = &(*tail)->next;
	}
	return copy;
}

static struct node *
alias(struct ctx *c, const char *name, int depth, struct suite_pos at)
{
	struct node *n;

	for (size_t i = c->nanchors; i-- > 0;) {
		if (strcmp(c->anchors[i].name, name) != 0)
			continue;
		if ((n = copynode(c, c->anchors[i].node, depth, at))) {
			n->line = at.line;
			n->col = at.col;
		}
		return n;
	}
	errorat(c, at.line, at.col, "alias *%s: no anchor &%s before it", name, name);
	return NULL;
}

static const char *
anchorof(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return (const char *)ev->data.scalar.anchor;
	case YAML_SEQUENCE_START_EVENT:
		return (const char *)ev->data.sequence_start.anchor;
	case YAML_MAPPING_START_EVENT:
		return (const char *)ev->data.mapping_start.anchor;
	default:
		return NULL;
	}
}

static int
addanchor(struct ctx *c, const char *name, const struct node *n)
{
	if (c->nanchors == MAXANCHORS)
		return nodeerr(c, n, "more than %d anchors", MAXANCHORS);
	c->anchors = xrealloc(c->anchors, (c->nanchors + 1) * sizeof(*c->anchors));
	c->anchors[c->nanchors].name = xstrdup(name);
	c->anchors[c->nanchors++].node = n;
	return 0;
}

static struct node *
loadscalar(struct ctx *c, const yaml_event_t *ev, struct suite_pos at)
{
	const char *v = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	struct node *n;

	if (memchr(v, '\0', len)) {
		errorat(c, at.line, at.col, "strings cannot contain NUL characters");
		return NULL;
	}
	if (!(n = newnode(c, YAML_SCALAR_NODE, at)))
		return NULL;
	n->text = xstrndup(v, len);
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	return n;
}

static struct node *
loadcollection(struct ctx *c, const yaml_event_t *ev, int depth, struct suite_pos at)
{
	int map = ev->type == YAML_MAPPING_START_EVENT;
	struct node *n;

	if (depth > MAXDEPTH) {
		errorat(c, at.line, at.col, "nested deeper than %d levels", MAXDEPTH);
		return NULL;
	}
	if (!(n = newnode(c, map ? YAML_MAPPING_NODE : YAML_SEQUENCE_NODE, at)))
		return NULL;
	if (loadkids(c, n, depth + 1) == 0 && (!map || checkmap(c, n) == 0))
		return n;
	freenode(n);
	return NULL;
}

static struct node *
load(struct ctx *c, const yaml_event_t *ev, int depth)
{
	struct suite_pos at = {(int)ev->start_mark.line + 1, (int)ev->start_mark.column + 1};
	const char *anchor = anchorof(ev);
	struct node *n;

	if (ev->type == YAML_ALIAS_EVENT)
		return alias(c, (const char *)ev->data.alias.anchor, depth, at);
	if (ev->type == YAML_SCALAR_EVENT)
		n = loadscalar(c, ev, at);
	else
		n = loadcollection(c, ev, depth, at);
	if (n && anchor && addanchor(c, anchor, n) < 0) {
		freenode(n);
		return NULL;
	}
	return n;
}

static int
loadkids(struct ctx *c, struct node *n, int depth)
{
	struct node **tail = &n->kid;
	yaml_event_t ev;

	for (;;) {
		if (nextevent(c, &ev) < 0)
			return -1;
		if (ev.type == YAML_SEQUENCE_END_EVENT || ev.type == YAML_MAPPING_END_EVENT) {
			yaml_event_delete(&ev);
			return 0;
		}
		*tail = load(c, &ev, depth);
		yaml_event_delete(&ev);
		if (!*tail)
			return -1;
		tail = &(*tail)->next;
	}
}

/* Consume one event, whatever its type: 1 when it is T, 0 when not, -1 on a syntax error. */
static int
skipevent(struct ctx *c, yaml_event_type_t t, yaml_mark_t *mark)
{
	yaml_event_t ev;
	int rc;

	if (nextevent(c, &ev) < 0)
		return -1;
	rc = ev.type == t;
	if (mark)
		*mark = ev.start_mark;
	yaml_event_delete(&ev);
	return rc;
}

/* The one document of the stream, or NULL (warned). */
static struct node *
loaddoc(struct ctx *c)
{
	yaml_event_t ev;
	yaml_mark_t m;
	struct node *root;
	int rc;

	if (skipevent(c, YAML_STREAM_START_EVENT, NULL) < 0)
		return NULL;
	if ((rc = skipevent(c, YAML_STREAM_END_EVENT, NULL)) != 0) {
		if (rc > 0)
			errorat(c, 1, 1, "task.yaml must be a mapping of keys, got an empty file");
		return NULL;
	}
	if (nextevent(c, &ev) < 0)
		return NULL;
	root = load(c, &ev, 1);
	yaml_event_delete(&ev);
	if (!root || skipevent(c, YAML_DOCUMENT_END_EVENT, NULL) < 0)
		goto fail;
	if ((rc = skipevent(c, YAML_STREAM_END_EVENT, &m)) > 0)
		return root;
	if (rc == 0)
		errorat(c, (int)m.line + 1, (int)m.column + 1, "task.yaml holds one YAML document, not several");
fail:
	freenode(root);
	return NULL;
}

static int
cmpkey(const void *a, const void *b)
{
	const struct node *x = *(const struct node *const *)a, *y = *(const struct node *const *)b;
	int r = strcmp(x->text, y->text);

	if (r)
		return r;
	return x->line != y->line ? x->line - y->line : x->col - y->col;
}

/* Refuse, in file order, the first key seen twice. Sorting keeps this
 * O(n log n) even for a mapping of a megabyte of keys. Keys that are not
 * scalars are left to scalarkeys(), where a key is read. */
static int
dupkeys(struct ctx *c, const struct node *map)
{
	const struct node **keys, *dup = NULL, *first = NULL;
	size_t n = 0, i, g = 0;

	for (const struct node *k = map->kid; k; k = k->next->next)
		n++;
	keys = xcalloc(n, sizeof(*keys));
	n = 0;
	for (const struct node *k = map->kid; k; k = k->next->next) {
		if (k->type == YAML_SCALAR_NODE)
			keys[n++] = k;
	}
	qsort(keys, n, sizeof(*keys), cmpkey);
	for (i = 1; i < n; i++) {
		if (strcmp(keys[i]->text, keys[g]->text) != 0)
			g = i;
		else if (!dup || keys[i]->line < dup->line || (keys[i]->line == dup->line && keys[i]->col < dup->col))
			dup = keys[i], first = keys[g];
	}
	free(keys);
	if (dup)
		return nodeerr(c, dup, "duplicate key \"%s\" (first at line %d)", dup->text, first->line);
	return 0;
}

/* Every mapping of the document: no key twice, and no merge keys, whose
 * meaning (which key wins) YAML libraries do not agree on. */
static int
checkmap(struct ctx *c, const struct node *map)
{
	for (const struct node *k = map->kid; k; k = k->next->next) {
		if (k->type == YAML_SCALAR_NODE && k->plain && strcmp(k->text, "<<") == 0)
			return nodeerr(c, k, "merge keys (<<) are not supported: expected the keys written out");
	}
	return dupkeys(c, map);
}

/* A mapping whose keys are read: they must be strings. */
static int
scalarkeys(struct ctx *c, const struct node *map)
{
	for (const struct node *k = map->kid; k; k = k->next->next) {
		if (k->type != YAML_SCALAR_NODE)
			return nodeerr(c, k, "keys must be strings, got %s", what(k));
	}
	return 0;
}

static int
wantkind(struct ctx *c, const struct node *k, const struct node *v, yaml_node_type_t t, const char *want)
{
	if (v->type == t)
		return 0;
	return nodeerr(c, v, "%s: expected %s, got %s", k->text, want, what(v));
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
parsestr(struct ctx *c, const struct node *k, const struct node *v, void *field)
{
	if (wantkind(c, k, v, YAML_SCALAR_NODE, "a string") < 0)
		return -1;
	*(char **)field = xstrdup(v->text);
	return 0;
}

/* A scalar among a few words, case-insensitively, into an int field. */
static int
parseword(struct ctx *c, const struct node *k, const struct node *v, void *field,
	const char *const *words, const int *values, const char *want)
{
	if (wantkind(c, k, v, YAML_SCALAR_NODE, want) < 0)
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
parsebool(struct ctx *c, const struct node *k, const struct node *v, void *field)
{
	static const char *const words[] = {"true", "yes", "on", "false", "no", "off", NULL};
	static const int values[] = {1, 1, 1, 0, 0, 0};

	return parseword(c, k, v, field, words, values, "true or false");
}

static int
parseexpect(struct ctx *c, const struct node *k, const struct node *v, void *field)
{
	static const char *const words[] = {"pass", "fail", NULL};
	static const int values[] = {0, 1};

	return parseword(c, k, v, field, words, values, "\"pass\" or \"fail\"");
}

/* A scalar integer from LO to HI into an int field; WANT says so in messages. */
static int
intrange(struct ctx *c, const struct node *k, const struct node *v, void *field, long lo, long hi, const char *want)
{
	char *end;
	long n;

	if (wantkind(c, k, v, YAML_SCALAR_NODE, want) < 0)
		return -1;
	errno = 0;
	n = strtol(v->text, &end, 10);
	if (!*v->text || isspace((unsigned char)*v->text) || *end || errno || n < lo || n > hi)
		return nodeerr(c, v, "%s: expected %s, got \"%s\"", k->text, want, v->text);
	*(int *)field = (int)n;
	return 0;
}

static int
parseint(struct ctx *c, const struct node *k, const struct node *v, void *field)
{
	return intrange(c, k, v, field, INT_MIN, INT_MAX, "an integer");
}

static int
parsesamples(struct ctx *c, const struct node *k, const struct node *v, void *field)
{
	return intrange(c, k, v, field, 1, MAXSAMPLES, "a whole number of runs from 1 to 1000");
}

static int
parseduration(struct ctx *c, const struct node *k, const struct node *v, void *field)
{
	long n;

	if (wantkind(c, k, v, YAML_SCALAR_NODE, "a duration") < 0)
		return -1;
	if ((n = duration_parse(v->text)) < 0)
		return nodeerr(c, v, "%s: expected a duration like 90s, 30m or 1h30m, got \"%s\"", k->text, v->text);
	*(long *)field = n;
	return 0;
}

/* A sequence of strings, each accepted by CHECK, appended to OUT when not NULL. */
static int
strlist(struct ctx *c, const struct node *k, const struct node *v, struct strv *out, itemfn *check)
{
	if (wantkind(c, k, v, YAML_SEQUENCE_NODE, "a list of strings") < 0)
		return -1;
	for (const struct node *i = v->kid; i; i = i->next) {
		if (wantkind(c, k, i, YAML_SCALAR_NODE, "a string in the list") < 0)
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
checkpattern(struct ctx *c, const struct node *k, const struct node *i)
{
	if (*bare(i->text))
		return 0;
	return nodeerr(c, i, "%s: empty pattern \"%s\"", k->text, i->text);
}

static int
checkvariant(struct ctx *c, const struct node *k, const struct node *i)
{
	const char *name = bare(i->text);

	if (isword(name, ""))
		return 0;
	return nodeerr(c, i, "%s: bad variant \"%s\": use letters, digits and '_'", k->text, i->text);
}

/* An artifact: a path in the job's container, relative to its working
 * directory or absolute, that stays below where it is copied to. */
static int
checkpath(struct ctx *c, const struct node *k, const struct node *i)
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
checkfeature(struct ctx *c, const struct node *k, const struct node *i)
{
	if (isword(i->text, "-.+:"))
		return 0;
	return nodeerr(c, i, "%s: bad feature name \"%s\"", k->text, i->text);
}

static int
parsesystems(struct ctx *c, const struct node *k, const struct node *v, void *field)
{
	struct suite *s = c->s;
	size_t n = 0;

	(void)field;
	if (s->systems_line)
		return nodeerr(c, k, "duplicate key \"%s\" (first at line %d as \"systems\" or \"distro-check\")", k->text, s->systems_line);
	s->systems_line = k->line;
	if (strlist(c, k, v, &s->systems, checkpattern) < 0)
		return -1;
	s->systems_pos = xcalloc(s->systems.n, sizeof(*s->systems_pos));
	for (const struct node *i = v->kid; i; i = i->next, n++)
		s->systems_pos[n] = (struct suite_pos){i->line, i->col};
	return 0;
}

static int
parsevariants(struct ctx *c, const struct node *k, const struct node *v, void *field)
{
	(void)field;
	c->variants = v;
	return strlist(c, k, v, NULL, checkvariant);
}

static int
parsefeatures(struct ctx *c, const struct node *k, const struct node *v, void *field)
{
	return strlist(c, k, v, field, checkfeature);
}

static int
parsepaths(struct ctx *c, const struct node *k, const struct node *v, void *field)
{
	return strlist(c, k, v, field, checkpath);
}

/* Variants keep their order of first appearance; the cap keeps the
 * linear lookups cheap and the job count sane. */
static int
addvariant(struct ctx *c, const struct node *at, const char *name)
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
envkey(struct ctx *c, const struct node *k, struct suite_env *e)
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
parseenv(struct ctx *c, const struct node *k, const struct node *v, void *field)
{
	struct suite *s = c->s;
	size_t n = 0;

	(void)field;
	if (wantkind(c, k, v, YAML_MAPPING_NODE, "a mapping of NAME: value") < 0 || scalarkeys(c, v) < 0)
		return -1;
	for (const struct node *e = v->kid; e; e = e->next->next)
		n++;
	s->env = xcalloc(n, sizeof(*s->env));
	for (const struct node *key = v->kid; key; key = key->next->next) {
		struct suite_env *e = &s->env[s->nenv++];
		const struct node *val = key->next;

		e->line = key->line;
		if (envkey(c, key, e) < 0)
			return -1;
		if (val->type != YAML_SCALAR_NODE)
			return nodeerr(c, val, "environment: %s: expected a string, got %s", key->text, what(val));
		e->value = xstrdup(isnull(val) ? "" : val->text);
	}
	return 0;
}

/* A key of a mapping that is read into a struct; tables of them are sorted
 * by name, for bsearch. A NULL parse accepts and ignores the key. */
struct key {
	const char *name;
	keyfn *parse;
	size_t off;	/* the field given to parse, from the struct's start */
};

static int
cmpname(const void *name, const void *key)
{
	return strcmp(name, ((const struct key *)key)->name);
}

/* Each key of MAP through its entry of KEYS into the struct at BASE.
 * Unknown keys warn; IN says where ("" at the top). */
static int
parsemap(struct ctx *c, const struct node *map, const struct key *keys, size_t nkeys, void *base, const char *in)
{
	if (scalarkeys(c, map) < 0)
		return -1;
	for (const struct node *k = map->kid; k; k = k->next->next) {
		const struct key *key = bsearch(k->text, keys, nkeys, sizeof(*keys), cmpname);

		if (!key) {
			nodeerr(c, k, "unknown key \"%s\"%s (ignored)", k->text, in);
			continue;
		}
		if (!key->parse || isnull(k->next))
			continue;
		if (key->parse(c, k, k->next, (char *)base + key->off) < 0)
			return -1;
	}
	return 0;
}

static const struct key skipkeys[] = {
	{"if", parsestr, offsetof(struct suite_skip, cond)},
	{"reason", parsestr, offsetof(struct suite_skip, reason)},
};

static int
parseskip(struct ctx *c, const struct node *k, const struct node *v, void *field)
{
	struct suite *s = c->s;
	size_t n = 0;

	(void)field;
	if (wantkind(c, k, v, YAML_SEQUENCE_NODE, "a list of {reason, if} mappings") < 0)
		return -1;
	for (const struct node *i = v->kid; i; i = i->next)
		n++;
	s->skip = xcalloc(n, sizeof(*s->skip));
	for (const struct node *i = v->kid; i; i = i->next) {
		struct suite_skip *e = &s->skip[s->nskip++];

		e->line = i->line;
		if (wantkind(c, k, i, YAML_MAPPING_NODE, "a mapping with \"if\" and \"reason\" in the list") < 0)
			return -1;
		if (parsemap(c, i, skipkeys, LEN(skipkeys), e, " in a skip entry") < 0)
			return -1;
		if (!e->cond || !*e->cond)
			return nodeerr(c, i, "skip: entry without \"if\": expected a shell condition under \"if\"");
	}
	return 0;
}

static const struct key keys[] = {
	{"artifacts", parsepaths, offsetof(struct suite, artifacts)},
	{"backends", NULL, 0},
	{"debug", parsestr, offsetof(struct suite, debug)},
	{"details", parsestr, offsetof(struct suite, details)},
	{"distro-check", parsesystems, 0},
	{"environment", parseenv, 0},
	{"execute", parsestr, offsetof(struct suite, execute)},
	{"expect", parseexpect, offsetof(struct suite, expect_fail)},
	{"kill-timeout", parseduration, offsetof(struct suite, kill_timeout)},
	{"manual", parsebool, offsetof(struct suite, manual)},
	{"prepare", parsestr, offsetof(struct suite, prepare)},
	{"priority", parseint, offsetof(struct suite, priority)},
	{"requires", parsefeatures, offsetof(struct suite, requires)},
	{"restore", parsestr, offsetof(struct suite, restore)},
	{"samples", parsesamples, offsetof(struct suite, samples)},
	{"skip", parseskip, 0},
	{"summary", parsestr, offsetof(struct suite, summary)},
	{"systems", parsesystems, 0},
	{"variants", parsevariants, 0},
	{"warn-timeout", parseduration, offsetof(struct suite, warn_timeout)},
};

static void
removevariant(struct ctx *c, const struct node *i)
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
	for (const struct node *i = c->variants ? c->variants->kid : NULL; i; i = i->next) {
		if (i->text[0] == '-')
			removevariant(c, i);
		else if (addvariant(c, i, bare(i->text)) < 0)
			return -1;
	}
	return 0;
}

static int
parseroot(struct ctx *c)
{
	struct node *root = loaddoc(c);
	int rc;

	if (!root)
		return -1;
	if (root->type != YAML_MAPPING_NODE)
		rc = nodeerr(c, root, "task.yaml must be a mapping of keys, got %s", what(root));
	else
		rc = parsemap(c, root, keys, LEN(keys), c->s, "");
	if (rc == 0 && (!c->s->execute || !*c->s->execute))
		rc = nodeerr(c, root, "\"execute\" is missing or empty: expected an execute script, the test itself");
	if (rc == 0)
		rc = adjustvariants(c);
	freenode(root);
	return rc;
}

int
suite_parse(struct suite *s, const char *path, const char *dir, const char *name)
{
	struct ctx c = {.path = path, .s = s};
	char *data;
	int rc;

	memset(s, 0, sizeof(*s));
	s->name = xstrdup(name);
	s->dir = xstrdup(dir);
	s->path = xstrdup(path);
	s->samples = 1;
	if (!(data = readfile(path, &c.len))) {
		suite_free(s);
		return -1;
	}
	c.data = data;
	if (!yaml_parser_initialize(&c.parser))
		fatal(EXIT_ENGINE, "out of memory");
	yaml_parser_set_input_string(&c.parser, (const unsigned char *)data, c.len);
	rc = parseroot(&c);
	yaml_parser_delete(&c.parser);
	for (size_t i = 0; i < c.nanchors; i++)
		free(c.anchors[i].name);
	free(c.anchors);
	free(data);
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
			if (n > (LONG_MAX - (*s - '0')) / 10)
				return -1;
			n = n * 10 + (*s - '0');
		}
		if (!*s)
			return u == 0 ? n : -1;
		while (u < nunits && units[u].unit != *s)
			u++;
		if (u == nunits || n > (LONG_MAX - total) / units[u].secs)
			return -1;
		total += n * units[u++].secs;
		s++;
	}
	return total;
}
