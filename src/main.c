/* guatu: the command line. Parses options, loads the chart, and hands it to
 * the chosen output. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "baseline.h"
#include "changes.h"
#include "date.h"
#include "diag.h"
#include "grid.h"
#include "keys.h"
#include "load.h"
#include "model.h"
#include "summary.h"
#include "text.h"
#include "ui.h"
#include "report.h"
#include "timeline.h"

enum exit_code { EXIT_OK = 0, EXIT_OVERDUE = 1, EXIT_BAD = 2 };

enum color { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

struct options {
	int check, print, ascii, readonly;
	const char *log;
	const char *baseline; /* a revision or a path to compare with */
	const char *view; /* browse (interactive only), status, targets, timeline */
	int today_given;
	day_t today;
	int soon;
	int width; /* 0: the terminal's, else 100 */
	enum color color;
	time_t now;
};

static void usage(FILE *out)
{
	fputs("Usage: guatu [OPTIONS] PATH...\n"
	      "Track the key projects and deadlines of development zones, from YAML charts.\n"
	      "PATH is a chart file or a directory of *.yaml / *.yml files.\n"
	      "\n"
	      "  -c, --check        validate the chart: print diagnostics and a summary\n"
	      "  -p, --print        write the status screen to standard output\n"
	      "  -w, --width N      columns for --print (default: the terminal's, else 100)\n"
	      "      --view NAME    what --print writes, and where the chart opens: status\n"
	      "                     (the default for --print), targets, timeline, browse\n"
	      "      --color[=WHEN] colour --print: auto (on a terminal), always or never;\n"
	      "                     NO_COLOR in the environment means never\n"
	      "      --no-color     the same as --color=never (also for the interactive chart)\n"
	      "      --ascii        ASCII frames and markers, for terminals that draw\n"
	      "                     box-drawing characters double wide\n"
	      "  -b, --baseline REV compare with the chart at a git revision (a tag such as\n"
	      "                     plan-2023, HEAD~5, @{2023-01-01}) or a copy at a path:\n"
	      "                     deadlines moved later count as problems (see B)\n"
	      "      --readonly     the interactive chart does not offer editing (e)\n"
	      "      --log FILE     where p (and SIGUSR1) append the screen\n"
	      "                     (default $XDG_STATE_HOME/guatu/screen.log)\n"
	      "      --today DATE   take DATE as today (any date form a chart accepts)\n"
	      "      --soon DAYS    days, today included, that count as due soon (default 14)\n"
	      "      --keys         list the keys of the interactive chart and exit\n"
	      "  -h, --help         show this help and exit\n"
	      "  -V, --version      show the version and exit\n"
	      "\n"
	      "Exit status: 0 when the chart loaded without errors (for --print: and nothing\n"
	      "is overdue, behind or postponed), 1 when something is (--print), 2 on a data\n"
	      "or usage error.\n"
	      "See guatu(1) and docs/format.md for the chart format.\n",
	      out);
}

/* Every action with its keys, as the help screen lists them: "j Down<TAB>help". */
static void list_keys(void)
{
	for (int a = 1; a < ACT_COUNT; a++) {
		char keys[64];
		action_label((enum action)a, " ", keys, sizeof keys);
		if (*keys)
			printf("%s\t%s\n", keys, action_info((enum action)a)->help);
	}
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

/* Reads a whole decimal number from lo to hi. */
static int number_arg(const char *s, long lo, long hi, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

/* Returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct options *o)
{
	static const struct option longs[] = {
		{"check", no_argument, NULL, 'c'},
		{"print", no_argument, NULL, 'p'},
		{"width", required_argument, NULL, 'w'},
		{"color", optional_argument, NULL, 'C'},
		{"colour", optional_argument, NULL, 'C'},
		{"no-color", no_argument, NULL, 'M'},
		{"readonly", no_argument, NULL, 'R'},
		{"log", required_argument, NULL, 'L'},
		{"baseline", required_argument, NULL, 'b'},
		{"ascii", no_argument, NULL, 'A'},
		{"today", required_argument, NULL, 'T'},
		{"soon", required_argument, NULL, 'S'},
		{"keys", no_argument, NULL, 'K'},
		{"view", required_argument, NULL, 'v'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	int ch;
	opterr = 0; /* getopt would name the program by its path: say it ourselves */
	while ((ch = getopt_long(argc, argv, ":cpw:b:hV", longs, NULL)) != -1) {
		switch (ch) {
		case 'c':
			o->check = 1;
			break;
		case 'p':
			o->print = 1;
			break;
		case 'A':
			o->ascii = 1;
			break;
		case 'M':
			o->color = COLOR_NEVER;
			break;
		case 'R':
			o->readonly = 1;
			break;
		case 'L':
			if (!*optarg)
				return bad_usage("%s", "--log: expected a file name");
			o->log = optarg;
			break;
		case 'b':
			if (!*optarg)
				return bad_usage("%s", "--baseline: expected a git revision or a path");
			o->baseline = optarg;
			break;
		case 'w':
			if (number_arg(optarg, 20, 1000, &o->width) < 0)
				return bad_usage("--width: expected a number of columns from 20 to 1000, not '%s'",
						 optarg);
			break;
		case 'C':
			if (!optarg || !strcmp(optarg, "always"))
				o->color = COLOR_ALWAYS;
			else if (!strcmp(optarg, "never"))
				o->color = COLOR_NEVER;
			else if (!strcmp(optarg, "auto"))
				o->color = COLOR_AUTO;
			else
				return bad_usage("--color: expected auto, always or never, not '%s'", optarg);
			break;
		case 'T': {
			struct span sp;
			const char *why;
			if (date_parse(optarg, strlen(optarg), &sp, &why) < 0)
				return bad_usage("--today: not a date: '%s': %s", optarg, why);
			o->today = sp.last;
			o->today_given = 1;
			break;
		}
		case 'S':
			if (number_arg(optarg, 0, 3650, &o->soon) < 0)
				return bad_usage("--soon: expected a number of days from 0 to 3650, not '%s'",
						 optarg);
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		case 'K':
			list_keys();
			return EXIT_OK;
		case 'v':
			if (strcmp(optarg, "status") && strcmp(optarg, "targets") && strcmp(optarg, "timeline") &&
			    strcmp(optarg, "browse"))
				return bad_usage("--view: expected status, targets, timeline or browse, not '%s'",
						 optarg);
			o->view = optarg;
			break;
		case 'V':
			puts(PACKAGE_NAME " " PACKAGE_VERSION);
			return EXIT_OK;
		case ':':
			return bad_usage("option '%s' needs a value", argv[optind - 1]);
		default:
			if (optopt && optopt != '?')
				return bad_usage("unknown option '-%c'", optopt);
			return bad_usage("unknown option '%s'", argv[optind - 1]);
		}
	}
	if (o->check && o->print)
		return bad_usage("%s", "--check and --print do different things: give one");
	if (o->check && o->view)
		return bad_usage("%s", "--view is for --print and the interactive chart, not --check");
	if (optind >= argc)
		return bad_usage("%s", "no chart given: name a YAML file or a directory");
	return -1;
}

static void print_diags(const struct chart *c)
{
	for (size_t i = 0; i < c->diags.n; i++)
		diag_print(stderr, &c->diags.v[i], c->files[c->diags.v[i].file].shown);
	if (c->diags.oom)
		fputs("guatu: out of memory: some diagnostics are missing\n", stderr);
}

static void print_counts(const struct chart *c)
{
	size_t files = 0; /* not a directory that stood for its missing files */
	for (size_t i = 0; i < c->nfiles; i++)
		files += !c->files[i].placeholder;
	printf("%zu file%s, %zu zone%s, %zu project%s, %zu milestone%s, %zu target%s",
	       files, files == 1 ? "" : "s", c->nzones, c->nzones == 1 ? "" : "s",
	       c->nprojects, c->nprojects == 1 ? "" : "s", c->nmilestones,
	       c->nmilestones == 1 ? "" : "s", c->ntargets, c->ntargets == 1 ? "" : "s");
}

/* Loading the baseline, in a thread of its own. */
struct baseline_job {
	struct baseline *b;
	const char *spec;
	const char *const *paths;
	size_t npaths;
	const struct load_opts *lo;
	int r;
};

static void *baseline_thread(void *arg)
{
	struct baseline_job *j = arg;
	j->r = baseline_load(j->b, j->spec, j->paths, j->npaths, j->lo);
	return NULL;
}

/* --check --baseline: what changed, counted, on a line of its own. */
static void print_changes(const struct changes *ch)
{
	static const char *const names[CH_COUNT] = {
		[CH_POSTPONED] = "postponed", [CH_FORWARD] = "brought forward", [CH_NEW] = "new",
		[CH_REMOVED] = "removed", [CH_STATUS] = "status changed", [CH_RELAXED] = "target relaxed",
		[CH_TIGHTENED] = "target tightened",
	};
	if (ch->b->failed) {
		printf("baseline %s: not read (see the errors above): nothing compared\n", ch->b->name);
		return;
	}
	printf("baseline %s:", ch->b->name);
	for (int k = 0; k < CH_COUNT; k++)
		printf("%s %zu %s", k ? "," : "", ch->count[change_order[k]], names[change_order[k]]);
	putchar('\n');
}

static int use_color(enum color c)
{
	const char *no = getenv("NO_COLOR"); /* https://no-color.org: any value */
	if (c == COLOR_NEVER || (no && *no))
		return 0;
	if (c == COLOR_ALWAYS)
		return 1;
	const char *term = getenv("TERM");
	return isatty(STDOUT_FILENO) && term && strcmp(term, "dumb") != 0;
}

static int print_width(int asked)
{
	struct winsize ws;
	if (asked)
		return asked;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		return ws.ws_col;
	return 100;
}

/* --print: a line with the time of the run, then the view asked for (the
 * status screen by default). Returns the exit status. */
static int print_view(const struct chart *c, const struct changes *ch, const struct options *o)
{
	struct summary s;
	struct grid stamp = {0};
	int width = print_width(o->width), color = use_color(o->color), ok = 0;
	if (summary_build(&s, c, o->today, o->soon, ch) == 0 && grid_init(&stamp, width, 1) == 0) {
		char line[64];
		struct tm tm;
		localtime_r(&o->now, &tm);
		strftime(line, sizeof line, "guatu %Y-%m-%d %H:%M:%S", &tm);
		grid_put(&stamp, 0, 0, line, STYLE_DIM);
		grid_write(&stamp, 1, stdout, color);
		if (!strcmp(o->view, "timeline")) {
			struct timeline_opts to = {.ascii = o->ascii, .zoom = ZOOM_MONTH};
			ok = timeline_write(stdout, c, &s, &to, width, color) == 0;
		} else {
			struct report l;
			struct report_opts so = {.ascii = o->ascii, .loaded = o->now,
						 .parts = !strcmp(o->view, "targets") ? 1u << PART_TARGETS : 0};
			ok = report_layout(&l, c, &s, &so, width) == 0 && report_write(stdout, &l, color) == 0;
			report_free(&l);
		}
	}
	if (!ok)
		fputs("guatu: out of memory\n", stderr);
	/* 1: something needs attention, whichever view was printed */
	int r = !ok || c->diags.errors ? EXIT_BAD
		: s.noverdue || s.all.behind || s.all.postponed ? EXIT_OVERDUE : EXIT_OK;
	grid_free(&stamp);
	summary_free(&s);
	return r;
}

int main(int argc, char **argv)
{
	int locale = text_locale_init();
	if (locale < 0)
		fputs("guatu: warning: no UTF-8 locale found; Chinese text may be shown as U+FFFD\n",
		      stderr);
	struct options o = {.now = date_now(), .soon = 14, .today = DAY_NONE};
	int r = parse_args(argc, argv, &o);
	if (o.today == DAY_NONE)
		o.today = date_of(o.now);
	if (r >= 0)
		return r;
	if (!o.view)
		o.view = "browse";
	else if (o.print && !strcmp(o.view, "browse"))
		return bad_usage("%s", "--view browse has no printed form: use status, targets or timeline");

	struct load_opts lo = load_defaults;
	lo.today = date_of(o.now); /* a 'done' date after the real day (not --today's) is a slip */
	const char *const *paths = (const char *const *)argv + optind;
	size_t npaths = (size_t)(argc - optind);
	/* The baseline is read once (a revision does not change while we run),
	 * beside the chart, in a thread: a comparison costs little more time
	 * than a load. */
	static struct baseline base;
	struct baseline_job job = {&base, o.baseline, paths, npaths, &lo, 0};
	pthread_t thread;
	int threaded = o.baseline && pthread_create(&thread, NULL, baseline_thread, &job) == 0;
	if (o.baseline && !threaded)
		baseline_thread(&job);
	struct chart *c = malloc(sizeof *c);
	int loaded = c && chart_init(c) == 0 && load_chart(c, paths, npaths, &lo, NULL) == 0;
	if (threaded)
		pthread_join(thread, NULL);
	if (!loaded) {
		if (c)
			print_diags(c), chart_free(c);
		free(c);
		if (o.baseline)
			baseline_free(&base);
		fputs("guatu: out of memory\n", stderr);
		return EXIT_BAD;
	}
	struct changes ch = {0};
	int interactive = !o.check && !o.print && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	if (o.baseline && (job.r < 0 || (!interactive && changes_build(&ch, c, &base) < 0))) { /* ui_run compares each load */
		fputs("guatu: out of memory\n", stderr);
		r = EXIT_BAD;
		goto out;
	}
	print_diags(c);
	if (o.check) {
		print_counts(c);
		printf("; %zu error%s, %zu warning%s\n", c->diags.errors, c->diags.errors == 1 ? "" : "s",
		       c->diags.warnings, c->diags.warnings == 1 ? "" : "s");
		if (o.baseline)
			print_changes(&ch);
		r = c->diags.errors ? EXIT_BAD : EXIT_OK;
	} else if (!interactive) {
		fflush(stderr); /* no terminal (cron, a pipe): the status screen as text */
		r = print_view(c, o.baseline ? &ch : NULL, &o);
	} else {
		struct ui_opts uo = {
			.paths = paths, .npaths = npaths,
			.today = o.today_given ? o.today : DAY_NONE, .soon = o.soon, .ascii = o.ascii,
			.readonly = o.readonly, .log = o.log,
			.color = use_color(o.color), /* decided as for --print: a terminal, no NO_COLOR */
			.view = o.view,
			.baseline = o.baseline ? &base : NULL,
			.notice = locale == 1 ? "区域设置不是 UTF-8，已改用 C.UTF-8 (locale was not UTF-8: using C.UTF-8)" : NULL,
		};
		if (c->diags.errors) /* what was wrong stays on the screen until guatu starts */
			fprintf(stderr, "guatu: %zu error%s in the chart; starting with what loaded\n",
				c->diags.errors, c->diags.errors == 1 ? "" : "s");
		r = ui_run(c, &uo); /* it owns c now: reloads replace it */
		c = NULL;
	}
out:
	if (c)
		chart_free(c), free(c);
	changes_free(&ch);
	if (o.baseline)
		baseline_free(&base);
	return r;
}
