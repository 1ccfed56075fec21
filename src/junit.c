#include <stdlib.h>
#include <string.h>
#include "str.h"
#include "markup.h"
#include "result.h"
#include "report.h"
#include "junit.h"
#include "util.h"

/* How many lines of a failed job's log the report holds. */
#define TAIL_LINES 50

static void
attr(struct buf *out, const char *name, const char *value)
{
	buf_printf(out, " %s=\"", name);
	markup_str(out, value);
	buf_putc(out, '"');
}

/* What a failed job's element says: its status, reason and exit status. */
static void
message(struct buf *out, const struct report_job *j)
{
	struct buf m = {0};

	buf_puts(&m, report_job_status(j));
	if (j->r.reason)
		buf_printf(&m, ": %s", j->r.reason);
	if (j->r.exit_code >= 0 && j->r.status != STATUS_XPASS)
		buf_printf(&m, " (exit status %d)", j->r.exit_code);
	attr(out, "message", m.s);
	buf_free(&m);
}

static void
testcase(struct buf *out, const struct report_job *j)
{
	char *tail;

	buf_puts(out, "    <testcase");
	attr(out, "classname", j->r.suite);
	attr(out, "name", j->id);
	buf_printf(out, " time=\"%.3f\"", report_seconds(j));
	if (j->r.status == NOT_RUN && !j->r.reason) {
		buf_puts(out, ">\n      <error type=\"not run\" message=\"not run: no result\"/>\n    </testcase>\n");
	} else if (j->r.status == STATUS_SKIP || j->r.status == MANUAL) {
		buf_puts(out, ">\n      <skipped");
		if (j->r.status == MANUAL)
			message(out, j);
		else
			attr(out, "message", j->r.reason ? j->r.reason : "skipped");
		buf_puts(out, "/>\n    </testcase>\n");
	} else if (!report_status_ok(j->r.status)) {
		/* A failure, or an error: not run, as a stage failed. */
		const char *element = j->r.status == NOT_RUN ? "error" : "failure";
		buf_printf(out, ">\n      <%s", element);
		attr(out, "type", report_status(j->r.status));
		message(out, j);
		buf_putc(out, '>');
		if ((tail = report_tail(j, TAIL_LINES))) {
			markup_str(out, tail);
			free(tail);
		}
		if (j->log) {
			buf_puts(out, "full log: ");
			markup_str(out, j->log);
		}
		buf_printf(out, "</%s>\n    </testcase>\n", element);
	} else {
		buf_puts(out, "/>\n");
	}
}

/* The counts a testsuite (DISTRO) or the testsuites (NULL) carry. */
static void
totals(struct buf *out, const struct report *rp, const char *distro)
{
	size_t tests = 0, failures = 0, errors = 0, skipped = 0;
	double time = 0;

	for (size_t i = 0; i < rp->njobs; i++) {
		const struct report_job *j = &rp->jobs[i];
		if (distro && strcmp(j->r.distro, distro) != 0)
			continue;
		tests++;
		time += report_seconds(j);
		errors += j->r.status == NOT_RUN;
		skipped += j->r.status == STATUS_SKIP || j->r.status == MANUAL;
		failures += j->r.status < NOT_RUN && !status_ok(j->r.status);
	}
	buf_printf(out, " tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" skipped=\"%zu\" time=\"%.3f\"",
	    tests, failures, errors, skipped, time);
}

void
junit_write(const struct report *rp, struct buf *out)
{
	buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"orchgen\"");
	totals(out, rp, NULL);
	buf_puts(out, ">\n");
	for (size_t d = 0; d < rp->distros.n; d++) {
		buf_puts(out, "  <testsuite");
		attr(out, "name", rp->distros.v[d]);
		totals(out, rp, rp->distros.v[d]);
		buf_puts(out, ">\n");
		for (size_t i = 0; i < rp->njobs; i++) {
			if (!strcmp(rp->jobs[i].r.distro, rp->distros.v[d]))
				testcase(out, &rp->jobs[i]);
		}
		buf_puts(out, "  </testsuite>\n");
	}
	buf_puts(out, "</testsuites>\n");
}
