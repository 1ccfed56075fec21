# A second `orchgen && ninja` after a full run builds nothing and runs nothing.
. "$TOP/tests/lib.sh"
built_project
"$ORCHGEN"
ninja_ok
[ "$(calls build)" -eq 0 ] || fail "second run built $(calls build) images"
[ "$(calls run)" -eq 0 ] || fail "second run ran $(calls run) jobs"
