/* orchgen shell and orchgen exec: a fresh container of a distro's image,
 * attached to the user's terminal (or pipe), for a look around or for one
 * command. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "str.h"
#include "engine.h"
#include "matrix.h"
#include "suite.h"
#include "hash.h"
#include "key.h"
#include "layout.h"
#include "container.h"
#include "model.h"
#include "cmd.h"
#include "helper.h"
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

/* Load A's matrix, find A's distro and its image, and make a container of
 * it named and labelled WHAT. 0 or an exit status (said). */
static int
attach_open(struct attach *at, struct cmdargs *a, const char *what)
{
	char *path;
	int rc;

	memset(at, 0, sizeof(*at));
	if (!(at->d = helper_distro(&at->m, a)))
		return EXIT_USAGE;
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

/* The distro: --distro, or else the only one of the N operands before the
 * command. 0, or -1 when that is not how they were given. */
static int
take_distro(struct cmdargs *a, size_t n)
{
	if (a->distro)
		return n == 0 ? 0 : -1;
	if (n != 1)
		return -1;
	a->distro = a->rest.v[0];
	return 0;
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
	int rc = 0;

	if (!name || !*name) {
		warn("%s: no container of its was kept: set keep = failed in [project] (or -D project.keep=failed) and run it again", j->id);
		rc = EXIT_USAGE;
	} else {
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
	char *saved = NULL;
	struct model md;
	struct attach at;
	int rc;

	if (a->dashdash >= 0 || (!id && take_distro(a, a->rest.n) < 0))
		return cmd_usage(a);
	if (id && !(j = find_job(&md, a, id)))
		return EXIT_USAGE;
	rc = attach_open(&at, a, "shell");
	if (rc == 0 && j)
		rc = from_kept(&at, j, &saved);
	if (rc == 0) {
		strv_push(&at.c.command, "/bin/sh"), strv_push(&at.c.command, "-c");
		strv_push(&at.c.command, shell_command);
		rc = attach_run(&at, USE_JOB);
	}
	if (saved)
		engine_rmi(at.m.project.engine, saved);
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

	if (a->dashdash < 0 || take_distro(a, n) < 0)
		return cmd_usage(a);
	if (a->rest.n == n) {
		warn("exec %s: no command: expected orchgen exec D COMMAND [ARG]...", a->distro);
		return EXIT_USAGE;
	}
	rc = attach_open(&at, a, "exec");
	if (rc == 0) {
		user = xasprintf("%ld:%ld", (long)getuid(), (long)getgid());
		at.c.user = user;
		strv_push(&at.c.command, "/bin/sh"), strv_push(&at.c.command, "-c");
		strv_push(&at.c.command, exec_command);
		strv_push(&at.c.command, "orchgen-exec");
		for (size_t i = n; i < a->rest.n; i++)
			strv_push(&at.c.command, a->rest.v[i]);
		rc = attach_run(&at, USE_EXEC);
		free(user);
	}
	attach_close(&at);
	return rc;
}
