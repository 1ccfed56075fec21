/* orchgen init: a new project from the templates compiled in: orchgen.ini
 * with one distro, a Dockerfile on BASE_IMAGE, one suite, each with
 * comments that teach its keys. Nothing that is there is overwritten. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "str.h"
#include "file.h"
#include "matrix.h"
#include "model.h"
#include "cmd.h"
#include "util.h"

extern const struct tmpl_file {
	const char *path, *text;
} tmpl_init[];

/* A project name from DIR's name: lowercase, runs of other characters a
 * '-', as image names want it; "project" when nothing is left. */
static char *
project_name(const char *dir)
{
	char *real = file_resolve(dir), *name;
	const char *base;
	size_t n = 0;

	base = real && strrchr(real, '/') ? strrchr(real, '/') + 1 : dir;
	name = xmalloc(strlen(base) + 1);
	for (const char *p = base; *p && n < 64; p++) {
		if (isalnum((unsigned char)*p))
			name[n++] = (char)tolower((unsigned char)*p);
		else if (n > 0 && name[n - 1] != '-')
			name[n++] = '-';
	}
	while (n > 0 && name[n - 1] == '-')
		n--;
	name[n] = '\0';
	free(real);
	if (!name_valid(name)) {
		free(name);
		name = xstrdup("project");
	}
	return name;
}

/* TEXT with @NAME@ as NAME. */
static char *
fill(const char *text, const char *name)
{
	struct buf b = {0};
	const char *at;

	while ((at = strstr(text, "@NAME@"))) {
		buf_putn(&b, text, (size_t)(at - text));
		buf_puts(&b, name);
		text = at + 6;
	}
	buf_puts(&b, text);
	return b.s;
}

/* PATH in DIR, as a person would write it. */
static char *
in(const char *dir, const char *path)
{
	return strcmp(dir, ".") ? xasprintf("%s/%s", dir, path) : xstrdup(path);
}

int
cmd_init(struct cmdargs *a)
{
	const char *dir = a->rest.n ? a->rest.v[0] : ".";
	char *name, *path;
	int rc = 0;

	if (a->rest.n > 1)
		return cmd_usage(a);
	for (const struct tmpl_file *t = tmpl_init; t->path; t++) {
		path = in(dir, t->path);
		if (access(path, F_OK) == 0) {
			warn("%s is there already: orchgen init makes a new project and overwrites nothing", path);
			rc = EXIT_USAGE;
		}
		free(path);
	}
	if (rc || file_mkdirs(dir) < 0)
		return rc ? rc : EXIT_ENGINE;
	name = project_name(dir);
	for (const struct tmpl_file *t = tmpl_init; rc == 0 && t->path; t++) {
		char *text = fill(t->text, name);
		path = in(dir, t->path);
		if (file_write(path, text, strlen(text)) < 0)
			rc = EXIT_ENGINE;
		else
			printf("created %s\n", path);
		free(path), free(text);
	}
	if (rc == 0)
		printf("project %s: next, %s%s%sorchgen && ninja\n", name, strcmp(dir, ".") ? "cd " : "",
		    strcmp(dir, ".") ? dir : "", strcmp(dir, ".") ? " && " : "");
	free(name);
	return rc;
}
