/* guatu: the command line. Parses options, loads the chart, and hands it to
 * the chosen output. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "load.h"
#include "model.h"
#include "text.h"

enum exit_code { EXIT_OK = 0, EXIT_OVERDUE = 1, EXIT_BAD = 2 };

struct options {
	int check;
	day_t today;
	int soon;
};

static void usage(FILE *out)
{
	fputs("Usage: guatu [OPTIONS] PATH...\n"
	      "Track the key projects and deadlines of development zones, from YAML charts.\n"
	      "PATH is a chart file or a directory of *.yaml / *.yml files.\n"
	      "\n"
	      "  -c, --check        validate the chart: print diagnostics and a summary\n"
	      "      --today DATE   take DATE as today (any date form a chart accepts)\n"
	      "      --soon DAYS    days, today included, that count as due soon (default 14)\n"
	      "  -h, --help         show this help and exit\n"
	      "  -V, --version      show the version and exit\n"
	      "\n"
	      "Exit status: 0 when the chart loaded without errors, 2 on a data or usage error.\n"
	      "See guatu(1) and docs/format.md for the chart format.\n",
	      out);
}

__attribute__((format(printf, 1, 2)))
static int bad_usage(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("guatu: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'guatu --help' for more information.\n", stderr);
	return EXIT_BAD;
}

/* Returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct options *o)
{
	static const struct option longs[] = {
		{"check", no_argument, NULL, 'c'},
		{"today", required_argument, NULL, 'T'},
		{"soon", required_argument, NULL, 'S'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	int ch;
	while ((ch = getopt_long(argc, argv, "chV", longs, NULL)) != -1) {
		switch (ch) {
		case 'c':
			o->check = 1;
			break;
		case 'T': {
			struct span sp;
			const char *why;
			if (date_parse(optarg, strlen(optarg), &sp, &why) < 0)
				return bad_usage("--today: not a date: '%s'", optarg);
			o->today = sp.last;
			break;
		}
		case 'S': {
			char *end;
			errno = 0;
			long v = strtol(optarg, &end, 10);
			if (errno || end == optarg || *end || v < 0 || v > 3650)
				return bad_usage("--soon: expected a number of days from 0 to 3650, not '%s'",
						 optarg);
			o->soon = (int)v;
			break;
		}
		case 'h':
			usage(stdout);
			return EXIT_OK;
		case 'V':
			puts(PACKAGE_NAME " " PACKAGE_VERSION);
			return EXIT_OK;
		default:
			fputs("Try 'guatu --help' for more information.\n", stderr);
			return EXIT_BAD;
		}
	}
	if (optind >= argc)
		return bad_usage("%s", "no chart given: name a YAML file or a directory");
	return -1;
}

static void print_diags(const struct chart *c)
{
	for (size_t i = 0; i < c->diags.n; i++) {
		const struct diag *g = &c->diags.v[i];
		const char *path = c->files[g->file].path;
		size_t n = strlen(path);
		char *shown = malloc(TEXT_SANITIZE_MAX(n));
		unsigned changed;
		if (shown) /* a file name can hold escape sequences too */
			text_sanitize(path, n, shown, TEXT_LINE, &changed);
		diag_print(stderr, g, shown ? shown : "?");
		free(shown);
	}
	if (c->diags.oom)
		fputs("guatu: out of memory: some diagnostics are missing\n", stderr);
}

static void print_counts(const struct chart *c)
{
	printf("%zu file%s, %zu zone%s, %zu project%s, %zu milestone%s, %zu target%s",
	       c->nfiles, c->nfiles == 1 ? "" : "s", c->nzones, c->nzones == 1 ? "" : "s",
	       c->nprojects, c->nprojects == 1 ? "" : "s", c->nmilestones,
	       c->nmilestones == 1 ? "" : "s", c->ntargets, c->ntargets == 1 ? "" : "s");
}

/* Until the interactive chart exists: a short summary of the chart. */
static void print_summary(const struct chart *c, const struct options *o)
{
	size_t overdue = 0, soon = 0;
	for (size_t i = 0; i < c->nmilestones; i++) {
		enum ms_state s = milestone_state(&c->milestones[i], o->today, o->soon);
		overdue += s == MS_OVERDUE;
		soon += s == MS_SOON;
	}
	char day[11];
	date_format(o->today, day);
	const char *title = chart_title(c);
	printf("%s%s%s: ", title, *title ? " " : "", day);
	print_counts(c);
	printf("; %zu overdue, %zu due soon\n", overdue, soon);
}

int main(int argc, char **argv)
{
	if (text_locale_init() < 0)
		fputs("guatu: warning: no UTF-8 locale found; Chinese text may be shown as U+FFFD\n",
		      stderr);
	struct options o = {.today = date_today(), .soon = 14};
	int r = parse_args(argc, argv, &o);
	if (r >= 0)
		return r;

	struct chart c;
	if (chart_init(&c) < 0 ||
	    load_chart(&c, (const char *const *)argv + optind, (size_t)(argc - optind), NULL) < 0) {
		print_diags(&c);
		fputs("guatu: out of memory\n", stderr);
		chart_free(&c);
		return EXIT_BAD;
	}
	print_diags(&c);
	if (o.check) {
		print_counts(&c);
		printf("; %zu error%s, %zu warning%s\n", c.diags.errors, c.diags.errors == 1 ? "" : "s",
		       c.diags.warnings, c.diags.warnings == 1 ? "" : "s");
	} else {
		print_summary(&c, &o);
	}
	r = c.diags.errors ? EXIT_BAD : EXIT_OK;
	chart_free(&c);
	return r;
}
