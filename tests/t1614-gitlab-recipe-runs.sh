# The README's GitLab CI recipe, as printed under "### GitLab CI", runs
# as a real pipeline: gitlab-ci-local (which make setup installs) reads
# .gitlab-ci.yml as GitLab does and runs each job with a shell executor
# in its own copy of the project's tracked files (--shell-isolation),
# with GitLab's dotenv reports, needs, extends, parallel: matrix,
# artifacts and caches. The recipe is taken from the README itself: its
# jobs of one distro, images-bookworm and test-bookworm, become those of
# each distro of the test's project by their names alone, and report
# needs the project's. The project is stage_project's without its warm
# cache (the recipe has no entry for one): alpha's base from a rootfs
# recipe, beta's the busybox base (it has no base key), a build stage.
#
# ci/test.sh and ci/images.sh are the repository's own. ci/setup.sh is
# not: it builds this repository's orchgen and installs it, as root, in
# /usr/local. Here it is a stub that checks that orchgen is on the PATH,
# where the test puts the orchgen under test, at one path for every job
# (as setup.sh's install would be), as t1613 does without a setup step.
#
# The first pipeline: the plan's keys (its dotenv report) key the jobs'
# caches, which are saved under names made of the real keys; each
# distro's images are made once; each job of the matrix runs on one
# shard and passes; the report job's junit.xml lists every job. Then
# every image of the project goes from the engine (a fresh runner has
# none), and a second pipeline restores each entry in each job: it loads
# the images from their archives (the same image IDs), builds, imports
# and runs nothing, and its report lists every job again.
. "$TOP/tests/lib.sh"
gcl=$TOP/tests/tmp/node/node_modules/.bin/gitlab-ci-local
[ -x "$gcl" ] || fail "no $gcl: make setup installs it"
"$gcl" --version >"$T/gcl-version" 2>&1 || fail "gitlab-ci-local does not run (it needs Node.js 20.19 or later): $(tail -n 3 "$T/gcl-version")"
command -v rsync >/dev/null || fail "no rsync (gitlab-ci-local copies with it): make setup installs it"
base_image
stage_project
sed -i '/^\[cache dl\]$/,$d' orchgen.ini
cat >suites/main/hello/task.yaml <<'YAML'
summary: sees its own distro's build
execute: grep -x "built for $ORCHGEN_DISTRO" /build/distro
YAML
ln -s "$ORCHGEN" "$T/bin/orchgen"
mkdir ci
cp "$TOP/ci/test.sh" "$TOP/ci/images.sh" ci/
cat >ci/setup.sh <<'SH'
#!/bin/sh
# A stub of ci/setup.sh: orchgen is installed already.
command -v orchgen >/dev/null || { echo "ci/setup.sh: no orchgen on the PATH" >&2; exit 1; }
SH

# The recipe: the README's indented block under "### GitLab CI".
sed -n '/^### GitLab CI$/,/^### Shards$/p' "$TOP/README.md" |
	awk '/^    / { on = 1 } on && /^[^ ]/ { exit } on { sub(/^    /, ""); print }' >"$T/recipe.yml"
grep -q '^test-bookworm:$' "$T/recipe.yml" || fail "the README's GitLab recipe has no test-bookworm job: $(cat "$T/recipe.yml")"
# Each job of bookworm's (images-bookworm, test-bookworm), from its line to
# the next blank one, once per distro of the project, with its names; the
# comment that stands for the other distros' jobs goes; report needs the
# project's test jobs.
distros="alpha beta"
awk -v distros="$distros" '
	function jobs(   n, d, i, t) {
		n = split(distros, d, " ")
		for (i = 1; i <= n; i++) { t = block; gsub(/bookworm/, d[i], t); gsub(/BOOKWORM/, toupper(d[i]), t); printf "%s\n", t }
		block = ""
	}
	/^[a-z]+-bookworm:$/ { job = 1 }
	job && /^$/ { job = 0; jobs(); next }
	job { block = block $0 "\n"; next }
	/^# / { comment = 1; next }
	comment && /^$/ { comment = 0; next }
	/^  needs: \[test-bookworm/ { n = split(distros, d, " "); s = ""; for (i = 1; i <= n; i++) s = s (i > 1 ? ", " : "") "test-" d[i]; print "  needs: [" s "]"; next }
	{ print }
' "$T/recipe.yml" >.gitlab-ci.yml
if ! grep -q '^test-beta:$' .gitlab-ci.yml || ! grep -q '^images-beta:$' .gitlab-ci.yml || grep -qi 'bookworm' .gitlab-ci.yml; then
	fail "the recipe did not become the project's: $(cat .gitlab-ci.yml)"
fi

# The keys, as a runner computes them (from the checkout alone).
"$ORCHGEN" keys --format=env >"$T/keys.env"
rm -rf .orch
key() { sed -n "s/^ORCHGEN_KEY_$1=//p" "$T/keys.env"; }
for k in IMAGE_ALPHA BASE_ALPHA BUILD_ALPHA RUN_ALPHA IMAGE_BETA BUILD_BETA RUN_BETA; do
	[ -n "$(key $k)" ] || fail "orchgen keys has no $k: $(cat "$T/keys.env")"
done
[ -z "$(key BASE_BETA)" ] || fail "beta has a base key"

git init -q
git add -A
git -c user.name=test -c user.email=test@example.org commit -q -m project

# pipeline N: the whole pipeline, as gitlab-ci-local runs it, its output in
# $T/pipeline-N.out and its jobs' logs in $T/logs-N/.
pipeline() {
	"$gcl" --shell-isolation --no-artifacts-to-source --no-color --home "$T/gcl-home" \
		>"$T/pipeline-$1.out" 2>&1 || { cat "$T/pipeline-$1.out" >&2; fail "pipeline $1 failed"; }
	cp -R .gitlab-ci-local/output "$T/logs-$1"
}
# in_logs N WORD: how many lines of the jobs' logs of pipeline N ran WORD edges.
in_logs() { cat "$T/logs-$1"/*.log | grep -c "] $2 " || true; }

docker_spy
pipeline 1
# Each distro's images were made once, not once per shard.
[ "$(calls build)$(calls import)" = 21 ] || { cat "$T/docker.calls" >&2; fail "pipeline 1 did not make each image once"; }
ls .gitlab-ci-local/cache | sort >"$T/caches"
cat >"$T/want-caches" <<EOF
build-alpha-$(key BUILD_ALPHA)
build-beta-$(key BUILD_BETA)
images-alpha-$(key IMAGE_ALPHA)-$(key BASE_ALPHA)
images-beta-$(key IMAGE_BETA)-
run-alpha-1-$(key RUN_ALPHA)
run-alpha-2-$(key RUN_ALPHA)
run-beta-1-$(key RUN_BETA)
run-beta-2-$(key RUN_BETA)
EOF
sort -o "$T/want-caches" "$T/want-caches"
diff "$T/want-caches" "$T/caches" >&2 || fail "the caches are not saved under the plan's keys"

# Each job of the matrix ran on one shard only, and passed; the report
# job's junit.xml lists every job, each passed.
jobs="alpha:main/hello alpha:main/vars:one alpha:main/vars:two beta:main/hello beta:main/vars:one beta:main/vars:two"
cat "$T/logs-1"/test-* | sed -n 's/^\[[0-9/]*\] TEST //p' | sort >"$T/ran"
[ "$(tr '\n' ' ' <"$T/ran")" = "$jobs " ] || fail "the shards ran $(tr '\n' ' ' <"$T/ran"), not each of $jobs once"
# ok_report N: the report job of pipeline N reported every job passed.
ok_report() {
	junit=.gitlab-ci-local/artifacts/report/junit.xml
	[ -s "$junit" ] || fail "the report job of pipeline $1 wrote no junit.xml"
	grep -q '<testsuites name="orchgen" tests="6" failures="0" errors="0" skipped="0"' "$junit" ||
		{ cat "$junit" >&2; fail "pipeline $1's junit.xml is not 6 jobs passed"; }
	for j in $jobs; do
		grep -q "<testcase [^>]*name=\"$j\"[^>]*/>" "$junit" || { cat "$junit" >&2; fail "pipeline $1's junit.xml lacks $j"; }
	done
}
ok_report 1

# Every image the project made goes, as on a fresh runner.
images() { docker images --filter "label=orchgen.project=$PNAME" --format '{{.Repository}}:{{.Tag}} {{.ID}}' | sort; }
images >"$T/images-1"
[ "$(grep -c . "$T/images-1")" -eq 3 ] || fail "pipeline 1 made images $(cat "$T/images-1"), expected alpha's, its base and beta's"
for _ in 1 2 3; do
	docker images -q --filter "label=orchgen.project=$PNAME" | sort -u | xargs -r docker rmi -f >/dev/null 2>&1 || true
done
[ -z "$(docker images -q --filter "label=orchgen.project=$PNAME")" ] || fail "the project's images are still there"

# The second pipeline restores every entry in each job that has it, loads
# the images from their archives, builds, imports and runs nothing.
docker_spy
pipeline 2
while read -r c; do
	case $c in
	images-*) n=3 ;;	# images-D and its two shards
	build-*) n=2 ;;
	run-*) n=1 ;;	# its own shard's
	esac
	[ "$(grep -c "imported cache '$c'" "$T/pipeline-2.out")" -eq "$n" ] ||
		{ cat "$T/pipeline-2.out" >&2; fail "pipeline 2 did not restore $c in each of its jobs"; }
done <"$T/want-caches"
[ "$(in_logs 2 TEST)$(in_logs 2 BUILD)" = 00 ] || { cat "$T/pipeline-2.out" >&2; fail "pipeline 2 ran a job or a build"; }
[ "$(calls build)$(calls import)$(calls run)" = 000 ] ||
	{ cat "$T/docker.calls" >&2; fail "pipeline 2 built or imported an image, or ran a container"; }
for name in "$PNAME-base-alpha" "$PNAME-alpha" "$PNAME-beta"; do
	grep -q "^load -i .orch/images/[a-z]*/$name/" "$T/docker.calls" || { cat "$T/docker.calls" >&2; fail "pipeline 2 did not load $name"; }
done
images | cmp -s - "$T/images-1" || fail "pipeline 2's images are not pipeline 1's: $(images) and $(cat "$T/images-1")"
ok_report 2
