/* cmd_feeds.c: `brief feeds`. NOT IMPLEMENTED YET: being written. */
#include <stdio.h>

#include "cli.h"
#include "cmd.h"

const char cmd_feeds_help[] = "usage: brief feeds [OPTIONS]\n\n(not implemented yet)\n";

int
cmd_feeds(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("brief feeds: not implemented yet\n", stderr);
	return EXIT_FAIL;
}
