/* cmd_daily.c: `brief daily`. NOT IMPLEMENTED YET: being written. */
#include <stdio.h>

#include "cli.h"
#include "cmd.h"

const char cmd_daily_help[] = "usage: brief daily [OPTIONS]\n\n(not implemented yet)\n";

int
cmd_daily(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("brief daily: not implemented yet\n", stderr);
	return EXIT_FAIL;
}
