/* testlib.c: assertions, temporary directories and child processes for tests. */
#include "testlib.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/store.h"

#include "util/fs.h"

int test_failures;
int test_checks;
static char tmpdir[256];

static void
remove_tmpdir(void)
{
	if (tmpdir[0] && !getenv("BRIEF_KEEP_TMP")) {
		char cmd[300];
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", tmpdir);
	}
}

const char *
test_tmpdir(void)
{
	if (!tmpdir[0]) {
		snprintf(tmpdir, sizeof tmpdir, "/tmp/brief-test-XXXXXX");
		if (!mkdtemp(tmpdir)) {
			perror("mkdtemp");
			exit(1);
		}
		atexit(remove_tmpdir);
	}
	return tmpdir;
}

static const char *skipped_part; /* test_skip_part's why */

void
test_skip_part(const char *why)
{
	fprintf(stderr, "skipped: %s\n", why);
	skipped_part = why;
}

int
test_done(const char *name)
{
	if (test_failures) {
		fprintf(stderr, "%s: %d of %d checks FAILED\n", name, test_failures, test_checks);
		return 1;
	}
	if (skipped_part) {
		printf("%s: all %d checks passed, but a part was skipped: %s\n", name, test_checks, skipped_part);
		return 77;
	}
	printf("%s: all %d checks passed\n", name, test_checks);
	return 0;
}

const char *
test_shared(void)
{
	const char *s = getenv("BRIEF_SHARED");
	if (s && fs_is_dir(s))
		return s;
	return NULL;
}

const char *
test_need_shared(void)
{
	const char *s = test_shared();
	if (!s) {
		fprintf(stderr, "skipped: the shared corpus (BRIEF_SHARED) is not available\n");
		exit(77);
	}
	return s;
}

const char *
test_user_home(void)
{
	static char home[300];
	if (!home[0]) {
		snprintf(home, sizeof home, "%s/user-home", test_tmpdir());
		if (mkdir(home, 0700) < 0 && errno != EEXIST) {
			perror(home);
			exit(1);
		}
	}
	return home;
}

void
test_isolate_child(const char *home)
{
	static const char *const user[] = {"BRIEF_HOME", "BRIEF_CONFIG", "XDG_DATA_HOME", "XDG_CONFIG_HOME",
	                                   "XDG_CACHE_HOME", "XDG_STATE_HOME"};
	for (size_t i = 0; i < sizeof user / sizeof user[0]; i++)
		unsetenv(user[i]);
	setenv("HOME", home, 1);
}

const char *
test_brief_bin(void)
{
	const char *b = getenv("BRIEF_BIN");
	return b ? b : "brief";
}

int
test_run(char *const argv[], char *const env[], const char *stdin_data, struct buf *out,
         struct buf *err)
{
	int in_pipe[2], out_pipe[2], err_pipe[2];
	if (pipe(in_pipe) < 0 || pipe(out_pipe) < 0 || pipe(err_pipe) < 0) {
		perror("pipe");
		exit(1);
	}
	const char *home = test_user_home(); /* made before the fork: the child only execs */
	pid_t pid = fork();
	if (pid < 0) {
		perror("fork");
		exit(1);
	}
	if (pid == 0) {
		test_isolate_child(home);
		dup2(in_pipe[0], 0);
		dup2(out_pipe[1], 1);
		dup2(err_pipe[1], 2);
		close(in_pipe[0]); close(in_pipe[1]);
		close(out_pipe[0]); close(out_pipe[1]);
		close(err_pipe[0]); close(err_pipe[1]);
		for (int i = 0; env && env[i]; i++)
			putenv(env[i]);
		execvp(argv[0], argv);
		fprintf(stderr, "exec %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(in_pipe[0]);
	close(out_pipe[1]);
	close(err_pipe[1]);
	size_t in_len = stdin_data ? strlen(stdin_data) : 0, in_off = 0;
	if (!in_len) {
		close(in_pipe[1]);
		in_pipe[1] = -1;
	} else {
		fcntl(in_pipe[1], F_SETFL, O_NONBLOCK);
	}
	struct buf sink = BUF_INIT;
	int open_fds = 2;
	while (open_fds > 0 || in_pipe[1] >= 0) {
		struct pollfd p[3] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}, {in_pipe[1], POLLOUT, 0}};
		if (poll(p, 3, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int k = 0; k < 2; k++) {
			if (p[k].fd < 0 || !(p[k].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			char tmp[65536];
			ssize_t n = read(p[k].fd, tmp, sizeof tmp);
			if (n <= 0) {
				close(p[k].fd);
				if (k == 0) out_pipe[0] = -1; else err_pipe[0] = -1;
				open_fds--;
				continue;
			}
			struct buf *dst = k == 0 ? out : err;
			buf_append(dst ? dst : &sink, tmp, (size_t)n);
			buf_clear(&sink);
		}
		if (in_pipe[1] >= 0 && (p[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
			ssize_t n = write(in_pipe[1], stdin_data + in_off, in_len - in_off);
			if (n > 0)
				in_off += (size_t)n;
			if (n < 0 || in_off == in_len) {
				close(in_pipe[1]);
				in_pipe[1] = -1;
			}
		}
	}
	buf_free(&sink);
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return -1;
}

void
test_read_file(const char *path, struct buf *out)
{
	struct err e;
	if (fs_read_all(path, out, &e) < 0) {
		fprintf(stderr, "%s\n", e.msg);
		exit(1);
	}
}

void
test_write_file(const char *path, const char *data, size_t len)
{
	struct err e;
	if (fs_write_atomic(path, data, len, &e) < 0) {
		fprintf(stderr, "%s\n", e.msg);
		exit(1);
	}
}

long long
test_db_query_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s = NULL;
	long long v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

long long
test_query_int(struct store *st, const char *sql)
{
	return test_db_query_int(st->db, sql);
}
