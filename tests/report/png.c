/* png.c: a small PNG reader for screenshot comparison (png.h): chunks, zlib inflate of
 * the IDAT stream, the five scanline filters of PNG 1.2 section 6. */
#include "png.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "util/buf.h"
#include "util/err.h"
#include "util/fs.h"

static uint32_t
be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int
paeth(int a, int b, int c)
{
	int p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
	return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

int
png_load(const char *path, struct png *p)
{
	memset(p, 0, sizeof *p);
	struct buf file = BUF_INIT, idat = BUF_INIT;
	struct err e;
	int rc = -1;
	uint8_t *raw = NULL;
	if (fs_read_all(path, &file, &e) < 0 || file.len < 33 || memcmp(file.data, "\x89PNG\r\n\x1a\n", 8) != 0) {
		fprintf(stderr, "%s: not a PNG file\n", path);
		goto out;
	}
	const uint8_t *d = (const uint8_t *)file.data;
	int channels = 0;
	for (size_t at = 8; at + 12 <= file.len;) {
		uint32_t len = be32(d + at);
		if (len > file.len - at - 12)
			break;
		const uint8_t *type = d + at + 4, *body = d + at + 8;
		if (memcmp(type, "IHDR", 4) == 0) {
			p->width = (int)be32(body);
			p->height = (int)be32(body + 4);
			if (body[8] != 8 || (body[9] != 2 && body[9] != 6) || body[12] != 0) {
				fprintf(stderr, "%s: only 8-bit RGB/RGBA non-interlaced PNGs\n", path);
				goto out;
			}
			channels = body[9] == 6 ? 4 : 3;
		} else if (memcmp(type, "IDAT", 4) == 0) {
			buf_append(&idat, body, len);
		}
		at += 12 + len;
	}
	if (!channels || p->width <= 0 || p->height <= 0 || p->width > 20000 || p->height > 40000)
		goto out;
	size_t stride = (size_t)p->width * (size_t)channels;
	uLongf raw_len = (uLongf)((stride + 1) * (size_t)p->height);
	raw = malloc(raw_len);
	if (!raw || uncompress(raw, &raw_len, (const Bytef *)idat.data, (uLong)idat.len) != Z_OK ||
	    raw_len != (stride + 1) * (size_t)p->height) {
		fprintf(stderr, "%s: bad image data\n", path);
		goto out;
	}
	/* Undo the filters in place: row y's bytes start at raw + y*(stride+1) + 1. */
	for (int y = 0; y < p->height; y++) {
		uint8_t *row = raw + (size_t)y * (stride + 1), *cur = row + 1;
		const uint8_t *prev = y ? row - stride : NULL;
		for (size_t x = 0; x < stride; x++) {
			int a = x >= (size_t)channels ? cur[x - (size_t)channels] : 0;
			int b = prev ? prev[x] : 0;
			int c = prev && x >= (size_t)channels ? prev[x - (size_t)channels] : 0;
			int add = row[0] == 1 ? a : row[0] == 2 ? b : row[0] == 3 ? (a + b) / 2 : row[0] == 4 ? paeth(a, b, c) : 0;
			cur[x] = (uint8_t)(cur[x] + add);
		}
	}
	p->rgb = malloc((size_t)p->width * (size_t)p->height * 3);
	for (int y = 0; y < p->height; y++)
		for (int x = 0; x < p->width; x++)
			memcpy(p->rgb + ((size_t)y * (size_t)p->width + (size_t)x) * 3,
			       raw + (size_t)y * (stride + 1) + 1 + (size_t)x * (size_t)channels, 3);
	rc = 0;
out:
	free(raw);
	buf_free(&file);
	buf_free(&idat);
	return rc;
}

size_t
png_diff(const struct png *a, const struct png *b, int tolerance)
{
	if (a->width != b->width || a->height != b->height) {
		size_t na = (size_t)a->width * (size_t)a->height, nb = (size_t)b->width * (size_t)b->height;
		return na > nb ? na : nb;
	}
	size_t n = (size_t)a->width * (size_t)a->height, diff = 0;
	for (size_t i = 0; i < n; i++) {
		int worst = 0;
		for (int c = 0; c < 3; c++) {
			int d = abs((int)a->rgb[i * 3 + (size_t)c] - (int)b->rgb[i * 3 + (size_t)c]);
			if (d > worst)
				worst = d;
		}
		diff += worst > tolerance;
	}
	return diff;
}

size_t
png_count_colour(const struct png *p, unsigned rgb, int distance)
{
	int want[3] = {(int)(rgb >> 16) & 255, (int)(rgb >> 8) & 255, (int)rgb & 255};
	size_t n = (size_t)p->width * (size_t)p->height, hits = 0;
	for (size_t i = 0; i < n; i++) {
		int ok = 1;
		for (int c = 0; c < 3; c++)
			ok &= abs((int)p->rgb[i * 3 + (size_t)c] - want[c]) <= distance;
		hits += (size_t)ok;
	}
	return hits;
}
