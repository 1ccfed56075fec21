/* bench/yaml-floor.c: the floor under generation. It does only what no
 * generator can skip: find every task.yaml below DIR and parse each with
 * libyaml, event by event, building nothing. bench/scale.sh times orchgen
 * against it on the same suites.
 *
 *     cc -O2 -o yaml-floor yaml-floor.c $(pkg-config --cflags --libs yaml-0.1)
 *     yaml-floor DIR      # prints: FILES files, EVENTS events
 */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static unsigned long files, events;

static void
parse(const char *path)
{
	FILE *f = fopen(path, "rb");
	yaml_parser_t p;
	yaml_event_t e;
	int done = 0;

	if (!f) {
		perror(path);
		exit(1);
	}
	yaml_parser_initialize(&p);
	yaml_parser_set_input_file(&p, f);
	while (!done) {
		if (!yaml_parser_parse(&p, &e)) {
			fprintf(stderr, "%s: %s\n", path, p.problem ? p.problem : "parse error");
			exit(1);
		}
		done = e.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&e);
		events++;
	}
	yaml_parser_delete(&p);
	fclose(f);
	files++;
}

static void
walk(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d) {
		perror(dir);
		exit(1);
	}
	while ((e = readdir(d))) {
		char path[4096];
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (e->d_type == DT_DIR)
			walk(path);
		else if (!strcmp(e->d_name, "task.yaml"))
			parse(path);
	}
	closedir(d);
}

int
main(int argc, char *argv[])
{
	if (argc != 2) {
		fprintf(stderr, "usage: yaml-floor DIR\n");
		return 2;
	}
	walk(argv[1]);
	printf("%lu files, %lu events\n", files, events);
	return 0;
}
