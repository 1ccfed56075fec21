# A rootfs recipe that succeeds but leaves its directory empty is an error:
# no image is imported and nothing is recorded.
. "$TOP/tests/lib.sh"
base_image
stage_project
sed -i 's/^rootfs = .*/rootfs = true/' orchgen.ini
"$ORCHGEN"
expect_exit 1 ninja base-alpha
expect_output 'rootfs recipe left its directory empty'
[ ! -e .orch/base/alpha ] || fail "an empty recipe recorded a base"
[ -z "$(docker images -q --filter "label=orchgen.project=$PNAME")" ] || fail "an image exists after an empty recipe"
