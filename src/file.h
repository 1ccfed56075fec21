/* Files orchgen writes: always a temporary file renamed into place. */
#include <stddef.h>
#include <stdio.h>

/* Open PATH for reading when it is a regular file, never blocking on a
 * FIFO or reading a device: NULL with errno set (EINVAL: not a regular
 * file) otherwise. */
FILE *file_open_regular(const char *path);
/* Read a whole regular file; NULL with errno set on failure. *LEN may be NULL. */
char *file_read(const char *path, size_t *len);
/* The temporary that PATH is written to before it is renamed into place:
 * PATH.tmpPID. New. */
char *file_temporary(const char *path);
/* Replace PATH with DATA atomically (temp file + fsync-free rename). 0 or -1 (warned). */
int file_write(const char *path, const void *data, size_t len);
/* file_write() only when the bytes differ: 1 written, 0 unchanged, -1 error (warned). */
int file_update(const char *path, const void *data, size_t len);
/* mkdir -p of PATH's parent directory. 0 or -1 (warned). */
int file_mkparents(const char *path);
/* mkdir -p PATH. 0 or -1 (warned). */
int file_mkdirs(const char *path);
/* PATH as a real path: its directory resolved, and if PATH is a link,
 * where it leads, whether that exists or not. NULL when a directory on the
 * way does not exist, or links loop. */
char *file_resolve(const char *path);
/* The real path PATH relative to the current directory when it is below
 * it, else NULL. */
char *file_relative(const char *path);
/* PATH cleaned lexically, like Go's path.Clean: no empty or "."
 * components, ".." folded where it can be; "" for the current directory;
 * without its leading '/' when STRIP. New. */
char *file_clean(const char *path, int strip);
/* The directory of PATH ("." when it has none); with EXISTING, the
 * nearest one above it that exists. New. */
char *file_dirname(const char *path, int existing);
/* PATH relative to the directory DIR, both as from the current
 * directory: "../logs/a.log" for logs/a.log from out/. New. */
char *file_relative_to(const char *dir, const char *path);
/* Remove PATH.tmpPID files that processes no longer running left behind
 * (file_write's temporaries, after a kill -9). */
void file_clean_temporaries(const char *path);
/* The same for every file of the directory DIR. */
void file_clean_temporaries_in(const char *dir);
/* Hold the lock file PATH until this process ends, waiting (and saying so,
 * for WHAT; NULL: quietly) while another process holds it: the descriptor,
 * or -1 (warned). */
int file_lock(const char *path, const char *what);
/* The lock of PATH (created) when no one holds it: its descriptor, -2
 * when another holds it, -1 on error (warned). */
int file_trylock(const char *path);
/* PATH made absolute from the current directory. */
char *file_absolute(const char *path);
/* rm -rf PATH, never following a symlink. 0, or -1 (warned). */
int file_remove_tree(const char *path);
/* DIR/NAME written with TEXT (atomically), or removed when TEXT is NULL:
 * 0, or -1 (said). */
int file_put(const char *dir, const char *name, const char *text);
