#include <stdlib.h>
#include <string.h>
#include "str.h"
#include "file.h"
#include "markup.h"
#include "result.h"
#include "report.h"
#include "html.h"
#include "util.h"

/* How many lines of a failed job's log the page shows. */
#define TAIL_LINES 40

static const char style[] =
	":root{color-scheme:light}"
	"body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2328;background:#fff;"
	"margin:0 auto;padding:1.5rem;max-width:1240px}"
	"h1{font-size:1.45rem;margin:0 0 .4rem}h2{font-size:1.1rem;margin:1.8rem 0 .6rem}"
	"code,pre,th[scope=row],.job{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}"
	".counts{margin:.2rem 0 1rem;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:.4rem}"
	".counts li{padding:.15rem .6rem;border-radius:1rem;font-size:.9rem}"
	".wrap{overflow-x:auto;border:1px solid #d0d7de;border-radius:6px}"
	"table{border-collapse:collapse;min-width:100%}"
	"th,td{padding:.4rem .65rem;border-bottom:1px solid #d8dee4;text-align:left;white-space:nowrap;vertical-align:top}"
	"thead th{background:#f6f8fa;font-size:.85rem}"
	"th[scope=row]{font-weight:500;font-size:.82rem;background:#fff}"
	"td a{color:inherit;text-decoration:underline dotted}"
	".s{font-weight:650;font-size:.78rem;text-transform:uppercase;letter-spacing:.04em}"
	".t{font-size:.75rem;opacity:.75;margin-left:.4rem}"
	".pass,.xfail{background:#dafbe1;color:#0f5323}"
	".fail,.xpass{background:#ffebe9;color:#a0111f}"
	".timeout{background:#fff1e5;color:#8a3100}"
	".error{background:#fbefff;color:#6e38c4}"
	".skip{background:#fff8c5;color:#6b4400}"
	".notrun{background:#eaeef2;color:#424a53}"
	".manual{background:#f6f8fa;color:#57606a}"
	".none{color:#8c959f}"
	".failure{border:1px solid #d0d7de;border-radius:6px;margin:0 0 1rem;overflow:hidden}"
	".failure h3{margin:0;padding:.5rem .75rem;font-size:.95rem;display:flex;flex-wrap:wrap;gap:.5rem;align-items:baseline}"
	".failure p{margin:.5rem .75rem}"
	"pre{margin:0;padding:.75rem;background:#f6f8fa;overflow-x:auto;font-size:.8rem;line-height:1.35;max-height:32rem}"
	"ol{padding-left:1.4rem}"
	"@media (max-width:640px){body{padding:.8rem;font-size:14px}th,td{padding:.3rem .45rem}}";

/* The class a status is shown with: its name, "notrun" for not run,
 * "manual" for a manual job not run. */
static const char *
css(int s)
{
	return s == NOT_RUN ? "notrun" : s == MANUAL ? "manual" : status_name(s);
}

/* A job's name within its suite's row: the suite, and ":V" for a variant. */
static char *
row_name(const struct report_job *j)
{
	return j->r.variant ? xasprintf("%s:%s", j->r.suite, j->r.variant) : xstrdup(j->r.suite);
}

static void
counts(const struct report *rp, struct buf *out)
{
	buf_puts(out, "<ul class=\"counts\">");
	for (int s = 0; s < REPORT_NSTATUS; s++) {
		if (rp->counts[s])
			buf_printf(out, "<li class=\"%s\">%zu %s</li>", css(s), rp->counts[s], report_status(s));
	}
	buf_puts(out, "</ul>\n");
}

/* The job of ROW on DISTRO, or NULL. */
static const struct report_job *
find(const struct report *rp, const char *row, const char *distro)
{
	for (size_t i = 0; i < rp->njobs; i++) {
		char *name;
		int same;
		if (strcmp(rp->jobs[i].r.distro, distro) != 0)
			continue;
		name = row_name(&rp->jobs[i]);
		same = !strcmp(name, row);
		free(name);
		if (same)
			return &rp->jobs[i];
	}
	return NULL;
}

static void
cell(const struct report_job *j, size_t index, struct buf *out)
{
	int failed = j && !report_status_ok(j->r.status);

	if (!j) {
		buf_puts(out, "<td class=\"none\" title=\"no such job\">&mdash;</td>");
		return;
	}
	buf_printf(out, "<td class=\"%s\"", css(j->r.status));
	if (j->r.reason && j->r.status >= NOT_RUN) {
		buf_puts(out, " title=\"");
		markup_str(out, j->r.reason);
		buf_putc(out, '"');
	}
	buf_putc(out, '>');
	if (failed)
		buf_printf(out, "<a href=\"#job-%zu\">", index);
	buf_printf(out, "<span class=\"s\">%s</span>", report_job_status(j));
	if (j->r.status == MANUAL)
		buf_puts(out, "<span class=\"t\">manual</span>");
	if (failed)
		buf_puts(out, "</a>");
	if (j->r.status < NOT_RUN)
		buf_printf(out, "<span class=\"t\">%.1fs</span>", report_seconds(j));
	buf_puts(out, "</td>");
}

static void
matrix(const struct report *rp, struct buf *out)
{
	struct strv rows = {0};

	for (size_t i = 0; i < rp->njobs; i++)
		strv_take(&rows, row_name(&rp->jobs[i]));
	strv_uniq(&rows);
	buf_puts(out, "<div class=\"wrap\"><table>\n<thead><tr><th scope=\"col\">suite</th>");
	for (size_t d = 0; d < rp->distros.n; d++) {
		buf_puts(out, "<th scope=\"col\">");
		markup_str(out, rp->distros.v[d]);
		buf_puts(out, "</th>");
	}
	buf_puts(out, "</tr></thead>\n<tbody>\n");
	for (size_t r = 0; r < rows.n; r++) {
		buf_puts(out, "<tr><th scope=\"row\">");
		markup_str(out, rows.v[r]);
		buf_puts(out, "</th>");
		for (size_t d = 0; d < rp->distros.n; d++) {
			const struct report_job *j = find(rp, rows.v[r], rp->distros.v[d]);
			cell(j, j ? (size_t)(j - rp->jobs) : 0, out);
		}
		buf_puts(out, "</tr>\n");
	}
	buf_puts(out, "</tbody></table></div>\n");
	strv_free(&rows);
}

static void
failure(const struct report_job *j, size_t index, const char *dir, struct buf *out)
{
	char *tail = report_tail(j, TAIL_LINES);

	buf_printf(out, "<section class=\"failure\" id=\"job-%zu\"><h3 class=\"%s\"><span class=\"s\">%s</span> <span class=\"job\">",
	    index, css(j->r.status), report_status(j->r.status));
	markup_str(out, j->id);
	buf_puts(out, "</span></h3>\n<p>");
	if (j->r.reason)
		markup_str(out, j->r.reason);
	else
		buf_puts(out, j->r.status == NOT_RUN ? "no result: the job has not run" : "failed");
	if (j->r.exit_code >= 0 && j->r.status != STATUS_XPASS)
		buf_printf(out, " (exit status %d)", j->r.exit_code);
	if (j->log) {
		char *href = file_relative_to(dir, j->log);
		buf_puts(out, ". <a href=\"");
		markup_url(out, href);
		buf_puts(out, "\">The whole log</a>");
		free(href);
	}
	buf_puts(out, "</p>\n");
	if (tail && *tail) {
		buf_puts(out, "<pre>");
		markup_str(out, tail);
		buf_puts(out, "</pre>\n");
	}
	buf_puts(out, "</section>\n");
	free(tail);
}

static void
slowest(const struct report *rp, struct buf *out)
{
	const struct report_job *by[5];
	size_t n = report_slowest(rp, by, 5);

	if (n > 0)
		buf_puts(out, "<h2>Slowest</h2>\n<ol>");
	for (size_t i = 0; i < n; i++) {
		buf_printf(out, "<li><span class=\"job\">");
		markup_str(out, by[i]->id);
		buf_printf(out, "</span> %.1fs</li>", report_seconds(by[i]));
	}
	if (n > 0)
		buf_puts(out, "</ol>\n");
}

void
html_write(const struct report *rp, const char *path, struct buf *out)
{
	char *dir = file_dirname(path, 0);
	int ok = report_ok(rp), failures = 0;

	buf_printf(out, "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	    "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
	    "<title>orchgen: %s</title><style>%s</style></head>\n<body>\n",
	    ok ? "every job passed" : "some jobs failed", style);
	buf_printf(out, "<h1>%s</h1>\n", ok ? "Every job passed" : "Some jobs failed");
	buf_printf(out, "<p>%zu job%s on %zu distro%s.</p>\n", rp->njobs, rp->njobs == 1 ? "" : "s",
	    rp->distros.n, rp->distros.n == 1 ? "" : "s");
	counts(rp, out);
	matrix(rp, out);
	for (size_t i = 0; i < rp->njobs; i++) {
		if (report_status_ok(rp->jobs[i].r.status))
			continue;
		if (!failures++)
			buf_puts(out, "<h2>Failures</h2>\n");
		failure(&rp->jobs[i], i, dir, out);
	}
	slowest(rp, out);
	buf_puts(out, "</body></html>\n");
	free(dir);
}
