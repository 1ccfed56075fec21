# A rootfs recipe that fails: its output and orchgen.ini's line are shown,
# no image is imported, nothing is recorded, no scratch is left.
. "$TOP/tests/lib.sh"
base_image
stage_project
sed -i 's/^rootfs = .*/rootfs = echo no mirror here >\&2; false/' orchgen.ini
"$ORCHGEN"
docker_spy
expect_exit 1 ninja base-alpha
expect_output 'no mirror here'
expect_output 'orchgen.ini:[0-9]*: \[distro alpha\] the rootfs recipe failed'
[ "$(calls import)" -eq 0 ] || fail "a failed recipe was imported"
[ ! -e .orch/base/alpha ] || fail "a failed recipe recorded a base"
[ ! -e .orch/stage/alpha/rootfs ] || fail "the recipe's scratch directory was left behind"
[ -z "$(docker images -q --filter "label=orchgen.project=$PNAME")" ] || fail "an image exists after a failed recipe"
