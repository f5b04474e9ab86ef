#!/usr/bin/env bash
# check-potfiles.sh: fail when po/POTFILES.in is out of date.
#
# Copyright 2026 The Hearken Developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every file under src/ or ui/ that marks strings for translation (_(), N_(),
# C_(), NC_(), ngettext and friends, or translatable="yes" in a .ui file) must
# be listed, and every listed file must exist, so the list cannot rot. Only
# calls on a string literal count: that is what xgettext extracts.
# Usage: check-potfiles.sh [--update] [SOURCE_ROOT]
# --update rewrites POTFILES.in instead: the listed files outside src/ and ui/
# that still exist, plus every marked file, sorted.
set -euo pipefail

update=false
if [[ ${1:-} == --update ]]; then
  update=true
  shift
fi
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root"
potfiles=po/POTFILES.in

if [[ ! -f $potfiles ]]; then
  echo "Bail out! $potfiles is missing"
  exit 1
fi

c_marker='(^|[^[:alnum:]_])(_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dpgettext2?|g_dgettext)[[:space:]]*\([[:space:]]*"'
ui_marker='translatable="yes"'

listed=$(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$potfiles" | sort -u)

marked=$(
  {
    find src -type f \( -name '*.c' -o -name '*.h' \) -print0 2>/dev/null \
      | xargs -0 -r grep -l -E -e "$c_marker" -e "$ui_marker" || true
    find src ui -type f -name '*.ui' -print0 2>/dev/null \
      | xargs -0 -r grep -l -F -e "$ui_marker" || true
  } | sed 's|^\./||' | sort -u
)

if $update; then
  {
    sed -n '/^#/p' "$potfiles"
    {
      printf '%s\n' "$listed" | grep -v -E '^(src|ui)/' | while IFS= read -r f; do
        [[ -n $f && -f $f ]] && printf '%s\n' "$f"
      done
      printf '%s\n' "$marked"
    } | sed '/^$/d' | LC_ALL=C sort -u
  } > "$potfiles.tmp"
  mv "$potfiles.tmp" "$potfiles"
  echo "Updated $potfiles"
  exit 0
fi

status=0
echo "1..2"

missing=$(comm -23 <(printf '%s\n' "$marked" | sed '/^$/d') <(printf '%s\n' "$listed"))
if [[ -n $missing ]]; then
  echo "not ok 1 - every file with translatable strings is in $potfiles"
  printf '# missing from POTFILES.in: %s\n' $missing | tee /dev/stderr
  status=1
else
  echo "ok 1 - every file with translatable strings is in $potfiles"
fi

stale=""
while IFS= read -r f; do
  [[ -z $f || -f $f ]] || stale+="$f "
done <<< "$listed"
if [[ -n $stale ]]; then
  echo "not ok 2 - every file in $potfiles exists"
  printf '# listed but not found: %s\n' $stale | tee /dev/stderr
  status=1
else
  echo "ok 2 - every file in $potfiles exists"
fi

exit $status
