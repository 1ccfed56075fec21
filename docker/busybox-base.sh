#!/bin/sh
# busybox-base.sh IMAGE: build IMAGE from scratch and the host's static
# busybox, when it is not there yet. No registry is needed.
set -eu
image=$1
docker image inspect "$image" >/dev/null 2>&1 && exit 0
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cp "$(command -v busybox)" "$d/busybox"
cat >"$d/Dockerfile" <<'DOCKERFILE'
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
RUN mkdir -p /tmp /root /etc && chmod 1777 /tmp
DOCKERFILE
docker build -q -t "$image" "$d" >/dev/null
