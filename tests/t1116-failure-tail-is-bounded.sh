# A failing job's tail is read from the end of its log, bounded: a 20 MB
# line prints only its last part, and bytes after a NUL are shown.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main/vars
printf 'execute: |\n  head -c 20000000 /dev/zero | tr "\\\\000" x\n  printf "\\\\000tail-after-nul\\\\n"\n  exit 1\n' >suites/main/hello/task.yaml
"$ORCHGEN" --distros=alpha
ninja_ok images
expect_exit 1 "$ORCHGEN" test --distro alpha --suite main/hello --image .orch/image/alpha
expect_output 'tail-after-nul'
size=$(wc -c <"$T/out")
[ "$size" -le 100000 ] || fail "the failure printed $size bytes"
[ "$(wc -c <.orch/logs/alpha/main/hello.log)" -ge 20000000 ] || fail "the log lost bytes"
