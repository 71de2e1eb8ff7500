/* cmd_weekly.c: `brief weekly`. NOT IMPLEMENTED YET: being written. */
#include <stdio.h>

#include "cli.h"
#include "cmd.h"

const char cmd_weekly_help[] = "usage: brief weekly [OPTIONS]\n\n(not implemented yet)\n";

int
cmd_weekly(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("brief weekly: not implemented yet\n", stderr);
	return EXIT_FAIL;
}
