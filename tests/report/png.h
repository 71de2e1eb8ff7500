/* png.h: decoding the PNG screenshots headless Chromium writes (8-bit RGB or RGBA,
 * non-interlaced), and comparing two of them, for the 公众号 screenshot test. */
#ifndef BRIEF_TESTS_REPORT_PNG_H
#define BRIEF_TESTS_REPORT_PNG_H

#include <stddef.h>
#include <stdint.h>

struct png {
	int width, height;
	uint8_t *rgb; /* width * height * 3 bytes, row-major; free() it */
};

/* Decode the file at path into p. Returns 0, or -1 (with a reason on stderr) for anything
 * that is not an 8-bit RGB/RGBA non-interlaced PNG. */
int png_load(const char *path, struct png *p);

/* Pixels whose largest channel difference exceeds tolerance (0-255); images of different
 * sizes count every pixel of the larger one. */
size_t png_diff(const struct png *a, const struct png *b, int tolerance);

/* Pixels within distance (largest channel difference) of the colour #rrggbb. */
size_t png_count_colour(const struct png *p, unsigned rgb, int distance);

#endif
