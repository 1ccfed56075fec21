# tests/second-engine.sh DIR COVER...: run as `unshare --mount --net sh
# tests/second-engine.sh ...`, in the new mount and network namespaces:
# covers each directory COVER (those that exist) with an empty tmpfs, so
# that the engine sees none of the projects' files, then becomes a dockerd
# with its data and exec roots in DIR and its socket at DIR/sock, where
# the host sees it. --bridge=none and --iptables=false hold only in this
# network namespace: never start such a dockerd in the host's own.
set -eu
dir=$1; shift
for d; do
	[ ! -d "$d" ] || mount -t tmpfs -o size=1m,mode=0755 orchtest-cover "$d"
done
exec dockerd --data-root "$dir/data" --exec-root "$dir/exec" --pidfile "$dir/dockerd.pid" \
	-H "unix://$dir/sock" --bridge=none --iptables=false
