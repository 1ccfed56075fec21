/* A job's outcome: its status, and its result file .orch/results/D/S[:V].json,
 * written for every outcome. */

enum status {
	STATUS_PASS,
	STATUS_FAIL,
	STATUS_XFAIL,	/* an expected failure: success */
	STATUS_XPASS,	/* an expected failure passed: failure */
	STATUS_SKIP,	/* a skip condition held, or a feature is missing and that skips */
	STATUS_TIMEOUT,	/* killed at the kill-timeout */
	STATUS_ERROR,	/* could not run: a missing feature, engine trouble, no image */
	STATUS_N,
};

/* "pass", "fail"...; NULL past the table. */
const char *status_name(enum status s);
/* Does S count as success (pass, xfail, skip): the job gets its stamp? */
int status_ok(enum status s);

struct result {
	const char *distro, *suite, *variant;	/* variant may be NULL */
	enum status status;
	int exit_code;		/* of the last run; -1: none */
	const char *reason;	/* why a skip, an error, a timeout; NULL */
	int samples, attempts;	/* runs that passed of `samples`; engine attempts of the last */
	long long start_ms, end_ms;	/* Unix time in milliseconds */
	const char *image, *log;	/* either may be NULL: none */
	const char *engine;	/* the [engine NAME] that ran it last; NULL: none configured (not written) */
	const char *phase;	/* the section that failed (prepare, execute...), or NULL */
	long line;		/* the line of it that failed, or 0 when not known */
	struct strv owned;	/* the strings above, when result_read() made them */
};

/* The status named NAME, or STATUS_N when none is. */
enum status status_parse(const char *name);
/* Write R to PATH atomically. 0 or -1 (warned). */
int result_write(const char *path, const struct result *r);
/* Read the result at PATH into R: 0, or -1 (warned) when it is not one
 * (no distro, suite or status). Free R with result_free(). */
int result_read(const char *path, struct result *r);
void result_free(struct result *r);
