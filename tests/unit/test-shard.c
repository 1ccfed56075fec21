/* shard.c: the parts of a selection, deterministic, disjoint, complete
 * and balanced. */
#include <stdio.h>
#include <stdlib.h>
#include "check.h"
#include "shard.h"

static void
test_parse(void)
{
	static const char *const bad[] = {"0/2", "3/2", "a/b", "1/0", "", "1", "1/", "/2", "1/2x", " 1/2",
	    "-1/2", "+1/2", "1/-2", "1/2/3", "1//2", "99999999999/99999999999", "1.0/2"};
	unsigned k = 0, n = 0;

	CHECK(shard_parse("1/2", &k, &n) == 0 && k == 1 && n == 2);
	CHECK(shard_parse("2/2", &k, &n) == 0 && k == 2 && n == 2);
	CHECK(shard_parse("07/10", &k, &n) == 0 && k == 7 && n == 10);
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		if (shard_parse(bad[i], &k, &n) == 0)
			fprintf(stderr, "accepted \"%s\"\n", bad[i]);
		CHECK(shard_parse(bad[i], &k, &n) < 0);
	}
	CHECK(shard_count("4", &n) == 0 && n == 4);
	CHECK(shard_count("0", &n) < 0);
	CHECK(shard_count("4x", &n) < 0);
	CHECK(shard_count("", &n) < 0);
}

/* The parts of JOBS into N, as a string: the part of each job, '1'...,
 * in the order given. */
static const char *
parts(const struct shard_job *jobs, size_t njobs, unsigned n)
{
	static char out[64];
	unsigned part[64];

	shard_split(jobs, njobs, n, part);
	for (size_t i = 0; i < njobs; i++) {
		CHECK(part[i] < n);	/* every job in one part of N */
		out[i] = (char)('1' + part[i]);
	}
	out[njobs] = '\0';
	return out;
}

static void
test_by_count(void)
{
	struct shard_job jobs[] = {{"a:s1", -1}, {"a:s2", -1}, {"a:s3", -1}, {"b:s1", -1}, {"b:s2", -1},
	    {"b:s3", -1}, {"c:s1", -1}};

	/* By id, in turn: 3, 2 and 2 jobs. */
	CHECK_STR(parts(jobs, 7, 3), "1231231");
	CHECK_STR(parts(jobs, 7, 1), "1111111");
	/* More parts than jobs: one job each, the rest empty. */
	CHECK_STR(parts(jobs, 3, 5), "123");
	CHECK_STR(parts(jobs, 0, 2), "");
}

static void
test_by_duration(void)
{
	struct shard_job jobs[] = {{"j1", 5000}, {"j2", 1000}, {"j3", 9000}, {"j4", 4000}, {"j5", 7000}, {"j6", 6000}};

	/* 9 -> 1, 7 -> 2, 6 -> 2 (7 < 9), 5 -> 1 (9 < 13), 4 -> 2 (13 < 14), 1 -> 1:
	 * 15s and 17s. */
	CHECK_STR(parts(jobs, 6, 2), "111222");
	/* One long job against many short ones: it gets a part to itself. */
	struct shard_job skew[] = {{"long", 60000}, {"s1", 1000}, {"s2", 1000}, {"s3", 1000}};
	CHECK_STR(parts(skew, 4, 2), "1222");
}

static void
test_unknown_and_zero(void)
{
	/* A job not recorded counts as the mean of the others, 20s here:
	 * 30 -> 1, new 20 -> 2, 10 -> 2. */
	struct shard_job mixed[] = {{"old-short", 10000}, {"new", -1}, {"old-long", 30000}};
	CHECK_STR(parts(mixed, 3, 2), "221");
	/* Jobs that took no time at all spread by count, not onto one part. */
	struct shard_job zero[] = {{"a", 0}, {"b", 0}, {"c", 0}, {"d", 0}};
	CHECK_STR(parts(zero, 4, 2), "1212");
}

/* The same jobs in another order: each job in the same part. */
static void
test_deterministic(void)
{
	struct shard_job jobs[] = {{"j1", 5000}, {"j2", 1000}, {"j3", 9000}, {"j4", 5000}, {"j5", -1}, {"j6", 5000},
	    {"j7", 5000}};
	struct shard_job rev[7];
	unsigned a[7], b[7];

	for (size_t i = 0; i < 7; i++)
		rev[i] = jobs[6 - i];
	shard_split(jobs, 7, 3, a);
	shard_split(rev, 7, 3, b);
	for (size_t i = 0; i < 7; i++)
		CHECK(a[i] == b[6 - i]);
}

int
main(void)
{
	test_parse();
	test_by_count();
	test_by_duration();
	test_unknown_and_zero();
	test_deterministic();
	return checks_done();
}
