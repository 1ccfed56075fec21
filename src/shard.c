#include <stdlib.h>
#include <string.h>
#include "shard.h"
#include "util.h"

/* A whole decimal number of 1 or more at *P, which is moved past it: 0,
 * or -1 when there is none or it does not fit. */
static int
number(const char **p, unsigned *out)
{
	unsigned long long v = 0;
	const char *s = *p;

	if (*s < '0' || *s > '9')
		return -1;
	for (; *s >= '0' && *s <= '9'; s++) {
		v = v * 10 + (unsigned)(*s - '0');
		if (v > 0xffffffffULL)
			return -1;
	}
	*p = s;
	*out = (unsigned)v;
	return v > 0 ? 0 : -1;
}

int
shard_parse(const char *text, unsigned *k, unsigned *n)
{
	const char *p = text;

	if (number(&p, k) < 0 || *p++ != '/' || number(&p, n) < 0 || *p)
		return -1;
	return *k <= *n ? 0 : -1;
}

int
shard_count(const char *text, unsigned *n)
{
	const char *p = text;

	return number(&p, n) < 0 || *p ? -1 : 0;
}

/* A job in the order of placing: its weight, its id, where it came. */
struct placing {
	long long weight;
	const char *id;
	size_t at;
};

static int
cmpplacing(const void *a, const void *b)
{
	const struct placing *x = a, *y = b;

	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	return strcmp(x->id, y->id);
}

/* The weight of a job not recorded: the mean of those that are, or 1. */
static long long
unknown_weight(const struct shard_job *jobs, size_t njobs)
{
	long long sum = 0, known = 0;

	for (size_t i = 0; i < njobs; i++) {
		if (jobs[i].ms >= 0)
			sum += jobs[i].ms, known++;
	}
	return known ? sum / known : 1;
}

void
shard_split(const struct shard_job *jobs, size_t njobs, unsigned n, unsigned *part)
{
	/* Past one part per job the rest stay empty: never more than that. */
	size_t parts = n < njobs ? n : njobs;
	struct placing *order = xcalloc(njobs ? njobs : 1, sizeof(*order));
	long long *load = xcalloc(parts ? parts : 1, sizeof(*load)), unknown = unknown_weight(jobs, njobs);
	size_t *count = xcalloc(parts ? parts : 1, sizeof(*count));

	for (size_t i = 0; i < njobs; i++)
		order[i] = (struct placing){jobs[i].ms >= 0 ? jobs[i].ms : unknown, jobs[i].id, i};
	qsort(order, njobs, sizeof(*order), cmpplacing);
	for (size_t i = 0; i < njobs; i++) {
		size_t best = 0;
		for (size_t p = 1; p < parts; p++) {
			if (load[p] < load[best] || (load[p] == load[best] && count[p] < count[best]))
				best = p;
		}
		part[order[i].at] = (unsigned)best;
		load[best] += order[i].weight;
		count[best]++;
	}
	free(order), free(load), free(count);
}
