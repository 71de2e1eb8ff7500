/* cmd_serve.c: `brief serve`. NOT IMPLEMENTED YET: being written. */
#include <stdio.h>

#include "cli.h"
#include "cmd.h"

const char cmd_serve_help[] = "usage: brief serve [OPTIONS]\n\n(not implemented yet)\n";

int
cmd_serve(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("brief serve: not implemented yet\n", stderr);
	return EXIT_FAIL;
}
