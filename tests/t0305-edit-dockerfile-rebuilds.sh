# Editing the Dockerfile rebuilds both images and reruns their 6 jobs, once.
. "$TOP/tests/lib.sh"
built_project
echo 'RUN echo edited >/edited' >>docker/Dockerfile
ninja_ok
[ "$(calls build)" -eq 2 ] || fail "expected 2 image builds, got $(calls build)"
[ "$(calls run)" -eq 6 ] || fail "expected 6 job runs, got $(calls run)"
reset_calls
ninja_ok
[ "$(calls build)" -eq 0 ] && [ "$(calls run)" -eq 0 ] || fail "the run after the rebuild was not a no-op"
