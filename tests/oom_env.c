/* guatu-oom: guatu itself (src/main.c) with tests/alloc.c's malloc, for
 * tests/oom.sh's walk of the whole process, start-up and exit included.
 *
 * GUATU_OOM_WALK=DIR walks every allocation: before main, the process
 * forks a child for N = 1, 2, ... whose Nth allocation fails; each child
 * runs main with the arguments given, its output in DIR/out and DIR/err.
 * Forking here rather than running guatu once per N spares the dynamic
 * linker's and ASan's start-up on every run: the walk is many times
 * faster. The parent checks each child:
 *   - it exits with 0, 1 or 2: never a signal, never the sanitizers'
 *     status (the test sets ASan's exitcode to 99, LeakSanitizer's is 23);
 *   - with status 2 and "out of memory" in what it wrote to stderr, or
 *     with what a run with nothing failing writes and returns, or (glibc's
 *     setlocale does not say when it lacked memory, and remembers the
 *     locale as missing) with the warning that no UTF-8 locale was found;
 * and stops at the first N the child never reached. It prints one line
 * per kind of ending and exits 0 when every run was right, else 1, with
 * the first wrong N and its stderr.
 *
 * GUATU_FAIL_ALLOC=N alone runs once with the Nth allocation failing. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include "alloc.h"

/* What a child tells its parent, in memory they share. */
struct report {
	unsigned long long seen, failed;
};
static struct report *shared;
/* What the run with nothing failing wrote. Not a local of walk(): each
 * child leaves walk() to run main, and LeakSanitizer would count a buffer
 * only its gone frame pointed to as a leak (exit 99 for every child). */
static char *clean;

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	*len = 0;
	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0) {
		long n = ftell(f);
		rewind(f);
		if (n >= 0 && (buf = malloc((size_t)n + 1))) {
			*len = fread(buf, 1, (size_t)n, f);
			buf[*len] = '\0';
		}
	}
	fclose(f);
	return buf;
}

/* Runs main in a child with allocation n failing (0: none); its status. */
static int child(unsigned long long n, const char *out, const char *err)
{
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		int o = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600), e = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (o < 0 || e < 0 || dup2(o, 1) < 0 || dup2(e, 2) < 0)
			_exit(98);
		close(o), close(e);
		alloc_fail_at(n);
		return -1; /* the child goes on to main */
	}
	int st = 0;
	while (pid > 0 && waitpid(pid, &st, 0) < 0)
		;
	return pid < 0 ? -2 : st;
}

static void walk(const char *dir)
{
	char out[4096], err[4096];
	snprintf(out, sizeof out, "%s/out", dir);
	snprintf(err, sizeof err, "%s/err", dir);
	shared = mmap(NULL, sizeof *shared, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (shared == MAP_FAILED)
		fputs("guatu-oom: no shared memory\n", stderr), _exit(3);
	int st = child(0, out, err);
	if (st == -1)
		return;
	size_t clean_len, len, elen;
	clean = slurp(out, &clean_len);
	int clean_st = st;
	unsigned long long total = shared->seen, n, refused = 0, survived = 0, nolocale = 0, wrong = 0;
	if (!WIFEXITED(st) || WEXITSTATUS(st) > 2) {
		printf("the run with nothing failing ended with status %#x\n", (unsigned)st);
		_exit(1);
	}
	for (n = 1;; n++) {
		shared->seen = shared->failed = 0;
		st = child(n, out, err);
		if (st == -1)
			return;
		if (!shared->failed && WIFEXITED(st) && st == clean_st)
			break; /* past the last allocation */
		if (n > total + 1000) { /* a walk that never ends is a failure, not a hang */
			printf("the walk did not end: run %llu, past the %llu allocations, has status %#x\n", n, total,
			       (unsigned)st);
			wrong++;
			break;
		}
		char *o = slurp(out, &len), *e = slurp(err, &elen);
		int code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
		if (code == 2 && e && strstr(e, "out of memory"))
			refused++;
		else if (e && strstr(e, "guatu: warning: no UTF-8 locale found"))
			nolocale++; /* glibc's setlocale, short of memory, says nothing and remembers the failure */
		else if (st == clean_st && o && len == clean_len && !memcmp(o, clean, len))
			survived++;
		else if (!wrong++)
			printf("allocation %llu: status %#x (exit %d), stderr:\n%s\n", n, (unsigned)st, code, e ? e : "");
		free(o), free(e);
	}
	printf("%llu allocations with nothing failing; %llu walked\n", total, n - 1);
	printf("refused with a message: %llu\nsurvived, output unchanged: %llu\n", refused, survived);
	printf("warned that no UTF-8 locale could be had: %llu\nwrong: %llu\n", nolocale, wrong);
	free(clean);
	fflush(stdout);
	_exit(wrong ? 1 : 0);
}

__attribute__((constructor)) static void arm(void)
{
	const char *dir = getenv("GUATU_OOM_WALK"), *n = getenv("GUATU_FAIL_ALLOC");
	if (alloc_ready() < 0)
		return;
	if (dir)
		walk(dir); /* returns only in a child */
	else if (n)
		alloc_fail_at(strtoull(n, NULL, 10));
}

__attribute__((destructor)) static void report(void)
{
	if (shared)
		shared->seen = alloc_seen(), shared->failed = alloc_failures();
}
