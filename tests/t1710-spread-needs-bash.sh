# A spread project's jobs on an image without /bin/bash end with a clear
# error, not a failure of their scripts.
. "$TOP/tests/lib.sh"
base_image
spread_project runtime "$BASE_IMAGE"
"$ORCHGEN" >/dev/null
expect_exit 1 ninja -k 0
expect_output 'error: the image has no /bin/bash, which the scripts of a spread project run under'
grep -q '"status": *"error"' .orch/results/alpha/tests/main/vars.json || fail "the result is not an error"
