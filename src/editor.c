#include "config.h"
#include "editor.h"
#include "lang.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "term.h"

struct editor_result editor_run(const char *path, unsigned line)
{
	struct editor_result res = {0, 0, getenv("VISUAL")};
	if (!res.editor || !*res.editor)
		res.editor = getenv("EDITOR");
	if (!res.editor || !*res.editor)
		res.editor = "vi";
	/* The editor string may hold arguments ("code -w"), so sh reads it;
	 * the file name is passed as an argument and is never read by a shell. */
	char at[32], *cmd = malloc(strlen(res.editor) + 16);
	if (!cmd)
		return res;
	snprintf(at, sizeof at, "+%u", line);
	sprintf(cmd, "%s \"$@\"", res.editor);
	term_suspend();
	/* Like system(): the editor gets Ctrl-C, guatu does not. And Ctrl-Z
	 * stops guatu with the editor, as one job, so fg brings both back: our
	 * own handler would leave the shell waiting on a guatu that waits. */
	struct sigaction ign, dfl, old_int, old_quit, old_tstp;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	dfl = ign;
	dfl.sa_handler = SIG_DFL;
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	sigaction(SIGTSTP, &dfl, &old_tstp);
	pid_t pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		execle("/bin/sh", "sh", "-c", cmd, "sh", at, path, (char *)NULL, lang_environ());
		_exit(127);
	}
	int st = 0;
	/* A hang-up (the terminal or the ssh link gone) ends the wait: guatu
	 * leaves, and as it is the session's leader the kernel then hangs up
	 * the editor, in guatu's process group; waiting on would leave both
	 * running for ever. */
	while (pid > 0 && waitpid(pid, &st, 0) < 0 && errno == EINTR)
		if (term_hangup_pending()) {
			res.hung_up = 1;
			break;
		}
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	sigaction(SIGTSTP, &old_tstp, NULL);
	if (!res.hung_up)
		term_resume();
	free(cmd);
	if (pid < 0 || (WIFEXITED(st) && WEXITSTATUS(st) == 127))
		return res;
	res.started = 1;
	res.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	return res;
}
