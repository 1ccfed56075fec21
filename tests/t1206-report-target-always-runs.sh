# The report target runs orchgen report on every ninja run that names it,
# after a failed run too: `ninja -k 0 all-distros; ninja report`.
. "$TOP/tests/lib.sh"
base_image
report_project
expect_exit 1 ninja report
expect_output '^6 jobs: 2 pass, 2 fail, 2 skip'
rm -r suites/broken
expect_exit 0 ninja report
expect_output '^4 jobs: 2 pass, 2 skip'
expect_exit 0 ninja report
expect_output '^4 jobs: 2 pass, 2 skip'
