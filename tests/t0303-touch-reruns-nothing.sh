# `touch` on every input (matrix, suites, Dockerfile, context) reruns nothing.
. "$TOP/tests/lib.sh"
built_project
echo data >docker/extra.txt
ninja_ok
reset_calls
sleep 1
touch orchgen.ini $(find suites docker -type f)
ninja_ok
[ "$(calls build)" -eq 0 ] || fail "touch rebuilt $(calls build) images"
[ "$(calls run)" -eq 0 ] || fail "touch reran $(calls run) jobs"
