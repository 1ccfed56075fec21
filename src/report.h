struct model;

/* A report of how the jobs ended: the results of this project (its
 * .orch/results, held against the model: a job it no longer has is left
 * out, a job of it with no result is "not run"), or of result directories
 * merged (one per CI shard), selected by spread-style filters. The writers
 * (the summary and JSON here, JUnit in junit.c, HTML in html.c) only print
 * it. */

/* Status for a job with no result. */
#define NOT_RUN STATUS_N

struct report_job {
	char *id;		/* distro:suite[:variant] */
	struct result r;	/* r.status NOT_RUN: no result */
	char *log;		/* where its log is from here; NULL: none */
};

struct report {
	struct report_job *jobs;	/* by distro, suite, variant */
	size_t njobs;
	size_t counts[STATUS_N + 1];	/* jobs by status, NOT_RUN last */
	struct strv distros;	/* sorted */
};

/* The results of DIRS (none: this project's, with the model MD), of the
 * jobs FILTERS select (none: all). 0, or -1 (warned): a filter that selects
 * nothing, a result that is not one. */
int report_load(struct report *rp, const struct model *md, const struct strv *dirs, const struct strv *filters);
void report_free(struct report *rp);
/* Did every job pass (or xfail, or skip)? None may be not run. */
int report_ok(const struct report *rp);
/* The status's name, "not run" for NOT_RUN. */
const char *report_status(enum status s);
/* Seconds J ran, 0 when it did not. */
double report_seconds(const struct report_job *j);
/* The N slowest jobs that ran, slowest first, into OUT: how many. */
size_t report_slowest(const struct report *rp, const struct report_job **out, size_t n);
/* The last N lines of what J's failing section wrote (its whole log's when
 * that is not known), new; NULL when there is no log to read. */
char *report_tail(const struct report_job *j, int n);
/* The summary: a line per distro, each failed job with its reason and log,
 * the jobs not run, the five slowest, and a last line of counts. */
void report_summary(const struct report *rp, struct buf *out);
/* {"jobs": [every result], "counts": {status: n}, "ok": bool}. */
void report_json(const struct report *rp, struct buf *out);
