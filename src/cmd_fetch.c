/* cmd_fetch.c: `brief fetch`. NOT IMPLEMENTED YET: being written. */
#include <stdio.h>

#include "cli.h"
#include "cmd.h"

const char cmd_fetch_help[] = "usage: brief fetch [OPTIONS]\n\n(not implemented yet)\n";

int
cmd_fetch(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("brief fetch: not implemented yet\n", stderr);
	return EXIT_FAIL;
}
