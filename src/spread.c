#include <dirent.h>
#include <stdarg.h>
#include <fnmatch.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "str.h"
#include "yaml.h"
#include "suite.h"
#include "file.h"
#include "hash.h"
#include "layout.h"
#include "proc.h"
#include "spread.h"
#include "util.h"

/* The keys of spread.yaml's top that are not a level's. */
static const char *const project_own[] = {
	"backends", "exclude", "include", "path", "project", "rename", "repack", "reroot", "suites", NULL,
};
static const char *const backend_own[] = {"systems", NULL};
/* Keys of spread.yaml's top that orchgen reads and does not apply. */
static const char *const unused[] = {"repack", NULL};

/* Report at node N of PATH; -1. */
static int
complain(const char *path, const struct ynode *n, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = ynode_vreport(path, n->line, n->col, fmt, ap);
	va_end(ap);
	return rc;
}

/* A scalar that is text, into *OUT. */
static int
scalar(const char *path, const struct ynode *k, const struct ynode *v, char **out)
{
	if (v->type != Y_SCALAR)
		return complain(path, v, "%s: expected a string, got %s", k->text, ynode_kind(v));
	free(*out);
	*out = xstrdup(v->text);
	return 0;
}

static int
strings(const char *path, const struct ynode *k, const struct ynode *v, struct strv *out)
{
	if (v->type != Y_SEQUENCE)
		return complain(path, v, "%s: expected a list of strings, got %s", k->text, ynode_kind(v));
	for (const struct ynode *i = v->kid; i; i = i->next) {
		if (i->type != Y_SCALAR)
			return complain(path, i, "%s: expected a string in the list, got %s", k->text, ynode_kind(i));
		strv_push(out, i->text);
	}
	return 0;
}

static const struct ynode *
lookup(const struct ynode *map, const char *key)
{
	for (const struct ynode *k = map->kid; k; k = k->next->next) {
		if (k->type == Y_SCALAR && !strcmp(k->text, key))
			return k;
	}
	return NULL;
}

/* $(HOST:...) in VALUE, written at LINE of PATH: each command run once
 * with /bin/bash on this host, its output (less trailing newlines) kept
 * in sp->hosts. Spread's form: the command ends at the first ')'. */
static int
run_hosts(struct spread *sp, const char *path, int line, const char *value)
{
	for (const char *p = strstr(value, "$(HOST:"); p; p = strstr(p, "$(HOST:")) {
		const char *cmd = p + 7, *end = strchr(cmd + (*cmd != 0), ')');
		struct strv argv = {0};
		struct buf out = {0}, err = {0};
		char *c;
		int st, known = 0;

		if (!end || end == cmd)
			break;
		c = xstrndup(cmd, (size_t)(end - cmd));
		p = end + 1;
		for (size_t i = 0; i + 1 < sp->hosts.n; i += 2)
			known |= !strcmp(sp->hosts.v[i], c);
		if (known) {
			free(c);
			continue;
		}
		strv_push(&argv, "/bin/bash"), strv_push(&argv, "-c"), strv_push(&argv, c);
		fflush(NULL);
		st = proc_run(&argv, &out, &err);
		strv_free(&argv);
		if (st != 0) {
			const char *e = buf_str(&err);
			size_t n = strlen(e);
			while (n && e[n - 1] == '\n')
				n--;
			warn("%s:%d: $(HOST:%s) failed (exit status %d)%s%.*s", path, line, c, st, n ? ": " : "", (int)n, e);
			free(c), buf_free(&out), buf_free(&err);
			return -1;
		}
		while (out.len && out.s[out.len - 1] == '\n')
			out.s[--out.len] = '\0';
		strv_take(&sp->hosts, c);
		strv_push(&sp->hosts, buf_str(&out));
		buf_free(&out), buf_free(&err);
	}
	return 0;
}

static int
level_hosts(struct spread *sp, const char *path, const struct suite *lv)
{
	for (size_t i = 0; i < lv->nenv; i++) {
		if (run_hosts(sp, path, lv->env[i].line, lv->env[i].value) < 0)
			return -1;
	}
	return 0;
}

/* The outputs written at generation, for the jobs that read them. */
static int
read_hosts(struct spread *sp)
{
	size_t len;
	char *s = file_read(LAYOUT_SPREAD_HOSTS, &len), *p = s;

	if (!s)
		return 0;
	while (p < s + len) {
		char *end;
		unsigned long n = strtoul(p, &end, 10);
		if (*end != '\n' || n > (size_t)(s + len - end - 1))
			break;
		strv_take(&sp->hosts, xstrndup(end + 1, n));
		p = end + 1 + n;
	}
	free(s);
	return 0;
}

int
spread_write_hosts(const struct spread *sp)
{
	struct buf b = {0};
	size_t len;
	char *old = file_read(LAYOUT_SPREAD_HOSTS, &len);
	int rc = 0;

	for (size_t i = 0; i < sp->hosts.n; i++)
		buf_printf(&b, "%zu\n%s", strlen(sp->hosts.v[i]), sp->hosts.v[i]);
	if (!old || len != b.len || memcmp(old, buf_str(&b), len) != 0)
		rc = file_mkdirs(ORCH) < 0 ? -1 : file_write(LAYOUT_SPREAD_HOSTS, buf_str(&b), b.len);
	free(old), buf_free(&b);
	return rc;
}

/* Spread's names of suites' parts and tasks: runs of lowercase letters
 * and digits joined by one '-', '.' or '_' (N bytes of S). */
static int
name_ok(const char *s, size_t n)
{
	int run = 0;

	for (size_t i = 0; i < n; i++) {
		if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9'))
			run = 1;
		else if (strchr("-._", s[i]) && s[i] && run)
			run = 0;
		else
			return 0;
	}
	return run;
}

static int
cmpsystem(const void *a, const void *b)
{
	return strcmp(((const struct spread_system *)a)->name, ((const struct spread_system *)b)->name);
}

static int
cmpsuite(const void *a, const void *b)
{
	return strcmp(((const struct spread_suite *)a)->name, ((const struct spread_suite *)b)->name);
}

/* A level's settings as text: two levels alike make the same jobs. */
static void
fingerprint(const struct suite *s, struct buf *b)
{
	const char *scripts[] = {s->prepare, s->restore, s->debug, s->prepare_each, s->restore_each, s->debug_each};

	for (size_t i = 0; i < s->nenv; i++) {
		buf_printf(b, "env %s=%s\n", s->env[i].name, s->env[i].value);
		for (size_t k = 0; k < s->env[i].only.n; k++)
			buf_printf(b, "/%s\n", s->env[i].only.v[k]);
	}
	for (size_t i = 0; i < s->variants_list.n; i++)
		buf_printf(b, "variant %s\n", s->variants_list.v[i]);
	for (size_t i = 0; i < sizeof(scripts) / sizeof(*scripts); i++)
		buf_printf(b, "script %zu %s\n", i, scripts[i] ? scripts[i] : "");
	buf_printf(b, "%d %d %d %ld %ld\n", s->manual, s->priority_set, s->priority, s->kill_timeout, s->warn_timeout);
}

/* A system under two backends is one system of orchgen.ini: refused
 * unless both say the same. */
static int
add_system(struct spread *sp, size_t backend, const char *name, const struct ynode *at, struct suite *lv)
{
	for (size_t i = 0; i < sp->nsystems; i++) {
		struct spread_system *o = &sp->systems[i];
		struct buf x = {0}, y = {0};
		int same;
		if (strcmp(o->name, name) != 0)
			continue;
		fingerprint(&sp->backends[o->backend].lv, &x), fingerprint(&o->lv, &x);
		fingerprint(&sp->backends[backend].lv, &y), fingerprint(lv, &y);
		same = !strcmp(buf_str(&x), buf_str(&y));
		buf_free(&x), buf_free(&y);
		suite_free(lv);
		if (same)
			return 0;
		warn("%s:%d:%d: system \"%s\" of backend \"%s\" is also under backend \"%s\" at line %d, with other settings: expected one system per name (a [distro] of orchgen.ini makes it)",
		    sp->path, at->line, at->col, name, sp->backends[backend].name, sp->backends[o->backend].name, o->line);
		return -1;
	}
	sp->systems = xrealloc(sp->systems, (sp->nsystems + 1) * sizeof(*sp->systems));
	sp->systems[sp->nsystems++] = (struct spread_system){xstrdup(name), backend, *lv, at->line};
	return 0;
}

/* One entry of a backend's systems: a name, or a mapping of one name to its settings. */
static int
parse_system(struct spread *sp, size_t b, const struct ynode *i)
{
	struct suite lv;
	const char *name;

	memset(&lv, 0, sizeof(lv));
	if (i->type == Y_SCALAR) {
		name = i->text;
	} else if (i->type == Y_MAPPING && i->kid && !i->kid->next->next && i->kid->type == Y_SCALAR) {
		name = i->kid->text;
		if (i->kid->next->type == Y_MAPPING && suite_parse_level(&lv, sp->path, i->kid->next, LEVEL_SYSTEM, NULL) < 0) {
			suite_free(&lv);
			return -1;
		}
		if (i->kid->next->type != Y_MAPPING && !ynode_isnull(i->kid->next)) {
			suite_free(&lv);
			return complain(sp->path, i->kid->next, "system %s: expected a mapping of its settings, got %s", name, ynode_kind(i->kid->next));
		}
	} else {
		return complain(sp->path, i, "systems: expected a system's name, or a mapping of one name to its settings, got %s", ynode_kind(i));
	}
	if (!*name)
		return complain(sp->path, i, "systems: an empty name");
	strv_push(&sp->backends[b].systems, name);
	return add_system(sp, b, name, i->type == Y_SCALAR ? i : i->kid, &lv);
}

static int
parse_backend(struct spread *sp, const struct ynode *k, const struct ynode *v)
{
	size_t b = sp->nbackends;
	struct spread_backend *be;
	const struct ynode *sys;

	if (ynode_isnull(v))
		return 0;	/* spread drops a backend without settings */
	if (v->type != Y_MAPPING)
		return complain(sp->path, v, "backend %s: expected a mapping of its settings, got %s", k->text, ynode_kind(v));
	sp->backends = xrealloc(sp->backends, (b + 1) * sizeof(*sp->backends));
	be = &sp->backends[sp->nbackends++];
	memset(be, 0, sizeof(*be));
	be->name = xstrdup(k->text);
	be->line = k->line;
	if (suite_parse_level(&be->lv, sp->path, v, LEVEL_BACKEND, backend_own) < 0)
		return -1;
	sys = lookup(v, "systems");
	if (!sys || ynode_isnull(sys->next) || (sys->next->type == Y_SEQUENCE && !sys->next->kid))
		return complain(sp->path, k, "backend %s has no systems: expected a list of systems under \"systems\"", k->text);
	if (sys->next->type != Y_SEQUENCE)
		return complain(sp->path, sys->next, "systems: expected a list of systems, got %s", ynode_kind(sys->next));
	for (const struct ynode *i = sys->next->kid; i; i = i->next) {
		if (parse_system(sp, b, i) < 0)
			return -1;
	}
	strv_sort(&sp->backends[b].systems);
	return 0;
}

static int
parse_suite(struct spread *sp, const struct ynode *k, const struct ynode *v)
{
	struct spread_suite *s;
	size_t n = strlen(k->text);
	struct stat st;
	char *dir;

	int ok = n >= 2 && k->text[n - 1] == '/';

	for (const char *p = k->text; ok && p < k->text + n - 1; p += strcspn(p, "/") + 1)
		ok = name_ok(p, strcspn(p, "/"));
	if (!ok)
		return complain(sp->path, k, "suites: \"%s\": expected a directory of the project ending in '/', "
		    "each part lowercase letters and digits joined by '-', '.' or '_', as spread names suites", k->text);
	if (!ynode_isnull(v) && v->type != Y_MAPPING)
		return complain(sp->path, v, "suite %s: expected a mapping of its settings, got %s", k->text, ynode_kind(v));
	sp->suites = xrealloc(sp->suites, (sp->nsuites + 1) * sizeof(*sp->suites));
	s = &sp->suites[sp->nsuites++];
	memset(s, 0, sizeof(*s));
	s->name = xstrndup(k->text, n - 1);
	s->line = k->line;
	dir = strcmp(sp->root, ".") ? xasprintf("%s/%s", sp->root, s->name) : xstrdup(s->name);
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		free(dir);
		return complain(sp->path, k, "suite %s: no such directory: expected a directory of tasks", k->text);
	}
	free(dir);
	if (!ynode_isnull(v) && suite_parse_level(&s->lv, sp->path, v, LEVEL_SUITE, NULL) < 0)
		return -1;
	return 0;
}

/* `path`: absolute and not /, as spread requires. */
static int
parse_remote(struct spread *sp, const struct ynode *k)
{
	char *clean;

	if (scalar(sp->path, k, k->next, &sp->remote) < 0)
		return -1;
	clean = file_clean(sp->remote, 0);
	free(sp->remote);
	sp->remote = xasprintf("/%s", clean + (*clean == '/'));
	if (*clean != '/' || !clean[1] || strpbrk(clean, "\n\"$`\\")) {
		free(clean);
		return complain(sp->path, k->next, "path: expected the absolute directory, not / (and without a quote, $, ` or \\), that the project is copied to in each job, got \"%s\"",
		    k->next->text);
	}
	free(clean);
	return 0;
}

/* One part of a sed `s` expression at *P, up to the delimiter D (a
 * backslash before D makes it part; other escapes are kept); *P moves
 * past D. NULL: no D. */
static char *
sed_part(const char **p, char d)
{
	struct buf b = {0};
	char *out;

	for (; **p && **p != d; (*p)++) {
		if (**p == '\\' && (*p)[1] == d) {
			(*p)++;
		} else if (**p == '\\' && (*p)[1]) {
			buf_putn(&b, (*p)++, 1);
		}
		buf_putn(&b, *p, 1);
	}
	if (**p != d) {
		buf_free(&b);
		return NULL;
	}
	(*p)++;
	out = xstrdup(buf_str(&b));
	buf_free(&b);
	return out;
}

/* One `rename` entry: a sed `s` expression as tar's --transform takes
 * it, s/REGEXP/REPLACEMENT/FLAGS (any delimiter; flags g, i, x, a number,
 * and r, R, s, S, h, H). */
static int
parse_rename(struct spread *sp, const struct ynode *i)
{
	struct spread_rename r = {0};
	const char *p = i->text;
	char d, *re = NULL;
	int cflags = 0;

	if (*p++ != 's' || !(d = *p++) || d == '\\' || d == '\n' || !(re = sed_part(&p, d)) || !(r.repl = sed_part(&p, d)))
		goto bad;
	for (; *p; p++) {
		if (*p == 'g')
			r.global = 1;
		else if (*p == 'i')
			cflags |= REG_ICASE;
		else if (*p == 'x')
			cflags |= REG_EXTENDED;
		else if (*p >= '1' && *p <= '9' && !r.nth)
			r.nth = (int)strtol(p, (char **)&p, 10), p--;
		else if (!strchr("rRsShH", *p))
			goto bad;
	}
	if (regcomp(&r.re, re, cflags) != 0)
		goto bad;
	free(re);
	sp->renames = xrealloc(sp->renames, (sp->nrenames + 1) * sizeof(*sp->renames));
	sp->renames[sp->nrenames++] = r;
	return 0;
bad:
	free(re), free(r.repl);
	return complain(sp->path, i, "rename: \"%s\": expected a sed expression as tar's --transform takes it, s/REGEXP/REPLACEMENT/FLAGS", i->text);
}

static int
parse_renames(struct spread *sp, const struct ynode *k)
{
	if (k->next->type != Y_SEQUENCE)
		return complain(sp->path, k->next, "rename: expected a list of sed expressions, got %s", ynode_kind(k->next));
	for (const struct ynode *i = k->next->kid; i; i = i->next) {
		if (i->type != Y_SCALAR)
			return complain(sp->path, i, "rename: expected a sed expression in the list, got %s", ynode_kind(i));
		if (parse_rename(sp, i) < 0)
			return -1;
	}
	return 0;
}

/* The replacement of match M (of SUBJECT) by R's text: & and \N. */
static void
rename_replace(const struct spread_rename *r, const char *subject, const regmatch_t *m, struct buf *out)
{
	for (const char *q = r->repl; *q; q++) {
		int g = *q == '&' ? 0 : *q == '\\' && q[1] >= '0' && q[1] <= '9' ? q[1] - '0' : -1;
		if (g > 0)
			q++;
		if (g >= 0 && m[g].rm_so >= 0)
			buf_putn(out, subject + m[g].rm_so, (size_t)(m[g].rm_eo - m[g].rm_so));
		else if (g < 0 && *q == '\\' && q[1])
			buf_putn(out, ++q, 1);
		else if (g < 0)
			buf_putn(out, q, 1);
	}
}

char *
spread_rename(const struct spread *sp, const char *name)
{
	char *cur = xstrdup(name);

	for (size_t i = 0; i < sp->nrenames; i++) {
		const struct spread_rename *r = &sp->renames[i];
		struct buf b = {0};
		regmatch_t m[10];
		const char *p = cur;
		int n = 0, eflags = 0;

		while (*p || p == cur) {
			if (regexec(&r->re, p, 10, m, eflags) != 0)
				break;
			n++;
			buf_putn(&b, p, (size_t)m[0].rm_so);
			if (n >= (r->nth ? r->nth : 1) && (r->global || n == (r->nth ? r->nth : 1)))
				rename_replace(r, p, m, &b);
			else
				buf_putn(&b, p + m[0].rm_so, (size_t)(m[0].rm_eo - m[0].rm_so));
			if (!r->global && n >= (r->nth ? r->nth : 1)) {
				p += m[0].rm_eo;
				break;
			}
			if (m[0].rm_eo == m[0].rm_so) {	/* an empty match: step over one character */
				if (!p[m[0].rm_eo]) {
					p += m[0].rm_eo;
					break;
				}
				buf_putn(&b, p + m[0].rm_eo, 1);
				p += 1;
			}
			p += m[0].rm_eo;
			eflags = REG_NOTBOL;
		}
		buf_puts(&b, p);
		free(cur);
		cur = xstrdup(buf_str(&b));
		buf_free(&b);
	}
	return cur;
}

/* `reroot`: the project's root, relative to spread.yaml's directory, as
 * spread joins them: where the suites are and what each job's copy holds.
 * It stays inside orchgen's project, which the job's container sees. */
static int
parse_reroot(struct spread *sp, const struct ynode *k)
{
	struct stat st;
	char *joined, *clean;
	int bad;

	if (k->next->type != Y_SCALAR)
		return complain(sp->path, k->next, "reroot: expected a directory relative to spread.yaml's, got %s", ynode_kind(k->next));
	joined = xasprintf("%s/%s", sp->root, k->next->text);
	clean = file_clean(joined, 0);
	free(joined);
	bad = *clean == '/' || !strcmp(clean, "..") || !strncmp(clean, "../", 3) || strchr(clean, '\n');
	if (bad || stat(*clean ? clean : ".", &st) != 0 || !S_ISDIR(st.st_mode)) {
		free(clean);
		return complain(sp->path, k->next, "reroot: \"%s\": expected a directory inside the project (the directory of orchgen.ini), relative to spread.yaml's",
		    k->next->text);
	}
	free(sp->root);
	sp->root = *clean ? clean : (free(clean), xstrdup("."));
	return 0;
}

static int
parse_top(struct spread *sp, const struct ynode *root)
{
	const struct ynode *k;

	if (suite_parse_level(&sp->lv, sp->path, root, LEVEL_PROJECT, project_own) < 0)
		return -1;
	if ((k = lookup(root, "project")) && scalar(sp->path, k, k->next, &sp->project) < 0)
		return -1;
	if (!(k = lookup(root, "path")))
		return complain(sp->path, root, "no \"path\": expected path: /DIR, where each job has its copy of the project");
	if (parse_remote(sp, k) < 0)
		return -1;
	if ((k = lookup(root, "reroot")) && !ynode_isnull(k->next) && parse_reroot(sp, k) < 0)
		return -1;
	if ((k = lookup(root, "include")) && !ynode_isnull(k->next) && strings(sp->path, k, k->next, &sp->include) < 0)
		return -1;
	if ((k = lookup(root, "exclude")) && !ynode_isnull(k->next) && strings(sp->path, k, k->next, &sp->exclude) < 0)
		return -1;
	if ((k = lookup(root, "rename")) && !ynode_isnull(k->next) && parse_renames(sp, k) < 0)
		return -1;
	for (const char *const *o = unused; *o; o++) {
		if ((k = lookup(root, *o)) && !ynode_isnull(k->next))
			ynode_report(sp->path, k->line, k->col, "%s: not applied by orchgen (ignored)", *o);
	}
	if (!(k = lookup(root, "backends")) || k->next->type != Y_MAPPING)
		return complain(sp->path, k ? k->next : root, "backends: expected a mapping of backends, each with its systems");
	for (const struct ynode *b = k->next->kid; b; b = b->next->next) {
		if (parse_backend(sp, b, b->next) < 0)
			return -1;
	}
	if (!(k = lookup(root, "suites")) || k->next->type != Y_MAPPING)
		return complain(sp->path, k ? k->next : root, "suites: expected a mapping of suite directories (\"tests/main/\") to their settings");
	for (const struct ynode *s = k->next->kid; s; s = s->next->next) {
		if (parse_suite(sp, s, s->next) < 0)
			return -1;
	}
	return 0;
}

int
spread_load(struct spread *sp, const char *path, int hosts)
{
	struct ynode *root = NULL;
	int rc;

	memset(sp, 0, sizeof(*sp));
	sp->path = xstrdup(path);
	sp->root = file_dirname(path, 0);
	rc = ynode_load(path, &root);
	if (rc == 0 && (!root || root->type != Y_MAPPING))
		rc = root ? complain(path, root, "spread.yaml must be a mapping of keys, got %s", ynode_kind(root))
		    : ynode_report(path, 1, 1, "spread.yaml must be a mapping of keys, got an empty file");
	if (rc == 0)
		rc = parse_top(sp, root);
	ynode_free(root);
	if (rc == 0 && sp->nsystems > 1)
		qsort(sp->systems, sp->nsystems, sizeof(*sp->systems), cmpsystem);
	if (rc == 0 && sp->nsuites > 1)
		qsort(sp->suites, sp->nsuites, sizeof(*sp->suites), cmpsuite);
	if (rc == 0 && hosts) {
		rc = level_hosts(sp, path, &sp->lv);
		for (size_t i = 0; rc == 0 && i < sp->nbackends; i++)
			rc = level_hosts(sp, path, &sp->backends[i].lv);
		for (size_t i = 0; rc == 0 && i < sp->nsystems; i++)
			rc = level_hosts(sp, path, &sp->systems[i].lv);
		for (size_t i = 0; rc == 0 && i < sp->nsuites; i++)
			rc = level_hosts(sp, path, &sp->suites[i].lv);
	} else if (rc == 0) {
		rc = read_hosts(sp);
	}
	sp->host_run = hosts;
	if (rc < 0)
		spread_free(sp);
	return rc;
}

void
spread_free(struct spread *sp)
{
	for (size_t i = 0; i < sp->nbackends; i++) {
		free(sp->backends[i].name);
		suite_free(&sp->backends[i].lv);
		strv_free(&sp->backends[i].systems);
	}
	for (size_t i = 0; i < sp->nsystems; i++)
		free(sp->systems[i].name), suite_free(&sp->systems[i].lv);
	for (size_t i = 0; i < sp->nsuites; i++)
		free(sp->suites[i].name), suite_free(&sp->suites[i].lv);
	free(sp->backends), free(sp->systems), free(sp->suites);
	suite_free(&sp->lv);
	free(sp->path), free(sp->root), free(sp->project), free(sp->remote);
	strv_free(&sp->include), strv_free(&sp->exclude);
	for (size_t i = 0; i < sp->nrenames; i++)
		regfree(&sp->renames[i].re), free(sp->renames[i].repl);
	free(sp->renames);
	strv_free(&sp->hosts), strv_free(&sp->names);
	memset(sp, 0, sizeof(*sp));
}

static int
cmptask(const void *a, const void *b)
{
	return strcmp(((const struct suite *)a)->name, ((const struct suite *)b)->name);
}

/* The tasks of suite S: each directory in it with a task.yaml. */
static int
suite_tasks(struct spread *sp, const struct spread_suite *s, struct suite **tasks, size_t *n, struct strv *dirs)
{
	char *dir = strcmp(sp->root, ".") ? xasprintf("%s/%s", sp->root, s->name) : xstrdup(s->name);
	struct strv names = {0};
	struct dirent *e;
	DIR *d = opendir(dir);
	int rc = 0;

	if (!d) {
		warn("%s:%d: suite %s/: cannot list %s:", sp->path, s->line, s->name, dir);
		free(dir);
		return -1;
	}
	while ((e = readdir(d)))
		if (e->d_name[0] != '.')
			strv_push(&names, e->d_name);
	closedir(d);
	strv_push(dirs, dir);
	strv_sort(&names);
	for (size_t i = 0; rc == 0 && i < names.n; i++) {
		char *tdir = xasprintf("%s/%s", dir, names.v[i]), *path = xasprintf("%s/task.yaml", tdir);
		char *name = xasprintf("%s/%s", s->name, names.v[i]);
		struct stat st;
		if (stat(tdir, &st) == 0 && S_ISDIR(st.st_mode) && lstat(path, &st) == 0 && !name_ok(names.v[i], strlen(names.v[i]))) {
			warn("%s: invalid task name \"%s\": expected lowercase letters and digits joined by '-', '.' or '_', as spread names tasks",
			    path, names.v[i]);
			rc = -1;
		} else if (stat(tdir, &st) == 0 && S_ISDIR(st.st_mode) && lstat(path, &st) == 0) {
			*tasks = xrealloc(*tasks, (*n + 1) * sizeof(**tasks));
			rc = suite_parse_spread(&(*tasks)[*n], path, tdir, name, sp->path);
			if (rc == 0 && sp->host_run)
				rc = level_hosts(sp, path, &(*tasks)[*n]);
			if (rc == 0)
				++*n;
			else if ((*tasks)[*n].name)
				suite_free(&(*tasks)[*n]);
			strv_push(dirs, tdir);
		}
		free(tdir), free(path), free(name);
	}
	strv_free(&names);
	free(dir);
	return rc;
}

int
spread_tasks(const struct spread *csp, struct suite **tasks, size_t *n, struct strv *dirs)
{
	struct spread *sp = (struct spread *)csp;	/* the hosts the tasks use are added */
	int rc = 0;

	*tasks = NULL, *n = 0;
	for (size_t i = 0; rc == 0 && i < sp->nsuites; i++)
		rc = suite_tasks(sp, &sp->suites[i], tasks, n, dirs);
	if (*n > 1)
		qsort(*tasks, *n, sizeof(**tasks), cmptask);
	return rc;
}

const struct spread_system *
spread_system(const struct spread *sp, const char *name)
{
	for (size_t i = 0; i < sp->nsystems; i++) {
		if (!strcmp(sp->systems[i].name, name))
			return &sp->systems[i];
	}
	return NULL;
}

/* Spread's evaluation of a list over the levels (systems, variants):
 * each level plain (replacing what the levels before said, with names
 * they, or it, give) or +/- changes; patterns match the names given so far. */
static void
evalstr(const struct strv *const *levels, size_t n, struct strv *out)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < levels[i]->n; j++) {
			const char *name = levels[i]->v[j];
			int add = *name == '+', del = *name == '-';
			struct strv matches = {0};
			name += add || del;
			for (size_t l = 0; l <= i; l++) {
				for (size_t m = 0; m < levels[l]->n; m++) {
					const char *cand = levels[l]->v[m];
					cand += *cand == '+' || *cand == '-';
					if (fnmatch(name, cand, 0) == 0)
						strv_push(&matches, cand);
				}
			}
			if (!add && !del && j == 0)
				strv_free(out);
			for (size_t m = 0; m < matches.n; m++) {
				size_t k = 0;
				while (k < out->n && strcmp(out->v[k], matches.v[m]) != 0)
					k++;
				if (del && k < out->n) {
					free(out->v[k]);
					out->v[k] = out->v[--out->n];
				} else if (!del && k == out->n) {
					strv_push(out, matches.v[m]);
				}
			}
			strv_free(&matches);
		}
	}
	strv_sort(out);
}

/* The variants a level's environment names, each with PREFIX ("" for the
 * project: [""] when it names none). */
static void
env_variants(const struct suite *lv, const char *prefix, struct strv *out)
{
	struct strv seen = {0};

	for (size_t i = 0; i < lv->nenv; i++) {
		for (size_t k = 0; k < lv->env[i].only.n; k++)
			strv_take(&seen, xasprintf("%s%s", prefix, lv->env[i].only.v[k]));
	}
	strv_uniq(&seen);
	if (seen.n == 0 && !*prefix)
		strv_push(&seen, "");
	*out = seen;
}

static const struct spread_suite *
suite_of(const struct spread *sp, const struct suite *task)
{
	const char *slash = strrchr(task->name, '/');
	size_t n = slash ? (size_t)(slash - task->name) : 0;

	for (size_t i = 0; i < sp->nsuites; i++) {
		if (strlen(sp->suites[i].name) == n && !strncmp(sp->suites[i].name, task->name, n))
			return &sp->suites[i];
	}
	return NULL;
}

/* The backend a task runs SYS under: the first that lists it among those
 * the `backends` of the project (all), SUITE and TASK leave; NULL: none. */
static const struct spread_backend *
backend_pass(const struct spread *sp, const struct spread_system *sys, const struct suite *suite, const struct suite *task)
{
	struct strv all = {0}, left = {0};
	const struct strv *bl[3] = {&all, &suite->backends, &task->backends};
	const struct spread_backend *be = NULL;

	for (size_t i = 0; i < sp->nbackends; i++)
		strv_push(&all, sp->backends[i].name);
	evalstr(bl, 3, &left);
	for (size_t i = 0; !be && i < sp->nbackends; i++) {
		if (strv_contains(&left, sp->backends[i].name) && strv_contains(&sp->backends[i].systems, sys->name))
			be = &sp->backends[i];
	}
	strv_free(&all), strv_free(&left);
	return be;
}

void
spread_job(const struct spread *sp, const struct spread_system *sys, const struct suite *task, struct spread_job *j)
{
	const struct suite *lv[5];
	struct strv ev[5], selected = {0};

	memset(j, 0, sizeof(*j));
	j->system = sys;
	j->suite = suite_of(sp, task);
	j->task = task;
	j->backend = backend_pass(sp, sys, &j->suite->lv, task);
	j->selected = j->backend != NULL;
	if (!j->backend)	/* filtered out; the names stay the first backend's */
		j->backend = &sp->backends[sys->backend];
	lv[0] = &sp->lv, lv[1] = &j->backend->lv, lv[2] = &sys->lv, lv[3] = &j->suite->lv, lv[4] = task;
	if (j->selected) {
		const struct strv *sl[3] = {&j->backend->systems, &j->suite->lv.systems, &task->systems};
		evalstr(sl, 3, &selected);
		j->selected = strv_contains(&selected, sys->name);
	}
	for (int i = 0; i < 5; i++)
		env_variants(lv[i], i ? "+" : "", &ev[i]);
	{
		const struct strv *vl[9] = {&ev[0], &ev[1], &lv[1]->variants_list, &ev[2], &lv[2]->variants_list,
		    &ev[3], &lv[3]->variants_list, &ev[4], &lv[4]->variants_list};
		evalstr(vl, 9, &j->variants);
	}
	for (size_t i = 0; i < j->variants.n; i++) {
		if (!*j->variants.v[i]) {	/* "" stands for none, when there are no others */
			free(j->variants.v[i]);
			memmove(&j->variants.v[i], &j->variants.v[i + 1], (j->variants.n - i - 1) * sizeof(char *));
			j->variants.n--;
			break;
		}
	}
	for (int i = 0; i < 5; i++)
		strv_free(&ev[i]);
	strv_free(&selected);
	j->manual = task->manual || j->suite->lv.manual || sys->lv.manual || j->backend->lv.manual;
	for (int i = 4; i >= 1; i--) {	/* task, suite, system, backend: the first given */
		if (lv[i]->priority_set) {
			j->priority = lv[i]->priority;
			break;
		}
	}
	for (int i = 4; i >= 0; i--) {	/* task, suite, backend, project */
		if (i == 2)
			continue;
		if (!j->kill_timeout)
			j->kill_timeout = lv[i]->kill_timeout;
		if (!j->warn_timeout)
			j->warn_timeout = lv[i]->warn_timeout;
	}
}

void
spread_job_free(struct spread_job *j)
{
	strv_free(&j->variants);
}

/* An environment being built, as spread's: keys ("NAME" or
 * "NAME/a,b") in order, a key set again moving to the end. */
struct env {
	struct strv keys, values;
	struct strv host;	/* "1" where the value came through $(HOST:...) */
};

static void
env_set(struct env *e, const char *key, const char *value, int host)
{
	struct strv *v[] = {&e->keys, &e->values, &e->host};

	for (size_t i = 0; i < e->keys.n; i++) {
		if (!strcmp(e->keys.v[i], key)) {
			for (int k = 0; k < 3; k++) {
				free(v[k]->v[i]);
				memmove(&v[k]->v[i], &v[k]->v[i + 1], (v[k]->n - i - 1) * sizeof(char *));
				v[k]->n--;
			}
			break;
		}
	}
	strv_push(&e->keys, key);
	strv_push(&e->values, value);
	strv_push(&e->host, host ? "1" : "");
}

/* VALUE with each $(HOST:...) replaced by its output; "" when unknown. */
static char *
host_subst(const struct spread *sp, const char *value)
{
	struct buf b = {0};
	const char *p = value, *q;

	while ((q = strstr(p, "$(HOST:"))) {
		const char *cmd = q + 7, *end = strchr(cmd + (*cmd != 0), ')');
		if (!end || end == cmd)
			break;
		buf_putn(&b, p, (size_t)(q - p));
		for (size_t i = 0; i + 1 < sp->hosts.n; i += 2) {
			if (strlen(sp->hosts.v[i]) == (size_t)(end - cmd) && !strncmp(sp->hosts.v[i], cmd, (size_t)(end - cmd))) {
				buf_puts(&b, sp->hosts.v[i + 1]);
				break;
			}
		}
		p = end + 1;
	}
	char *out;

	buf_puts(&b, p);
	out = xstrdup(buf_str(&b));
	buf_free(&b);
	return out;
}

static void
env_level(const struct spread *sp, struct env *e, const struct suite *lv)
{
	for (size_t i = 0; i < lv->nenv; i++) {
		const struct suite_env *v = &lv->env[i];
		struct buf key = {0};
		char *value = host_subst(sp, v->value);
		buf_puts(&key, v->name);
		for (size_t k = 0; k < v->only.n; k++)
			buf_printf(&key, "%c%s", k ? ',' : '/', v->only.v[k]);
		env_set(e, buf_str(&key), value, strstr(v->value, "$(HOST:") != NULL);
		buf_free(&key), free(value);
	}
}

/* The job's variables for VARIANT, as spread computes them, into E. */
static void
env_build(const struct spread *sp, const struct spread_job *j, const char *variant, struct env *e)
{
	const struct suite *lv[5] = {&sp->lv, &j->backend->lv, &j->system->lv, &j->suite->lv, j->task};
	/* spread's name; with samples, one job per sample, named NAME#N */
	const char *sample = j->task->samples > 1 ? "#${ORCHGEN_SAMPLE:-1}" : "";
	char *job = variant ? xasprintf("%s:%s:%s:%s%s", j->backend->name, j->system->name, j->task->name, variant, sample)
	    : xasprintf("%s:%s:%s%s", j->backend->name, j->system->name, j->task->name, sample);
	char *suite = xasprintf("%s/", j->suite->name);
	const char *sprenv[] = {
		"SPREAD_JOB", job, "SPREAD_PROJECT", sp->project ? sp->project : "", "SPREAD_PATH", sp->remote,
		"SPREAD_BACKEND", j->backend->name, "SPREAD_SYSTEM", j->system->name, "SPREAD_SUITE", suite,
		"SPREAD_TASK", j->task->name, "SPREAD_VARIANT", variant ? variant : "", "SPREAD_SAMPLE", "${ORCHGEN_SAMPLE:-1}",
	};

	for (size_t i = 0; i < sizeof(sprenv) / sizeof(*sprenv); i += 2)
		env_set(e, sprenv[i], sprenv[i + 1], 0);
	for (int i = 0; i < 5; i++)
		env_level(sp, e, lv[i]);
	/* The variant's view: NAME/v,w is NAME where it names the variant
	 * (in its place, replacing NAME), and gone elsewhere. */
	for (size_t i = 0; i < e->keys.n; i++) {
		char *slash = strchr(e->keys.v[i], '/');
		int hit = 0;
		if (!slash)
			continue;
		for (char *v = slash + 1; variant && *v; v += strcspn(v, ","), v += *v == ',')
			hit |= strlen(variant) == strcspn(v, ",") && !strncmp(v, variant, strlen(variant));
		*slash = '\0';
		for (size_t k = 0; hit && k < e->keys.n; k++) {
			if (k != i && !strcmp(e->keys.v[k], e->keys.v[i]))
				e->keys.v[k][0] = '\0';	/* replaced: dropped */
		}
		if (!hit)
			e->keys.v[i][0] = '\0';
	}
	free(job), free(suite);
}

static void
env_free(struct env *e)
{
	strv_free(&e->keys), strv_free(&e->values), strv_free(&e->host);
}

void
spread_env(const struct spread *sp, const struct spread_job *j, const char *variant, struct strv *out)
{
	struct env e = {0};

	env_build(sp, j, variant, &e);
	for (size_t i = 0; i < e.keys.n; i++) {
		if (e.keys.v[i][0]) {
			strv_push(out, e.keys.v[i]);
			strv_push(out, e.values.v[i]);
		}
	}
	env_free(&e);
}

void
spread_host_key(const struct spread *sp, const struct spread_job *j, const char *variant, char *hex, size_t size)
{
	struct env e = {0};
	struct hasher h;
	char out[HASH_HEX + 1];
	int any = 0;

	env_build(sp, j, variant, &e);
	hasher_init(&h);
	for (size_t i = 0; i < e.keys.n; i++) {
		if (e.keys.v[i][0] && e.host.v[i][0]) {
			hasher_add(&h, e.keys.v[i]);
			hasher_add(&h, e.values.v[i]);
			any = 1;
		}
	}
	hasher_end(&h, out);
	env_free(&e);
	snprintf(hex, size, "%s", any ? out : "");
}

/* Scripts joined as spread joins them: each in a subshell of its own. */
static char *
join(const char *const *scripts, size_t n)
{
	struct buf b = {0};

	for (size_t i = 0; i < n; i++) {
		if (!scripts[i] || !*scripts[i])
			continue;
		buf_printf(&b, "%s(\n%s\n)", b.len ? "\n\n" : "", scripts[i]);
	}
	return b.s;
}

static void
section(struct strv *out, const char *name, char *script)
{
	strv_push(out, name);
	strv_take(out, script);
}

void
spread_scripts(const struct spread *sp, const struct spread_job *j, struct strv *out)
{
	const struct suite *p = &sp->lv, *b = &j->backend->lv, *s = &j->suite->lv, *t = j->task;
	const char *project_prepare[] = {p->prepare, b->prepare}, *project_restore[] = {b->restore, p->restore};
	const char *project_debug[] = {b->debug, p->debug};
	const char *prepare_each[] = {p->prepare_each, b->prepare_each, s->prepare_each};
	const char *restore_each[] = {s->restore_each, b->restore_each, p->restore_each};
	const char *debug[] = {t->debug, s->debug_each, b->debug_each, p->debug_each};
	const char *suite_prepare[] = {s->prepare}, *suite_debug[] = {s->debug}, *suite_restore[] = {s->restore};

	section(out, "project-prepare", join(project_prepare, 2));
	section(out, "project-debug", join(project_debug, 2));
	section(out, "suite-prepare", join(suite_prepare, 1));
	section(out, "suite-debug", join(suite_debug, 1));
	section(out, "prepare-each", join(prepare_each, 3));
	section(out, "prepare", t->prepare ? xstrdup(t->prepare) : NULL);
	section(out, "execute", xstrdup(t->execute));
	section(out, "debug", join(debug, 4));
	section(out, "restore", t->restore ? xstrdup(t->restore) : NULL);
	section(out, "restore-each", join(restore_each, 3));
	section(out, "suite-restore", join(suite_restore, 1));
	section(out, "project-restore", join(project_restore, 2));
}
