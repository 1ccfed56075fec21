/* Spread-style job filters over job ids "distro:suite[:variant]". A filter
 * matches when it matches the id's components in order: a name matches one
 * component exactly; "..." matches any run of characters but ':'; a name
 * that starts or ends with '/' matches the start or end of a suite's name
 * ("main/", "/smoke"); "a:b" matches components a and b in that order, with
 * others allowed between and around them. Every other character matches
 * itself. A job is selected when any filter of the set matches it. */
#include <regex.h>

/* One filter, as given and as a POSIX extended regular expression. */
struct filter_pat {
	char *text;		/* as given, for messages */
	regex_t re;
	size_t hits;		/* jobs it matched so far */
};

struct filter {
	struct filter_pat *pats;
	size_t n;		/* 0: every job passes */
};

/* The regular expression for filter TEXT appended to OUT; -1 (warned) when
 * TEXT is not a filter: empty, or a run of '.' or ':' that means nothing. */
int filter_regex(const char *text, struct buf *out);
/* Compile each of ARGS into F. 0, or -1 (warned) with F freed. */
int filter_compile(struct filter *f, const struct strv *args);
/* Does job ID pass F? Counts the hit of every filter that matches. */
int filter_match(struct filter *f, const char *id);
/* What a filter that matches no job is held against, to say why. */
struct filter_scope {
	struct strv ids;	/* every job: distro:suite[:variant] */
	struct strv distros;	/* the distros, those with no job too (the jobs' are added) */
	struct strv suites;	/* the suites, those with no job too (the jobs' are added) */
	const struct strv *excluded;	/* "distro:suite" that systems leave out; NULL: none */
};

/* Why filter TEXT matches no job of S, a new string: the job that the
 * suite's systems leave out, spread's backend that job names lack, the
 * first part that names no distro, suite or variant (the distros, or the
 * nearest suites), or the start of it that matches and what does not. */
char *filter_explain(const char *text, const struct filter_scope *s);
/* Warn about each filter that has matched no job yet, saying why
 * (filter_explain): -1 if any did not. */
int filter_check(const struct filter *f, const struct filter_scope *s);
void filter_scope_free(struct filter_scope *s);
void filter_free(struct filter *f);
