#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "str.h"
#include "api.h"
#include "engine.h"
#include "proc.h"
#include "util.h"

/* Where this process's client commands go (engine_target). */
static struct target target;

void
engine_target(const struct target *t)
{
	target = t ? *t : (struct target){0};
}

/* The client ENGINE and the options that take it to target T. */
static void
client_to(struct strv *argv, const char *engine, const struct target *t)
{
	strv_push(argv, engine);
	if (t->host)
		strv_push(argv, "-H"), strv_push(argv, t->host);
	if (t->tlsverify)
		strv_push(argv, "--tlsverify");
	if (t->tlscacert)
		strv_push(argv, "--tlscacert"), strv_push(argv, t->tlscacert);
	if (t->tlscert)
		strv_push(argv, "--tlscert"), strv_push(argv, t->tlscert);
	if (t->tlskey)
		strv_push(argv, "--tlskey"), strv_push(argv, t->tlskey);
}

static void
client(struct strv *argv, const char *engine)
{
	client_to(argv, engine, &target);
}

/* The client could not talk to a daemon, as opposed to "no such image". */
static int
no_daemon(const char *err)
{
	return strstr(err, "Cannot connect") || strstr(err, "daemon running")
	    || strstr(err, "connection refused") || strstr(err, "not installed")
	    || strstr(err, "error during connect") || strstr(err, "unexpected EOF");
}

void
engine_trouble(const char *engine, const char *err)
{
	const char *line = strstr(err, "Error") ? strstr(err, "Error") : strstr(err, "Cannot connect") ? strstr(err, "Cannot connect") : err;
	size_t n = strcspn(line, "\n");

	if (!no_daemon(err)) {
		warn("%s failed: %.*s", engine, (int)n, line);
		return;
	}
	if (target.name) {
		warn("engine %s does not answer: %.*s", target.name, (int)n, line);
		return;
	}
	warn("the %s engine does not answer: %.*s", engine, (int)n, line);
	warn("start one (as root: `dockerd &`, or `systemctl start docker`) and run ninja again");
}

/* One field KEY=VALUE of a --mount option, which docker reads as CSV:
 * quoted when VALUE holds a comma or a quote, so that no value adds
 * options of its own. */
static void
mount_field(struct buf *b, const char *key, const char *value)
{
	if (!strpbrk(value, ",\"")) {
		buf_printf(b, ",%s=%s", key, value);
		return;
	}
	buf_printf(b, ",\"%s=", key);
	for (const char *p = value; *p; p++) {
		if (*p == '"')
			buf_putc(b, '"');
		buf_putc(b, *p);
	}
	buf_putc(b, '"');
}

/* M as a --mount option: a bind of its host path, or its volume (VOLUME). */
static char *
mount_arg(const struct mount *m, int volume)
{
	struct buf b = {0};

	buf_puts(&b, volume ? "type=volume" : "type=bind");
	mount_field(&b, "src", volume ? m->volume : m->src);
	mount_field(&b, "dst", m->dst);
	if (m->readonly)
		buf_puts(&b, ",readonly");
	return b.s;
}

/* FLAG PREFIXorchgen.project=P, and the checkout's likewise, appended to ARGV. */
static void
labels(struct strv *argv, const char *flag, const char *prefix, const struct owner *o)
{
	strv_push(argv, flag), strv_take(argv, xasprintf("%sorchgen.project=%s", prefix, o->project));
	strv_push(argv, flag), strv_take(argv, xasprintf("%sorchgen.checkout=%s", prefix, o->checkout));
}

/* FORMAT of image REF into OUT (size N), its first line: 0, 1 no such
 * image, -1 the engine did not answer (explained). */
static int
image_field(const char *engine, const char *ref, const char *format, char *out, size_t n)
{
	struct strv argv = {0};
	struct buf o = {0}, err = {0};
	int rc, st;

	client(&argv, engine);
	strv_push(&argv, "image"), strv_push(&argv, "inspect");
	strv_push(&argv, "--format"), strv_push(&argv, format);
	strv_push(&argv, ref);
	st = proc_run(&argv, &o, &err);
	if (st == 0) {
		snprintf(out, n, "%.*s", (int)strcspn(buf_str(&o), "\n"), buf_str(&o));
		rc = 0;
	} else if (st > 0 && st != 127 && !no_daemon(buf_str(&err))) {
		rc = 1;
	} else {
		engine_trouble(engine, st == 127 ? "its client is not installed" : buf_str(&err));
		rc = -1;
	}
	strv_free(&argv);
	buf_free(&o), buf_free(&err);
	return rc;
}

int
engine_image_id(const char *engine, const char *ref, char *id, size_t n)
{
	return image_field(engine, ref, "{{.Id}}", id, n);
}

/* REF in the short form an image listing shows it: without the default
 * registry's and the local prefixes, with ":latest" when it names no tag
 * and no digest. A new string. */
static char *
familiar(const char *ref)
{
	static const char *const prefixes[] = {"docker.io/library/", "docker.io/", "index.docker.io/library/",
	    "index.docker.io/", "localhost/", NULL};
	const char *slash;

	for (const char *const *p = prefixes; *p; p++) {
		if (!strncmp(ref, *p, strlen(*p))) {
			ref += strlen(*p);
			break;
		}
	}
	slash = strrchr(ref, '/');
	if (!strchr(ref, '@') && !strchr(slash ? slash : ref, ':'))
		return str_join(ref, ":latest", NULL);
	return xstrdup(ref);
}

/* The names on LINE ("ID NAME:TAG NAME@DIGEST..."), each in its familiar
 * form followed by the ID, appended to PAIRS. */
static void
listed_names(const char *line, struct strv *pairs)
{
	size_t idlen = strcspn(line, " ");

	for (const char *p = line + idlen; *(p += strspn(p, " "));) {
		size_t n = strcspn(p, " ");
		char *name = xstrndup(p, n);
		strv_take(pairs, familiar(name));
		strv_take(pairs, xstrndup(line, idlen));
		free(name);
		p += n;
	}
}

/* Is ENGINE, as the commands go now, Docker behind the local socket that
 * api.c asks directly (no engine of another host chosen)? */
static int
on_socket(const char *engine)
{
	return !strcmp(engine, "docker") && !target.host;
}

/* The engine's images as lines "ID NAME...": asked of Docker's socket
 * directly when the client would ask it (its start alone costs more than
 * the answer), else of the client. 0, or -1 (explained). */
static int
image_lines(const char *engine, struct strv *lines)
{
	struct strv argv = {0};
	struct buf o = {0}, err = {0};
	int st;

	if (on_socket(engine) && api_get("/images/json", &o, NULL, 30) == 200
	    && api_image_lines(buf_str(&o), lines) == 0) {
		buf_free(&o);
		return 0;
	}
	strv_free(lines);
	o.len = 0;
	buf_free(&o);
	strv_push(&argv, engine);
	strv_push(&argv, "image"), strv_push(&argv, "ls"), strv_push(&argv, "--no-trunc");
	strv_push(&argv, "--format"), strv_push(&argv, "{{.ID}} {{.Repository}}:{{.Tag}} {{.Repository}}@{{.Digest}}");
	st = proc_run(&argv, &o, &err);
	strv_free(&argv);
	if (st != 0)
		engine_trouble(engine, st == 127 ? "its client is not installed" : buf_str(&err));
	for (const char *p = buf_str(&o); st == 0 && *p; p += strcspn(p, "\n"), p += *p == '\n')
		strv_take(lines, xstrndup(p, strcspn(p, "\n")));
	buf_free(&o), buf_free(&err);
	return st == 0 ? 0 : -1;
}

int
engine_image_ids(const char *engine, const char *const *refs, size_t n, char **ids)
{
	struct strv lines = {0}, pairs = {0};

	memset(ids, 0, n * sizeof(*ids));
	if (n == 0)
		return 0;
	if (image_lines(engine, &lines) < 0)
		return -1;
	for (size_t k = 0; k < lines.n; k++)
		listed_names(lines.v[k], &pairs);
	for (size_t i = 0; i < n; i++) {
		char *want = familiar(refs[i]);
		for (size_t k = 0; !ids[i] && k + 1 < pairs.n; k += 2) {
			if (!strcmp(pairs.v[k], want))
				ids[i] = xstrdup(pairs.v[k + 1]);
		}
		free(want);
	}
	strv_free(&lines), strv_free(&pairs);
	return 0;
}

char *
engine_watch_id(const char *engine)
{
	return on_socket(engine) ? api_socket_id() : NULL;
}

int
engine_quiet_since(const char *engine, const char *since)
{
	struct buf body = {0};
	struct timespec now;
	time_t date = 0;
	char *path;
	int st, rc = -1;

	if (!on_socket(engine) || clock_gettime(CLOCK_REALTIME, &now) != 0)
		return -1;
	/* until: now, by this host's clock, which the engine behind a local
	 * socket shares; the answer's date says whether it does (an engine
	 * whose clock is ahead answers at once and would miss what it did
	 * in the difference; one behind holds the answer until then: 2 s at
	 * most). */
	path = xasprintf("/events?since=%s&until=%lld.%09ld", since, (long long)now.tv_sec, now.tv_nsec);
	st = api_get(path, &body, &date, 2);
	if (st == 200 && date && llabs((long long)date - (long long)now.tv_sec) <= 1)
		rc = api_events_quiet(buf_str(&body));
	free(path), buf_free(&body);
	return rc;
}

int
engine_image_command(const char *engine, const char *ref)
{
	char n[64];
	int rc = image_field(engine, ref, "{{len .Config.Entrypoint}}{{len .Config.Cmd}}", n, sizeof(n));

	return rc == 0 ? strcmp(n, "00") != 0 : rc == 1 ? 0 : -1;
}

/* Run a client command with output to LOGFD; tell a failure from trouble
 * by asking the engine a cheap question afterwards. */
static int
logged(const char *engine, struct strv *argv, int logfd)
{
	pid_t pid = proc_start(argv, logfd);
	int st = pid < 0 ? -1 : proc_wait(pid, -1);
	char id[16];

	strv_free(argv);
	if (st == 0)
		return 0;
	if (st < 0 || engine_image_id(engine, "orchgen-probe/none", id, sizeof(id)) < 0)
		return -1;
	return 1;
}

/* ENGINE's words in AP, up to NULL, as an argument vector. */
static void
words(struct strv *argv, const char *engine, va_list ap)
{
	const char *w;

	client(argv, engine);
	while ((w = va_arg(ap, const char *)))
		strv_push(argv, w);
}

/* logged() of ENGINE's words up to NULL. */
static int
logged_words(const char *engine, int logfd, ...)
{
	struct strv argv = {0};
	va_list ap;

	va_start(ap, logfd);
	words(&argv, engine, ap);
	va_end(ap);
	return logged(engine, &argv, logfd);
}

/* ENGINE's words up to NULL, run with their output discarded: 0, or -1
 * (the engine's message on stderr). */
static int
quiet_words(const char *engine, ...)
{
	struct strv argv = {0};
	va_list ap;
	int st;

	va_start(ap, engine);
	words(&argv, engine, ap);
	va_end(ap);
	st = proc_run(&argv, NULL, NULL);
	strv_free(&argv);
	return st == 0 ? 0 : -1;
}

int
engine_pull(const char *engine, const char *ref, int logfd)
{
	return logged_words(engine, logfd, "pull", ref, NULL);
}

int
engine_absent(const char *err)
{
	return strstr(err, "manifest unknown") || strstr(err, "not found") || strstr(err, "does not exist");
}

int
engine_push(const char *engine, const char *ref, int logfd)
{
	return logged_words(engine, logfd, "push", ref, NULL);
}

int
engine_save(const char *engine, const char *tag, const char *path, int logfd)
{
	return logged_words(engine, logfd, "save", "-o", path, tag, NULL);
}

int
engine_load(const char *engine, const char *path, int logfd)
{
	return logged_words(engine, logfd, "load", "-i", path, NULL);
}

int
engine_build(const struct build_spec *b, int logfd)
{
	struct strv argv = {0};

	client(&argv, b->engine);
	strv_push(&argv, "build");
	strv_push(&argv, "-f"), strv_push(&argv, b->dockerfile);
	strv_push(&argv, "-t"), strv_push(&argv, b->tag);
	if (b->no_cache)
		strv_push(&argv, "--no-cache");
	labels(&argv, "--label", "", &b->owner);
	strv_push(&argv, "--build-arg"), strv_take(&argv, xasprintf("BASE_IMAGE=%s", b->base));
	for (size_t i = 0; i < b->build_args->n; i++)
		strv_push(&argv, "--build-arg"), strv_push(&argv, b->build_args->v[i]);
	strv_push(&argv, b->context);
	return logged(b->engine, &argv, logfd);
}

int
engine_import(const char *engine, const char *tar, const char *tag, const struct owner *owner, int logfd)
{
	struct strv argv = {0};

	client(&argv, engine);
	strv_push(&argv, "import");
	labels(&argv, "--change", "LABEL ", owner);
	strv_push(&argv, tar), strv_push(&argv, tag);
	return logged(engine, &argv, logfd);
}

void
engine_run_argv(const struct run_spec *r, struct strv *argv)
{
	client(argv, r->engine);
	strv_push(argv, r->create ? "create" : "run");
	if (!r->keep && !r->create)
		strv_push(argv, "--rm");
	strv_push(argv, "--init");
	if (r->interactive & ENGINE_DETACH)
		strv_push(argv, "-d");
	if (r->interactive & ENGINE_STDIN)
		strv_push(argv, "-i");
	if (r->interactive & ENGINE_TTY)
		strv_push(argv, "-t");
	strv_push(argv, "--name"), strv_push(argv, r->name);
	labels(argv, "--label", "", &r->owner);
	strv_push(argv, "--label"), strv_take(argv, xasprintf("orchgen.job=%s", r->job));
	for (size_t i = 0; i < r->nmounts; i++) {
		if (!r->volumes || r->mounts[i].volume)
			strv_push(argv, "--mount"), strv_take(argv, mount_arg(&r->mounts[i], r->volumes));
	}
	if (r->workdir)
		strv_push(argv, "-w"), strv_push(argv, r->workdir);
	if (r->user)
		strv_push(argv, "--user"), strv_push(argv, r->user);
	for (size_t i = 0; r->env && i < r->env->n; i++)
		strv_push(argv, "-e"), strv_push(argv, r->env->v[i]);
	for (size_t i = 0; r->pass && i < r->pass->n; i++)
		strv_push(argv, "-e"), strv_push(argv, r->pass->v[i]);
	strv_push(argv, r->image);
	for (size_t i = 0; i < r->command->n; i++)
		strv_push(argv, r->command->v[i]);
}

void
engine_exec_argv(const char *engine, const char *name, int interactive, const struct strv *command, struct strv *argv)
{
	client(argv, engine);
	strv_push(argv, "exec");
	if (interactive & ENGINE_STDIN)
		strv_push(argv, "-i");
	if (interactive & ENGINE_TTY)
		strv_push(argv, "-t");
	strv_push(argv, name);
	for (size_t i = 0; i < command->n; i++)
		strv_push(argv, command->v[i]);
}

void
engine_start_argv(const char *engine, const char *name, struct strv *argv)
{
	client(argv, engine);
	strv_push(argv, "start"), strv_push(argv, "-a"), strv_push(argv, name);
}

int
engine_cp(const char *engine, const char *from, const char *to, int logfd)
{
	struct strv argv = {0};
	int st;

	client(&argv, engine);
	strv_push(&argv, "cp"), strv_push(&argv, from), strv_push(&argv, to);
	st = proc_call_argv(logfd, &argv);
	strv_free(&argv);
	return st == 0 ? 0 : -1;
}

int
engine_cp_except(const char *engine, const char *from, const char *container, const char *name,
    const char *except, int logfd)
{
	struct strv tar = {0}, cp = {0};
	int st;

	/* Members ./X named NAME/X (hard link targets too, never a symbolic
	 * link's target), unpacked at the root. */
	strv_push(&tar, "tar"), strv_push(&tar, "-C"), strv_push(&tar, from);
	strv_push(&tar, "--anchored"), strv_take(&tar, str_join("--exclude=./", except, NULL));
	strv_take(&tar, str_join("--transform=s,^\\.,", name, ",S", NULL));
	strv_push(&tar, "-cf"), strv_push(&tar, "-"), strv_push(&tar, ".");
	client(&cp, engine);
	strv_push(&cp, "cp"), strv_push(&cp, "-"), strv_take(&cp, str_join(container, ":/", NULL));
	st = proc_pipe(&tar, &cp, logfd);
	strv_free(&tar), strv_free(&cp);
	return st == 0 ? 0 : -1;
}

int
engine_answers(const char *engine)
{
	struct strv argv = {0};
	struct buf out = {0}, err = {0};
	int st;

	client(&argv, engine);
	strv_push(&argv, "version"), strv_push(&argv, "--format"), strv_push(&argv, "{{.Server.Version}}");
	st = proc_run(&argv, &out, &err);
	if (st != 0)
		engine_trouble(engine, st == 127 ? "its client is not installed" : buf_str(&err));
	strv_free(&argv);
	buf_free(&out), buf_free(&err);
	return st == 0 ? 0 : -1;
}

int
engine_stream(const char *engine, const char *ref, const struct target *from, const struct target *to, int logfd)
{
	struct strv save = {0}, load = {0};
	int st;

	client_to(&save, engine, from);
	strv_push(&save, "save"), strv_push(&save, ref);
	client_to(&load, engine, to);
	strv_push(&load, "load");
	st = proc_pipe(&save, &load, logfd);
	strv_free(&save), strv_free(&load);
	return st == 0 ? 0 : -1;
}

/* FORMAT of container NAME into OUT: the client's exit status (0 when it
 * answered), its message in ERR (may be NULL). */
static int
container_field(const char *engine, const char *name, const char *format, struct buf *out, struct buf *err)
{
	struct strv argv = {0};
	int st;

	client(&argv, engine);
	strv_push(&argv, "container"), strv_push(&argv, "inspect");
	strv_push(&argv, "--format"), strv_push(&argv, format);
	strv_push(&argv, name);
	st = proc_run(&argv, out, err);
	strv_free(&argv);
	return st;
}

int
engine_running(const char *engine, const char *name)
{
	struct buf out = {0}, err = {0};
	int st = container_field(engine, name, "{{.State.Running}}", &out, &err), rc;

	if (st == 0)
		rc = !strncmp(buf_str(&out), "true", 4);
	else if (st > 0 && st != 127 && !no_daemon(buf_str(&err)))
		rc = 0;
	else
		engine_trouble(engine, st == 127 ? "its client is not installed" : buf_str(&err)), rc = -1;
	buf_free(&out), buf_free(&err);
	return rc;
}

int
engine_exit_code(const char *engine, const char *name)
{
	struct buf out = {0};
	char *end;
	long code = container_field(engine, name, "{{.State.ExitCode}}", &out, NULL) == 0 ? strtol(buf_str(&out), &end, 10) : -1;

	if (code >= 0 && (end == buf_str(&out) || (*end && *end != '\n')))
		code = -1;
	buf_free(&out);
	return code < 0 || code > 255 ? -1 : (int)code;
}

int
engine_run_failed(int status)
{
	return status == 125;
}

/* How long a removal may take before it is given up on (and repeated by
 * the caller that needs it gone). */
#define REMOVE_MS 10000

void
engine_remove(const char *engine, const char *name)
{
	struct strv argv = {0};

	client(&argv, engine);
	strv_push(&argv, "rm"), strv_push(&argv, "-f"), strv_push(&argv, name);
	proc_run_for(&argv, REMOVE_MS);
	strv_free(&argv);
}

/* The lines a listing command prints, for the project's label. */
static int
listing(const char *engine, const char *what, const char *format, const struct owner *owner, struct strv *out)
{
	struct strv argv = {0};
	struct buf o = {0}, err = {0};
	int st;

	client(&argv, engine);
	strv_push(&argv, what);
	if (!strcmp(what, "ps"))
		strv_push(&argv, "-a");
	if (!strcmp(what, "volume"))
		strv_push(&argv, "ls");
	labels(&argv, "--filter", "label=", owner);
	strv_push(&argv, "--format"), strv_push(&argv, format);
	st = proc_run(&argv, &o, &err);
	if (st == 0)
		strv_split(out, buf_str(&o));
	else
		engine_trouble(engine, st == 127 ? "its client is not installed" : buf_str(&err));
	strv_free(&argv);
	buf_free(&o), buf_free(&err);
	return st == 0 ? 0 : -1;
}

int
engine_containers(const char *engine, const struct owner *owner, struct strv *out)
{
	return listing(engine, "ps", "{{.Names}}", owner, out);
}

int
engine_images(const char *engine, const struct owner *owner, struct strv *out)
{
	return listing(engine, "images", "{{if eq .Tag \"<none>\"}}{{.ID}}{{else}}{{.Repository}}:{{.Tag}}{{end}}", owner, out);
}

int
engine_volumes(const char *engine, const struct owner *owner, struct strv *out)
{
	return listing(engine, "volume", "{{.Name}}", owner, out);
}

int
engine_volumes_there(const char *engine, const struct strv *names, struct strv *there)
{
	struct strv argv = {0};
	struct buf o = {0}, err = {0};
	int st;

	if (names->n == 0)
		return 0;
	client(&argv, engine);
	strv_push(&argv, "volume"), strv_push(&argv, "inspect");
	strv_push(&argv, "--format"), strv_push(&argv, "{{.Name}}");
	for (size_t i = 0; i < names->n; i++)
		strv_push(&argv, names->v[i]);
	st = proc_run(&argv, &o, &err);
	/* Some missing: status 1, the others' names still printed. */
	if (st != 0 && (st != 1 || no_daemon(buf_str(&err)))) {
		engine_trouble(engine, st == 127 ? "its client is not installed" : buf_str(&err));
		st = -1;
	} else {
		strv_split(there, buf_str(&o));
		st = 0;
	}
	strv_free(&argv);
	buf_free(&o), buf_free(&err);
	return st;
}

int
engine_volume_create(const char *engine, const char *name, const struct owner *owner)
{
	struct strv argv = {0};
	struct buf err = {0};
	int st;

	client(&argv, engine);
	strv_push(&argv, "volume"), strv_push(&argv, "create");
	labels(&argv, "--label", "", owner);
	strv_push(&argv, name);
	st = proc_run(&argv, NULL, &err);
	if (st != 0)
		engine_trouble(engine, st == 127 ? "its client is not installed" : buf_str(&err));
	strv_free(&argv);
	buf_free(&err);
	return st == 0 ? 0 : -1;
}

int
engine_volume_rm(const char *engine, const char *name)
{
	return quiet_words(engine, "volume", "rm", name, NULL);
}

int
engine_commit(const char *engine, const char *name, const char *tag, const struct owner *owner)
{
	struct strv argv = {0};
	int st;

	client(&argv, engine);
	strv_push(&argv, "commit");
	labels(&argv, "--change", "LABEL ", owner);
	strv_push(&argv, name), strv_push(&argv, tag);
	st = proc_run(&argv, NULL, NULL);
	strv_free(&argv);
	return st == 0 ? 0 : -1;
}

int
engine_tag(const char *engine, const char *ref, const char *tag)
{
	return quiet_words(engine, "tag", ref, tag, NULL);
}

int
engine_rmi(const char *engine, const char *ref)
{
	return quiet_words(engine, "rmi", ref, NULL);
}
