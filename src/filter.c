/* Spread's filters, translated to POSIX regular expressions as spread
 * translates them to Go's, except that characters a filter does not give a
 * meaning to match themselves rather than act as regex syntax. */
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include "str.h"
#include "filter.h"
#include "util.h"

/* The runs of '.' and ':' that mean something, and what. */
static const struct {
	const char *run;
	const char *re;
} runs[] = {
	{".", "\\."},
	{"...", "[^:]*"},
	{":", "(:.+)*:(.+:)*"},	/* components in order, others between */
};

/* The rest of ERE's special characters, matched literally. */
static const char special[] = "\\^$[|()*+?{";

/* The run of '.' or ':' at P, translated; its length, or 0 (warned). */
static size_t
putrun(const char *text, const char *p, struct buf *out)
{
	size_t n = strspn(p, *p == '.' ? "." : ":");

	for (size_t i = 0; i < sizeof(runs) / sizeof(runs[0]); i++) {
		if (strlen(runs[i].run) == n && runs[i].run[0] == *p) {
			buf_puts(out, runs[i].re);
			return n;
		}
	}
	warn("filter \"%s\": \"%.*s\" means nothing: expected \".\", \"...\" or a single \":\"", text, (int)n, p);
	return 0;
}

int
filter_regex(const char *text, struct buf *out)
{
	size_t len = strlen(text);

	if (len == 0) {
		warn("filter \"\": expected a job name or a pattern such as distro:suite/...");
		return -1;
	}
	buf_puts(out, "(^|:)");
	if (text[0] == ':' || text[0] == '/')
		buf_puts(out, ".+");
	for (const char *p = text; *p;) {
		size_t n = 1;

		if (*p == '.' || *p == ':')
			n = putrun(text, p, out);
		else if (strchr(special, *p))
			buf_printf(out, "\\%c", *p);
		else
			buf_putc(out, *p);
		if (n == 0)
			return -1;
		p += n;
	}
	if (text[len - 1] == ':' || text[len - 1] == '/')
		buf_puts(out, ".+");
	buf_puts(out, "($|:)");
	return 0;
}

static int
compile_one(struct filter_pat *p, const char *text)
{
	struct buf re = {0};
	int rc = -1;

	if (filter_regex(text, &re) == 0) {
		if (regcomp(&p->re, buf_str(&re), REG_EXTENDED | REG_NOSUB) == 0)
			rc = 0;
		else
			warn("filter \"%s\": cannot compile it", text);
	}
	buf_free(&re);
	if (rc == 0)
		p->text = xstrdup(text);
	return rc;
}

int
filter_compile(struct filter *f, const struct strv *args)
{
	f->pats = xcalloc(args->n, sizeof(*f->pats));
	f->n = 0;
	for (size_t i = 0; i < args->n; i++) {
		if (compile_one(&f->pats[f->n], args->v[i]) < 0) {
			filter_free(f);
			return -1;
		}
		f->n++;
	}
	return 0;
}

int
filter_match(struct filter *f, const char *id)
{
	int match = f->n == 0;

	for (size_t i = 0; i < f->n; i++) {
		if (regexec(&f->pats[i].re, id, 0, NULL, 0) == 0) {
			f->pats[i].hits++;
			match = 1;
		}
	}
	return match;
}

/* Does TEXT, a filter or a part of one, match any of NAMES? */
static int
matches_any(const char *text, const struct strv *names)
{
	struct buf re = {0};
	regex_t rx;
	int hit = 0;

	if (filter_regex(text, &re) == 0 && regcomp(&rx, buf_str(&re), REG_EXTENDED | REG_NOSUB) == 0) {
		for (size_t i = 0; i < names->n && !hit; i++)
			hit = regexec(&rx, names->v[i], 0, NULL, 0) == 0;
		regfree(&rx);
	}
	buf_free(&re);
	return hit;
}

/* The distros, suites and variants of S: its jobs', and its own. */
static void
scope_names(const struct filter_scope *s, struct strv *distros, struct strv *suites, struct strv *variants)
{
	for (size_t i = 0; i < s->distros.n; i++)
		strv_push(distros, s->distros.v[i]);
	for (size_t i = 0; i < s->suites.n; i++)
		strv_push(suites, s->suites.v[i]);
	for (size_t i = 0; i < s->ids.n; i++) {
		const char *id = s->ids.v[i], *c1 = strchr(id, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
		if (!c1)
			continue;
		strv_take(distros, xstrndup(id, (size_t)(c1 - id)));
		strv_take(suites, c2 ? xstrndup(c1 + 1, (size_t)(c2 - c1 - 1)) : xstrdup(c1 + 1));
		if (c2)
			strv_push(variants, c2 + 1);
	}
	strv_uniq(distros), strv_uniq(suites), strv_uniq(variants);
}

/* How many single-character edits make A into B. */
static size_t
distance(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b), *row = xcalloc(nb + 1, sizeof(*row)), d;

	for (size_t k = 0; k <= nb; k++)
		row[k] = k;
	for (size_t i = 1; i <= na; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t k = 1; k <= nb; k++) {
			size_t up = row[k], best = diag + (a[i - 1] != b[k - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[k - 1] + 1 < best)
				best = row[k - 1] + 1;
			row[k] = best;
			diag = up;
		}
	}
	d = row[nb];
	free(row);
	return d;
}

/* ", " and up to MAX of NAMES into OUT, "..." when there are more. */
static void
put_names(struct buf *out, const char *const *names, size_t n, size_t max)
{
	for (size_t i = 0; i < n && i < max; i++)
		buf_printf(out, "%s%s", i ? ", " : "", names[i]);
	if (n > max)
		buf_puts(out, ", ...");
}

/* A name, and how far it is from the one asked for. */
struct near {
	size_t d;
	const char *name;
};

static int
cmpnear(const void *a, const void *b)
{
	const struct near *x = a, *y = b;

	return x->d != y->d ? (x->d < y->d ? -1 : 1) : strcmp(x->name, y->name);
}

/* The suite NAME is none of SUITES: say the nearest of those in its
 * directory, or that none is there. WHAT: "suite", or what else it may be. */
static void
no_suite(struct buf *out, const char *name, const char *what, const struct strv *suites)
{
	const char *slash = strrchr(name, '/');
	size_t dir = slash ? (size_t)(slash - name) + 1 : 0, n = 0;
	struct near *near = xcalloc(suites->n + 1, sizeof(*near));

	buf_printf(out, "no %s \"%s\"", what, name);
	for (size_t i = 0; i < suites->n; i++) {
		if (!strncmp(suites->v[i], name, dir))
			near[n++] = (struct near){distance(name, suites->v[i]), suites->v[i]};
	}
	if (n == 0 && dir > 0) {
		buf_printf(out, ": no suite is below %.*s", (int)dir, name);
	} else if (n > 0) {
		qsort(near, n, sizeof(*near), cmpnear);
		buf_puts(out, n == 1 ? ": the nearest is " : ": the nearest are ");
		for (size_t i = 0; i < n && i < 3; i++)
			buf_printf(out, "%s%s", i ? ", " : "", near[i].name);
		if (n > 3)
			buf_puts(out, ", ...");
	}
	free(near);
}

/* Of the N components COMPS of filter TEXT, the first that names nothing,
 * said in OUT; 0 when every one names something. */
static int
unnamed(struct buf *out, char **comps, size_t n, const struct strv *distros, const struct strv *suites,
    const struct strv *variants)
{
	for (size_t i = 0; i < n; i++) {
		const char *c = comps[i];
		struct strv both = {0};
		if (matches_any(c, distros) || matches_any(c, suites) || matches_any(c, variants))
			continue;
		if (strchr(c, '/')) {
			no_suite(out, c, "suite", suites);
			return 1;
		}
		if (i == 0) {
			buf_printf(out, "no distro \"%s\" in the matrix (its distros: ", c);
			put_names(out, (const char *const *)distros->v, distros->n, 20);
			buf_puts(out, n == 1 ? "), nor a suite or variant of that name" : ")");
			return 1;
		}
		for (size_t k = 0; k < suites->n; k++)
			strv_push(&both, suites->v[k]);
		for (size_t k = 0; k < variants->n; k++)
			strv_push(&both, variants->v[k]);
		strv_uniq(&both);
		no_suite(out, c, "suite or variant", &both);
		strv_free(&both);
		return 1;
	}
	return 0;
}

/* TEXT's first N components, joined again. */
static char *
first_comps(char **comps, size_t n)
{
	struct buf b = {0};

	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? ":" : "", comps[i]);
	return b.s ? b.s : xstrdup("");
}

/* Every component of filter TEXT names something, but no job has them
 * all: the longest start of it that does match, and what comes next. */
static void
together(struct buf *out, char **comps, size_t n, const struct strv *ids)
{
	size_t k = 0;

	while (k < n) {
		char *start = first_comps(comps, k + 1);
		int hit = matches_any(start, ids);
		free(start);
		if (!hit)
			break;
		k++;
	}
	if (k == 0 || k == n) {
		buf_printf(out, "\"%s\" is in no job's name: expected distro:suite[:variant], as orchgen list prints them",
		    comps[k == n ? 0 : k]);
	} else {
		char *start = first_comps(comps, k);
		buf_printf(out, "jobs match \"%s\", but none has \"%s\" after that (orchgen list %s shows them)", start,
		    comps[k], start);
		free(start);
	}
}

char *
filter_explain(const char *text, const struct filter_scope *s)
{
	struct strv distros = {0}, suites = {0}, variants = {0}, comps = {0};
	struct buf out = {0};
	char *copy = xstrdup(text), *colon = strchr(text, ':');

	for (char *t = strtok(copy, ":"); t; t = strtok(NULL, ":"))
		strv_push(&comps, t);
	scope_names(s, &distros, &suites, &variants);
	if (comps.n == 0)	/* ":" matches every job: there is none */
		buf_puts(&out, "there is no job to match");
	for (size_t k = 0; s->excluded && k < s->excluded->n && !out.s; k++) {
		if (matches_any(text, &(struct strv){&s->excluded->v[k], 1, 1}))
			buf_printf(&out, "%s is no job, as the suite's systems leave that distro out", s->excluded->v[k]);
	}
	/* spread's backend:system:task, whose system and task orchgen knows */
	if (!out.s && comps.n >= 2 && colon && colon != text && !matches_any(comps.v[0], &distros) &&
	    !matches_any(comps.v[0], &suites) && !matches_any(comps.v[0], &variants) && matches_any(comps.v[1], &distros) &&
	    matches_any(colon + 1, &s->ids))
		buf_printf(&out, "orchgen's job names leave out spread's backend (%s): expected %s", comps.v[0], colon + 1);
	if (!out.s && !unnamed(&out, comps.v, comps.n, &distros, &suites, &variants))
		together(&out, comps.v, comps.n, &s->ids);
	strv_free(&distros), strv_free(&suites), strv_free(&variants), strv_free(&comps);
	free(copy);
	return out.s;
}

int
filter_check(const struct filter *f, const struct filter_scope *s)
{
	int rc = 0;

	for (size_t i = 0; i < f->n; i++) {
		char *why;
		if (f->pats[i].hits > 0)
			continue;
		why = filter_explain(f->pats[i].text, s);
		warn("filter \"%s\" matches no job: %s", f->pats[i].text, why);
		free(why);
		rc = -1;
	}
	return rc;
}

void
filter_scope_free(struct filter_scope *s)
{
	strv_free(&s->ids), strv_free(&s->distros), strv_free(&s->suites);
}

void
filter_free(struct filter *f)
{
	for (size_t i = 0; i < f->n; i++) {
		regfree(&f->pats[i].re);
		free(f->pats[i].text);
	}
	free(f->pats);
	f->pats = NULL;
	f->n = 0;
}
