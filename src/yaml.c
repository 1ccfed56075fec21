#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>
#include "str.h"
#include "file.h"
#include "yaml.h"
#include "util.h"

/* Limits that keep a hostile file from costing more than a few megabytes
 * or a deep recursion. */
enum {
	MAXSIZE = 1 << 20,	/* bytes in one file */
	MAXDEPTH = 32,		/* nested mappings and sequences */
	MAXNODES = 100000,	/* nodes, copies made by aliases included */
	MAXTEXT = 16 << 20,	/* bytes of scalars, copies made by aliases included */
	MAXANCHORS = 256,	/* anchors defined, so that alias lookups stay cheap */
};

/* An anchor (&name) and the node it names; an alias (*name) copies that node. */
struct anchor {
	char *name;
	const struct ynode *node;	/* owned by the document's tree */
};

struct ctx {
	yaml_parser_t parser;
	const char *path;
	const char *data;
	size_t len;
	size_t nodes;		/* built so far, against MAXNODES */
	size_t text;		/* bytes of scalars so far, against MAXTEXT */
	struct anchor *anchors;	/* in document order: a later one of a name wins */
	size_t nanchors;
};

int
ynode_vreport(const char *path, int line, int col, const char *fmt, va_list ap)
{
	struct buf b = {0};
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		fatal(EXIT_ENGINE, "bad format string");
	b.s = xmalloc((size_t)n + 1);
	vsnprintf(b.s, (size_t)n + 1, fmt, ap);
	warn("%s:%d:%d: %s", path, line, col, b.s);
	free(b.s);
	return -1;
}

int
ynode_report(const char *path, int line, int col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ynode_vreport(path, line, col, fmt, ap);
	va_end(ap);
	return -1;
}

const char *
ynode_kind(const struct ynode *n)
{
	switch (n->type) {
	case Y_SEQUENCE:
		return "a sequence";
	case Y_MAPPING:
		return "a mapping";
	default:
		return "a scalar";
	}
}

int
ynode_isnull(const struct ynode *n)
{
	static const char *const nulls[] = {"", "~", "null", "Null", "NULL"};

	if (n->type != Y_SCALAR || !n->plain)
		return 0;
	for (size_t i = 0; i < sizeof(nulls) / sizeof(nulls[0]); i++) {
		if (strcmp(n->text, nulls[i]) == 0)
			return 1;
	}
	return 0;
}

void
ynode_free(struct ynode *n)
{
	while (n) {
		struct ynode *next = n->next;

		ynode_free(n->kid);
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
	FILE *f = file_open_regular(path);
	int bad;

	if (!f) {
		warn(errno == EINVAL ? "%s: not a regular file" : "open %s:", path);
		return NULL;
	}
	while (b.len <= MAXSIZE && (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_putn(&b, chunk, n);
	if ((bad = ferror(f)))
		warn("read %s:", path);
	else if ((bad = b.len > MAXSIZE))
		warn("%s: larger than 1 MiB: expected a file of ordinary size", path);
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
	return ynode_report(c->path, line, col, "%s", p->problem ? p->problem : "invalid YAML");
}

/* Where an event or a copy starts, for messages. */
struct pos {
	int line, col;
};

static int loadkids(struct ctx *, struct ynode *, int);
static int checkmap(struct ctx *, const struct ynode *);

/* A new node at AT with TEXTLEN bytes of text, counted against the
 * limits; NULL (reported) past them. */
static struct ynode *
newnode(struct ctx *c, enum ytype type, size_t textlen, struct pos at)
{
	struct ynode *n;

	if (++c->nodes > MAXNODES) {
		ynode_report(c->path, at.line, at.col, "more than %d YAML nodes: expected a file of ordinary size", MAXNODES);
		return NULL;
	}
	if ((c->text += textlen) > MAXTEXT) {
		ynode_report(c->path, at.line, at.col, "more than 16 MiB of text, copies by aliases included: expected a file of ordinary size");
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
static struct ynode *
copynode(struct ctx *c, const struct ynode *n, int depth, struct pos at)
{
	struct ynode *copy, **tail;

	if (n->type != Y_SCALAR && depth > MAXDEPTH) {
		ynode_report(c->path, at.line, at.col, "this alias nests deeper than %d levels", MAXDEPTH);
		return NULL;
	}
	if (!(copy = newnode(c, n->type, n->text ? strlen(n->text) : 0, at)))
		return NULL;
	copy->line = n->line;
	copy->col = n->col;
	copy->text = n->text ? xstrdup(n->text) : NULL;
	copy->plain = n->plain;
	tail = &copy->kid;
	for (const struct ynode *k = n->kid; k; k = k->next) {
		if (!(*tail = copynode(c, k, depth + 1, at))) {
			ynode_free(copy);
			return NULL;
		}
		tail = &(*tail)->next;
	}
	return copy;
}

static struct ynode *
alias(struct ctx *c, const char *name, int depth, struct pos at)
{
	struct ynode *n;

	for (size_t i = c->nanchors; i-- > 0;) {
		if (strcmp(c->anchors[i].name, name) != 0)
			continue;
		if ((n = copynode(c, c->anchors[i].node, depth, at))) {
			n->line = at.line;
			n->col = at.col;
		}
		return n;
	}
	ynode_report(c->path, at.line, at.col, "alias *%s: no anchor &%s before it", name, name);
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
addanchor(struct ctx *c, const char *name, const struct ynode *n)
{
	if (c->nanchors == MAXANCHORS)
		return ynode_report(c->path, n->line, n->col, "more than %d anchors", MAXANCHORS);
	c->anchors = xrealloc(c->anchors, (c->nanchors + 1) * sizeof(*c->anchors));
	c->anchors[c->nanchors].name = xstrdup(name);
	c->anchors[c->nanchors++].node = n;
	return 0;
}

static struct ynode *
loadscalar(struct ctx *c, const yaml_event_t *ev, struct pos at)
{
	const char *v = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	struct ynode *n;

	if (memchr(v, '\0', len)) {
		ynode_report(c->path, at.line, at.col, "strings cannot contain NUL characters");
		return NULL;
	}
	if (!(n = newnode(c, Y_SCALAR, len, at)))
		return NULL;
	n->text = xstrndup(v, len);
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	return n;
}

static struct ynode *
loadcollection(struct ctx *c, const yaml_event_t *ev, int depth, struct pos at)
{
	int map = ev->type == YAML_MAPPING_START_EVENT;
	struct ynode *n;

	if (depth > MAXDEPTH) {
		ynode_report(c->path, at.line, at.col, "nested deeper than %d levels", MAXDEPTH);
		return NULL;
	}
	if (!(n = newnode(c, map ? Y_MAPPING : Y_SEQUENCE, 0, at)))
		return NULL;
	if (loadkids(c, n, depth + 1) == 0 && (!map || checkmap(c, n) == 0))
		return n;
	ynode_free(n);
	return NULL;
}

static struct ynode *
load(struct ctx *c, const yaml_event_t *ev, int depth)
{
	struct pos at = {(int)ev->start_mark.line + 1, (int)ev->start_mark.column + 1};
	const char *anchor = anchorof(ev);
	struct ynode *n;

	if (ev->type == YAML_ALIAS_EVENT)
		return alias(c, (const char *)ev->data.alias.anchor, depth, at);
	if (ev->type == YAML_SCALAR_EVENT)
		n = loadscalar(c, ev, at);
	else
		n = loadcollection(c, ev, depth, at);
	if (n && anchor && addanchor(c, anchor, n) < 0) {
		ynode_free(n);
		return NULL;
	}
	return n;
}

static int
loadkids(struct ctx *c, struct ynode *n, int depth)
{
	struct ynode **tail = &n->kid;
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

/* The one document of the stream into *ROOT (NULL: none); 0 or -1. */
static int
loaddoc(struct ctx *c, struct ynode **root)
{
	yaml_event_t ev;
	yaml_mark_t m;
	int rc;

	*root = NULL;
	if (skipevent(c, YAML_STREAM_START_EVENT, NULL) < 0)
		return -1;
	if ((rc = skipevent(c, YAML_STREAM_END_EVENT, NULL)) != 0)
		return rc > 0 ? 0 : -1;
	if (nextevent(c, &ev) < 0)
		return -1;
	*root = load(c, &ev, 1);
	yaml_event_delete(&ev);
	if (*root && skipevent(c, YAML_DOCUMENT_END_EVENT, NULL) >= 0) {
		if ((rc = skipevent(c, YAML_STREAM_END_EVENT, &m)) > 0)
			return 0;
		if (rc == 0)
			ynode_report(c->path, (int)m.line + 1, (int)m.column + 1,
			    "more than one YAML document: expected one");
	}
	ynode_free(*root);
	*root = NULL;
	return -1;
}

static int
cmpkey(const void *a, const void *b)
{
	const struct ynode *x = *(const struct ynode *const *)a, *y = *(const struct ynode *const *)b;
	int r = strcmp(x->text, y->text);

	if (r)
		return r;
	return x->line != y->line ? x->line - y->line : x->col - y->col;
}

/* Refuse, in file order, the first key seen twice. Sorting keeps this
 * O(n log n) even for a mapping of a megabyte of keys. Keys that are not
 * scalars are left to the reader of the mapping. */
static int
dupkeys(struct ctx *c, const struct ynode *map)
{
	const struct ynode **keys, *dup = NULL, *first = NULL;
	size_t n = 0, i, g = 0;

	for (const struct ynode *k = map->kid; k; k = k->next->next)
		n++;
	keys = xcalloc(n, sizeof(*keys));
	n = 0;
	for (const struct ynode *k = map->kid; k; k = k->next->next) {
		if (k->type == Y_SCALAR)
			keys[n++] = k;
	}
	if (n > 1)
		qsort(keys, n, sizeof(*keys), cmpkey);
	for (i = 1; i < n; i++) {
		if (strcmp(keys[i]->text, keys[g]->text) != 0)
			g = i;
		else if (!dup || keys[i]->line < dup->line || (keys[i]->line == dup->line && keys[i]->col < dup->col))
			dup = keys[i], first = keys[g];
	}
	free(keys);
	if (dup)
		return ynode_report(c->path, dup->line, dup->col, "duplicate key \"%s\" (first at line %d)", dup->text, first->line);
	return 0;
}

/* Every mapping of the document: no key twice, and no merge keys, whose
 * meaning (which key wins) YAML libraries do not agree on. */
static int
checkmap(struct ctx *c, const struct ynode *map)
{
	for (const struct ynode *k = map->kid; k; k = k->next->next) {
		if (k->type == Y_SCALAR && k->plain && strcmp(k->text, "<<") == 0)
			return ynode_report(c->path, k->line, k->col, "merge keys (<<) are not supported: expected the keys written out");
	}
	return dupkeys(c, map);
}

int
ynode_load(const char *path, struct ynode **root)
{
	struct ctx c = {.path = path};
	char *data;
	int rc;

	*root = NULL;
	if (!(data = readfile(path, &c.len)))
		return -1;
	c.data = data;
	if (!yaml_parser_initialize(&c.parser))
		fatal(EXIT_ENGINE, "out of memory");
	yaml_parser_set_input_string(&c.parser, (const unsigned char *)data, c.len);
	rc = loaddoc(&c, root);
	yaml_parser_delete(&c.parser);
	for (size_t i = 0; i < c.nanchors; i++)
		free(c.anchors[i].name);
	free(c.anchors);
	free(data);
	return rc;
}
