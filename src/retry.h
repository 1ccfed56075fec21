/* Engine trouble is often passing (a daemon restarting, a socket not yet
 * there), a failure never is: only the first is tried again. */

/* Call FN(ARG) until it returns something other than TROUBLE, at most
 * RETRIES more times, waiting 1s, 2s, 4s... in between and saying so for
 * WHAT. Its last return value; *ATTEMPTS (when not NULL): how many calls. */
int retry(const char *what, int retries, int trouble, int (*fn)(void *), void *arg, int *attempts);

/* What a function that retry() calls returns for trouble that trying again
 * will not help (a base that no registry has, an image cache that cannot
 * be written): not tried again; the caller then exits with EXIT_ENGINE. */
#define RETRY_HOPELESS 100
