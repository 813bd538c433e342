/* The baseline: a bare libyaml event parse of a file, doing nothing with the
 * events. guatu's load is measured against this. */
#include <stdio.h>
#include <yaml.h>

int main(int argc, char **argv)
{
	FILE *f = argc > 1 ? fopen(argv[1], "rb") : NULL;
	if (!f)
		return 2;
	yaml_parser_t p;
	yaml_event_t ev;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_file(&p, f);
	size_t n = 0;
	for (;;) {
		if (!yaml_parser_parse(&p, &ev))
			return 1;
		int end = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		n++;
		if (end)
			break;
	}
	yaml_parser_delete(&p);
	fclose(f);
	printf("%zu events\n", n);
	return 0;
}
