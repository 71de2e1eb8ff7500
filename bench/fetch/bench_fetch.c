/* bench_fetch.c: the fetcher against tests/feedserver on loopback, printed as ratios.
 *
 * (a) 92 feeds, each on its own host, with latencies drawn from a log-normal distribution
 *     (median 300 ms, sigma 0.9, capped at 4 s) and 3 feeds that never answer: wall time vs
 *     the ideal (the per-transfer timeout the silent ones run into, which a feed slower than
 *     it runs into too), and, as a reference computed from the same draw, the original digest
 *     tool's strategy: waves of 10 feeds, each wave waiting for its slowest member or the
 *     timeout.
 * (b) 10,000 feeds over 500 hosts (127.1.x.y, resolved without DNS): feeds/s and peak RSS.
 * Each scenario runs in a child process so its peak RSS is its own.
 *
 * usage: bench_fetch [--timeout SEC] [--feeds N] [--hosts N] [--concurrency N] [--seed N] */
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "net/fetch.h"
#include "store/sources.h"
#include "util/fs.h"
#include "util/timeutil.h"

static int server_port;
static pid_t server_pid;

static void
start_server(void)
{
	int fds[2];
	if (pipe(fds) < 0)
		exit(1);
	server_pid = fork();
	if (server_pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		/* all of 127/8 must reach it: the benchmark's hosts are 127.x.y.z addresses */
		execl(FEEDSERVER_BIN, FEEDSERVER_BIN, "--bind", "0.0.0.0", "--root", "/nonexistent", (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	char line[32] = "";
	if (read(fds[0], line, sizeof line - 1) <= 0) {
		fprintf(stderr, "feedserver did not start\n");
		exit(1);
	}
	close(fds[0]);
	server_port = (int)strtol(line, NULL, 10);
}

static uint64_t rng = 88172645463325252ULL;

static double
uniform(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return ((double)(rng >> 11) + 0.5) / 9007199254740992.0;
}

static double
normal(void)
{
	return sqrt(-2.0 * log(uniform())) * cos(2.0 * M_PI * uniform());
}

struct result {
	double seconds;
	int ok, failed;
	long items;
	long max_rss_kb;
	double cpu_s; /* the fetching process's user + system time in fetch_run */
};

/* User + system CPU seconds of a running process (from /proc), or -1. */
static double
proc_cpu_s(pid_t pid)
{
	char path[64], line[1024];
	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	size_t n = fread(line, 1, sizeof line - 1, f);
	fclose(f);
	line[n] = '\0';
	const char *p = strrchr(line, ')'); /* fields after the command name */
	unsigned long ut = 0, st = 0;
	if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) != 2)
		return -1;
	return (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
}

static double
self_cpu_s(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
	       (double)ru.ru_stime.tv_usec / 1e6;
}

/* In a child: fresh store in dir, add the urls, fetch, report through the pipe. */
static struct result
run_child(const char *dir, char **urls, int n, int timeout_s, int concurrency)
{
	int fds[2];
	if (pipe(fds) < 0)
		exit(1);
	pid_t pid = fork();
	if (pid == 0) {
		close(fds[0]);
		struct err e;
		struct store st;
		char path[600];
		snprintf(path, sizeof path, "%s/brief.db", dir);
		if (fs_mkdirs(dir, 0, &e) < 0 || store_open(&st, path, &e) < 0 || store_begin(&st, &e) < 0) {
			fprintf(stderr, "%s\n", e.msg);
			_exit(1);
		}
		for (int i = 0; i < n; i++) {
			int64_t id;
			if (store_source_add(&st, SOURCE_USER, urls[i], NULL, NULL, NULL, 1, &id, NULL, &e) < 0)
				_exit(1);
		}
		if (store_commit(&st, &e) < 0)
			_exit(1);
		struct fetch_opts o;
		fetch_opts_default(&o);
		o.timeout_s = timeout_s;
		o.concurrency = concurrency;
		o.deadline_s = 3600;
		o.progress = 0;
		struct arena a = ARENA_INIT;
		struct fetch_summary s;
		int64_t t0 = time_mono_ms();
		double cpu0 = self_cpu_s();
		if (fetch_run(&st, NULL, &o, &a, &s, &e) < 0) {
			fprintf(stderr, "fetch_run: %s\n", e.msg);
			_exit(1);
		}
		struct result r = {(double)(time_mono_ms() - t0) / 1000.0, s.feeds_ok, s.feeds_failed, s.items_new, 0,
		                     self_cpu_s() - cpu0};
		for (size_t i = 0; i < s.failure_count && i < 5; i++)
			fprintf(stderr, "  failed %s: %s\n", s.failures[i].url, s.failures[i].error);
		if (write(fds[1], &r, sizeof r) != (ssize_t)sizeof r)
			_exit(1);
		store_close(&st);
		_exit(0);
	}
	close(fds[1]);
	struct result r;
	memset(&r, 0, sizeof r);
	if (read(fds[0], &r, sizeof r) != (ssize_t)sizeof r)
		fprintf(stderr, "scenario child failed\n");
	close(fds[0]);
	int status;
	struct rusage ru;
	wait4(pid, &status, 0, &ru);
	r.max_rss_kb = ru.ru_maxrss;
	return r;
}

int
main(int argc, char **argv)
{
	int timeout_s = 5, feeds_b = 10000, hosts_b = 500, conc = 64;
	unsigned long seed = 20260221;
	for (int i = 1; i + 1 < argc; i += 2) {
		long v = strtol(argv[i + 1], NULL, 10);
		if (strcmp(argv[i], "--timeout") == 0)
			timeout_s = (int)v;
		else if (strcmp(argv[i], "--feeds") == 0)
			feeds_b = (int)v;
		else if (strcmp(argv[i], "--hosts") == 0)
			hosts_b = (int)v;
		else if (strcmp(argv[i], "--concurrency") == 0)
			conc = (int)v;
		else if (strcmp(argv[i], "--seed") == 0)
			seed = (unsigned long)v;
	}
	rng ^= seed * 0x9e3779b97f4a7c15ULL;
	signal(SIGPIPE, SIG_IGN);
	start_server();
	char tmp[] = "/tmp/brief-bench-XXXXXX";
	if (!mkdtemp(tmp))
		return 1;
	char dir[600];

	/* (a) long-tailed latencies */
	enum { A_FEEDS = 92, A_SILENT = 3 };
	double lat[A_FEEDS];
	char *urls_a[A_FEEDS];
	double slowest = 0;
	for (int i = 0; i < A_FEEDS; i++) {
		int is_silent = i % 31 == 7 && i / 31 < A_SILENT; /* 3 spread over the list */
		lat[i] = is_silent ? -1 : fmin(4000.0, 300.0 * exp(0.9 * normal()));
		if (lat[i] > slowest)
			slowest = lat[i];
		char u[256];
		if (is_silent)
			snprintf(u, sizeof u, "http://127.0.1.%d:%d/gen/a%d?hang=1", i + 1, server_port, i);
		else
			snprintf(u, sizeof u, "http://127.0.1.%d:%d/gen/a%d?delay=%.0f&items=10", i + 1, server_port, i,
			         lat[i]);
		urls_a[i] = strdup(u);
	}
	/* a feed costs its latency, or the timeout when it answers later or never: one slower than
	 * --timeout fails at the timeout for brief and for the reference alike */
	double ideal = fmax(fmin(slowest / 1000.0, (double)timeout_s), (double)timeout_s);
	double waves = 0;
	int late = 0;
	for (int w = 0; w < A_FEEDS; w += 10) {
		double m = 0;
		for (int i = w; i < w + 10 && i < A_FEEDS; i++)
			m = fmax(m, lat[i] < 0 ? timeout_s * 1000.0 : fmin(lat[i], timeout_s * 1000.0));
		waves += m / 1000.0;
	}
	for (int i = 0; i < A_FEEDS; i++)
		late += lat[i] > timeout_s * 1000.0;
	double sorted[A_FEEDS];
	int nans = 0;
	for (int i = 0; i < A_FEEDS; i++)
		if (lat[i] >= 0)
			sorted[nans++] = lat[i];
	for (int i = 1; i < nans; i++)
		for (int k = i; k > 0 && sorted[k - 1] > sorted[k]; k--) {
			double t = sorted[k];
			sorted[k] = sorted[k - 1];
			sorted[k - 1] = t;
		}
	snprintf(dir, sizeof dir, "%s/a", tmp);
	struct result ra = run_child(dir, urls_a, A_FEEDS, timeout_s, conc);
	printf("(a) 92 feeds, long-tailed latencies (seed %lu): median %.0f ms, p90 %.0f ms, slowest %.0f ms, "
	       "%d never answer, %d answer after the timeout; timeout %d s, concurrency %d\n",
	       seed, sorted[nans / 2], sorted[nans * 9 / 10], slowest, A_SILENT, late, timeout_s, conc);
	printf("    brief: %.2f s = %.2fx ideal (%.2f s)   [goal <= 1.2x]   ok %d, failed %d, items %ld\n", ra.seconds,
	       ra.seconds / ideal, ideal, ra.ok, ra.failed, ra.items);
	printf("    reference, waves of 10 each waiting for its slowest: %.2f s = %.2fx ideal; brief is %.1fx faster\n",
	       waves, waves / ideal, waves / ra.seconds);
	fflush(stdout);

	/* (b) throughput */
	char **urls_b = calloc((size_t)feeds_b, sizeof *urls_b);
	for (int i = 0; i < feeds_b; i++) {
		int h = i % hosts_b;
		char u[256];
		snprintf(u, sizeof u, "http://127.1.%d.%d:%d/gen/b%d?items=5", h / 250, h % 250 + 1, server_port, i);
		urls_b[i] = strdup(u);
	}
	snprintf(dir, sizeof dir, "%s/b", tmp);
	double server_cpu0 = proc_cpu_s(server_pid);
	struct result rb = run_child(dir, urls_b, feeds_b, timeout_s, conc);
	double server_cpu = proc_cpu_s(server_pid) - server_cpu0;
	double fps = rb.seconds > 0 ? rb.ok / rb.seconds : 0;
	printf("(b) %d feeds over %d hosts: %.2f s, %.0f feeds/s = %.2fx the goal of 1000/s; peak RSS %.1f MiB = "
	       "%.2fx the 100 MiB budget; ok %d, failed %d, items %ld\n",
	       feeds_b, hosts_b, rb.seconds, fps, fps / 1000.0, rb.max_rss_kb / 1024.0, rb.max_rss_kb / 1024.0 / 100.0,
	       rb.ok, rb.failed, rb.items);
	printf("    CPU: brief %.2f s (%.0f us/feed, %.0f%% of the wall time), feed server %.2f s (%.0f%%); 2 cores shared\n",
	       rb.cpu_s, rb.ok ? rb.cpu_s * 1e6 / rb.ok : 0, rb.seconds > 0 ? 100 * rb.cpu_s / rb.seconds : 0, server_cpu,
	       rb.seconds > 0 ? 100 * server_cpu / rb.seconds : 0);
	kill(server_pid, SIGTERM);
	waitpid(server_pid, NULL, 0);
	char cmd[700];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmp);
	for (int i = 0; i < A_FEEDS; i++)
		free(urls_a[i]);
	for (int i = 0; i < feeds_b; i++)
		free(urls_b[i]);
	free(urls_b);
	return 0;
}
