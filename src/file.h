/* Files orchgen writes: always a temporary file renamed into place. */
#include <stddef.h>

/* Read a whole file; NULL with errno set on failure. *LEN may be NULL. */
char *file_read(const char *path, size_t *len);
/* Replace PATH with DATA atomically (temp file + fsync-free rename). 0 or -1 (warned). */
int file_write(const char *path, const void *data, size_t len);
/* file_write() only when the bytes differ: 1 written, 0 unchanged, -1 error (warned). */
int file_update(const char *path, const void *data, size_t len);
/* mkdir -p of PATH's parent directory. 0 or -1 (warned). */
int file_mkparents(const char *path);
/* mkdir -p PATH. 0 or -1 (warned). */
int file_mkdirs(const char *path);
/* PATH made absolute from the current directory. */
char *file_absolute(const char *path);
/* rm -rf PATH, never following a symlink. 0, or -1 (warned). */
int file_remove_tree(const char *path);
