# The fresh runner, end to end, through the workflow's own scripts (ci/):
# the plan computes the matrix, a runner per distro makes its images
# (ci/images.sh: into its image cache, .orch/images/D, which then holds
# D's archives and no other distro's), runs its jobs (ci/test.sh), saves
# the caches under the matrix's keys, and the report job merges the
# runners' results (ci/report.sh). Then every image the project made is
# removed from the engine, and a fresh runner per distro (the project at
# another path, new mtimes, nothing else) restores the entries under the
# keys its own plan computes: it loads its images from the image cache,
# builds and imports none (the image IDs are the saved ones), warms
# nothing, builds nothing, runs no container, and exits 0.
. "$TOP/tests/lib.sh"
base_image
stage_project
ORIG=$P
ln -s "$ORCHGEN" "$T/bin/orchgen"	# the scripts run orchgen from the PATH

# plan DIR: ci/matrix.sh on a runner at DIR, into $T/matrix, one runner a line.
plan() {
	P=$ORIG
	fresh_runner "$1"
	: >"$T/github-output"
	GITHUB_OUTPUT=$T/github-output sh "$TOP/ci/matrix.sh"
	sed -n 's/^matrix=//p' "$T/github-output" | sed 's/^{"include":\[//; s/\]}$//; s/},{/}\n{/g' >"$T/matrix"
	[ "$(grep -c . "$T/matrix")" -eq 2 ] || fail "the matrix is not one runner per distro: $(cat "$T/github-output")"
}
# field NAME: NAME's value in the line of the runner, $runner.
field() { echo "$runner" | sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
# ids D: the IDs of D's image and base, as the run state records them.
ids() { for r in .orch/image/"$1" .orch/base/"$1"; do [ ! -f "$r" ] || docker image inspect -f '{{.Id}}' "$(cat "$r")"; done; }

plan "$T/plan"
cp "$T/matrix" "$T/first-matrix"
while IFS= read -r runner; do
	D=$(field distro)
	P=$ORIG
	fresh_runner "$T/first-$D"
	sh "$TOP/ci/images.sh" "$D" >"$T/ninja.out" 2>&1 || { cat "$T/ninja.out" >&2; fail "$D's images could not be made"; }
	# D's entry: the archives of D's image and, for alpha, its base; no
	# other distro's.
	want="$PNAME-$D"
	[ "$D" != alpha ] || want="$PNAME-alpha $PNAME-base-alpha"
	[ "$(ls .orch/images/"$D" | tr '\n' ' ')" = "$want " ] || fail "$D's image cache holds $(ls .orch/images/"$D"), expected $want"
	ls .orch/images >"$T/dirs"
	[ "$(cat "$T/dirs")" = "$D" ] || fail "$D's runner has image caches $(cat "$T/dirs")"
	ci_save "images-$D-$(field image)-$(field base)" ".orch/images/$D"
	sh "$TOP/ci/test.sh" "$D" "$(field shard)" >"$T/ninja.out" 2>&1 || { cat "$T/ninja.out" >&2; fail "$D's runner failed"; }
	ids "$D" >"$T/ids-$D"
	[ "$(grep -c . "$T/ids-$D")" -ge 1 ] || fail "$D has no image"
	for r in .orch/image/"$D" .orch/base/"$D"; do
		[ -f "$r" ] || continue
		tag=$(cat "$r")
		[ -s ".orch/images/$D/${tag%:*}/${tag##*:}.tar" ] || fail "no archive of $tag in $D's image cache"
	done
	ci_save "warm-$D-$(field warm)" .orch/cache/*/"$D"
	ci_save "build-$D-$(field build)" ".orch/build/$D"
	ci_save_run "run-$D-$(field run)"
	mkdir -p "$T/runners/$D"
	cp -R .orch/results .orch/logs "$T/runners/$D/"
done <"$T/matrix"

# The report job: the runners' results merged, every job of the matrix.
P=$ORIG
fresh_runner "$T/report"
expect_exit 0 sh "$TOP/ci/report.sh" "$T/runners"
expect_output '^alpha  *3 pass$'
expect_output '^beta  *3 pass$'
for f in report.html junit.xml report.json; do
	[ -s "$T/runners/$f" ] || fail "ci/report.sh wrote no $f"
done

# Every image the project made goes.
for _ in 1 2 3; do
	docker images -q --filter "label=orchgen.project=$PNAME" | sort -u | xargs -r docker rmi -f >/dev/null 2>&1 || true
done
[ -z "$(docker images -q --filter "label=orchgen.project=$PNAME")" ] || fail "the project's images are still there"

plan "$T/plan-again"
cmp -s "$T/matrix" "$T/first-matrix" || fail "a fresh runner's plan has other keys"
while IFS= read -r runner; do
	D=$(field distro)
	P=$ORIG
	fresh_runner "$T/fresh-$D"
	ci_restore "images-$D-$(field image)-$(field base)"
	ci_restore "warm-$D-$(field warm)"
	ci_restore "build-$D-$(field build)"
	ci_restore "run-$D-$(field run)"
	docker_spy
	sh "$TOP/ci/images.sh" "$D" >"$T/ninja.out" 2>&1 || { cat "$T/ninja.out" >&2; fail "$D's fresh runner could not make its images"; }
	sh "$TOP/ci/test.sh" "$D" "$(field shard)" >>"$T/ninja.out" 2>&1 || { cat "$T/ninja.out" >&2; fail "$D's fresh runner failed"; }
	[ "$(count WARM)$(count BUILD)$(count TEST)" = 000 ] || { cat "$T/ninja.out" >&2; fail "$D's fresh runner ran a stage or a job"; }
	[ "$(calls build)$(calls import)$(calls run)" = 000 ] || { cat "$T/docker.calls" >&2; fail "$D's fresh runner built or imported an image, or ran a container"; }
	[ "$(calls load)" -eq "$(grep -c . "$T/ids-$D")" ] || { cat "$T/docker.calls" >&2; fail "$D's fresh runner did not load each of its images once"; }
	[ "$(calls save)" -eq 0 ] || fail "$D's fresh runner saved an image it loaded"
	ids "$D" | cmp -s - "$T/ids-$D" || fail "$D's images are not the saved ones"
done <"$T/matrix"
