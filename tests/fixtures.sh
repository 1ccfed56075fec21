# The images that the tests of a run share, made once by tests/run.sh before
# the tests and removed after them: the busybox base, and the two images of
# project(), whose build steps most tests' images reuse from the engine's
# cache. While these hold the steps, no test's cleanup removes one that
# another test is building on. One at a time, so that the second reuses
# the first's steps: built side by side, each makes its own, and the tests'
# builds may pick either.
. "$TOP/tests/lib.sh"
trap - EXIT
base_image
project
"$ORCHGEN"
ninja_ok -j1 images
