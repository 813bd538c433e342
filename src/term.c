#include "config.h"
#include "term.h"
#include "i18n.h"

#include "keys.h"

#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/* One flag a signal, so one never hides another (a SIGTERM then a SIGUSR1). */
static volatile sig_atomic_t pending[NSIG];
static SCREEN *screen;
static int gone;
static struct termios saved_tty;
static int have_saved_tty;
static char crash_reset[128]; /* exit the alternate screen, show the cursor */
static size_t crash_reset_len;
static attr_t attrs[STYLE_COUNT];
static short pairs[STYLE_COUNT];
static cchar_t blanks[STYLE_COUNT]; /* a blank in each style */
static int shows_on_blank[STYLE_COUNT]; /* a blank in it differs from a plain one */

/* Only sets a flag: curses is never called from a handler. */
static void on_signal(int sig)
{
	if (sig > 0 && sig < NSIG)
		pending[sig] = 1;
}

/* The pending signal that matters most, or 0: leaving first. */
static int next_signal(void)
{
	static const int order[] = {SIGHUP, SIGTERM, SIGINT, SIGTSTP, SIGUSR1};
	for (size_t i = 0; i < sizeof order / sizeof *order; i++)
		if (pending[order[i]])
			return order[i];
	return 0;
}

/* A crash: put the tty back with async-signal-safe calls only, then die
 * of the same signal. */
static void on_crash(int sig)
{
	if (have_saved_tty)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_tty);
	if (crash_reset_len && write(STDOUT_FILENO, crash_reset, crash_reset_len) < 0)
		crash_reset_len = 0;
	signal(sig, SIG_DFL);
	raise(sig);
}

static void handle(int sig, void (*fn)(int))
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: a wait for a key must end on a signal */
	sigaction(sig, &sa, NULL);
}

static void add_cap(const char *name)
{
	char *s = tigetstr(name);
	if (s && s != (char *)-1 && crash_reset_len + strlen(s) < sizeof crash_reset) {
		/* a counted buffer, written with write(2): no NUL wanted */
		memcpy(crash_reset + crash_reset_len, s, strlen(s)); /* NOLINT(bugprone-not-null-terminated-result) */
		crash_reset_len += strlen(s);
	}
}

static attr_t attrs_of(unsigned look)
{
	return (look & LOOK_BOLD ? A_BOLD : 0) | (look & LOOK_DIM ? A_DIM : 0) |
	       (look & LOOK_UNDERLINE ? A_UNDERLINE : 0) | (look & LOOK_REVERSE ? A_REVERSE : 0);
}

/* Colour pairs and attributes from the one table of looks (grid.c). */
static void setup_colors(int color)
{
	int colored = color && has_colors() && start_color() != ERR;
	short bg = COLOR_BLACK;
	if (colored && use_default_colors() == OK) /* keeps a transparent background */
		bg = -1;
	for (int st = 0; st < STYLE_COUNT; st++) {
		const struct look *l = &looks[st];
		attrs[st] = attrs_of(colored ? l->with : l->mono);
		pairs[st] = 0;
		if (colored && l->fg >= 0) {
			init_pair((short)(st + 1), (short)l->fg, bg);
			pairs[st] = (short)(st + 1);
		}
	}
	/* Reverse and underline show on a blank, and so does a colour pair
	 * where the background could not be left the terminal's own. */
	for (int st = 0; st < STYLE_COUNT; st++) {
		setcchar(&blanks[st], L" ", attrs[st], pairs[st], NULL);
		shows_on_blank[st] = (attrs[st] & (A_REVERSE | A_UNDERLINE)) || (pairs[st] && bg != -1);
	}
}

int term_open(int color, const char **err)
{
	if (tcgetattr(STDIN_FILENO, &saved_tty) == 0)
		have_saved_tty = 1;
	if (!getenv("ESCDELAY")) /* ncurses waits a whole second after ESC otherwise */
		set_escdelay(25);
	/* newterm, unlike initscr, returns instead of exiting on an unknown TERM. */
	screen = newterm(NULL, stdout, stdin);
	if (!screen) {
		*err = _("cannot use this terminal (is TERM set right?); --print works without one");
		return -1;
	}
	set_term(screen);
	const char *cup = tigetstr("cup");
	if (!cup || cup == (char *)-1) { /* TERM=dumb, an Emacs shell buffer */
		endwin();
		delscreen(screen);
		screen = NULL;
		*err = _("this terminal cannot move the cursor (is TERM dumb?); --print works without one");
		return -1;
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	intrflush(stdscr, FALSE);
	curs_set(0);
	/* The cursor is hidden: leave it where the last change was drawn rather
	 * than send it back to the end of the grid after every update. */
	leaveok(stdscr, TRUE);
	setup_colors(color);
	add_cap("rmcup");
	add_cap("cnorm");
	add_cap("sgr0");
	handle(SIGINT, on_signal);
	handle(SIGTERM, on_signal);
	handle(SIGHUP, on_signal);
	handle(SIGUSR1, on_signal);
	handle(SIGTSTP, on_signal);
	handle(SIGSEGV, on_crash);
	handle(SIGABRT, on_crash);
	handle(SIGBUS, on_crash);
	handle(SIGFPE, on_crash);
	return 0;
}

void term_close(void)
{
	if (!gone)
		endwin();
	delscreen(screen);
	screen = NULL;
}

void term_size(int *w, int *h)
{
	*w = COLS;
	*h = LINES;
}

void term_suspend(void)
{
	def_prog_mode();
	endwin();
}

void term_resume(void)
{
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
}

void term_repaint(void)
{
	clearok(curscr, TRUE);
}

/* Whether cell (y, x) is a blank that looks like any other blank. */
static int free_blank(const struct grid *g, int y, int x)
{
	const struct cell *c = grid_at(g, y, x);
	return c->s[0] == ' ' && c->s[1] == '\0' && !shows_on_blank[c->style];
}

/* The style of a free blank that looks like (a, pair), or -1. */
static int free_style(attr_t a, short pair)
{
	for (int st = 0; st < STYLE_COUNT; st++)
		if (!shows_on_blank[st] && attrs[st] == a && pairs[st] == pair)
			return st;
	return -1;
}

/* The style of the free blank the terminal shows at (y, x), or -1. */
static int shown_blank(int y, int x)
{
	cchar_t on;
	wchar_t wc[CCHARW_MAX + 1];
	attr_t a;
	short pair;
	if (mvwin_wch(curscr, y, x, &on) == ERR || getcchar(&on, wc, &a, &pair, NULL) == ERR ||
	    wc[0] != L' ' || wc[1] != L'\0')
		return -1;
	return free_style(a & (A_ATTRIBUTES & ~A_COLOR), pair);
}

/* Sends the free blanks [x, end) of row y, between cells of styles `before`
 * and `after` (-1 at an edge). Any free blank looks like any other, so it
 * sends the ones that cost least: inside a phrase of one look, that look,
 * so no attributes are switched; where the terminal already shows free
 * blanks, a stretch long enough for ncurses to skip, those, which cost
 * nothing; before that, the look just sent. Over SSH every byte counts. */
static void put_blanks(int y, int x, int end, int before, int after)
{
	enum { SKIPPED = 8 }; /* about what moving the cursor past them costs */
	int glue = before >= 0 && after >= 0 && !shows_on_blank[before] && attrs[before] == attrs[after] &&
		   pairs[before] == pairs[after];
	int st = before >= 0 && !shows_on_blank[before] ? before : STYLE_NORMAL;
	int kept = end;
	while (!glue && kept > x && shown_blank(y, kept - 1) >= 0)
		kept--;
	if (end - kept < SKIPPED)
		kept = end;
	for (; x < end; x++)
		mvwadd_wch(stdscr, y, x, &blanks[x < kept ? st : shown_blank(y, x)]);
}

void term_show(const struct grid *g)
{
	for (int y = 0; y < g->h && y < LINES; y++) {
		int w = g->w < COLS ? g->w : COLS, before = -1;
		for (int x = 0; x < w;) {
			const struct cell *c = grid_at(g, y, x);
			if (c->width == 0) {
				x++;
			} else if (free_blank(g, y, x)) {
				int end = x + 1;
				while (end < w && free_blank(g, y, end))
					end++;
				put_blanks(y, x, end, before, end < w ? grid_at(g, y, end)->style : -1);
				x = end;
			} else {
				wchar_t wc[8] = {0};
				if (mbstowcs(wc, c->s, 7) == (size_t)-1)
					wc[0] = L'?';
				cchar_t cc;
				setcchar(&cc, wc, attrs[c->style], pairs[c->style], NULL);
				mvwadd_wch(stdscr, y, x++, &cc);
				before = c->style;
			}
		}
	}
	wnoutrefresh(stdscr);
	doupdate();
}

int term_key(int *key, int ms)
{
	if (next_signal())
		return TERM_SIGNAL;
	wtimeout(stdscr, ms);
	wint_t wch;
	errno = 0;
	int r = wget_wch(stdscr, &wch);
	if (next_signal())
		return TERM_SIGNAL;
	if (r == ERR) {
		/* A timeout, or a terminal that is gone: a hung-up tty reads as
		 * ready with nothing to read, so ask poll() which it is. */
		struct pollfd p = {STDIN_FILENO, POLLIN, 0};
		if (poll(&p, 1, 0) > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL))) {
			gone = 1;
			return TERM_GONE;
		}
		if (errno == EIO) {
			gone = 1;
			return TERM_GONE;
		}
		return TERM_TIMEOUT;
	}
	*key = r == KEY_CODE_YES ? FKEY((int)wch) : (int)wch;
	return TERM_KEY;
}

void term_stop(void)
{
	def_prog_mode();
	endwin();
	signal(SIGTSTP, SIG_DFL);
	raise(SIGTSTP); /* stopped here until fg */
	handle(SIGTSTP, on_signal);
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
}

int term_hangup_pending(void)
{
	return pending[SIGHUP] != 0;
}

int term_signal(void)
{
	int s = next_signal();
	if (s)
		pending[s] = 0;
	if (s == SIGHUP)
		gone = 1;
	return s;
}
