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

int
filter_check(const struct filter *f, const struct strv *excluded)
{
	int rc = 0;

	for (size_t i = 0; i < f->n; i++) {
		const char *why = NULL;
		if (f->pats[i].hits > 0)
			continue;
		for (size_t k = 0; excluded && k < excluded->n && !why; k++) {
			if (regexec(&f->pats[i].re, excluded->v[k], 0, NULL, 0) == 0)
				why = excluded->v[k];
		}
		if (why)
			warn("filter \"%s\" matches no job: %s is no job, as the suite's systems leave that distro out", f->pats[i].text, why);
		else
			warn("filter \"%s\" matches no job: expected distro:suite[:variant], as orchgen list prints them", f->pats[i].text);
		rc = -1;
	}
	return rc;
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
