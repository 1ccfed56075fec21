# A suite's file that is a link into the project is followed: editing the
# file it leads to reruns that suite's jobs, and no other.
. "$TOP/tests/lib.sh"
base_image
project
mkdir -p shared
echo v1 >shared/data.txt
ln -s ../../../shared/data.txt suites/main/hello/data.txt
printf 'execute: cat data.txt 2>/dev/null || cat /workspace/shared/data.txt\n' >suites/main/hello/task.yaml
"$ORCHGEN" --distros=alpha
ninja_ok
ninja_ok
[ "$(count TEST)" -eq 0 ] || fail "a second run ran jobs"
echo v2 >shared/data.txt
ninja_ok
[ "$(count TEST)" -eq 1 ] || fail "editing the linked file ran $(count TEST) jobs, expected 1"
grep -q 'TEST alpha:main/hello' "$T/ninja.out" || fail "not the suite with the link"
