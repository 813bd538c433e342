/* Runs a command and prints its wall time in seconds, its peak resident
 * memory in KiB, its exit status and its CPU time (user + system) in
 * seconds, all from wait4, so benchmarks need no external tool:
 *     0.3162 14952 0 0.3104
 * The command reads /dev/null and writes to /dev/null: what is measured is
 * the work, not a terminal drawing the output, and no peer stops to ask. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double seconds(struct timeval t)
{
	return (double)t.tv_sec + (double)t.tv_usec / 1e6;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs("usage: measure COMMAND [ARG...]\n", stderr);
		return 2;
	}
	struct timespec a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	pid_t pid = fork();
	if (pid < 0)
		return 2;
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		dup2(null, 0);
		dup2(null, 1);
		execvp(argv[1], argv + 1);
		_exit(127);
	}
	int st;
	struct rusage ru;
	if (wait4(pid, &st, 0, &ru) < 0)
		return 2;
	clock_gettime(CLOCK_MONOTONIC, &b);
	double s = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
	printf("%.4f %ld %d %.4f\n", s, ru.ru_maxrss, WIFEXITED(st) ? WEXITSTATUS(st) : 128,
	       seconds(ru.ru_utime) + seconds(ru.ru_stime));
	return 0;
}
