# A duration past 30 days is refused where it is written, rather than
# overflowing into a deadline that has passed already.
. "$TOP/tests/lib.sh"
project
sed -i 's/^jobs = 2$/&\nkill-timeout = 9223372036854776s/' orchgen.ini
expect_exit 2 "$ORCHGEN"
expect_output 'orchgen.ini:4: bad duration "9223372036854776s": expected a time such as 90s, 30m or 1h30m, at most 30 days'
sed -i '/^kill-timeout/d' orchgen.ini
printf 'kill-timeout: 721h\n' >>suites/main/hello/task.yaml
expect_exit 2 "$ORCHGEN"
expect_output 'suites/main/hello/task.yaml:[0-9]*:[0-9]*: kill-timeout: expected a duration like 90s, 30m or 1h30m, at most 30 days, got "721h"'
