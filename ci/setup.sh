#!/bin/sh
# ci/setup.sh [PREFIX]: gets a CI runner ready. Installs what building
# orchgen and running a matrix needs and is missing (docker/host-setup.sh
# --run), then builds orchgen and installs it in PREFIX (default
# /usr/local, on the PATH of every user, root's too), through sudo unless
# run as root. Install at the same PREFIX on every runner: build.ninja
# calls orchgen by its absolute path, and a restored run state's Ninja log
# names it. O=DIR builds out of the tree.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
prefix=${1:-/usr/local}
sudo=
[ "$(id -u)" -eq 0 ] || sudo=sudo
$sudo sh "$top/docker/host-setup.sh" --run
make -s -C "$top" O="${O:-}" all
$sudo make -s -C "$top" O="${O:-}" install PREFIX="$prefix"
