#!/bin/sh
# ci/images.sh D: distro D's base and image, made before its jobs run.
# Generates build.ninja with D's image cache in .orch/images/D (-D
# project.image-cache, so that a developer's own runs write no archives),
# then builds D's image (ninja image-D): each tag the engine lacks is
# loaded from its archive there, else made and saved there. The directory
# is D's images entry of the CI caches, and holds only D's archives: once
# this exits 0, it holds the current ones, and the entry may be saved.
set -eu
d=${1:?usage: ci/images.sh D}
# First, so that D is one of the matrix's distros before it names a path.
orchgen list --distros="$d" --targets >/dev/null
orchgen -D project.image-cache=".orch/images/$d"
exec ninja "image-$d"
