#!/usr/bin/env bash
# dev.sh: set up a Debian 12 machine, build Hearken, and run it or test it.
#
# Copyright 2026 The Hearken Developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   sudo ./dev.sh run     # installs what is missing, builds, launches Hearken
#   sudo ./dev.sh test    # installs what is missing, builds, runs the whole test suite
#
# Root (or sudo) is only needed to install missing packages with apt-get. Under
# sudo, everything else (configure, build, tests, the app itself) runs as the
# user who called sudo, so no root-owned files land in the checkout or in the
# user's data folder.
#
# `test` runs the whole suite twice: a normal build in build/, then an
# AddressSanitizer + UndefinedBehaviorSanitizer build (gcc) in build-asan/, both
# under Xvfb and a private D-Bus session, with leak detection on for every
# suite. The 'ui' suite runs on its own with the suppressions in
# tests/lsan-ui.supp (fontconfig's caches, which live until exit); the other
# suites use tests/lsan.supp if it exists.
# The last line printed is "N passed, N failed", counted over the test logs of
# both builds; the exit status is non-zero if any test failed, if a build
# failed, or if no test ran.
set -euo pipefail

readonly packages=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin
  libgtk-4-dev libadwaita-1-dev libsqlite3-dev libsodium-dev
  libpwquality-dev cracklib-runtime
  desktop-file-utils appstream
  # glib-compile-resources runs xmllint for preprocess="xml-stripblanks".
  libxml2-utils
  xvfb xauth dbus dbus-x11 at-spi2-core python3
  # GTK loads its SVG icons through the gdk-pixbuf loader from librsvg.
  librsvg2-common adwaita-icon-theme
  # Lets `run` keep its window size and preferences between sessions.
  dconf-gsettings-backend
)

root_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$root_dir"

say() { printf '==> %s\n' "$*"; }
die() { printf 'dev.sh: %s\n' "$*" >&2; exit 1; }

usage() {
  cat <<'EOF'
Usage: sudo ./dev.sh run     installs what is missing, builds, launches Hearken
       sudo ./dev.sh test    installs what is missing, builds, runs the whole test suite

Without sudo both work too, as long as every package is already installed.
EOF
}

# ---- who runs what -------------------------------------------------------

run_user=""
if [[ $EUID -eq 0 && -n ${SUDO_USER:-} && $SUDO_USER != root ]]; then
  if runuser -u "$SUDO_USER" -- test -w "$root_dir"; then
    run_user=$SUDO_USER
  else
    say "The checkout is not writable by $SUDO_USER; building as root."
  fi
fi

# Runs a command as the invoking user when started through sudo.
as_user() {
  if [[ -n $run_user ]]; then
    runuser -u "$run_user" -- "$@"
  else
    "$@"
  fi
}

# ---- packages ------------------------------------------------------------

install_missing_packages() {
  local missing=() p
  for p in "${packages[@]}"; do
    if [[ $(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true) != ii* ]]; then
      missing+=("$p")
    fi
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    say "All ${#packages[@]} required packages are installed."
    return
  fi
  if [[ $EUID -ne 0 ]]; then
    die "missing packages: ${missing[*]}
Run it again with sudo (sudo ./dev.sh $1) so they can be installed."
  fi
  say "Installing missing packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  # With recommends, as a desktop user would have them (MIME data, fonts, …).
  apt-get install -y -q "${missing[@]}"
}

# ---- building ------------------------------------------------------------

# A build directory left behind by an earlier run as root would stop the user
# from building, so hand it back.
reclaim_build_dir() {
  local dir=$1
  if [[ -n $run_user && -e $dir && $(stat -c %U "$dir") != "$run_user" ]]; then
    say "Giving $dir back to $run_user"
    chown -R "$run_user": "$dir"
  fi
}

# configure DIR [meson options…]: set up or reconfigure. Reconfiguring every
# time is needed: meson.build files pick up sources with fs.exists().
configure() {
  local dir=$1
  shift
  reclaim_build_dir "$dir"
  if [[ -f $dir/build.ninja ]]; then
    say "Reconfiguring $dir"
    if ! as_user meson setup --reconfigure "$dir" "$@"; then
      say "Reconfiguring failed; configuring $dir from scratch"
      as_user meson setup --wipe "$dir" "$@"
    fi
  else
    say "Configuring $dir"
    as_user meson setup "$dir" "$@"
  fi
}

build() {
  local dir=$1
  say "Building $dir"
  as_user ninja -C "$dir"
}

# ---- run -----------------------------------------------------------------

# sudo drops the session variables that say where the desktop is; find them
# again for the user so the app opens on their display and session bus.
restore_session_env() {
  [[ -n $run_user ]] || return 0
  local uid runtime
  uid=$(id -u "$run_user")
  runtime=/run/user/$uid
  if [[ -d $runtime ]]; then
    export XDG_RUNTIME_DIR=$runtime
    if [[ -z ${WAYLAND_DISPLAY:-} && -S $runtime/wayland-0 ]]; then
      export WAYLAND_DISPLAY=wayland-0
    fi
    if [[ -z ${DBUS_SESSION_BUS_ADDRESS:-} && -S $runtime/bus ]]; then
      export DBUS_SESSION_BUS_ADDRESS=unix:path=$runtime/bus
    fi
    if [[ -n ${DISPLAY:-} && -z ${XAUTHORITY:-} ]]; then
      local auth
      for auth in "$runtime"/.mutter-Xwaylandauth.*; do
        [[ -f $auth ]] && export XAUTHORITY=$auth && break
      done
    fi
  fi
}

cmd_run() {
  install_missing_packages run
  restore_session_env
  if [[ -z ${WAYLAND_DISPLAY:-} && -z ${DISPLAY:-} ]]; then
    die "no graphical display found (neither WAYLAND_DISPLAY nor DISPLAY is set).
Run this from a terminal in your desktop session, or use ./dev.sh test, which needs no display."
  fi
  configure build
  build build
  say "Launching Hearken"
  local -a env=(GSETTINGS_SCHEMA_DIR="$root_dir/build/resources")
  local v
  for v in DISPLAY WAYLAND_DISPLAY XAUTHORITY XDG_RUNTIME_DIR DBUS_SESSION_BUS_ADDRESS LANG LANGUAGE; do
    [[ -n ${!v:-} ]] && env+=("$v=${!v}")
  done
  as_user env "${env[@]}" "$root_dir/build/src/hearken"
}

# ---- test ----------------------------------------------------------------

headless() {
  as_user env "$@" \
    xvfb-run -a -s "-screen 0 1280x800x24 -noreset" \
    dbus-run-session -- \
    meson test "${meson_test_args[@]}"
}

failed_builds=0
logs=()
meson_test_args=()

# run_suite DIR LOGBASE [VAR=value…] -- [meson test args…]
run_suite() {
  local dir=$1 logbase=$2
  shift 2
  local -a env=()
  while [[ $# -gt 0 && $1 != -- ]]; do
    env+=("$1")
    shift
  done
  shift
  meson_test_args=(-C "$dir" --no-rebuild --print-errorlogs --num-processes 2
                   --logbase "$logbase" "$@")
  rm -f "$dir/meson-logs/$logbase.json"
  if ! as_user meson test -C "$dir" --no-rebuild --list "$@" >/dev/null 2>&1; then
    say "No tests in $dir for: meson test ${*:-(all suites)}"
    return 0
  fi
  say "Testing $dir: meson test ${*:-(all suites)}"
  # The counts, not meson's exit status, decide the outcome.
  headless "${env[@]}" || true
  if [[ -f $dir/meson-logs/$logbase.json ]]; then
    logs+=("$dir/meson-logs/$logbase.json")
  else
    say "meson test in $dir wrote no log"
    failed_builds=$((failed_builds + 1))
  fi
}

cmd_test() {
  install_missing_packages test
  local t0=$SECONDS

  # 1. The normal build.
  if configure build && build build; then
    run_suite build testlog --
  else
    say "The normal build failed; its tests were not run."
    failed_builds=$((failed_builds + 1))
  fi

  # 2. The sanitizer build, leak checking on. The GTK suite gets its own
  # suppressions for the toolkit's caches.
  local asan="halt_on_error=1:abort_on_error=1:print_stacktrace=1:print_summary=1:detect_leaks=1"
  local ubsan="halt_on_error=1:abort_on_error=1:print_stacktrace=1:print_summary=1"
  local -a san_env=(ASAN_OPTIONS="$asan" UBSAN_OPTIONS="$ubsan" G_SLICE=always-malloc)
  local -a core_env=("${san_env[@]}")
  if [[ -f tests/lsan.supp ]]; then
    core_env+=(LSAN_OPTIONS="suppressions=$root_dir/tests/lsan.supp:print_suppressions=0")
  fi
  local -a ui_env=("${san_env[@]}"
                   LSAN_OPTIONS="suppressions=$root_dir/tests/lsan-ui.supp:print_suppressions=0")
  if configure build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbench=false \
     && build build-asan; then
    # The fast unwinder keeps this run within CI's time: it finds every leak,
    # but GLib has no frame pointers, so a report may stop at g_malloc. To see
    # which Hearken code allocated it, rerun that one test with
    # ASAN_OPTIONS=fast_unwind_on_malloc=0 (several times slower).
    run_suite build-asan testlog "${core_env[@]}" -- --no-suite ui
    run_suite build-asan testlog-ui "${ui_env[@]}" -- --suite ui
  else
    say "The sanitizer build failed; its tests were not run."
    failed_builds=$((failed_builds + 1))
  fi

  say "Test run took $(( (SECONDS - t0) / 60 )) min $(( (SECONDS - t0) % 60 )) s"

  # Every line of a testlog is one test's JSON record. OK and EXPECTEDFAIL
  # pass; FAIL, TIMEOUT, SKIP, ERROR and UNEXPECTEDPASS all count as failed.
  local counts passed failed
  counts=$(python3 - "${logs[@]}" <<'PY'
import json
import sys

passed = failed = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            result = json.loads(line).get("result")
            if result in ("OK", "EXPECTEDFAIL"):
                passed += 1
            else:
                failed += 1
                print(f"==> failed: {path}: {json.loads(line).get('name')} ({result})",
                      file=sys.stderr)
print(passed, failed)
PY
  )
  read -r passed failed <<< "$counts"

  # A build that failed, or a run that left no log, counts as a failure, so
  # the summary never reads "0 failed" when something went wrong.
  failed=$((failed + failed_builds))
  local status=0
  if [[ $failed -gt 0 ]]; then
    status=1
  elif [[ $passed -eq 0 ]]; then
    printf 'dev.sh: no test ran\n' >&2
    status=1
  fi
  echo "$passed passed, $failed failed"
  exit $status
}

case ${1:-} in
  run) cmd_run ;;
  test) cmd_test ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
