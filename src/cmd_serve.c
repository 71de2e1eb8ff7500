/* cmd_serve.c: `brief serve`: run the web archive until SIGINT or SIGTERM. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "cli.h"
#include "cmd.h"
#include "cmd_common.h"
#include "serve/serve.h"
#include "util/heap.h"

const char cmd_serve_help[] =
	"usage: brief serve [--listen HOST:PORT] [--token TOKEN]\n\n"
	"Serve a read-only web archive of the store: the digests, weekly posts and articles\n"
	"written so far, every item with full-text search, and an Atom feed of the reports.\n\n"
	"  --listen HOST:PORT  address to listen on (default 127.0.0.1:8080, or [serve] listen in\n"
	"                      the config file; port 0 picks a free port)\n"
	"  --token TOKEN       require this token (16+ characters) on every request:\n"
	"                      Authorization: Bearer TOKEN, or open /?token=TOKEN once in a\n"
	"                      browser (a cookie keeps it); also $BRIEF_SERVE_TOKEN, [serve] token.\n"
	"                      Use one whenever the address is reachable from other machines.\n\n"
	"Host headers other than IP addresses and localhost are refused (DNS rebinding); allow\n"
	"names with [serve] hosts = name1, name2.\n"
	"pages: /  /r/KIND/SLUG (.md, .json)  /items?q=WORDS  /items/ID  /feed.atom\n"
	"Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.\n";

int
cmd_serve(int argc, char **argv)
{
	const char *listen = NULL, *token = NULL;
	struct cli_option opts[] = {
		{"listen", 'l', CLI_VALUE, &listen},
		{"token", 0, CLI_VALUE, &token},
		{NULL, 0, CLI_FLAG, NULL},
	};
	struct cli_common common = {0};
	int arc = cmd_args("serve", cmd_serve_help, argc, argv, opts, &common, 0, NULL, NULL);
	if (arc != CMD_CONTINUE)
		return arc;
	struct err e = {""};
	const struct serve_opts flags = {listen, token, NULL}; /* the flags alone: the config's come later */
	if (serve_check_opts(&flags, &e) < 0)
		return cmd_usage_error("serve", e.msg);
	struct app app;
	if (app_open(&app, &common, &e) < 0) {
		fprintf(stderr, "brief serve: %s\n", e.msg);
		return EXIT_FAIL;
	}
	/* A bad address from the environment or the config is named as such, not as --listen. */
	char at[1100], in_file[1200];
	snprintf(in_file, sizeof in_file, "%s[serve] listen", config_where(&app.cfg, "serve", "listen", at, sizeof at));
	const char *listen_name = listen                                 ? NULL
	                          : getenv("BRIEF_LISTEN") && *getenv("BRIEF_LISTEN") ? "BRIEF_LISTEN"
	                                                                               : in_file;
	listen = config_first(listen, "BRIEF_LISTEN", config_values(&app.cfg)->serve_listen);
	if (listen_name && listen && serve_check_listen(listen, listen_name, &e) < 0) {
		fprintf(stderr, "brief serve: %s\n", e.msg);
		app_close(&app);
		return EXIT_FAIL;
	}

	/* Before the server thread starts: its searches reuse memory instead of faulting it in
	 * again on every request (util/heap.h). Only speed depends on it. */
	if (heap_keep(SERVE_HEAP_RESERVE) < 0 && common.is_verbose)
		fprintf(stderr, "brief serve: the C library keeps no memory between requests\n");

	/* Block the stop signals before the server thread starts so it inherits the mask and
	 * only sigwait below sees them. */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);

	const struct config_values *cv = config_values(&app.cfg);
	struct serve_opts so = {listen, config_first(token, "BRIEF_SERVE_TOKEN", cv->serve_token), cv->serve_hosts};
	struct serve *sv = serve_start(app.db_path, &so, &e);
	if (!sv) {
		fprintf(stderr, "brief serve: %s\n", e.msg);
		app_close(&app);
		return EXIT_FAIL;
	}
	fprintf(stderr, "brief serve: listening on %s/ (store %s; Ctrl-C stops)\n", serve_url(sv), app.db_path);
	if (serve_store_note(sv))
		fprintf(stderr, "brief serve: %s\n", serve_store_note(sv));
	if (!serve_is_loopback(sv))
		fprintf(stderr,
		        "brief serve: WARNING: %s is not a loopback address: other machines can reach this archive%s\n",
		        serve_url(sv),
		        so.token && *so.token ? " (with the token)" : " and NO TOKEN is set (--token, [serve] token)");
	fflush(stderr);
	int sig = 0;
	sigwait(&stop, &sig);
	if (!common.is_quiet)
		fprintf(stderr, "brief serve: %s, stopping\n", sig == SIGINT ? "interrupted" : "terminated");
	serve_stop(sv);
	app_close(&app);
	return EXIT_OK;
}
