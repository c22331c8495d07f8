#!/bin/sh
# The model library must stay free of GUI toolkits: it runs headless in the command line,
# the fuzzers and the benchmarks. Fails if any file in app/model includes one.
set -u
dir=${1:?usage: check-model-deps.sh MODEL_DIR}
hits=$(grep -n -E '#[[:space:]]*include[[:space:]]*[<"](gtk/|gdk/|adwaita|cairo|pango|gsk/)' "$dir"/*.c "$dir"/*.h)
if [ -n "$hits" ]; then
  echo "GUI headers included in the model library:" >&2
  echo "$hits" >&2
  exit 1
fi
count=$(ls "$dir"/*.c | wc -l)
echo "checked $count model sources: no GUI header"
