# The base of both distros: a root filesystem of the host's static busybox,
# in the directory orchgen gives as the last argument (rootfs = sh mkroot.sh).
set -eu
root=$1
busybox=$(command -v busybox) || { echo "mkroot.sh: no busybox: install busybox-static" >&2; exit 1; }
# Alone in a root filesystem, a busybox linked to shared libraries cannot run.
if ldd "$busybox" >/dev/null 2>&1; then
	echo "mkroot.sh: $busybox is linked dynamically: install busybox-static" >&2
	exit 1
fi
mkdir -p "$root/bin" "$root/tmp" "$root/etc" "$root/root"
cp "$busybox" "$root/bin/busybox"
for applet in $("$busybox" --list); do
	[ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
done
chmod 1777 "$root/tmp"
