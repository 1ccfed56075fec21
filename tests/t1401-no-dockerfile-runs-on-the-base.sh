# Without a Dockerfile the base is the image, still tagged by content, so
# the graph has the same shape; a Dockerfile added later is seen: the
# image is built from it and the jobs run again on it.
. "$TOP/tests/lib.sh"
base_image
project
rm -r docker suites/main/vars
printf 'execute: test ! -e /flavour && echo on the base\n' >suites/main/hello/task.yaml
"$ORCHGEN" --distros=alpha
ninja_ok
grep -q '"status": "pass"' .orch/results/alpha/main/hello.json || fail "the job did not pass on the base"
tag=$(cat .orch/image/alpha)
case $tag in "$PNAME-alpha:"*) ;; *) fail "the image is not tagged by content: $tag" ;; esac
ninja_ok
[ "$(count TEST)" -eq 0 ] && [ "$(count IMAGE)" -le 1 ] || fail "a second run did work again"
mkdir docker
printf 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nRUN echo built >/flavour\n' >docker/Dockerfile
printf 'execute: grep -qx built /flavour\n' >suites/main/hello/task.yaml
ninja_ok
grep -q '"status": "pass"' .orch/results/alpha/main/hello.json || fail "the job did not run on the new image"
[ "$(cat .orch/image/alpha)" != "$tag" ] || fail "the image did not change with the Dockerfile"
