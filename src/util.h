/* Errors and memory: the few helpers every module needs. */
#include <stddef.h>

/* Exit statuses, as the design fixes them. */
enum {
	EXIT_JOBFAIL = 1,	/* a job or stage failed */
	EXIT_USAGE = 2,		/* usage or configuration error */
	EXIT_ENGINE = 3,	/* the container engine or the machine failed us */
};

/* Print "orchgen: MSG" on stderr; a trailing ':' in FMT appends strerror(errno). */
void warn(const char *fmt, ...);
/* warn(), then exit with STATUS. */
_Noreturn void fatal(int status, const char *fmt, ...);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* A newly allocated formatted string. */
char *xasprintf(const char *fmt, ...);
/* Milliseconds since the epoch. */
long long now_ms(void);
