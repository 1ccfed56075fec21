#include <stdio.h>
#include "str.h"
#include "hash.h"
#include "matrix.h"
#include "key.h"

static void
add(struct hasher *h, const char *s)
{
	hasher_add(h, s ? s : "");
}

static void
caches(struct hasher *h, const struct matrix *m, int warm)
{
	for (size_t i = 0; i < m->ncaches; i++) {
		const struct cache *c = &m->caches[i];
		add(h, c->name);
		add(h, c->path);
		add(h, c->per_distro ? "per-distro" : "shared");
		if (warm)
			add(h, c->warm);
	}
}

void
key_job(const struct matrix *m, const struct distro *d, char hex[HASH_HEX + 1])
{
	const struct project *p = &m->project;
	struct hasher h;
	char num[64];

	hasher_init(&h);
	add(&h, "orchgen-job-3");
	add(&h, p->workspace);
	add(&h, workspace_mode_name(p->workspace_mode));
	add(&h, p->skip_missing ? "missing-feature=skip" : "missing-feature=fail");
	add(&h, p->prepare_each);
	add(&h, p->restore_each);
	add(&h, p->debug_each);
	for (size_t i = 0; i < p->env.n; i++)
		add(&h, p->env.v[i]);
	snprintf(num, sizeof(num), "%ld %ld", p->kill_timeout, p->warn_timeout);
	add(&h, num);
	for (size_t i = 0; i < d->features.n; i++)
		add(&h, d->features.v[i]);
	caches(&h, m, 0);
	add(&h, p->build ? "build" : "");
	hasher_end(&h, hex);
}

void
key_warm(const struct matrix *m, char hex[HASH_HEX + 1])
{
	struct hasher h;

	hasher_init(&h);
	add(&h, "orchgen-warm-1");
	caches(&h, m, 1);
	hasher_end(&h, hex);
}

void
key_build(const struct matrix *m, char hex[HASH_HEX + 1])
{
	struct hasher h;

	hasher_init(&h);
	add(&h, "orchgen-build-1");
	add(&h, m->project.build);
	add(&h, m->project.workspace);
	caches(&h, m, 0);
	hasher_end(&h, hex);
}
