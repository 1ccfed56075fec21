#!/bin/sh
# Gets a Debian machine ready for `make fuzz`: a clang that links libFuzzer
# (argument: the compiler, default clang), llvm-symbolizer for readable
# stacks, and orchgen's own build dependencies. Installs what is missing
# (as root); does nothing when all is there.
set -eu
cc=${1:-clang}
need=""
pkg() { dpkg -s "$1" >/dev/null 2>&1 || need="$need $1"; }
links() {
	printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return (void)d, (int)(n & 0); }\n' |
		"$cc" -fsanitize=fuzzer,address,undefined -x c -o /dev/null - >/dev/null 2>&1
}

command -v dpkg >/dev/null 2>&1 || exit 0	# not Debian: up to you
pkg make; pkg pkg-config; pkg libc6-dev
pkg libyaml-dev; pkg libxxhash-dev; pkg libinih-dev
links || { pkg clang; pkg libclang-rt-dev; }
command -v llvm-symbolizer >/dev/null 2>&1 || pkg llvm

if [ -n "$need" ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "orchgen fuzz setup: missing packages:$need (install them as root, or run this as root)" >&2
		exit 2
	fi
	echo "orchgen fuzz setup: installing$need"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q >/dev/null
	apt-get install -y -q --no-install-recommends $need >/dev/null
fi
if ! links; then
	echo "orchgen fuzz setup: $cc cannot link -fsanitize=fuzzer,address,undefined" >&2
	exit 2
fi
