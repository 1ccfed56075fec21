/* The container modes: orchgen shell and orchgen exec, a fresh container
 * of a distro's image attached to the user's terminal (or pipe), for a
 * look around or for one command; orchgen up and down, one that runs on
 * detached, a service for the user to try things against. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "str.h"
#include "engine.h"
#include "file.h"
#include "matrix.h"
#include "suite.h"
#include "hash.h"
#include "key.h"
#include "layout.h"
#include "container.h"
#include "model.h"
#include "cmd.h"
#include "helper.h"
#include "engines.h"
#include "util.h"

/* Runs COMMAND ARG... inside exec's container: one line, not the init
 * process's own words, when the image has no such command. */
static const char exec_command[] =
	"command -v \"$1\" >/dev/null 2>&1 || { echo \"orchgen: $1: no such command in the image\" >&2; exit 127; }; exec \"$@\"";

/* Runs inside the shell's container: bash when the image has it, else sh. */
static const char shell_command[] = "command -v bash >/dev/null 2>&1 && exec bash; exec sh";

/* What both commands hold: the matrix, the distro, its image's tag and the
 * container. */
struct attach {
	struct matrix m;
	const struct distro *d;
	char *image;
	struct container c;
};

/* The recorded tag must still be in the engine, or `run` would try to pull
 * it: 0, EXIT_USAGE when it is gone, EXIT_ENGINE on trouble (both said). */
static int
image_present(const struct attach *at)
{
	char id[160];
	int rc = engine_image_id(at->m.project.engine, at->image, id, sizeof(id));

	if (rc == 1) {
		char *target = layout_target("image", at->d->name);
		warn("image %s of %s is gone: run `ninja %s` first", at->image, at->d->name, target);
		free(target);
	}
	return rc == 0 ? 0 : rc == 1 ? EXIT_USAGE : EXIT_ENGINE;
}

/* The engine the containers of D run on, for WHAT, in use from here on:
 * the first engine that serves D and sees this host's files, as the
 * workspace and the stages are mounted; else the local default, where
 * D's image is made (said when engines that share no files serve D).
 * NULL: the local default. */
static const struct engine *
attach_engine(const struct matrix *m, const struct distro *d, const char *what)
{
	const struct engine *e = NULL;
	struct buf names = {0};

	for (size_t i = 0; i < m->nengines && !e; i++) {
		const struct engine *x = &m->engines[i];
		if (!matrix_engine_serves(x, d->name))
			continue;
		if (x->shared)
			e = x;
		else
			buf_printf(&names, "%s%s", names.len ? ", " : "", x->name);
	}
	if (!e && names.len)
		warn("%s %s: on the local default engine, where its image is made: the engines that serve %s (%s) share no files with this host",
		    what, d->name, d->name, buf_str(&names));
	buf_free(&names);
	e = e && !matrix_engine_local(e) ? e : NULL;
	engines_use(e);
	return e;
}

/* Load A's matrix, find A's distro and its image on the engine D's
 * containers run on (brought there when it lacks it; KEPT: the local
 * default, where a kept container's engine is then chosen), and make a
 * container of it named and labelled WHAT. 0 or an exit status (said). */
static int
attach_open(struct attach *at, struct cmdargs *a, const char *what, int kept)
{
	const struct engine *e = NULL;
	char *path;
	int rc;

	memset(at, 0, sizeof(*at));
	if (!(at->d = helper_distro(&at->m, a)))
		return EXIT_USAGE;
	if (!kept)
		e = attach_engine(&at->m, at->d, what);
	path = a->image ? xstrdup(a->image) : layout_image(at->d->name);
	at->image = helper_read_recorded(path);
	if (at->image && !*at->image)
		free(at->image), at->image = NULL;
	if (!at->image) {
		char *target = layout_target("image", at->d->name);
		warn("%s: no image of %s recorded: run `ninja %s` first", path, at->d->name, target);
		free(target);
	}
	free(path);
	if (!at->image)
		return EXIT_USAGE;
	if (e && engines_image(&at->m, e, at->d, at->image, "/dev/stderr") < 0)
		return EXIT_ENGINE;
	if ((rc = image_present(at)) != 0)
		return rc;
	container_init(&at->c, &at->m, at->d, at->image, what, what);
	strv_take(&at->c.env, xasprintf("ORCHGEN_DISTRO=%s", at->d->name));
	return 0;
}

static void
attach_close(struct attach *at)
{
	container_free(&at->c);
	free(at->image);
	if (at->d)
		matrix_free(&at->m);
}

/* Mount for USE, then run attached: the command's status, or EXIT_ENGINE. */
static int
attach_run(struct attach *at, enum use use)
{
	int st;

	if (container_mount_stages(&at->c, at->d, use) < 0)
		return EXIT_ENGINE;
	st = container_attach(&at->c);
	return st < 0 ? EXIT_ENGINE : st;
}

/* The command line of exec and up, the operands of ARGS from the N-th on,
 * into COMMAND. */
static void
command_line(struct strv *command, const struct strv *args, size_t n)
{
	strv_push(command, "/bin/sh"), strv_push(command, "-c");
	strv_push(command, exec_command);
	strv_push(command, "orchgen-exec");
	for (size_t i = n; i < args->n; i++)
		strv_push(command, args->v[i]);
}

/* The distro: --distro, or else the only one of the N operands before the
 * command. 0, or EXIT_USAGE (said) when that is not how they were given. */
static int
take_distro(struct cmdargs *a, size_t n)
{
	if (a->distro && n > 0)
		return cmd_usage(a, "%s: --distro=%s names the distro, and so does \"%s\": expected one of them", a->command,
		    a->distro, a->rest.v[0]);
	if (!a->distro && n == 0)
		return cmd_usage(a, "%s needs a distro: D, or --distro=D (orchgen list shows the distros in its jobs)", a->command);
	if (!a->distro && n > 1)
		return cmd_usage(a, "%s takes one distro, got %zu: \"%s\", \"%s\"%s", a->command, n, a->rest.v[0], a->rest.v[1],
		    n > 2 ? "..." : "");
	if (!a->distro)
		a->distro = a->rest.v[0];
	return 0;
}

/* The engine other than the local default that the kept record at PATH
 * names on its second line, or NULL. */
static const struct engine *
kept_elsewhere(const struct matrix *m, const char *path)
{
	char *text = file_read(path, NULL), *nl = text ? strchr(text, '\n') : NULL;
	const struct engine *e = NULL;

	if (nl) {
		nl[1 + strcspn(nl + 1, "\n")] = '\0';
		e = engines_named(m, nl + 1);
	}
	free(text);
	return e && !matrix_engine_local(e) ? e : NULL;
}

/* The container kept after job J's last run, saved as an image, to start
 * the shell from (its filesystem as the job left it), in place of the
 * distro's image; its scripts at /.orchgen and its variables, as the job
 * had them. 0 or an exit status (said); *SAVED: the image to remove. */
static int
from_kept(struct attach *at, const struct job *j, char **saved)
{
	char *path = layout_job(JOB_KEPT, j->file), *name = helper_read_recorded(path), *run;
	struct owner owner = {at->m.project.name, key_checkout()};
	const struct engine *kept = NULL;
	int rc = 0;

	if (!name || !*name) {
		warn("%s: no container of its was kept: set keep = failed in [project] (or -D project.keep=failed) and run it again", j->id);
		rc = EXIT_USAGE;
	} else if ((kept = kept_elsewhere(&at->m, path)) && !kept->shared) {
		warn("%s: its container was kept on engine %s, which shares no files with this host: orchgen shell opens those kept on an engine that does",
		    j->id, kept->name);
		rc = EXIT_USAGE;
	} else {
		engines_use(kept);	/* where the job ran, which may not be the shell's first choice */
		*saved = xasprintf("%s-kept-%s:%lx", at->m.project.name, j->distro->name, (long)getpid());
		if (engine_commit(at->m.project.engine, name, *saved, &owner) < 0) {
			warn("%s: its kept container %s could not be saved (gone? orchgen gc removes kept containers)", j->id, name);
			free(*saved), *saved = NULL;
			rc = EXIT_ENGINE;
		}
	}
	if (rc == 0) {
		at->c.image = *saved;
		run = layout_job(JOB_RUN, j->file);
		container_mount(&at->c, run, MOUNT_RUN, 1);
		free(run);
		strv_take(&at->c.env, xasprintf("ORCHGEN_SUITE=%s", j->suite->name));
		strv_take(&at->c.env, xasprintf("ORCHGEN_VARIANT=%s", j->variant ? j->variant : ""));
		strv_take(&at->c.env, xasprintf("ORCHGEN_JOB=%s", j->id));
	}
	free(path), free(name);
	return rc;
}

/* The name of D's container that orchgen up started, while it runs; NULL
 * when none does (the record of one that ended removed, the container
 * too), or when the engine does not answer (*RC = EXIT_ENGINE, said). */
static char *
up_running(const struct matrix *m, const struct distro *d, int *rc)
{
	char *path = layout_up(d->name), *name = helper_read_recorded(path);
	int st = name && *name ? engine_running(m->project.engine, name) : 0;

	if (st < 0)
		*rc = EXIT_ENGINE;
	if (st == 0 && name) {
		if (*name)
			engine_remove(m->project.engine, name);
		unlink(path);
	}
	if (st <= 0)
		free(name), name = NULL;
	free(path);
	return name;
}

/* Shall the shell be opened in D's container NAME that orchgen up started?
 * Asked at a terminal (the default yes); elsewhere no, and said. */
static int
offer(const char *distro, const char *name)
{
	char c = 'y', answer = 0;

	if (!isatty(0) || !isatty(2)) {
		warn("%s is up (container %s); this shell is in a new container (at a terminal, orchgen shell %s offers that one)",
		    distro, name, distro);
		return 0;
	}
	fprintf(stderr, "orchgen: %s is up (container %s): open the shell in it? [Y/n] ", distro, name);
	while (read(0, &c, 1) == 1 && c != '\n') {
		if (!answer)
			answer = c;
	}
	return !answer || answer == 'y' || answer == 'Y';
}

/* orchgen shell JOB: the model, to find JOB, its distro into A. */
static const struct job *
find_job(struct model *md, struct cmdargs *a, const char *id)
{
	const struct job *j;

	if (model_load(md, &a->o) < 0)
		return NULL;
	if (!(j = model_job(md, id))) {
		warn("%s: no such job: expected distro:suite[:variant], as orchgen list prints them", id);
		model_free(md);
		return NULL;
	}
	a->distro = j->distro->name;
	return j;
}

int
cmd_shell(struct cmdargs *a)
{
	const char *id = a->rest.n == 1 && !a->distro && strchr(a->rest.v[0], ':') ? a->rest.v[0] : NULL;
	const struct job *j = NULL;
	char *saved = NULL, *up = NULL;
	struct model md;
	struct attach at;
	int rc;

	if (a->dashdash >= 0)
		return cmd_usage(a, "shell runs a shell, no command: expected no \"--\" (orchgen exec D COMMAND runs one)");
	if (!id && (rc = take_distro(a, a->rest.n)) != 0)
		return rc;
	if (id && !(j = find_job(&md, a, id)))
		return EXIT_USAGE;
	rc = attach_open(&at, a, "shell", j != NULL);
	if (rc == 0 && j)
		rc = from_kept(&at, j, &saved);
	if (rc == 0 && !j)
		up = up_running(&at.m, at.d, &rc);
	if (rc == 0) {
		strv_push(&at.c.command, "/bin/sh"), strv_push(&at.c.command, "-c");
		strv_push(&at.c.command, shell_command);
		if (up && offer(at.d->name, up))
			rc = (rc = container_exec(&at.m, up, &at.c.command)) < 0 ? EXIT_ENGINE : rc;
		else
			rc = attach_run(&at, USE_JOB);
	}
	if (saved)
		engine_rmi(at.m.project.engine, saved);
	free(up);
	attach_close(&at);
	if (j)
		model_free(&md);
	free(saved);
	return rc;
}

int
cmd_exec(struct cmdargs *a)
{
	size_t n = a->dashdash < 0 ? 0 : (size_t)a->dashdash;
	struct attach at;
	char *user;
	int rc;

	if (a->dashdash < 0 && !a->distro)
		return cmd_usage(a, "exec needs a distro and a command: expected orchgen exec D COMMAND [ARG]...");
	if ((rc = take_distro(a, n)) != 0)
		return rc;
	if (a->rest.n == n) {
		warn("exec %s: no command: expected orchgen exec D COMMAND [ARG]...", a->distro);
		return EXIT_USAGE;
	}
	rc = attach_open(&at, a, "exec", 0);
	if (rc == 0) {
		user = xasprintf("%ld:%ld", (long)getuid(), (long)getgid());
		at.c.user = user;
		command_line(&at.c.command, &a->rest, n);
		rc = attach_run(&at, USE_EXEC);
		free(user);
	}
	attach_close(&at);
	return rc;
}

/* Start D's container: the user gave a command, or none (HAS_COMMAND). */
static int
start(struct attach *at, int has_command)
{
	char *path, *line;
	int st;

	/* An image with no command of its own: a shell, that waits on stdin. */
	if (!has_command && (st = engine_image_command(at->m.project.engine, at->image)) <= 0) {
		if (st < 0)
			return EXIT_ENGINE;
		strv_push(&at->c.command, "/bin/sh");
		has_command = 1;
	}
	if (!has_command && at->m.project.workspace_mode == WORKSPACE_COPY) {
		warn("up %s: workspace-mode = copy copies the workspace in before a command runs, and the image's own cannot be wrapped: expected orchgen up %s COMMAND [ARG]...",
		    at->d->name, at->d->name);
		return EXIT_USAGE;
	}
	if (container_mount_stages(&at->c, at->d, USE_JOB) < 0)
		return EXIT_ENGINE;
	if ((st = container_start(&at->c)) != 0)
		return st < 0 ? EXIT_ENGINE : 1;
	path = layout_up(at->d->name);
	line = xasprintf("%s\n", at->c.name);
	if (file_write(path, line, strlen(line)) < 0) {
		engine_remove(at->m.project.engine, at->c.name);
		st = EXIT_ENGINE;
	} else {
		printf("%s is up: container %s; orchgen shell %s opens a shell in it, orchgen down %s stops it\n",
		    at->d->name, at->c.name, at->d->name, at->d->name);
	}
	free(path), free(line);
	return st;
}

int
cmd_up(struct cmdargs *a)
{
	size_t n = a->dashdash < 0 ? a->rest.n : (size_t)a->dashdash;
	int has_command = a->rest.n > n, rc;
	struct attach at;
	char *up = NULL;

	if ((rc = take_distro(a, n)) != 0)
		return rc;
	rc = attach_open(&at, a, "up", 0);
	if (rc == 0)
		up = up_running(&at.m, at.d, &rc);
	if (rc == 0 && up && has_command) {
		warn("%s is up already (container %s), running what it was started with: orchgen down %s first",
		    at.d->name, up, at.d->name);
		rc = EXIT_USAGE;
	} else if (rc == 0 && up) {
		printf("%s is up already: container %s\n", at.d->name, up);
	} else if (rc == 0) {
		if (has_command)
			command_line(&at.c.command, &a->rest, n);
		rc = start(&at, has_command);
	}
	free(up);
	attach_close(&at);
	return rc;
}

int
cmd_down(struct cmdargs *a)
{
	const struct distro *d;
	struct matrix m;
	char *path, *name;
	int rc = 0;

	if ((rc = take_distro(a, a->rest.n)) != 0)
		return rc;
	if (!(d = helper_distro(&m, a)))
		return EXIT_USAGE;
	attach_engine(&m, d, "down");
	path = layout_up(d->name);
	name = helper_read_recorded(path);
	if (!name || !*name) {
		printf("%s is not up\n", d->name);
	} else if (engine_running(m.project.engine, name) < 0) {
		rc = EXIT_ENGINE;
	} else {
		engine_remove(m.project.engine, name);
		unlink(path);
		printf("%s is down: removed container %s\n", d->name, name);
	}
	free(path), free(name);
	matrix_free(&m);
	return rc;
}
