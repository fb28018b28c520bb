#!/usr/bin/env bash
# Run the libFuzzer harnesses for a given time each.
#
#   fuzz/run.sh SECONDS [HARNESS...]      (HARNESS: ruleset, document, check, block;
#                                          default: all four)
#
# Configures (once) a clang build with ASan + UBSan + libFuzzer in
# build-fuzz/ at the top of the source tree, builds the seed corpus into
# build-fuzz/corpus/<harness>/ from the tests (tests/data, tests/cases,
# tests/hostile including its regressions), rulesets/pl, examples and the
# yaml-test-suite data (../shared/testdata/yaml-test-suite, or
# $NGOJST_YAML_TEST_SUITE), and runs each harness for SECONDS with
# -max_total_time, -rss_limit_mb=2048 and -timeout=10 under `nice -n 10`.
# The corpus directories are kept, so repeated runs build on each other.
# Crashes, leaks, timeouts and out-of-memory inputs are saved to
# build-fuzz/crashes/<harness>-*; logs go to build-fuzz/logs/<harness>.log.
#
# Environment: NGOJST_FUZZ_JOBS (harnesses run at once, default 1, at most 2
# on a shared machine), NGOJST_FUZZ_ARGS (extra libFuzzer arguments).
#
# Each run appends a line per harness to build-fuzz/history.tsv.
# For each harness it prints one line
#   fuzz-<harness>: PASS|FAIL seconds=S execs=N cov=C ft=F corpus=N/SIZE crashes=K
# and exits non-zero if any harness found something or did not run.
set -euo pipefail

usage() { echo "usage: $0 SECONDS [ruleset|document|check|block]..." >&2; exit 2; }
[ $# -ge 1 ] || usage
secs=$1
shift
case $secs in '' | *[!0-9]*) usage ;; esac
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(ruleset document check block)
for h in "${harnesses[@]}"; do
	case $h in ruleset | document | check | block) ;; *) usage ;; esac
done

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
out=$root/build-fuzz
jobs=${NGOJST_FUZZ_JOBS:-1}
suite=${NGOJST_YAML_TEST_SUITE:-$root/../shared/testdata/yaml-test-suite}
extra=()
read -r -a extra <<< "${NGOJST_FUZZ_ARGS:-}"

# ---- build ---------------------------------------------------------------
if [ ! -f "$out/build.ninja" ]; then
	if [ -e "$out" ] && [ ! -d "$out/meson-private" ] && [ -n "$(ls -A "$out" 2>/dev/null | grep -v -e '^corpus$' -e '^crashes$' -e '^logs$' -e '^history.tsv$')" ]; then
		echo "error: $out exists and is not a meson build directory" >&2
		exit 2
	fi
	CC=clang meson setup "$out" \
		-Dfuzzing=true -Dexamples=false -Dtests=disabled -Dpython=disabled -Ddocs=disabled \
		-Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized \
		"-Dc_args=-fsanitize=fuzzer-no-link -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
		>"$out.setup.log" 2>&1 || { cat "$out.setup.log" >&2; rm -f "$out.setup.log"; exit 2; }
	mv "$out.setup.log" "$out/setup.log"
fi
targets=()
for h in "${harnesses[@]}"; do targets+=("fuzz/fuzz-$h"); done
ninja -C "$out" "${targets[@]}" >"$out/build.log" 2>&1 || { tail -n 40 "$out/build.log" >&2; exit 2; }

# ---- seed corpus ---------------------------------------------------------
# Files are named by content hash, so seeds and libFuzzer's finds share
# one directory without duplicates.
add_seed() { # DIR FILE
	local sum
	sum=$(sha1sum < "$2" | cut -c1-40)
	[ -e "$1/$sum" ] || cp "$2" "$1/$sum"
}
add_seed_text() { # DIR (text on stdin)
	local tmp
	tmp=$(mktemp)
	cat > "$tmp"
	add_seed "$1" "$tmp"
	rm -f "$tmp"
}
seed_files() {
	local d
	for d in tests/data tests/cases tests/hostile rulesets/pl examples; do
		[ -d "$d" ] || continue
		find "$d" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -path 'tests/hostile/*' \) \
			! -name 'manifest*'
	done | sort
	if [ -d "$suite" ]; then
		find "$suite" -type f \( -name in.yaml -o -name in.json \) | sort
	else
		echo "warning: no yaml-test-suite data at $suite" >&2
	fi
}
mkdir -p "$out/crashes" "$out/logs"
mapfile -t seeds < <(seed_files)
for h in "${harnesses[@]}"; do
	dir=$out/corpus/$h
	mkdir -p "$dir"
	for f in "${seeds[@]}"; do
		[ -s "$f" ] && add_seed "$dir" "$f"
	done
	if [ "$h" = check ]; then
		# Overlay + documents inputs (see fuzz-check.c), and streams.
		for ov in tests/cases/overlays/*.yaml examples/overlays/*.yaml; do
			for doc in tests/cases/documents/*.yaml examples/samples/*.yaml; do
				{ printf '#%%overlay\n'; cat "$ov"; printf '\n#%%documents\n'; cat "$doc"; } | add_seed_text "$dir"
			done
		done
		for doc in tests/cases/documents/*.yaml; do printf -- '---\n'; cat "$doc"; done | add_seed_text "$dir"
	fi
done

# ---- run -----------------------------------------------------------------
run_one() { # HARNESS
	local h=$1 log=$out/logs/$1.log rc=0
	ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:allocator_may_return_null=1} \
	UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1} \
	nice -n 10 "$out/fuzz/fuzz-$h" \
		-max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
		-dict="$root/fuzz/ngojst.dict" -artifact_prefix="$out/crashes/$h-" \
		${extra[@]+"${extra[@]}"} "$out/corpus/$h" >"$log" 2>&1 || rc=$?
	echo "$rc" > "$out/logs/$h.rc"
}
start=$(date +%s)
declare -A began
pids=()
for h in "${harnesses[@]}"; do
	while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
	began[$h]=$(date +%s)
	run_one "$h" &
	pids+=($!)
done
wait

status=0
for h in "${harnesses[@]}"; do
	log=$out/logs/$h.log
	rc=$(cat "$out/logs/$h.rc" 2>/dev/null || echo 99)
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	final=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
	cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<< "$final")
	ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<< "$final")
	corp=$(sed -n 's/.* corp: \([0-9]*\/[0-9]*[A-Za-z]*\).*/\1/p' <<< "$final")
	found=$(find "$out/crashes" -maxdepth 1 -type f -name "$h-*" -newermt "@${began[$h]}" | wc -l)
	if [ "$rc" -eq 0 ] && [ "$found" -eq 0 ] && [ -n "$execs" ]; then
		verdict=PASS
	else
		verdict=FAIL
		status=1
		grep -E 'ERROR:|SUMMARY:|invariant broken|Test unit written' "$log" | head -n 20 >&2 || true
	fi
	# One line per run, so the totals over many runs can be added up.
	printf '%s\tfuzz-%s\t%s\tseconds=%s\texecs=%s\tcov=%s\tft=%s\tcorpus=%s\tcrashes=%s\n' \
		"$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$h" "$verdict" "$secs" "${execs:-0}" "${cov:-?}" "${ft:-?}" \
		"${corp:-?}" "$found" >> "$out/history.tsv"
	echo "fuzz-$h: $verdict seconds=$secs execs=${execs:-0} cov=${cov:-?} ft=${ft:-?} corpus=${corp:-?} files=$(ls "$out/corpus/$h" | wc -l) crashes=$found"
done
echo "fuzz: $(( $(date +%s) - start )) s wall"
exit $status
