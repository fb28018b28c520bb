#!/usr/bin/env bash
# Build and test everything the way CI does, from the repository root:
#   (a) build/       normal build, -Dwerror=true, every suite;
#   (b) build-asan/  ASan+UBSan build, -Dwerror=true, every suite;
#   (c) build/       the C unit tests again under valgrind (--setup=valgrind);
#   (d) build-fuzz/  the libFuzzer harnesses (fuzz/run.sh, clang with ASan +
#                    UBSan) for NGOJST_FUZZ_SECONDS each (default 60), two at
#                    a time, on their seed corpus, so that a regression shows.
# Build directories are recreated from scratch on every run, except
# build-fuzz/, which fuzz/run.sh reuses so that its corpus keeps growing.
#
# Run as root on Debian 12, it first installs whatever build or test package
# is missing. Extra `meson setup` arguments may be passed in NGOJST_MESON_ARGS
# (word-split), e.g. NGOJST_MESON_ARGS='-Dyaml_test_suite=/data/yaml-test-suite'.
#
# The last line printed is the sum over the four stages:
#   N passed, N failed[, N skipped]
# (meson's Ok + Expected Fail vs Fail + Timeout + Unexpected Pass; a
# configure or build step that fails counts as one failure; each fuzz
# harness counts as one test). The exit status is non-zero if anything
# failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD

packages=(meson ninja-build pkg-config libyaml-dev libcmocka-dev python3-pytest valgrind clang libclang-rt-14-dev doxygen)

log() { printf '\n==> %s\n' "$*"; }

install_missing() {
	local missing=() p
	command -v dpkg-query >/dev/null 2>&1 || return 0
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" -ne 0 ]; then
		echo "warning: missing Debian packages: ${missing[*]} (run as root to install them)" >&2
		return 0
	fi
	log "installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update
	apt-get install -y --no-install-recommends "${missing[@]}"
}

install_missing "${packages[@]}"

extra_args=()
read -r -a extra_args <<< "${NGOJST_MESON_ARGS:-}"

passed=0
failed=0
skipped=0
failures=()

# fresh_setup DIR ARGS...: configure DIR from scratch.
fresh_setup() {
	local dir=$1
	shift
	if [ -e "$dir" ]; then
		if [ -d "$dir/meson-private" ] || [ -z "$(ls -A "$dir")" ]; then
			rm -rf "$dir"
		else
			echo "error: $dir exists and is not a meson build directory; not deleting it" >&2
			return 1
		fi
	fi
	meson setup "$dir" "$@" ${extra_args[@]+"${extra_args[@]}"}
}

# build NAME DIR SETUP-ARGS...: configure and compile; counts a failure.
build() {
	local name=$1 dir=$2
	shift 2
	log "$name: meson setup $dir $*"
	if ! fresh_setup "$dir" "$@"; then
		[ -f "$dir/meson-logs/meson-log.txt" ] && tail -n 40 "$dir/meson-logs/meson-log.txt"
		echo "$name: meson setup FAILED" >&2
		failed=$((failed + 1))
		failures+=("$name: meson setup")
		return 1
	fi
	log "$name: meson compile -C $dir"
	if ! meson compile -C "$dir"; then
		echo "$name: build FAILED" >&2
		failed=$((failed + 1))
		failures+=("$name: build")
		return 1
	fi
}

# count NAME LOG RC: add one `meson test` summary to the totals.
count() {
	local name=$1 logfile=$2 rc=$3 ok xfail fail timeout xpass skip
	field() { sed -n "s/^$1:[[:space:]]*\([0-9][0-9]*\).*/\1/p" "$logfile" | tail -n 1; }
	ok=$(field 'Ok')
	xfail=$(field 'Expected Fail')
	fail=$(field 'Fail')
	xpass=$(field 'Unexpected Pass')
	skip=$(field 'Skipped')
	timeout=$(field 'Timeout')
	if [ -z "$ok" ]; then
		# no summary at all: meson test itself failed (or found no tests)
		if [ "$rc" -ne 0 ]; then
			failed=$((failed + 1))
			failures+=("$name: meson test exited $rc without a summary")
		fi
		return 0
	fi
	passed=$((passed + ok + ${xfail:-0}))
	failed=$((failed + ${fail:-0} + ${timeout:-0} + ${xpass:-0}))
	skipped=$((skipped + ${skip:-0}))
	if [ "$rc" -ne 0 ]; then
		failures+=("$name: $((${fail:-0} + ${timeout:-0} + ${xpass:-0})) failing test(s), see above")
		if [ $((${fail:-0} + ${timeout:-0} + ${xpass:-0})) -eq 0 ]; then
			failed=$((failed + 1))
		fi
	fi
}

# run_tests NAME DIR MESON-TEST-ARGS...
run_tests() {
	local name=$1 dir=$2 logfile rc
	shift 2
	logfile=$(mktemp)
	log "$name: meson test -C $dir $*"
	set +e
	meson test -C "$dir" --no-rebuild --print-errorlogs "$@" 2>&1 | tee "$logfile"
	rc=${PIPESTATUS[0]}
	set -e
	count "$name" "$logfile" "$rc"
	rm -f "$logfile"
}

common=(-Dwerror=true)

# (a) normal build
if build normal build "${common[@]}"; then
	run_tests normal build
	normal_ok=1
	# The API reference must build without a single Doxygen warning.
	log "doxygen: ninja -C build doxygen (warnings are errors)"
	if NGOJST_DOXYGEN_WARN_AS_ERROR=FAIL_ON_WARNINGS ninja -C build doxygen; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		failures+=("doxygen: warnings or errors in the API reference, see above")
	fi
else
	normal_ok=0
fi

# (b) ASan + UBSan
if build asan build-asan "${common[@]}" -Db_sanitize=address,undefined -Db_lundef=false; then
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
		run_tests asan build-asan
fi

# (c) the compiled C unit tests of the core suites under valgrind
if [ "$normal_ok" = 1 ]; then
	if ! command -v valgrind >/dev/null 2>&1; then
		echo "valgrind not found: skipping the valgrind run" >&2
	else
		# Only tests whose command is a program built in build/ (not the
		# Python-driven tests of the same suites).
		mapfile -t vg_tests < <(meson introspect --tests build | python3 -c '
import json, os, sys
suites = {"core", "yaml", "report", "schema", "rules"}
build = os.path.realpath(sys.argv[1])
for t in json.load(sys.stdin):
    names = {s.split(":")[-1] for s in t["suite"]}
    exe = os.path.realpath(t["cmd"][0]) if t["cmd"] else ""
    if names & suites and exe.startswith(build + os.sep):
        print(t["name"])
' "$root/build")
		if [ ${#vg_tests[@]} -eq 0 ]; then
			echo "no C unit tests found for the valgrind run" >&2
		else
			run_tests valgrind build --setup=valgrind "${vg_tests[@]}"
		fi
	fi
fi

# (d) the fuzz harnesses, briefly: one pass or failure per harness
fuzz_harnesses=(ruleset document check block)
if ! command -v clang >/dev/null 2>&1; then
	echo "clang not found: the fuzz harnesses count as failed" >&2
	failed=$((failed + ${#fuzz_harnesses[@]}))
	failures+=("fuzz: clang not found")
else
	fuzz_log=$(mktemp)
	log "fuzz: fuzz/run.sh ${NGOJST_FUZZ_SECONDS:-60} ${fuzz_harnesses[*]}"
	set +e
	NGOJST_FUZZ_JOBS=${NGOJST_FUZZ_JOBS:-2} ./fuzz/run.sh "${NGOJST_FUZZ_SECONDS:-60}" "${fuzz_harnesses[@]}" 2>&1 |
		tee "$fuzz_log"
	set -e
	for h in "${fuzz_harnesses[@]}"; do
		if grep -q "^fuzz-$h: PASS" "$fuzz_log"; then
			passed=$((passed + 1))
		else
			failed=$((failed + 1))
			failures+=("fuzz: fuzz-$h (crash inputs in build-fuzz/crashes/, log in build-fuzz/logs/$h.log)")
		fi
	done
	rm -f "$fuzz_log"
fi

if [ ${#failures[@]} -gt 0 ]; then
	log "failures"
	printf '  %s\n' "${failures[@]}"
fi
echo
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ] && [ ${#failures[@]} -eq 0 ]
