/* A job's result: .orch/results/D/S[:V].json, written for every outcome. */

struct result {
	const char *distro, *suite, *variant;	/* variant may be NULL */
	const char *status;	/* pass fail xfail xpass skip timeout error */
	int exit_code;		/* of the last run; -1: none */
	const char *reason;	/* why a skip, an error, a timeout; NULL */
	int samples, attempts;	/* runs that passed of `samples`; engine attempts of the last */
	long long start_ms, end_ms;	/* Unix time in milliseconds */
	const char *image, *log;
};

/* Write R to PATH atomically. 0 or -1 (warned). */
int result_write(const char *path, const struct result *r);
