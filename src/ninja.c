#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "str.h"
#include "ninja.h"
#include "util.h"

struct edge *
graph_edge(struct graph *g, const char *rule, const char *out, const char *origin, ...)
{
	struct edge *e;
	va_list ap;

	if (g->nedges == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 256;
		g->edges = xrealloc(g->edges, g->cap * sizeof(*g->edges));
	}
	e = &g->edges[g->nedges++];
	memset(e, 0, sizeof(*e));
	e->rule = rule;
	e->origin = origin;
	va_start(ap, origin);
	for (size_t i = 0, k = 0; origin[i] && k < 4; i++) {
		if (origin[i] == '%' && origin[i + 1] == 's')
			e->oarg[k++] = va_arg(ap, const char *);
	}
	va_end(ap);
	if (out)
		edge_add(e, EDGE_OUT, out);
	return e;
}

void
edge_add(struct edge *e, enum edge_list l, const char *s)
{
	unsigned at = 0, after = 0;

	for (int k = 0; k < EDGE_NLISTS; k++)
		*(k <= (int)l ? &at : &after) += e->n[k];
	if (at + after == e->cap) {
		e->cap = e->cap ? 2 * e->cap : 4;
		e->v = xrealloc(e->v, e->cap * sizeof(*e->v));
	}
	memmove(e->v + at + 1, e->v + at, after * sizeof(*e->v));
	e->v[at] = s;
	e->n[l]++;
}

const char *const *
edge_list(const struct edge *e, enum edge_list l, unsigned *n)
{
	unsigned at = 0;

	for (int k = 0; k < (int)l; k++)
		at += e->n[k];
	*n = e->n[l];
	return e->v + at;
}

char *
edge_origin(const struct edge *e, const char *out)
{
	const char *a[4];

	for (int i = 0; i < 4; i++)
		a[i] = e->oarg[i] ? e->oarg[i] : out;
	return xasprintf(e->origin, a[0], a[1], a[2], a[3]);
}

const char *
graph_own(struct graph *g, char *s)
{
	strv_take(&g->owned, s);
	return s;
}

void
graph_free(struct graph *g)
{
	for (size_t i = 0; i < g->nedges; i++)
		free(g->edges[i].v);
	free(g->edges);
	strv_free(&g->program);
	strv_free(&g->header);
	strv_free(&g->defaults);
	strv_free(&g->owned);
	strv_free(&g->rules);
	memset(g, 0, sizeof(*g));
}

/* Ninja ends a path at '|' and has no escape for it (1.11: "bad
 * $-escape"); it strips the blanks that start a value unless escaped.
 * What needs no escape is copied in runs. */
int
ninja_escape(struct buf *b, const char *s, int path)
{
	const char *special = path ? "$ :|\n\r" : "$\n\r";

	for (; *s == ' '; s++)
		buf_putn(b, "$ ", 2);
	for (;;) {
		size_t run = strcspn(s, special);
		char pair[2] = {'$', s[run]};

		buf_putn(b, s, run);
		s += run;
		if (!*s)
			return 0;
		if (*s == '\n' || *s == '\r' || *s == '|')
			return -1;
		buf_putn(b, pair, 2);
		s++;
	}
}

/* One shell word, as Ninja text: bare when every byte is safe, else in
 * single quotes; then $ doubled for Ninja. -1 for a newline. */
static int
command_word(struct buf *b, const char *s)
{
	size_t n = 0;

	while (str_shell_safe((unsigned char)s[n]))
		n++;
	if (n > 0 && !s[n]) {
		buf_putn(b, s, n);
		return 0;
	}
	buf_putc(b, '\'');
	for (;;) {
		size_t run = strcspn(s, "'$\n\r");

		buf_putn(b, s, run);
		s += run;
		if (!*s)
			break;
		if (*s == '\n' || *s == '\r')
			return -1;
		if (*s++ == '$')
			buf_putn(b, "$$", 2);
		else
			buf_putn(b, "'\\''", 4);
	}
	buf_putc(b, '\'');
	return 0;
}

int
ninja_command(struct buf *b, const char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			buf_putc(b, ' ');
		if (command_word(b, words[i]) < 0)
			return -1;
	}
	return 0;
}

/* The N paths, each after a space, the first after SEP. */
static int
paths(struct buf *b, const char *sep, const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i == 0 && sep)
			buf_puts(b, sep);
		buf_putc(b, ' ');
		if (ninja_escape(b, v[i], 1) < 0) {
			warn("cannot write path \"%s\" to build.ninja: Ninja cannot express a newline or '|' in a path", v[i]);
			return -1;
		}
	}
	return 0;
}

/* E's list L, after SEP (NULL: none). */
static int
edge_paths(struct buf *b, const char *sep, const struct edge *e, enum edge_list l)
{
	unsigned n;
	const char *const *v = edge_list(e, l, &n);

	return paths(b, sep, v, n);
}

static int
binding(struct buf *b, const char *indent, const char *name, const char *value)
{
	buf_puts(b, indent);
	buf_puts(b, name);
	buf_puts(b, " = ");
	if (ninja_escape(b, value, 0) < 0) {
		warn("cannot write %s \"%s\" to build.ninja: it holds a newline", name, value);
		return -1;
	}
	buf_putc(b, '\n');
	return 0;
}

/* NAME = WORDS, at INDENT. */
static int
command_binding(struct buf *b, const char *indent, const char *name, const char *const *words, size_t n)
{
	buf_puts(b, indent);
	buf_puts(b, name);
	buf_puts(b, " = ");
	if (ninja_command(b, words, n) < 0)
		return -1;
	buf_putc(b, '\n');
	return 0;
}

/* Stops at the first thing it cannot write: one warning, not one per edge. */
static int
edge_write(struct buf *b, const struct edge *e)
{
	unsigned n;
	const char *const *args = edge_list(e, EDGE_ARG, &n);
	int rc;

	buf_puts(b, "build");
	if (edge_paths(b, NULL, e, EDGE_OUT) < 0)
		return -1;
	buf_puts(b, ": ");
	buf_puts(b, e->rule);
	if (edge_paths(b, NULL, e, EDGE_IN) < 0 || edge_paths(b, " |", e, EDGE_IMPLICIT) < 0 ||
	    edge_paths(b, " ||", e, EDGE_ORDER) < 0)
		return -1;
	buf_putc(b, '\n');
	rc = n > 0 ? command_binding(b, "  ", "args", args, n) : 0;
	for (int k = 0; rc == 0 && k < 2 && e->var[k][0]; k++)
		rc = command_binding(b, "  ", e->var[k][0], &e->var[k][1], 1);
	if (rc < 0) {
		warn("cannot write the command of %s to build.ninja: an argument holds a newline", e->v[0]);
		return -1;
	}
	return e->what ? binding(b, "  ", "what", e->what) : 0;
}

/* An output and the edge that makes it: a slot of a hash set. */
struct made {
	const char *out;
	const struct edge *by;
};

/* FNV-1a of S. */
static size_t
str_hash(const char *s)
{
	size_t h = 14695981039346656037u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* The slot of OUT in SET of MASK + 1 slots: where it is, or the empty one
 * where it would go. */
static struct made *
made_slot(struct made *set, size_t mask, const char *out)
{
	size_t i = str_hash(out) & mask;

	while (set[i].out && strcmp(set[i].out, out) != 0)
		i = (i + 1) & mask;
	return &set[i];
}

/* Ninja refuses a file in which two edges make one output, and then cannot
 * even regenerate it: say which two (the first output that a later edge
 * makes again), and write nothing. */
static int
outputs_unique(const struct graph *g)
{
	size_t n = 0, slots = 64;
	struct made *set;
	int rc = 0;

	for (size_t i = 0; i < g->nedges; i++)
		n += g->edges[i].n[EDGE_OUT];
	while (slots < 2 * n)
		slots *= 2;
	set = xcalloc(slots, sizeof(*set));
	for (size_t i = 0; i < g->nedges && rc == 0; i++) {
		const struct edge *e = &g->edges[i];
		for (size_t j = 0; j < e->n[EDGE_OUT] && rc == 0; j++) {
			struct made *slot = made_slot(set, slots - 1, e->v[j]);
			if (!slot->out) {
				*slot = (struct made){e->v[j], e};
				continue;
			}
			char *first = edge_origin(slot->by, e->v[j]), *second = edge_origin(e, e->v[j]);
			warn("build.ninja would name \"%s\" twice: %s, and %s: expected names that differ (rename one)",
			    e->v[j], first, second);
			free(first), free(second);
			rc = -1;
		}
	}
	free(set);
	return rc;
}

int
ninja_write(struct buf *b, const struct graph *g, const char *template)
{
	int rc = outputs_unique(g);

	buf_puts(b, "# Generated by orchgen " ORCHGEN_VERSION ": edit orchgen.ini, the suites or build.ninja.in instead.\n");
	for (size_t i = 0; rc == 0 && i + 1 < g->header.n; i += 2)
		rc = binding(b, "", g->header.v[i], g->header.v[i + 1]);
	if (rc == 0 && command_binding(b, "", "orchgen", (const char *const *)g->program.v, g->program.n) < 0) {
		warn("cannot write the path of orchgen to build.ninja: it holds a newline");
		rc = -1;
	}
	buf_putc(b, '\n');
	buf_puts(b, template);
	for (size_t i = 0; i < g->rules.n; i++) {
		buf_putc(b, '\n');
		buf_puts(b, g->rules.v[i]);
	}
	for (size_t i = 0; rc == 0 && i < g->nedges; i++) {
		buf_putc(b, '\n');
		rc = edge_write(b, &g->edges[i]);
	}
	if (rc == 0 && g->defaults.n > 0) {
		buf_puts(b, "\ndefault");
		rc = paths(b, NULL, (const char *const *)g->defaults.v, g->defaults.n);
		buf_putc(b, '\n');
	}
	return rc ? -1 : 0;
}

const char *
ninja_rule(const char *template, const char *name, size_t *len)
{
	size_t n = strlen(name);
	const char *l, *end;

	for (l = template; *l; l += strcspn(l, "\n"), l += *l == '\n') {
		if (!strncmp(l, "rule ", 5) && !strncmp(l + 5, name, n) && strspn(l + 5 + n, " \t\r") == strcspn(l + 5 + n, "\n"))
			break;
	}
	if (!*l)
		return NULL;
	end = l + strcspn(l, "\n");
	while (*end == '\n' && (end[1] == ' ' || end[1] == '\t'))	/* its bindings */
		end += 1 + strcspn(end + 1, "\n");
	*len = (size_t)(end - l) + (*end == '\n');
	return l;
}

/* The name of the variable that the use at S ('$' then the name, or
 * "${name}") reads: *LEN bytes at the returned pointer; *END just past the
 * use. NULL: S is no use of a variable ("$$", "$ ", "$:", "$\n"). */
static const char *
variable_use(const char *s, size_t *len, const char **end)
{
	const char *simple = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";

	if (s[1] == '{') {
		*len = strcspn(s + 2, "}\n");
		if (s[2 + *len] != '}')
			return NULL;
		*end = s + 3 + *len;
		return s + 2;
	}
	*len = strspn(s + 1, simple);
	*end = s + 1 + *len;
	return *len ? s + 1 : NULL;
}

/* The replacement of the variable NAME (LEN bytes) in SUBST, or NULL. */
static const char *
substitute(const char *name, size_t len, const char *const *subst)
{
	for (; subst[0]; subst += 2) {
		if (strlen(subst[0]) == len && !strncmp(name, subst[0], len))
			return subst[1];
	}
	return NULL;
}

char *
ninja_rule_copy(const char *template, const char *name, const char *as, const char *const *subst)
{
	size_t len, n;
	const char *rule = ninja_rule(template, name, &len), *end, *p, *v, *next, *to;
	struct buf b = {0};
	int used = 0;

	if (!rule)
		return NULL;
	end = rule + len;
	buf_printf(&b, "rule %s", as);
	for (p = rule + 5 + strlen(name); p < end; p = next) {
		size_t run = strcspn(p, "$");
		if (p + run >= end) {
			buf_putn(&b, p, (size_t)(end - p));
			break;
		}
		buf_putn(&b, p, run);
		p += run;
		if (!(v = variable_use(p, &n, &next))) {
			next = p + 1 + (p[1] != '\0');	/* "$$" and the like, as they are */
			buf_putn(&b, p, (size_t)(next - p));
		} else if ((to = substitute(v, n, subst))) {
			buf_puts(&b, to);
			used |= to == subst[1];
		} else {
			buf_putn(&b, p, (size_t)(next - p));
		}
	}
	if (!used) {
		buf_free(&b);
		return NULL;
	}
	return b.s;
}

int
graph_defines_rule(const struct graph *g, const char *name)
{
	for (size_t i = 0; i < g->rules.n; i++) {
		if (ninja_defines_rule(g->rules.v[i], name))
			return 1;
	}
	return 0;
}

int
ninja_plain_word(const char *s)
{
	for (; *s; s++) {
		if (!str_shell_safe((unsigned char)*s))
			return 0;
	}
	return 1;
}

int
ninja_defines_rule(const char *template, const char *name)
{
	size_t len;

	return ninja_rule(template, name, &len) != NULL;
}
