/* cmd_doctor.c: `brief doctor`. NOT IMPLEMENTED YET: being written. */
#include <stdio.h>

#include "cli.h"
#include "cmd.h"

const char cmd_doctor_help[] = "usage: brief doctor [OPTIONS]\n\n(not implemented yet)\n";

int
cmd_doctor(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("brief doctor: not implemented yet\n", stderr);
	return EXIT_FAIL;
}
