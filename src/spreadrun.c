#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <regex.h>
#include "str.h"
#include "file.h"
#include "layout.h"
#include "suite.h"
#include "spread.h"
#include "spreadrun.h"
#include "driver.h"
#include "util.h"

#define S MOUNT_STATUS
#define R MOUNT_RUN

/* The section runner: spread's functions, its fixed variables, the job's,
 * SPREAD_REBOOT, then the section in its directory. Spread's own
 * definitions of MATCH and NOMATCH, and its messages; REBOOT, ERROR and
 * FATAL also leave a file in the status directory for the driver. */
static const char section_script[] =
	"set -eu\n"
	"REBOOT() { { set +xu; } 2>/dev/null; printf '%s\\n' \"${1:-}\" >" S "/reboot; [ -z \"${1:-}\" ] && echo '<REBOOT>' || echo \"<REBOOT $1>\"; exit 213; }\n"
	"ERROR() { { set +xu; } 2>/dev/null; printf '%s\\n' \"$*\" >" S "/error; [ -z \"${1:-}\" ] && echo '<ERROR>' || echo \"<ERROR $@>\"; exit 213; }\n"
	"FATAL() { { set +xu; } 2>/dev/null; printf '%s\\n' \"$*\" >" S "/error; [ -z \"${1:-}\" ] && echo '<FATAL>' || echo \"<FATAL $@>\"; exit 213; }\n"
	"MATCH() ( { set +xu; } 2> /dev/null; [ ${#@} -gt 0 ] || { echo \"error: missing regexp argument\"; return 1; }; local stdin=\"$(cat)\"; grep -q -E \"$@\" <<< \"$stdin\" || { res=$?; echo \"grep error: pattern not found, got:\n$stdin\">&2; if [ $res != 1 ]; then echo \"unexpected grep exit status: $res\"; fi; return 1; }; )\n"
	"NOMATCH() ( { set +xu; } 2> /dev/null; [ ${#@} -gt 0 ] || { echo \"error: missing regexp argument\"; return 1; }; local stdin=\"$(cat)\"; if echo \"$stdin\" | grep -q -E \"$@\"; then echo \"NOMATCH pattern='$@' found in:\n$stdin\">&2; return 1; fi; )\n"
	"export DEBIAN_FRONTEND=noninteractive\n"
	"export DEBIAN_PRIORITY=critical\n"
	"export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin\n"
	". " R "/env\n"
	"SPREAD_REBOOT=$(cat " S "/reboot-key 2>/dev/null || echo 0)\n"
	"export SPREAD_REBOOT\n"
	"case $1 in project-*) cd \"$SPREAD_PATH\" ;; *) cd \"$SPREAD_PATH/$SPREAD_TASK\" ;; esac\n"
	"trap 'echo \"$LINENO\" >" S "/line' ERR\n"
	"[ ! -f " R "/trace ] || set -x\n"
	". \"" R "/$1\" </dev/null\n";

const char spreadrun_prelude[] =
	"if [ ! -x /bin/bash ]; then\n"
	"\techo 'orchgen: the image has no /bin/bash: the scripts of a spread project run under bash'\n"
	"\toutcome='error the image has no /bin/bash, which the scripts of a spread project run under'\n"
	"\treturn 1\n"
	"fi\n"
	"sh=/bin/bash\n"
	"p=$(cat " R "/path)\n"
	"if [ ! -e " S "/copied ]; then\n"
	"\tmkdir -p \"$p\" || return 1\n"
	"\twhile IFS= read -r f; do\n"
	"\t\tmkdir -p \"$p/$(dirname \"$f\")\" && cp -a \"$(cat " R "/source)/$f\" \"$p/$f\" || return 1\n"
	"\tdone <" R "/include\n"
	"\twhile IFS= read -r f; do rm -rf \"$p/$f\"; done <" R "/exclude\n"
	"\twhile IFS= read -r f && IFS= read -r t; do\n"
	"\t\tif [ -d \"$(cat " R "/source)/$f\" ] && [ ! -L \"$(cat " R "/source)/$f\" ]; then mkdir -p \"$p/$t\"\n"
	"\t\telse mkdir -p \"$p/$(dirname \"$t\")\" && cp -a \"$(cat " R "/source)/$f\" \"$p/$t\"; fi || return 1\n"
	"\tdone <" R "/renamed\n"
	"\t: >" S "/copied\n"
	"fi\n"
	"cd \"$p/$(cat " R "/task)\" || return 1\n";

/* Sections in spread's order. A reboot asked for in a task's prepare or
 * execute ends the run ("reboot N"), for the container to restart and
 * resume at that section; elsewhere it is an error, as is ERROR or FATAL. */
const char spreadrun_sequence[] =
	"at=$(cat " S "/resume 2>/dev/null || true)\n"
	"rm -f " S "/resume " S "/reboot " S "/error\n"
	"reboot= reached=\n"
	"step() {\n"
	"\treached=\"$reached $1\"\n"
	"\tif [ -n \"$at\" ]; then [ \"$at\" = \"$1\" ] || return 0; at=; fi\n"
	"\tsection \"$1\" && return 0\n"
	"\tr=$?\n"
	"\tif [ $r -eq 213 ] && [ -f " S "/reboot ]; then\n"
	"\t\tcase $1 in prepare|execute) reboot=$1; return $r ;; esac\n"
	"\t\toutcome=\"$outcome\\nerror REBOOT in $1: a task reboots in its prepare or execute only\"\n"
	"\telif [ $r -eq 213 ] && [ -f " S "/error ]; then\n"
	"\t\tm=$(head -c 2000 " S "/error | tr -d '\\\\')\n"
	"\t\toutcome=\"$outcome\\nerror $(printf '%s' \"$m\" | tr '\\n' ' ')\"\n"
	"\tfi\n"
	"\trm -f " S "/reboot " S "/error\n"
	"\treturn $r\n"
	"}\n"
	"rc=0\n"
	"for s in project-prepare suite-prepare prepare-each prepare execute; do\n"
	"\tstep $s || { rc=$?; break; }\n"
	"done\n"
	"if [ -n \"$reboot\" ]; then\n"
	"\tn=$(( $(cat " S "/reboots 2>/dev/null || echo 0) + 1 ))\n"
	"\techo $n >" S "/reboots\n"
	"\tk=$(cat " S "/reboot); [ -n \"$k\" ] || k=$n\n"
	"\tprintf '%s\\n' \"$k\" >" S "/reboot-key\n"
	"\techo \"$reboot\" >" S "/resume\n"
	"\trm -f " S "/reboot\n"
	"\toutcome=\"reboot $n\"\n"
	"\treturn 213\n"
	"fi\n"
	"if [ $rc -ne 0 ]; then\n"
	"\tcase $s in project-prepare) section project-debug ;; suite-prepare) section suite-debug ;; *) section debug ;; esac\n"
	"fi\n"
	"collect\n"
	"for s in restore restore-each suite-restore project-restore; do\n"
	"\tcase $s:$reached in\n"
	"\trestore*:*prepare-each*|suite-restore:*suite-prepare*|project-restore:*) step $s || { r=$?; [ $rc -ne 0 ] || rc=$r; } ;;\n"
	"\tesac\n"
	"done\n"
	"return $rc\n";

/* Does NAME (a path of the project) match an exclude PATTERN as tar's
 * --exclude matches: the whole name or any tail after a '/', '*' also
 * matching '/'? */
static int
excluded(const struct strv *patterns, const char *name)
{
	for (size_t i = 0; i < patterns->n; i++) {
		for (const char *p = name; p; p = strchr(p, '/') ? strchr(p, '/') + 1 : NULL) {
			if (fnmatch(patterns->v[i], p, 0) == 0)
				return 1;
		}
	}
	return 0;
}

/* REL's pair for the copy with `rename`: REL, and the name the copy
 * gives it (relative, without ".."; none: left out). */
static void
renamed(const struct spread *sp, const char *rel, struct buf *out)
{
	char *to = spread_rename(sp, rel), *clean = file_clean(to, 1);

	if (*clean && strcmp(clean, "..") && strncmp(clean, "../", 3) && !strchr(clean, '\n'))
		buf_printf(out, "%s\n%s\n", rel, clean);
	free(to), free(clean);
}

/* Below DIR (ROOT/REL), what is excluded, as paths relative to ROOT;
 * with RENAMED, instead, the pair of each path not excluded. */
static void
walk_excluded(const struct spread *sp, const char *rel, struct buf *out, struct buf *pairs)
{
	const char *root = sp->root;
	const struct strv *patterns = &sp->exclude;
	char *dir = strcmp(root, ".") ? xasprintf("%s/%s", root, rel) : xstrdup(rel);
	DIR *d = opendir(dir);
	struct dirent *e;

	free(dir);
	if (!d)
		return;
	while ((e = readdir(d))) {
		char *sub, *path;
		struct stat st;
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		sub = xasprintf("%s/%s", rel, e->d_name);
		path = strcmp(root, ".") ? xasprintf("%s/%s", root, sub) : xstrdup(sub);
		if (excluded(patterns, sub)) {
			if (!pairs)
				buf_printf(out, "%s\n", sub);
		} else {
			if (pairs)
				renamed(sp, sub, pairs);
			if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
				walk_excluded(sp, sub, out, pairs);
		}
		free(sub), free(path);
	}
	closedir(d);
}

/* What is copied: spread.yaml's include, or every entry of the project
 * but orchgen's own state; and what is then removed: what its exclude
 * matches. With `rename`, instead, each path copied and its new name,
 * in PAIRS. Names with a newline cannot be listed: left out. */
static void
copy_lists(const struct spread *sp, struct buf *include, struct buf *exclude, struct buf *pairs)
{
	struct strv names = {0};

	if (sp->include.n) {
		for (size_t i = 0; i < sp->include.n; i++)
			strv_push(&names, sp->include.v[i]);
	} else {
		DIR *d = opendir(sp->root);
		struct dirent *e;
		while (d && (e = readdir(d))) {
			int own = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") || !strncmp(e->d_name, ".spread-reuse.", 14);
			for (const char *const *o = layout_own_state; *o; o++)
				own |= !strcmp(*o, e->d_name);
			if (!own)
				strv_push(&names, e->d_name);
		}
		if (d)
			closedir(d);
		strv_sort(&names);
	}
	for (size_t i = 0; i < names.n; i++) {
		char *clean = file_clean(names.v[i], 1);
		if (*clean && strncmp(clean, "../", 3) && strcmp(clean, "..") && !strchr(clean, '\n')) {
			if (excluded(&sp->exclude, clean)) {
				free(clean);
				continue;
			}
			if (sp->nrenames) {
				renamed(sp, clean, pairs);
				walk_excluded(sp, clean, exclude, pairs);
			} else {
				buf_printf(include, "%s\n", clean);
				if (sp->exclude.n)
					walk_excluded(sp, clean, exclude, NULL);
			}
		}
		free(clean);
	}
	strv_free(&names);
}

int
spreadrun_reset(const char *run)
{
	static const char *const files[] = {"copied", "reboots", "reboot-key", "resume", "reboot", "error", NULL};
	char *status = layout_status(run);
	int rc = 0;

	for (const char *const *f = files; *f; f++)
		rc |= file_put(status, *f, NULL);
	free(status);
	return rc;
}

int
spreadrun_write(const char *run, const struct spread *sp, const struct spread_job *j, const char *variant)
{
	struct strv env = {0}, scripts = {0};
	struct buf text = {0}, include = {0}, exclude = {0}, pairs = {0};
	char *path = xasprintf("%s\n", sp->remote), *task = xasprintf("%s\n", j->task->name);
	char *source = strcmp(sp->root, ".") ? xasprintf(MOUNT_WORKSPACE "/%s\n", sp->root) : xstrdup(MOUNT_WORKSPACE "\n");
	int rc = 0;

	spread_env(sp, j, variant, &env);
	suite_env_export(&env, &text);
	copy_lists(sp, &include, &exclude, &pairs);
	rc |= file_put(run, "env", buf_str(&text));
	rc |= file_put(run, "section", section_script);
	rc |= file_put(run, "path", path);
	rc |= file_put(run, "task", task);
	rc |= file_put(run, "source", source);
	rc |= file_put(run, "include", buf_str(&include));
	rc |= file_put(run, "exclude", buf_str(&exclude));
	rc |= file_put(run, "renamed", buf_str(&pairs));
	spread_scripts(sp, j, &scripts);
	for (size_t i = 0; i + 1 < scripts.n; i += 2)
		rc |= file_put(run, scripts.v[i], scripts.v[i + 1]);
	strv_free(&env), strv_free(&scripts);
	buf_free(&text), buf_free(&include), buf_free(&exclude), buf_free(&pairs);
	free(path), free(task), free(source);
	return rc ? -1 : 0;
}
