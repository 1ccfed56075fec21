/* A tiny unit-test harness: CHECK records a failure with its line and goes on;
 * main returns checks_done(), which prints a summary and the exit status. */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* A scratch directory for the test's files, entered; removed by scratch_leave. */
static char scratch_dir[64];

static inline const char *
scratch_enter(const char *name)
{
	snprintf(scratch_dir, sizeof(scratch_dir), "/tmp/orchgen-test-%s.XXXXXX", name);
	if (!mkdtemp(scratch_dir) || chdir(scratch_dir) != 0) {
		perror(scratch_dir);
		exit(2);
	}
	return scratch_dir;
}

static inline int
scratch_rm(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

static inline void
scratch_leave(void)
{
	if (chdir("/") != 0 || nftw(scratch_dir, scratch_rm, 16, FTW_DEPTH | FTW_PHYS) != 0)
		perror(scratch_dir);
}
