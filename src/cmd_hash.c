/* orchgen hash: the hash edge. One group of files, given on the command
 * line as the inputs module made it, hashed into the output file, which
 * changes only when the content does (the edge has restat). */
#include <stdlib.h>
#include <string.h>
#include "str.h"
#include "file.h"
#include "hash.h"
#include "matrix.h"
#include "suite.h"
#include "walk.h"
#include "inputs.h"
#include "model.h"
#include "cmd.h"
#include "util.h"

int
cmd_hash(struct cmdargs *a)
{
	struct input in = {.out = (char *)a->out, .group = {.paths = a->rest, .exclude = a->exclude, .ignore_root = a->context, .follow = a->follow}};
	char hex[HASH_HEX + 2];

	if (input_hash(&in, 1, hex) < 0)
		return EXIT_USAGE;
	strcat(hex, "\n");
	return file_update(a->out, hex, strlen(hex)) < 0 ? EXIT_ENGINE : 0;
}
