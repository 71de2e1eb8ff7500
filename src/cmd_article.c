/* cmd_article.c: `brief article`. NOT IMPLEMENTED YET: being written. */
#include <stdio.h>

#include "cli.h"
#include "cmd.h"

const char cmd_article_help[] = "usage: brief article [OPTIONS]\n\n(not implemented yet)\n";

int
cmd_article(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("brief article: not implemented yet\n", stderr);
	return EXIT_FAIL;
}
