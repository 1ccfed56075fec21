#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "str.h"
#include "file.h"
#include "layout.h"
#include "driver.h"
#include "util.h"

/* The status file, as the container and the host name it. */
#define EXIT_FILE "exit"

/* One stream: the engine keeps stdout and stderr apart, and would lose
 * their order (a failure's message before its section's mark). */
static const char prologue[] =
	"exec 2>&1\n"
	"sh=sh; command -v bash >/dev/null 2>&1 && sh=bash\n"
	"outcome=\n"
	": >" MOUNT_STATUS "/line\n"
	"body() {\n";
static const char epilogue[] =
	"}\n"
	"body; rc=$?\n"
	"case $outcome in skip*) ;; *) outcome=\"$rc${outcome:+\n}$outcome\" ;; esac\n"
	"printf '%b\\n' \"$outcome\" >" MOUNT_STATUS "/" EXIT_FILE "\n"
	"exit $rc\n";

const char driver_section[] =
	"failed= line=\n"
	"section() {\n"
	"\t[ -f \"" MOUNT_RUN "/$1\" ] || return 0\n"
	"\techo \"" DRIVER_MARK "$1\"\n"
	"\tx=; [ ! -f " MOUNT_RUN "/trace ] || x=-x\n"
	"\t$sh -e $x " MOUNT_RUN "/section \"$1\" && return 0\n"
	"\tr=$?\n"
	"\tif [ -z \"$failed\" ]; then\n"
	"\t\tfailed=$1 line=$(cat " MOUNT_STATUS "/line 2>/dev/null)\n"
	"\t\toutcome=\"phase $failed${line:+\n}${line:+line $line}\"\n"
	"\tfi\n"
	"\treturn $r\n"
	"}\n";

/* Runs a section: bash's ERR trap says where a script failed ($LINENO is
 * the line of the file it sourced). */
const char driver_section_script[] =
	"[ -z \"$BASH_VERSION\" ] || trap 'echo \"$LINENO\" >" MOUNT_STATUS "/line' ERR\n"
	". " MOUNT_RUN "/env\n"
	". \"" MOUNT_RUN "/$1\"\n";

int
driver_write(const char *run, const char *body)
{
	struct buf b = {0};
	char *path = xasprintf("%s/run", run), *status = layout_status(run);
	char *exit_file = xasprintf("%s/" EXIT_FILE, status);
	int rc;

	buf_puts(&b, prologue);
	buf_puts(&b, body);
	if (b.len && b.s[b.len - 1] != '\n')
		buf_putc(&b, '\n');
	buf_puts(&b, epilogue);
	rc = file_write(path, b.s, b.len);
	/* Writable by whichever user the image runs as. */
	if (rc == 0 && (file_mkdirs(status) < 0 || chmod(status, 0777) != 0))
		rc = -1, warn("chmod %s:", status);
	if (rc == 0 && unlink(exit_file) != 0 && errno != ENOENT)
		rc = -1, warn("remove %s:", exit_file);
	buf_free(&b);
	free(path), free(status), free(exit_file);
	return rc;
}

int
driver_forget(const char *run)
{
	char *status = layout_status(run), *exit_file = xasprintf("%s/" EXIT_FILE, status);
	int rc = 0;

	if (unlink(exit_file) != 0 && errno != ENOENT)
		rc = -1, warn("remove %s:", exit_file);
	free(status), free(exit_file);
	return rc;
}

void
driver_command(struct strv *argv)
{
	strv_push(argv, "/bin/sh");
	strv_push(argv, MOUNT_RUN "/run");
}

char *
driver_outcome(const char *run)
{
	char *status = layout_status(run), *path = xasprintf("%s/" EXIT_FILE, status);
	char *s = file_read(path, NULL);

	free(status), free(path);
	if (!s)
		return NULL;
	if (!*s || s[strlen(s) - 1] != '\n') {	/* cut short while writing it */
		free(s);
		return NULL;
	}
	return s;
}

char *
driver_field(const char *outcome, const char *name)
{
	size_t n = strlen(name);

	for (const char *l = outcome; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
		if (!strncmp(l, name, n) && l[n] == ' ')
			return xstrndup(l + n + 1, strcspn(l + n + 1, "\n"));
	}
	return NULL;
}

int
driver_status(const char *outcome)
{
	char *end;
	long n = strtol(outcome, &end, 10);

	if (end != outcome && (!*end || *end == '\n') && n >= 0 && n <= 255)
		return (int)n;
	return !strncmp(outcome, "skip ", 5) ? 0 : -1;
}
