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
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "baseline.h"
#include "changes.h"
#include "date.h"
#include "diag.h"
#include "export.h"
#include "grid.h"
#include "i18n.h"
#include "keys.h"
#include "lang.h"
#include "load.h"
#include "model.h"
#include "summary.h"
#include "text.h"
#include "ui.h"
#include "report.h"
#include "settings.h"
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
	int soon; /* -1: not given */
	const char *config; /* --config FILE */
	int keys;           /* --keys */
	int width; /* 0: the terminal's, else 100 */
	enum color color;
	time_t now;
	/* --export FORMAT [-o FILE] [--what WHAT] [--no-bom] */
	int exporting, output_given, what_given, no_bom;
	struct export_opts ex;
};

static void usage(FILE *out)
{
	fputs(_("Usage: guatu [OPTIONS] [PATH...]\n"
	      "Track the key projects and deadlines of development zones, from YAML charts.\n"
	      "PATH is a chart file or a directory of *.yaml / *.yml files. With none, the\n"
	      "configured paths, else ./guatu.yaml or ./guatu.d/.\n"
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
	      "      --config FILE  read settings from FILE (default $GUATU_CONFIG, else\n"
	      "                     $XDG_CONFIG_HOME/guatu/config.yaml); /dev/null: none\n"
	      "      --keys         list the keys of the interactive chart and exit\n"
	      "      --export FMT   write every milestone and target as csv, json or xlsx\n"
	      "  -o, --output FILE  where --export writes (default: standard output;\n"
	      "                     xlsx needs a file)\n"
	      "      --what WHAT    --export csv: milestones (the default) or targets\n"
	      "      --no-bom       --export csv: no UTF-8 byte order mark\n"
	      "  -h, --help         show this help and exit\n"
	      "  -V, --version      show the version and exit\n"
	      "\n"
	      "Exit status: 0 when the chart loaded without errors (for --print and --export:\n"
	      "and nothing is overdue, behind or postponed), 1 when something is (--print,\n"
	      "--export), 2 on a data, usage or write error.\n"
	      "See guatu(1) and docs/format.md for the chart format.\n"),
	      out);
}

/* Every action with its keys, as the help screen lists them: "j Down<TAB>help". */
static void list_keys(void)
{
	for (int a = 1; a < ACT_COUNT; a++) {
		char keys[64];
		action_label((enum action)a, " ", keys, sizeof keys);
		if (*keys)
			printf("%s\t%s\n", keys, _(action_info((enum action)a)->help));
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
	fputc('\n', stderr);
	fputs(_("Try 'guatu --help' for more information.\n"), stderr);
	return EXIT_BAD;
}

/* Reads a whole decimal number from lo to hi. */
static int number_arg(const char *s, long lo, long hi, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10); /* NOLINT(clang-analyzer-core.NonNullParamChecker): s is optarg, see parse_args */
	if (errno || end == s || *end || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

/* --export's options together; -1 to go on, else the exit status. */
static int export_args(struct options *o)
{
	o->ex.bom = !o->no_bom;
	if (!o->exporting) {
		if (o->output_given || o->what_given || o->no_bom)
			return bad_usage("%s", _("-o, --what and --no-bom are for --export"));
		return -1;
	}
	if (o->check || o->print)
		return bad_usage("%s", _("--export, --check and --print do different things: give one"));
	if (o->view)
		return bad_usage("%s", _("--view is for --print and the interactive chart, not --export"));
	if (o->baseline) /* the exit status would count postponed milestones that no column shows */
		return bad_usage("%s", _("--export does not compare with a baseline: use --print --baseline"));
	if (o->ex.format != EXPORT_CSV && (o->what_given || o->no_bom))
		return bad_usage("%s", _("--what and --no-bom are for --export csv: json and xlsx hold milestones "
					 "and targets both, and have no byte order mark"));
	if (o->ex.format == EXPORT_XLSX && !o->ex.path)
		return bad_usage("%s", _("--export xlsx needs -o FILE: a workbook is written to a file"));
	/* Said before reading any chart. GUATU_TEST_NO_XLSX stands in for a
	 * build without libxlsxwriter, for the test of this message. */
	if (o->ex.format == EXPORT_XLSX && (!export_have_xlsx || getenv("GUATU_TEST_NO_XLSX"))) {
		fprintf(stderr, "guatu: %s\n", export_no_xlsx());
		return EXIT_BAD;
	}
	return -1;
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
		{"config", required_argument, NULL, 'F'},
		{"view", required_argument, NULL, 'v'},
		{"export", required_argument, NULL, 'X'},
		{"output", required_argument, NULL, 'o'},
		{"what", required_argument, NULL, 'W'},
		{"no-bom", no_argument, NULL, 'B'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	int ch;
	opterr = 0; /* getopt would name the program by its path: say it ourselves */
	/* getopt_long sets optarg for every option declared required_argument
	 * (and returns ':' when it is missing); the analyser does not know. */
	/* NOLINTBEGIN(clang-analyzer-core.NullDereference,clang-analyzer-core.NonNullParamChecker) */
	while ((ch = getopt_long(argc, argv, ":cpw:b:o:hV", longs, NULL)) != -1) {
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
				return bad_usage("%s", _("--log: expected a file name"));
			o->log = optarg;
			break;
		case 'b':
			if (!*optarg)
				return bad_usage("%s", _("--baseline: expected a git revision or a path"));
			o->baseline = optarg;
			break;
		case 'w':
			if (number_arg(optarg, 20, 1000, &o->width) < 0)
				return bad_usage(_("--width: expected a number of columns from 20 to 1000, not '%s'"),
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
				return bad_usage(_("--color: expected auto, always or never, not '%s'"), optarg);
			break;
		case 'T': {
			struct span sp;
			const char *why;
			if (date_parse(optarg, strlen(optarg), &sp, &why) < 0)
				return bad_usage(_("--today: not a date: '%s': %s"), optarg, why);
			o->today = sp.last;
			o->today_given = 1;
			break;
		}
		case 'S':
			if (number_arg(optarg, 0, 3650, &o->soon) < 0)
				return bad_usage(_("--soon: expected a number of days from 0 to 3650, not '%s'"),
						 optarg);
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		case 'K':
			o->keys = 1; /* after the configuration, which may rebind them */
			break;
		case 'F':
			if (!*optarg)
				return bad_usage("%s", _("--config: expected a file name"));
			o->config = optarg;
			break;
		case 'v':
			if (strcmp(optarg, "status") && strcmp(optarg, "targets") && strcmp(optarg, "timeline") &&
			    strcmp(optarg, "browse"))
				return bad_usage(_("--view: expected status, targets, timeline or browse, not '%s'"),
						 optarg);
			o->view = optarg;
			break;
		case 'V':
			puts(PACKAGE_NAME " " PACKAGE_VERSION);
			return EXIT_OK;
		/* --export and what goes with it */
		case 'X':
			if (!strcmp(optarg, "csv"))
				o->ex.format = EXPORT_CSV;
			else if (!strcmp(optarg, "json"))
				o->ex.format = EXPORT_JSON;
			else if (!strcmp(optarg, "xlsx"))
				o->ex.format = EXPORT_XLSX;
			else
				return bad_usage(_("--export: expected csv, json or xlsx, not '%s'"), optarg);
			o->exporting = 1;
			break;
		case 'o':
			if (!*optarg)
				return bad_usage("%s", _("-o: expected a file name"));
			o->ex.path = strcmp(optarg, "-") ? optarg : NULL;
			o->output_given = 1;
			break;
		case 'W':
			if (!strcmp(optarg, "milestones"))
				o->ex.what = EXPORT_MILESTONES;
			else if (!strcmp(optarg, "targets"))
				o->ex.what = EXPORT_TARGETS;
			else
				return bad_usage(_("--what: expected milestones or targets, not '%s'"), optarg);
			o->what_given = 1;
			break;
		case 'B':
			o->no_bom = 1;
			break;
		case ':':
			return bad_usage(_("option '%s' needs a value"), argv[optind - 1]);
		default:
			if (optopt && optopt != '?')
				return bad_usage(_("unknown option '-%c'"), optopt);
			return bad_usage(_("unknown option '%s'"), argv[optind - 1]);
		}
	}
	/* NOLINTEND(clang-analyzer-core.NullDereference,clang-analyzer-core.NonNullParamChecker) */
	if (o->check && o->print)
		return bad_usage("%s", _("--check and --print do different things: give one"));
	if (o->check && o->view)
		return bad_usage("%s", _("--view is for --print and the interactive chart, not --check"));
	return export_args(o);
}

static void print_diags(const struct chart *c)
{
	for (size_t i = 0; i < c->diags.n; i++)
		diag_print(stderr, &c->diags.v[i], c->files[c->diags.v[i].file].shown);
	if (c->diags.oom)
		fprintf(stderr, "guatu: %s\n", _("out of memory: some diagnostics are missing"));
}

static void print_counts(const struct chart *c)
{
	size_t files = 0; /* not a directory that stood for its missing files */
	for (size_t i = 0; i < c->nfiles; i++)
		files += !c->files[i].placeholder;
	/* Each count its own message: ngettext chooses per number. */
	printf(ngettext("%zu file", "%zu files", files), files);
	fputs(_(", "), stdout);
	printf(ngettext("%zu zone", "%zu zones", c->nzones), c->nzones);
	fputs(_(", "), stdout);
	printf(ngettext("%zu project", "%zu projects", c->nprojects), c->nprojects);
	fputs(_(", "), stdout);
	printf(ngettext("%zu milestone", "%zu milestones", c->nmilestones), c->nmilestones);
	fputs(_(", "), stdout);
	printf(ngettext("%zu target", "%zu targets", c->ntargets), c->ntargets);
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
		[CH_POSTPONED] = N_("postponed"), [CH_FORWARD] = N_("brought forward"), [CH_NEW] = N_("new"),
		[CH_REMOVED] = N_("removed"), [CH_STATUS] = N_("status changed"), [CH_RELAXED] = N_("target relaxed"),
		[CH_TIGHTENED] = N_("target tightened"),
	};
	if (ch->b->failed) {
		printf(_("baseline %s: not read (see the errors above): nothing compared\n"), ch->b->name);
		return;
	}
	printf(_("baseline %s:"), ch->b->name);
	for (int k = 0; k < CH_COUNT; k++)
		/* TRANSLATORS: one count of the --check baseline line: ", 3 postponed". */
		printf(_("%s %zu %s"), k ? _(",") : "", ch->count[change_order[k]], _(names[change_order[k]]));
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
		fprintf(stderr, "guatu: %s\n", _("out of memory"));
	/* 1: something needs attention, whichever view was printed */
	int r = !ok || c->diags.errors ? EXIT_BAD
		: s.noverdue || s.all.behind || s.all.postponed ? EXIT_OVERDUE : EXIT_OK;
	grid_free(&stamp);
	summary_free(&s);
	return r;
}

/* --export: the chart, judged as --print judges it, to a file or standard
 * output. What loaded is written even when a file had errors; the exit
 * status is --print's. */
static int export_chart(const struct chart *c, const struct options *o)
{
	struct summary s;
	char err[1024];
	if (summary_build(&s, c, o->today, o->soon, NULL) < 0) {
		fprintf(stderr, "guatu: %s\n", _("out of memory"));
		return EXIT_BAD;
	}
	int failed = export_write(c, &s, &o->ex, err, sizeof err) < 0;
	if (failed)
		fprintf(stderr, "guatu: %s\n", err);
	int r = failed || c->diags.errors ? EXIT_BAD : roll_bad(&s.all) ? EXIT_OVERDUE : EXIT_OK;
	summary_free(&s);
	return r;
}

/* ---- the configuration file (issue #13) ------------------------------ */

#ifndef PKGDATADIR
#define PKGDATADIR "/usr/local/share/guatu" /* Makefile.am passes $(pkgdatadir) */
#endif

/* Reads the configuration file into cfg and fills in what the command line
 * did not give: the command line wins. A configuration with errors stops
 * guatu in every mode, the interactive one too, as git does: a setting
 * silently not applied (a key not bound, a colour not changed) would be
 * worse than a message. Returns -1 to go on, else the exit status. */
static int configure(struct options *o, struct settings *cfg, char *path, size_t cap)
{
	int named = 0;
	int found = settings_path(o->config, path, cap, &named) == 0;
	if (!found)
		*path = '\0';
	if (settings_load(cfg, found ? path : NULL, named) < 0) {
		settings_print_diags(cfg, stderr);
		fprintf(stderr, "guatu: %s\n", _("out of memory"));
		return EXIT_BAD;
	}
	settings_print_diags(cfg, stderr);
	if (cfg->diags.errors) {
		fprintf(stderr, _("guatu: not started: fix the configuration (--config /dev/null reads none)\n"));
		return EXIT_BAD;
	}
	if (o->soon < 0)
		o->soon = cfg->soon != SETTING_UNSET ? cfg->soon : 14;
	if (cfg->ascii == 1)
		o->ascii = 1;
	if (cfg->readonly == 1)
		o->readonly = 1;
	if (!o->log)
		o->log = cfg->log;
	settings_apply_looks(cfg);
	/* The configured language counts where the locale says none. */
	lang_init(cfg->language);
	return -1;
}

/* The charts to open when the command line names none: the configured
 * ones, else ./guatu.yaml, else ./guatu.d/. 0, or -1 when there are none. */
static int default_paths(const struct settings *cfg, const char *const **paths, size_t *n)
{
	static const char *here[1];
	struct stat st;
	if (cfg->npaths) {
		*paths = (const char *const *)cfg->paths;
		*n = cfg->npaths;
		return 0;
	}
	if (stat("guatu.yaml", &st) == 0)
		here[0] = "guatu.yaml";
	else if (stat("guatu.d", &st) == 0 && S_ISDIR(st.st_mode))
		here[0] = "guatu.d";
	else
		return -1;
	*paths = here;
	*n = 1;
	return 0;
}

/* No chart anywhere: how to start. */
static int say_how_to_start(const char *config)
{
	fprintf(stderr, _("guatu: no chart given, none configured, and no guatu.yaml or guatu.d/ here\n"
			  "Name a chart file or a directory of them:  guatu CHART.yaml\n"
			  "or list them under 'paths:' in %s (see guatu(1)).\n"
			  "Sample charts to start from: %s\n"),
		*config ? config : "~/.config/guatu/config.yaml", PKGDATADIR "/examples");
	return EXIT_BAD;
}

int main(int argc, char **argv)
{
	int locale = text_locale_init();
	if (locale == -2) { /* issue #14: out of memory from the start */
		fprintf(stderr, "guatu: %s\n", _("out of memory"));
		return EXIT_BAD;
	}
	lang_init(NULL); /* again below with the configured language */
	if (locale < 0)
		fprintf(stderr, "guatu: %s: %s\n", _("warning"),
			_("no UTF-8 locale found; Chinese text may be shown as U+FFFD"));
	/* GUATU_NOW is read as the reproducible-builds spec asks of
	 * SOURCE_DATE_EPOCH (which guatu does not read: date.h): a malformed
	 * value is an error, not a silent fall back to the clock, and a time
	 * past the calendar is refused before any date arithmetic sees it. */
	const char *now_why = date_now_problem();
	if (now_why) {
		fprintf(stderr, _("guatu: GUATU_NOW: %s: expected seconds since 1970 whose local date is "
				  "9999-12-31 or before (253402300799 in UTC)\n"),
			_(now_why));
		return EXIT_BAD;
	}
	struct options o = {.now = date_now(), .soon = -1, .today = DAY_NONE};
	int r = parse_args(argc, argv, &o);
	if (o.today == DAY_NONE)
		o.today = date_of(o.now);
	if (r >= 0)
		return r;
	if (!o.view)
		o.view = "browse";
	else if (o.print && !strcmp(o.view, "browse"))
		return bad_usage("%s", _("--view browse has no printed form: use status, targets or timeline"));
	static struct settings cfg; /* lives as long as the chart: ui_run reloads its paths */
	char cfg_path[4096];
	r = configure(&o, &cfg, cfg_path, sizeof cfg_path);
	if (r < 0 && o.keys) {
		list_keys();
		r = EXIT_OK;
	}
	if (r >= 0) {
		settings_free(&cfg);
		return r;
	}

	struct load_opts lo = load_defaults;
	lo.today = date_of(o.now); /* a 'done' date after the real day (not --today's) is a slip */
	const char *const *paths = (const char *const *)argv + optind;
	size_t npaths = (size_t)(argc - optind);
	if (!npaths && default_paths(&cfg, &paths, &npaths) < 0) {
		settings_free(&cfg);
		return say_how_to_start(cfg_path);
	}
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
		settings_free(&cfg);
		fprintf(stderr, "guatu: %s\n", _("out of memory"));
		return EXIT_BAD;
	}
	struct changes ch = {0};
	int interactive = !o.check && !o.print && !o.exporting && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	if (o.baseline && (job.r < 0 || (!interactive && changes_build(&ch, c, &base) < 0))) { /* ui_run compares each load */
		fprintf(stderr, "guatu: %s\n", _("out of memory"));
		r = EXIT_BAD;
		goto out;
	}
	print_diags(c);
	if (o.exporting) {
		r = export_chart(c, &o);
	} else if (o.check) {
		print_counts(c);
		fputs(_("; "), stdout);
		printf(ngettext("%zu error", "%zu errors", c->diags.errors), c->diags.errors);
		fputs(_(", "), stdout);
		printf(ngettext("%zu warning", "%zu warnings", c->diags.warnings), c->diags.warnings);
		putchar('\n');
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
			.notice = locale == 1 ? _("locale was not UTF-8: using C.UTF-8") : NULL,
		};
		if (c->diags.errors) /* what was wrong stays on the screen until guatu starts */
			fprintf(stderr, ngettext("guatu: %zu error in the chart; starting with what loaded\n",
						 "guatu: %zu errors in the chart; starting with what loaded\n", c->diags.errors),
				c->diags.errors);
		r = ui_run(c, &uo); /* it owns c now: reloads replace it */
		c = NULL;
	}
	/* Issue #14: under cron, a full disk or a closed pipe must not pass
	 * for a report written. --export checks and names its own output. */
	if (!interactive && !o.exporting && (fflush(stdout) != 0 || ferror(stdout))) {
		fprintf(stderr, _("guatu: cannot write the output: %s\n"), strerror(errno ? errno : EIO));
		r = EXIT_BAD;
	}
out:
	if (c)
		chart_free(c), free(c);
	changes_free(&ch);
	if (o.baseline)
		baseline_free(&base);
	settings_free(&cfg);
	return r;
}
