/* cmd.h: the command table. Each command lives in src/cmd_NAME.c and exports its
 * entry point and its help text (usage line first, then a description). */
#ifndef BRIEF_CMD_H
#define BRIEF_CMD_H

/* argv[0] is the command name. Returns a process exit code (cli.h). */
typedef int (*cmd_fn)(int argc, char **argv);

struct cmd {
	const char *name;
	const char *summary;
	cmd_fn run;
	const char *help;
};

#define CMD_DECLARE(name)                                                                          \
	int cmd_##name(int argc, char **argv);                                                     \
	extern const char cmd_##name##_help[]

CMD_DECLARE(parse);
CMD_DECLARE(feeds);
CMD_DECLARE(fetch);
CMD_DECLARE(daily);
CMD_DECLARE(weekly);
CMD_DECLARE(article);
CMD_DECLARE(serve);
CMD_DECLARE(doctor);
CMD_DECLARE(extract);
CMD_DECLARE(prune);
CMD_DECLARE(schedule);

/* Print "brief: MSG" and return EXIT_USAGE, adding a pointer to `brief help NAME`. */
int cmd_usage_error(const char *name, const char *msg);

#endif
