struct model;

/* A report of how the jobs ended: the results of this project (its
 * .orch/results), or of result directories merged (one per CI shard),
 * held against the model when there is a project (a job it no longer has
 * is left out, a job of it with no result is "not run"), selected by
 * spread-style filters. The writers
 * (the summary and JSON here, JUnit in junit.c, HTML in html.c) only print
 * it. */

/* Statuses of a job with no result (a project's report only). NOT_RUN: it
 * did not run, which fails the report; r.reason says why when that is
 * known (a stage of its distro failed, its log the stage's). MANUAL: a
 * manual job that was not named, which runs only when named: counted
 * apart, never a failure. A manual job counts as named, as for orchgen
 * list --targets, when the filters select only manual jobs; it counts by
 * its result whenever it has one. */
#define NOT_RUN STATUS_N
#define MANUAL (STATUS_N + 1)
#define REPORT_NSTATUS (STATUS_N + 2)

struct report_job {
	char *id;		/* distro:suite[:variant] */
	struct result r;	/* r.status NOT_RUN or MANUAL: no result */
	char *log;		/* where its log is from here (a stage's, for a stage that failed); NULL: none */
	int manual;		/* of a manual suite (known in a project's report only) */
};

struct report {
	struct report_job *jobs;	/* by distro, suite, variant */
	size_t njobs;
	size_t counts[REPORT_NSTATUS];	/* jobs by status, NOT_RUN and MANUAL last */
	struct strv distros;	/* sorted */
};

/* The results of DIRS (none: this project's), of the jobs FILTERS select
 * (none: all), held against the model MD when not NULL (the project's,
 * for its own results or results merged in a checkout of it). 0, or -1
 * (warned): a filter that selects nothing, a result that is not one. */
int report_load(struct report *rp, const struct model *md, const struct strv *dirs, const struct strv *filters);
void report_free(struct report *rp);
/* Did every job pass (or xfail, or skip)? None may be not run, but for
 * manual jobs not named. */
int report_ok(const struct report *rp);
/* Does status S count as success in a report: status_ok(), or MANUAL? */
int report_status_ok(int s);
/* The status's name, "not run" for NOT_RUN, "manual" for MANUAL (as its
 * count is labelled; its jobs' status word is "not run"). */
const char *report_status(int s);
/* The word J's status is shown with: "not run" for MANUAL too. */
const char *report_job_status(const struct report_job *j);
/* Seconds J ran, 0 when it did not. */
double report_seconds(const struct report_job *j);
/* The N slowest jobs that ran, slowest first, into OUT: how many. */
size_t report_slowest(const struct report *rp, const struct report_job **out, size_t n);
/* The last N lines of what J's failing section wrote (its whole log's when
 * that is not known), new; NULL when there is no log to read. */
char *report_tail(const struct report_job *j, int n);
/* The summary: a line per distro, each failed job with its reason and log,
 * the jobs not run (with the stage that failed, when one did), the manual
 * jobs not run counted apart, the five slowest, and a last line of
 * counts. */
void report_summary(const struct report *rp, struct buf *out);
/* {"jobs": [every result], "counts": {status: n}, "ok": bool}. */
void report_json(const struct report *rp, struct buf *out);
