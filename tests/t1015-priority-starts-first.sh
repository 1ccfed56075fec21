# priority: with one job at a time, the higher priority job starts first,
# whatever the names' order.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main
mkdir -p suites/aaa suites/zzz suites/mmm
printf 'execute: "true"\n' >suites/aaa/task.yaml
printf 'priority: 10\nexecute: "true"\n' >suites/zzz/task.yaml
printf 'priority: -5\nexecute: "true"\n' >suites/mmm/task.yaml
"$ORCHGEN"
ninja_ok images
ninja_ok -j1 test-alpha
order=$(grep -o 'TEST alpha:[a-z]*' "$T/ninja.out" | sed 's/TEST alpha://' | tr '\n' ' ')
[ "$order" = "zzz aaa mmm " ] || fail "jobs started in the order: $order"
