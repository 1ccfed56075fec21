#!/bin/sh
# busybox-base.sh IMAGE [KEY=VALUE [bash]]: build IMAGE from scratch and the
# host's static busybox, when it is not there yet. No registry is needed. A
# label KEY=VALUE, when given, is the first step: the image then shares no
# step with other builds, so removing theirs never removes one that it uses.
# With "bash", the host's static bash (Debian's bash-static) is /bin/bash,
# as a spread project's scripts need.
set -eu
image=$1
docker image inspect "$image" >/dev/null 2>&1 && exit 0
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cp "$(command -v busybox)" "$d/busybox"
if [ "${3:-}" = bash ]; then
	cp "$(command -v bash-static)" "$d/bash"
fi
{
	echo 'FROM scratch'
	[ -z "${2:-}" ] || echo "LABEL $2"
	cat <<'DOCKERFILE'
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
RUN mkdir -p /tmp /root /etc && chmod 1777 /tmp
DOCKERFILE
	[ "${3:-}" != bash ] || echo 'COPY bash /bin/bash'
} >"$d/Dockerfile"
# Docker's legacy builder looks through the images built on scratch for a
# cached step, and fails ("unable to find image") when one of them is
# removed meanwhile, as other projects' cleanups do: once more then.
docker build -q -t "$image" "$d" >/dev/null || docker build -q -t "$image" "$d" >/dev/null
