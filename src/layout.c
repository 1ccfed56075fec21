#include <stdio.h>
#include "str.h"
#include "matrix.h"
#include "layout.h"
#include "util.h"

char *
base_path(const struct distro *d)
{
	return xasprintf(".orch/base/%s", d->name);
}

char *
stage_path(const struct distro *d, const char *name)
{
	return xasprintf(".orch/stage/%s/%s", d->name, name);
}

char *
stage_stamp(const struct distro *d, const char *stage)
{
	return xasprintf(".orch/stage/%s/%s.ok", d->name, stage);
}

char *
cache_dir(const struct cache *c, const struct distro *d)
{
	if (c->per_distro)
		return xasprintf(".orch/cache/%s/%s", c->name, d->name);
	return xasprintf(".orch/cache/%s", c->name);
}

char *
build_dir(const struct distro *d)
{
	return xasprintf(".orch/build/%s", d->name);
}
