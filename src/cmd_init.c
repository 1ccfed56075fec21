/* orchgen init: a new project from the templates compiled in: orchgen.ini
 * with one distro, a Dockerfile on BASE_IMAGE, one suite, each with
 * comments that teach its keys. Nothing that is there is overwritten:
 * a file there already is kept (a .gitignore gets the lines it lacks), so
 * that init works in a repository of its own; a project there already is
 * refused. */
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
	char *real = realpath(dir, NULL), *name;	/* "." names the directory it is */
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

/* Add to the .gitignore at PATH the lines of TEXT it lacks (comments
 * aside): 1 when it added some, 0 when it had them all, -1 (warned). */
static int
gitignore_add(const char *path, const char *text)
{
	char *old = file_read(path, NULL), *lines = xstrdup(text), *have;
	struct buf b = {0};
	int added = 0, rc;

	if (!old) {
		warn("%s:", path);
		free(lines);
		return -1;
	}
	have = xasprintf("\n%s\n", old);	/* each line between newlines */
	buf_puts(&b, old);
	for (char *l = strtok(lines, "\n"); l; l = strtok(NULL, "\n")) {
		char *want = xasprintf("\n%s\n", l);
		if (*l != '#' && !strstr(have, want)) {
			if (b.len > 0 && b.s[b.len - 1] != '\n')
				buf_putc(&b, '\n');
			buf_printf(&b, "%s\n", l);
			added = 1;
		}
		free(want);
	}
	rc = added && file_write(path, b.s, b.len) < 0 ? -1 : added;
	free(old), free(lines), free(have);
	buf_free(&b);
	return rc;
}

/* Write template T into DIR, unless its file is there: then kept (and a
 * .gitignore given the lines it lacks). 0 or EXIT_ENGINE (warned). */
static int
put(const char *dir, const struct tmpl_file *t, const char *name)
{
	char *path = in(dir, t->path), *text = fill(t->text, name);
	int rc = 0, st;

	if (access(path, F_OK) != 0) {
		rc = file_write(path, text, strlen(text)) < 0 ? EXIT_ENGINE : 0;
		if (rc == 0)
			printf("created %s\n", path);
	} else if (!strcmp(t->path, ".gitignore")) {
		if ((st = gitignore_add(path, text)) < 0)
			rc = EXIT_ENGINE;
		else if (st > 0)
			printf("added orchgen's files to %s\n", path);
		else
			printf("kept %s: it ignores orchgen's files already\n", path);
	} else {
		printf("kept %s, there already\n", path);
	}
	free(path), free(text);
	return rc;
}

int
cmd_init(struct cmdargs *a)
{
	const char *dir = a->rest.n ? a->rest.v[0] : ".";
	char *name, *ini;
	int rc = 0;

	if (a->rest.n > 1)
		return cmd_usage(a, "init takes one DIR at most, got %zu: \"%s\", \"%s\"%s", a->rest.n, a->rest.v[0], a->rest.v[1],
		    a->rest.n > 2 ? "..." : "");
	ini = in(dir, "orchgen.ini");
	if (access(ini, F_OK) == 0) {
		warn("%s is there already: %s is a project (orchgen init makes a new one, and overwrites nothing)",
		    ini, strcmp(dir, ".") ? dir : "this directory");
		free(ini);
		return EXIT_USAGE;
	}
	free(ini);
	if (file_mkdirs(dir) < 0)
		return EXIT_ENGINE;
	name = project_name(dir);
	for (const struct tmpl_file *t = tmpl_init; rc == 0 && t->path; t++)
		rc = put(dir, t, name);
	if (rc == 0) {
		/* Where the user is: -C's directory, then DIR below it. */
		char *there = a->from && strcmp(dir, ".") && dir[0] != '/' ? str_join(a->from, "/", dir, NULL)
		    : xstrdup(strcmp(dir, ".") ? dir : a->from ? a->from : ".");
		struct buf cd = {0};
		if (strcmp(there, ".")) {
			buf_puts(&cd, "cd ");
			buf_shell_word(&cd, there);
			buf_puts(&cd, " && ");
		}
		printf("project %s: next, %sorchgen && ninja\n", name, buf_str(&cd));
		free(there), buf_free(&cd);
	}
	free(name);
	return rc;
}
