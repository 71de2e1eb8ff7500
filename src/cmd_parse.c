/* cmd_parse.c: `brief parse`. NOT IMPLEMENTED YET: being written. */
#include <stdio.h>

#include "cli.h"
#include "cmd.h"

const char cmd_parse_help[] = "usage: brief parse [OPTIONS]\n\n(not implemented yet)\n";

int
cmd_parse(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("brief parse: not implemented yet\n", stderr);
	return EXIT_FAIL;
}
