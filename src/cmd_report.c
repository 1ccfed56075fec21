/* orchgen report: how the jobs ended, for people (a summary on stdout) and
 * for CI (JUnit XML, JSON, an HTML page), from this project's results or
 * from result directories of several shards, merged. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "str.h"
#include "file.h"
#include "matrix.h"
#include "result.h"
#include "model.h"
#include "report.h"
#include "junit.h"
#include "html.h"
#include "cmd.h"
#include "util.h"

/* Write the report to PATH with WRITE: 0, or -1 (warned). */
static int
write_to(const char *path, const struct report *rp, void (*write)(const struct report *, const char *, struct buf *))
{
	struct buf b = {0};
	int rc;

	write(rp, path, &b);
	rc = file_write(path, b.s, b.len);
	buf_free(&b);
	return rc;
}

static void
junit(const struct report *rp, const char *path, struct buf *b)
{
	(void)path;
	junit_write(rp, b);
}

static void
json(const struct report *rp, const char *path, struct buf *b)
{
	(void)path;
	report_json(rp, b);
}

int
cmd_report(struct cmdargs *a)
{
	struct model md;
	struct report rp;
	struct buf summary = {0};
	/* The matrix says which jobs there are: in a project, for its own
	 * results and for results merged in a checkout of it. */
	int own = a->results.n == 0 || access(a->o.file, F_OK) == 0, rc;

	if (own && model_load(&md, &a->o) < 0)
		return EXIT_USAGE;
	rc = report_load(&rp, own ? &md : NULL, &a->results, &a->rest);
	if (own)
		model_free(&md);
	if (rc < 0)
		return EXIT_USAGE;
	rc = (a->junit && write_to(a->junit, &rp, junit) < 0) || (a->json && write_to(a->json, &rp, json) < 0) ||
	    (a->html && write_to(a->html, &rp, html_write) < 0) ? EXIT_ENGINE : 0;
	report_summary(&rp, &summary);
	fputs(buf_str(&summary), stdout);
	buf_free(&summary);
	if (rc == 0 && !report_ok(&rp))
		rc = EXIT_JOBFAIL;
	report_free(&rp);
	return rc;
}
