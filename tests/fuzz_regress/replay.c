/* replay.c: a main() for a libFuzzer target built without libFuzzer (fuzz_replay_TARGET in the
 * normal, ASan and TSan builds): runs the target's LLVMFuzzerInitialize, when it has one, and
 * then LLVMFuzzerTestOneInput once on every file of each directory named on the command line
 * (a missing directory is no error), each input in an exact-size heap copy so that ASan catches
 * a read one past its end. The target's own invariants call abort(), which fails the run.
 * Prints "replayed N inputs" and exits 0; exits 1 when a file cannot be read. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/err.h"
#include "util/fs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

int
main(int argc, char **argv)
{
	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	int files = 0;
	for (int i = 1; i < argc; i++) {
		DIR *d = opendir(argv[i]);
		if (!d)
			continue;
		struct dirent *de;
		while ((de = readdir(d)) != NULL) {
			if (de->d_name[0] == '.')
				continue;
			char path[1024];
			snprintf(path, sizeof path, "%s/%s", argv[i], de->d_name);
			struct buf data = BUF_INIT;
			struct err e = {""};
			if (fs_read_all(path, &data, &e) < 0) {
				fprintf(stderr, "%s: %s\n", argv[0], e.msg);
				closedir(d);
				return 1;
			}
			uint8_t *exact = malloc(data.len ? data.len : 1);
			if (!exact)
				abort();
			memcpy(exact, data.data ? data.data : "", data.len);
			LLVMFuzzerTestOneInput(exact, data.len);
			free(exact);
			buf_free(&data);
			files++;
		}
		closedir(d);
	}
	printf("replayed %d inputs\n", files);
	return 0;
}
