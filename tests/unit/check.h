/* A tiny unit-test harness: CHECK records a failure with its line and goes on;
 * main returns checks_done(), which prints a summary and the exit status. */
#include <stdio.h>
#include <string.h>

static int checks_run, checks_failed;

#define CHECK(cond) do { \
	checks_run++; \
	if (!(cond)) { \
		checks_failed++; \
		fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
	} \
} while (0)

#define CHECK_STR(got, want) do { \
	const char *g_ = (got), *w_ = (want); \
	checks_run++; \
	if (!g_ || strcmp(g_, w_) != 0) { \
		checks_failed++; \
		fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__, g_ ? g_ : "(null)", w_); \
	} \
} while (0)

static int
checks_done(void)
{
	printf("%d checks, %d failed\n", checks_run, checks_failed);
	return checks_failed != 0;
}
