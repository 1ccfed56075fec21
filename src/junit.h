/* A report as JUnit XML, as CI systems read it: one testsuite per distro,
 * one testcase per job (classname its suite, name the job), a failure with
 * the reason and the tail of the log for fail, xpass, timeout and error,
 * skipped with the reason, an error for a job not run; times in seconds. */

void junit_write(const struct report *rp, struct buf *out);
