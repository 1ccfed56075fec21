#!/bin/sh
# ci/images.sh load|save D [DIR]: distro D's images as one CI cache entry,
# the archive DIR/D.tar (DIR: .orch-images). save writes the base and the
# image that the run state records (.orch/base/D, .orch/image/D) with
# `docker save`, to a temporary file renamed into place; load gives the
# archive, when there is one, to `docker load`, so that the image edges
# find their tags and build nothing. A restored archive holds the images
# of the keys it was saved under (images-D-IMAGE-BASE), never stale ones.
set -eu
what=${1:?usage: ci/images.sh load|save D [DIR]}
d=${2:?usage: ci/images.sh load|save D [DIR]}
dir=${3:-.orch-images}
case $d in
*/* | .*) echo "ci/images.sh: $d: expected a distro's name" >&2; exit 2 ;;
esac
archive=$dir/$d.tar
case $what in
load)
	if [ -f "$archive" ]; then
		docker load -q -i "$archive"
	fi
	;;
save)
	set --
	for record in .orch/base/"$d" .orch/image/"$d"; do
		if [ -f "$record" ]; then
			set -- "$@" "$(sed -n 1p "$record")"
		fi
	done
	if [ $# -eq 0 ]; then
		echo "ci/images.sh: no image of $d is recorded (run ninja first)" >&2
		exit 2
	fi
	mkdir -p "$dir"
	docker save -o "$archive.tmp" "$@"
	mv "$archive.tmp" "$archive"
	;;
*)
	echo "ci/images.sh: $what: expected load or save" >&2
	exit 2
	;;
esac
