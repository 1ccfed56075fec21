/* Shards: the jobs a selection holds, split into N disjoint parts, one for
 * each CI runner, that together are the selection. The parts are balanced
 * by how long each job ran when it last did (the longest first, each onto
 * the part with the least to do), and by count where nothing is recorded;
 * the same jobs and durations give the same parts, in whatever order they
 * come. */

/* One job to place: its id, which breaks ties, and how long it last ran in
 * milliseconds, or -1 when that is not known. */
struct shard_job {
	const char *id;
	long long ms;
};

/* Read "K/N", whole decimal numbers with 1 <= K <= N, into *K and *N: 0,
 * or -1 (not said) when TEXT is none. */
int shard_parse(const char *text, unsigned *k, unsigned *n);
/* Read "N", a whole decimal number of 1 or more, into *N: 0, or -1. */
int shard_count(const char *text, unsigned *n);
/* The part of each of the NJOBS JOBS, 0 to N-1, into PART. A job whose
 * duration is not known counts as the mean of those that are (as 1 when
 * none is, and then the parts differ by one job at most). Of two parts
 * with as much to do, the one with fewer jobs, then the first, gets the
 * next job. */
void shard_split(const struct shard_job *jobs, size_t njobs, unsigned n, unsigned *part);
