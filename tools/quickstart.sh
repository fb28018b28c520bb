#!/usr/bin/env bash
# Quick start: install what the build needs (Debian 12, when run as root),
# build into build/ and check the sample documents with the ngojst tool.
#
# `ngojst check` exits 1 when a document has findings; that is a normal
# outcome of the demo. Exit status 2 (usage or input error) or 3 (internal
# error) fails the script. Extra `meson setup` arguments may be passed in
# NGOJST_MESON_ARGS (word-split).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

packages=(meson ninja-build pkg-config libyaml-dev libcmocka-dev)
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
	for p in "${packages[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
	done
fi
if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" -eq 0 ]; then
		echo "==> installing ${missing[*]}"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update
		apt-get install -y --no-install-recommends "${missing[@]}"
	else
		echo "warning: missing Debian packages: ${missing[*]} (run as root to install them)" >&2
	fi
fi

extra_args=()
read -r -a extra_args <<< "${NGOJST_MESON_ARGS:-}"

if [ ! -f build/meson-private/coredata.dat ]; then
	echo "==> meson setup build"
	meson setup build ${extra_args[@]+"${extra_args[@]}"}
fi
echo "==> ninja -C build"
ninja -C build

# check ARGS...: run `ngojst check`; findings (exit 1) are not a failure.
check() {
	local rc=0
	echo
	echo "==> build/examples/ngojst check $*"
	build/examples/ngojst check "$@" || rc=$?
	case $rc in
	0) echo "(exit 0: no findings)" ;;
	1) echo "(exit 1: findings reported)" ;;
	*) echo "ngojst check failed with exit status $rc" >&2; exit "$rc" ;;
	esac
}

check --as-of 2026-11-26 examples/samples/programme-2026.yaml
check --as-of 2026-11-26 --lang en examples/samples/
