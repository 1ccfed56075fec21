#include <errno.h>
#include <time.h>
#include "retry.h"
#include "util.h"

/* Sleep S seconds; a signal's default action still ends the process. */
static void
backoff(long s)
{
	struct timespec ts = {s, 0};

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

int
retry(const char *what, int retries, int trouble, int (*fn)(void *), void *arg, int *attempts)
{
	int n = 1, rc;

	while ((rc = fn(arg)) == trouble && n <= retries) {
		long wait = 1L << (n - 1);
		warn("%s: engine trouble: trying again in %lds (%d of %d retries)", what, wait, n, retries);
		backoff(wait);
		n++;
	}
	if (attempts)
		*attempts = n;
	return rc;
}
