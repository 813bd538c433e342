/* keys: the CPU each key of the interactive chart costs, through a
 * pseudo-terminal, so that it is the real program on a real terminal that
 * is measured.
 *
 *     bench/keys [-r ROUNDS] [-q QUIET_MS] [-s START_MS] KEYFILE COMMAND [ARG...]
 *
 * Starts COMMAND on a new pty of 120x40 with TERM=xterm-256color and
 * LC_ALL=C.UTF-8, waits for its first screen, then plays the key presses of
 * KEYFILE (see bench/keys.txt for its form) ROUNDS times (default 20). For
 * each press it takes the child's CPU time, writes the key, waits until the
 * child has been quiet for QUIET_MS (default 150) and takes the CPU time
 * again. Then it hangs up, as a closed terminal would.
 *
 * Prints one tab-separated line per label, in the order of the file, after a
 * line for the start (load and first screen, one sample):
 *     LABEL  SAMPLES  CPU_MS  WALL_MS  BYTES
 * medians over the samples: CPU time, the time from the key to the last byte
 * written, and the bytes written to the terminal.
 *
 * Quiet means no output and no CPU spent for QUIET_MS: a key whose work
 * prints nothing for a while (a reload) is not taken as done too early. */
#ifndef _XOPEN_SOURCE /* posix_openpt, grantpt, unlockpt, ptsname; ncursesw's flags may set it */
#define _XOPEN_SOURCE 600
#endif

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

enum { COLS = 120, ROWS = 40, START_LIMIT_S = 120, KEY_LIMIT_S = 60 };
/* CPU below this during a quiet window is the idle tick (a stat() a
 * second), not work. */
static const long long IDLE_NS = 1000000;
static const int SAMPLE_MS = 5; /* how often threads are read while waiting */

struct step {
	char *label; /* "." is played but not reported */
	char *bytes;
	size_t len;
	int from, to; /* the rounds it is played in; to 0 = every round from `from` */
};

struct series {
	char *label;
	size_t n, cap;
	double *cpu_ms, *wall_ms, *bytes;
};

static struct step *steps;
static size_t nsteps;
static struct series *series;
static size_t nseries;
static pid_t child;

__attribute__((format(printf, 1, 2)))
static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("keys: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (child > 0)
		kill(child, SIGKILL);
	exit(2);
}

static void *grow(void *p, size_t n, size_t size)
{
	p = realloc(p, n * size);
	if (!p)
		die("%s", "out of memory");
	return p;
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* C escapes, as printf(1) reads them; other bytes (UTF-8 too) stand for
 * themselves. Returns the length; out holds at least strlen(s) bytes. */
static size_t unescape(const char *s, char *out)
{
	size_t n = 0;
	while (*s) {
		if (*s != '\\' || !s[1]) {
			out[n++] = *s++;
			continue;
		}
		s++;
		const char *simple = "n\nr\rt\te\033a\ab\bf\fv\v\\\\";
		const char *m = strchr(simple, *s);
		if (m && (m - simple) % 2 == 0) {
			out[n++] = m[1];
			s++;
		} else if (*s == 'x') {
			unsigned v = 0;
			int d = 0;
			for (s++; d < 2 && strchr("0123456789abcdefABCDEF", *s) && *s; d++, s++)
				v = v * 16 + (unsigned)(*s <= '9' ? *s - '0' : (*s | 0x20) - 'a' + 10);
			out[n++] = (char)v;
		} else if (*s >= '0' && *s <= '7') {
			unsigned v = 0;
			for (int d = 0; d < 3 && *s >= '0' && *s <= '7'; d++, s++)
				v = v * 8 + (unsigned)(*s - '0');
			out[n++] = (char)v;
		} else {
			out[n++] = *s++;
		}
	}
	return n;
}

static struct series *series_of(const char *label)
{
	for (size_t i = 0; i < nseries; i++)
		if (!strcmp(series[i].label, label))
			return &series[i];
	series = grow(series, nseries + 1, sizeof *series);
	struct series *s = &series[nseries++];
	memset(s, 0, sizeof *s);
	s->label = strdup(label);
	if (!s->label)
		die("%s", "out of memory");
	return s;
}

static void add(struct series *s, double cpu_ms, double wall_ms, double bytes)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 32;
		s->cpu_ms = grow(s->cpu_ms, s->cap, sizeof *s->cpu_ms);
		s->wall_ms = grow(s->wall_ms, s->cap, sizeof *s->wall_ms);
		s->bytes = grow(s->bytes, s->cap, sizeof *s->bytes);
	}
	s->cpu_ms[s->n] = cpu_ms;
	s->wall_ms[s->n] = wall_ms;
	s->bytes[s->n++] = bytes;
}

/* LABEL BYTES [ROUNDS], blank lines and # comments skipped; a field that
 * starts with # after the second ends the line. */
static void read_keys(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		die("cannot read %s", path);
	char line[1024];
	int lineno = 0;
	while (fgets(line, sizeof line, f)) {
		lineno++;
		char *save, *label = strtok_r(line, " \t\r\n", &save);
		if (!label || *label == '#')
			continue;
		char *bytes = strtok_r(NULL, " \t\r\n", &save), *rounds = strtok_r(NULL, " \t\r\n", &save);
		if (!bytes)
			die("%s:%d: a label and the bytes of a key are needed", path, lineno);
		steps = grow(steps, nsteps + 1, sizeof *steps);
		struct step *s = &steps[nsteps++];
		s->label = strdup(label);
		s->bytes = malloc(strlen(bytes) + 1);
		if (!s->label || !s->bytes)
			die("%s", "out of memory");
		s->len = unescape(bytes, s->bytes);
		s->from = 1, s->to = 0;
		if (rounds && *rounds != '#') {
			char *end;
			s->from = (int)strtol(rounds, &end, 10);
			if (*end == '-' && !end[1])
				s->to = 0, end++;
			else if (*end == '-')
				s->to = (int)strtol(end + 1, &end, 10);
			else
				s->to = s->from;
			if (*end || s->from < 1 || (s->to && s->to < s->from))
				die("%s:%d: rounds are N, N- or N-M", path, lineno);
		}
		if (strcmp(label, "."))
			series_of(label); /* reported in the order of the file */
	}
	fclose(f);
}

/* The threads seen, and what each had run when last seen. */
static struct {
	long tid;
	long long ns;
} seen[64];
static size_t nseen;
static long long gone_ns; /* what threads that ended had run */

/* Nanoseconds a thread has run: the first field of its schedstat, else
 * utime + stime of its stat (clock ticks, coarser); -1 when it is gone. */
static long long thread_ns(pid_t pid, long tid)
{
	char path[96], buf[1024];
	snprintf(path, sizeof path, "/proc/%ld/task/%ld/schedstat", (long)pid, tid);
	FILE *f = fopen(path, "r");
	if (f) {
		unsigned long long ns;
		int ok = fscanf(f, "%llu", &ns) == 1;
		fclose(f);
		if (ok)
			return (long long)ns;
	}
	snprintf(path, sizeof path, "/proc/%ld/task/%ld/stat", (long)pid, tid);
	if (!(f = fopen(path, "r")))
		return -1;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	char *p = strrchr(buf, ')'); /* the command name may hold spaces */
	unsigned long ut, st;
	if (!p || sscanf(p + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) != 2)
		return -1;
	return (long long)((double)(ut + st) * 1e9 / (double)sysconf(_SC_CLK_TCK));
}

/* Nanoseconds the process has run, every thread's: guatu reloads and
 * indexes in a second thread, which ends when done. Each thread is read
 * (/proc/PID/task/TID); one that has ended counts with what it had run when
 * last read, so callers read often while a thread may end (settle() does,
 * every SAMPLE_MS). -1 when the process is gone. */
static long long cpu_ns(pid_t pid)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%ld/task", (long)pid);
	DIR *d = opendir(path);
	if (!d)
		return -1;
	long long live = 0;
	int found[64] = {0};
	struct dirent *e;
	while ((e = readdir(d))) {
		long tid = strtol(e->d_name, NULL, 10);
		long long ns;
		if (tid <= 0 || (ns = thread_ns(pid, tid)) < 0)
			continue;
		live += ns;
		size_t i = 0;
		while (i < nseen && seen[i].tid != tid)
			i++;
		if (i == nseen && nseen < sizeof seen / sizeof *seen)
			seen[nseen++].tid = tid;
		if (i < nseen) {
			seen[i].ns = ns;
			found[i] = 1;
		}
	}
	closedir(d);
	for (size_t i = 0; i < nseen;) /* ended since the last look */
		if (!found[i]) {
			gone_ns += seen[i].ns;
			found[i] = found[nseen - 1];
			seen[i] = seen[--nseen];
		} else {
			i++;
		}
	return live ? live + gone_ns : -1;
}

/* Reads the child's output until it has been quiet (no output, no CPU) for
 * quiet_ms. Adds the bytes read to *bytes and sets *last to the time of the
 * last byte (left alone when none came). Returns 0, or -1 when the child is
 * gone or limit_s passed. */
static int settle(int fd, int quiet_ms, double limit_s, double *bytes, double *last)
{
	double start = now(), act = start;
	long long ref = cpu_ns(child);
	char buf[65536];
	for (;;) {
		double t = now();
		if (t - start > limit_s)
			return -1;
		int left = quiet_ms - (int)((t - act) * 1000);
		if (left <= 0) {
			long long c = cpu_ns(child);
			if (c < 0)
				return -1;
			if (c - ref < IDLE_NS)
				return 0;
			ref = c; /* working without a word: wait on */
			act = t;
			continue;
		}
		struct pollfd p = {fd, POLLIN, 0};
		int r = poll(&p, 1, left < SAMPLE_MS ? left : SAMPLE_MS);
		if (r == 0 && cpu_ns(child) < 0) /* a thread that ends is read before it does */
			return -1;
		if (r < 0 && errno != EINTR)
			return -1;
		if (r <= 0)
			continue;
		ssize_t n = read(fd, buf, sizeof buf);
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n <= 0) /* EIO: the child closed the terminal */
			return -1;
		*bytes += (double)n;
		act = *last = now();
		ref = cpu_ns(child);
	}
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The middle value, or the mean of the two middle ones. Sorts v. */
static double median(double *v, size_t n)
{
	if (!n)
		return 0;
	qsort(v, n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void spawn(char **argv, int *master)
{
	int fd = posix_openpt(O_RDWR | O_NOCTTY);
	if (fd < 0 || grantpt(fd) < 0 || unlockpt(fd) < 0)
		die("cannot open a pseudo-terminal: %s", strerror(errno));
	char *name = ptsname(fd);
	if (!name)
		die("ptsname: %s", strerror(errno));
	struct winsize ws = {.ws_row = ROWS, .ws_col = COLS};
	if (ioctl(fd, TIOCSWINSZ, &ws) < 0)
		die("TIOCSWINSZ: %s", strerror(errno));
	fflush(NULL);
	child = fork();
	if (child < 0)
		die("fork: %s", strerror(errno));
	if (child == 0) {
		/* A session of its own, with the pty as its controlling terminal:
		 * as in a terminal window. */
		setsid();
		int s = open(name, O_RDWR);
		if (s < 0)
			_exit(126);
		ioctl(s, TIOCSCTTY, 0);
		dup2(s, 0), dup2(s, 1), dup2(s, 2);
		if (s > 2)
			close(s);
		close(fd);
		setenv("TERM", "xterm-256color", 1);
		setenv("LC_ALL", "C.UTF-8", 1);
		/* ncurses would take these over the pty's size; guatu's own
		 * choices (ESC delay, colour) should be what is measured. */
		unsetenv("COLUMNS");
		unsetenv("LINES");
		unsetenv("ESCDELAY");
		unsetenv("NO_COLOR");
		execvp(argv[0], argv);
		_exit(127);
	}
	*master = fd;
}

static void usage(void)
{
	fputs("usage: keys [-r ROUNDS] [-q QUIET_MS] [-s START_MS] KEYFILE COMMAND [ARG...]\n", stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	int rounds = 20, quiet = 150, start_quiet = 300, i = 1;
	for (; i + 1 < argc && argv[i][0] == '-' && argv[i][1] && !argv[i][2]; i += 2) {
		int v = atoi(argv[i + 1]);
		if (v < 1)
			usage();
		switch (argv[i][1]) {
		case 'r': rounds = v; break;
		case 'q': quiet = v; break;
		case 's': start_quiet = v; break;
		default: usage();
		}
	}
	if (argc - i < 2)
		usage();
	read_keys(argv[i]);

	int fd;
	double t0 = now(), last = t0, bytes = 0;
	spawn(argv + i + 1, &fd);
	if (settle(fd, start_quiet, START_LIMIT_S, &bytes, &last) < 0 || bytes == 0)
		die("%s drew no screen", argv[i + 1]);
	double start_cpu = (double)cpu_ns(child) / 1e6, start_wall = (last - t0) * 1000, start_bytes = bytes;

	for (int r = 1; r <= rounds; r++)
		for (size_t k = 0; k < nsteps; k++) {
			const struct step *s = &steps[k];
			if (r < s->from || (s->to && r > s->to))
				continue;
			double b = 0, sent;
			long long c0 = cpu_ns(child);
			sent = last = now();
			for (size_t off = 0; off < s->len;) {
				ssize_t w = write(fd, s->bytes + off, s->len - off);
				if (w < 0 && errno != EINTR)
					die("the chart is gone (at key %s)", s->label);
				off += w > 0 ? (size_t)w : 0;
			}
			if (settle(fd, quiet, KEY_LIMIT_S, &b, &last) < 0)
				die("the chart is gone or stuck (at key %s)", s->label);
			long long c1 = cpu_ns(child);
			if (c0 < 0 || c1 < 0)
				die("cannot read the CPU time of the chart (at key %s)", s->label);
			if (strcmp(s->label, "."))
				add(series_of(s->label), (double)(c1 - c0) / 1e6, (last - sent) * 1000, b);
		}

	/* Hang up: guatu takes a closed terminal as the end. */
	close(fd);
	int st = 0;
	for (int waited = 0; waitpid(child, &st, WNOHANG) == 0; waited++) {
		if (waited == 50)
			kill(child, SIGKILL);
		nanosleep(&(struct timespec){0, 100000000}, NULL);
	}
	if (!WIFEXITED(st))
		fprintf(stderr, "keys: %s ended by signal %d after a hang-up\n", argv[i + 1], WTERMSIG(st));

	printf("start\t1\t%.2f\t%.1f\t%.0f\n", start_cpu, start_wall, start_bytes);
	for (size_t k = 0; k < nseries; k++) {
		struct series *s = &series[k];
		size_t n = s->n;
		double c = median(s->cpu_ms, n), w = median(s->wall_ms, n), b = median(s->bytes, n);
		printf("%s\t%zu\t%.2f\t%.1f\t%.0f\n", s->label, n, c, w, b);
	}
	return WIFEXITED(st) ? 0 : 1;
}
