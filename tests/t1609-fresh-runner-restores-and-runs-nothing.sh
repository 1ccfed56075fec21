# The fresh runner, end to end, for the stages: one runner per distro runs
# D's jobs and saves what the README's CI recipe saves, each entry under its
# own key (D's cache directories under warm-D, D's build directory under
# build-D, the run state, .orch without those, under run-D). A fresh runner
# (the project at another path, every file with a new mtime, no .orch and
# so no .ninja_log) restores the entries under the keys it computes itself,
# and `orchgen && ninja test-D` warms nothing, builds nothing, runs no
# container and exits 0. (The images stay in the engine here.)
. "$TOP/tests/lib.sh"
base_image
stage_project
ORIG=$P
for D in alpha beta; do
	P=$ORIG
	fresh_runner "$T/first-$D"
	"$ORCHGEN"
	ninja_ok "test-$D"
	ci_save "warm-$D-$(ci_key warm $D)" .orch/cache/*/"$D"
	ci_save "build-$D-$(ci_key build $D)" .orch/build/"$D"
	ci_save_run "run-$D-$(ci_key run $D)"
done
for D in alpha beta; do
	P=$ORIG
	fresh_runner "$T/fresh-$D"
	[ ! -e .orch ] || fail "the fresh runner has a .orch"
	ci_restore "warm-$D-$(ci_key warm $D)"
	ci_restore "build-$D-$(ci_key build $D)"
	ci_restore "run-$D-$(ci_key run $D)"
	docker_spy
	"$ORCHGEN"
	ninja_ok "test-$D"
	[ "$(count WARM)$(count BUILD)$(count TEST)" = 000 ] || { cat "$T/ninja.out" >&2; fail "$D's fresh runner ran a stage or a job"; }
	[ "$(calls build)" -eq 0 ] || fail "$D's fresh runner built an image"
	[ "$(calls run)" -eq 0 ] || fail "$D's fresh runner ran a container"
	expect_exit 0 "$ORCHGEN" report "$D"
	expect_output "^$D  3 pass$"
done
