/* main.c: run the stand-in server from the command line:
 *   brief-llmserver [--port N] [--latency-ms N] [--ms-per-token N] [--faults 429,500,...]
 *                   [--grounding fabricate:PERCENT|faithful]
 * Prints the base URL, then serves until killed. */
#include <signal.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "llmserver.h"
#include "llmserver_ground.h"
#include "util/str.h"

int
main(int argc, char **argv)
{
	struct llmsrv_opts o = {0};
	const char *faults = NULL;
	for (int i = 1; i + 1 < argc; i += 2) {
		long v = 0;
		if (strcmp(argv[i], "--faults") == 0) {
			faults = argv[i + 1];
			continue;
		}
		if (strcmp(argv[i], "--grounding") == 0) {
			const char *colon = strchr(argv[i + 1], ':');
			llmsrv_grounding(strncmp(argv[i + 1], "fabricate", 9) == 0 ? "fabricate" : argv[i + 1],
			                 colon ? (int)strtol(colon + 1, NULL, 10) : 50);
			continue;
		}
		if (str_to_long(argv[i + 1], 0, 1000000, &v) < 0) {
			fprintf(stderr, "usage: brief-llmserver [--port N] [--latency-ms N] [--ms-per-token N] [--faults LIST]\n");
			return 2;
		}
		if (strcmp(argv[i], "--port") == 0)
			o.port = (int)v;
		else if (strcmp(argv[i], "--latency-ms") == 0)
			o.latency_ms = (int)v;
		else if (strcmp(argv[i], "--ms-per-token") == 0)
			o.ms_per_token = (int)v;
	}
	struct llmsrv *s = llmsrv_start(&o);
	if (!s)
		return 1;
	if (faults)
		llmsrv_push_faults(s, faults);
	printf("%s\n", llmsrv_base_url(s));
	fflush(stdout);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigprocmask(SIG_BLOCK, &set, NULL);
	int sig;
	sigwait(&set, &sig);
	llmsrv_stop(s);
	return 0;
}
