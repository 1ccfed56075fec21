#!/bin/sh
# Gets a machine ready to build orchgen and run it against a real engine:
# installs what is missing (Debian, as root), then starts dockerd when no
# engine answers. Safe to run again: it does nothing when all is there.
# With --run, only what building orchgen and running a matrix of
# debootstrap bases needs (a CI runner: ci/setup.sh), not the tests' tools.
set -eu
tests=yes
case ${1:-} in
--run) tests= ;;
"") ;;
*) echo "usage: docker/host-setup.sh [--run]" >&2; exit 2 ;;
esac
top=$(cd "$(dirname "$0")/.." && pwd)

need=""
have() { command -v "$1" >/dev/null 2>&1; }
pkg() { dpkg -s "$1" >/dev/null 2>&1 || need="$need $1"; }

pkg build-essential; pkg pkg-config; pkg ninja-build
pkg libyaml-dev; pkg libxxhash-dev; pkg libinih-dev
# The Debian bases of the repository's matrix, on Debian or elsewhere.
pkg debootstrap; pkg debian-archive-keyring
have docker && have dockerd || pkg docker.io
if [ -n "$tests" ]; then
	# The tests' bases; what they read reports with: Debian's python3 and
	# junitparser, and a browser for the HTML page.
	pkg busybox-static; pkg bash-static
	pkg python3; pkg python3-junitparser; pkg chromium
	# What renders the manual pages in the tests; xxhsum, make bench's yardstick.
	pkg man-db; pkg xxhash
	# The registry the registry tests push to and pull from, on 127.0.0.1.
	pkg docker-registry
	# What runs the workflow validator and the GitLab pipeline runner
	# (below); the runner copies the jobs' files with rsync.
	have node || pkg nodejs
	have npm || pkg npm
	pkg rsync
fi

if [ -n "$need" ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "orchgen setup: missing packages:$need (install them as root, or run this as root)" >&2
		exit 2
	fi
	echo "orchgen setup: installing$need"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q >/dev/null
	apt-get install -y -q --no-install-recommends $need >/dev/null
fi

# What the tests check the CI recipes with, from npm, in the checkout's
# tests/tmp/node (so it needs no root), fetched once: the validator of
# .github/workflows/ci.yml, and gitlab-ci-local, which runs the README's
# GitLab pipeline (4.73.0: the later ones need Node 22). One npm call for
# both: npm install --no-save removes what an earlier one installed.
node_modules=$top/tests/tmp/node/node_modules
validator=0.6.0
gitlab=4.73.0
if [ -n "$tests" ] && ! { grep -qs "\"version\": \"$validator\"" "$node_modules/@action-validator/cli/package.json" &&
	grep -qs "\"version\": \"$gitlab\"" "$node_modules/gitlab-ci-local/package.json"; }; then
	echo "orchgen setup: installing @action-validator/cli@$validator gitlab-ci-local@$gitlab"
	mkdir -p "$top/tests/tmp/node"
	npm install --prefix "$top/tests/tmp/node" --no-save --no-audit --no-fund --loglevel=error \
		"@action-validator/cli@$validator" "gitlab-ci-local@$gitlab" >/dev/null
fi

if docker info >/dev/null 2>&1; then
	exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
	echo "orchgen setup: no Docker engine answers; start one (sudo systemctl start docker) and retry" >&2
	exit 3
fi
echo "orchgen setup: starting dockerd"
log=${TMPDIR:-/tmp}/orchgen-dockerd.log
nohup dockerd >"$log" 2>&1 &
i=0
until docker info >/dev/null 2>&1; do
	i=$((i + 1))
	if [ $i -gt 60 ]; then
		echo "orchgen setup: dockerd did not answer within 60s; its log:" >&2
		tail -n 20 "$log" >&2
		exit 3
	fi
	sleep 1
done
