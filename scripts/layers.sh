#!/usr/bin/env bash
# layers.sh [SRC_DIR]: fail when a file under src/ (or SRC_DIR) includes a header of a higher
# layer. Includes are read in quotes (a path relative to src/, or to the file's own directory when
# it starts with ./ or ../) and in angle brackets when they name a header of the tree (-I src).
#
# Data flows one way (docs/architecture.md): a module may include its own layer and the layers
# below it, never one above. The order is written once, here, lowest first; each line is a
# layer: its number, then globs of paths relative to src/ (first match wins, so the more
# specific globs come first). Modules on one line are peers. The store sits below net: the
# fetcher (net/) writes what it fetched into the store, and the store needs nothing from net. A file that matches no glob is an
# error too: a new module must be given its place.
set -euo pipefail
cd "${1:-$(dirname "$0")/../src}"

LAYERS='
0 util/* model.h draft.h category.h category.c
1 feed/* extract/*
2 store/*
3 net/*
4 ai/llm/* ai/offline/*
5 ai/curate/*
6 ai/longform/*
7 report/*
8 deliver/* serve/*
9 app.* cli.* cmd.h cmd_* main.c
'

# Print the layer number of path (relative to src/), or nothing when no glob matches.
layer_of() {
	local num glob
	while read -r num globs; do
		[ -n "$num" ] || continue
		for glob in $globs; do
			# shellcheck disable=SC2254 # the globs are patterns on purpose
			case "$1" in $glob) echo "$num"; return ;; esac
		done
	done <<<"$LAYERS"
}

set -f # the globs in LAYERS are patterns for case, not for the shell
bad=0
while IFS= read -r file; do
	from=$(layer_of "$file")
	if [ -z "$from" ]; then
		echo "layers: src/$file is in no layer (add its module to scripts/layers.sh)" >&2
		bad=1
		continue
	fi
	while IFS=: read -r line inc; do
		path=$inc
		# "../net/fetch.h" or "./x.h" names a file relative to the including file's directory;
		# <report/report.h> reaches src/ through -I as a quoted include does: both are checked
		# by the path they name under src/
		case "$inc" in ./* | ../*) path=$(realpath -m --relative-to=. "$(dirname "$file")/$inc") ;; esac
		case "$path" in ../*) continue ;; esac
		to=$(layer_of "$path")
		[ -n "$to" ] || continue # a system header in quotes, or a file local to the directory
		if [ "$to" -gt "$from" ]; then
			echo "layers: src/$file:$line includes \"$inc\" (layer $to) from layer $from" >&2
			bad=1
		fi
	done < <({ grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$file" || true; } | \
	         sed 's/^\([0-9]*\):[^"]*"\([^"]*\)".*/\1:\2/'
	         { grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*<' "$file" || true; } | \
	         sed 's/^\([0-9]*\):[^<]*<\([^>]*\)>.*/\1:\2/' | while IFS=: read -r line inc; do
	                 if [ -f "$inc" ]; then echo "$line:$inc"; fi # only a header of the tree
	         done)
done < <(find . -name '*.[ch]' | sed 's#^\./##' | sort)
if [ "$bad" -ne 0 ]; then
	echo "layers: upward includes found (order in scripts/layers.sh)" >&2
	exit 1
fi
echo "layers: ok"
