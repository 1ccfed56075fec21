# On an engine that shares no files, a workspace that is the whole project
# arrives without the project's own state (.orch: results, logs, caches,
# the image cache): every other file and directory of it does, with its
# symbolic links as they are, and a directory elsewhere named .orch too.
. "$TOP/tests/lib.sh"
base_image
project
second_engine
mkdir -p data/.orch deep/dir
echo "from the workspace" >data.txt
echo nested >data/.orch/kept
echo deep >deep/dir/file
ln -s data.txt link
mkdir -p .orch/images
dd if=/dev/zero of=.orch/images/big bs=1M count=8 2>/dev/null
mkdir -p suites/reads
cat >suites/reads/task.yaml <<'YAML'
execute: |
  cd /workspace
  grep -x "from the workspace" data.txt
  [ "$(readlink link)" = data.txt ]
  grep -x nested data/.orch/kept
  grep -x deep deep/dir/file
  test -f orchgen.ini
  if [ -e .orch ]; then echo "the state travelled: $(ls -A .orch)"; exit 1; fi
YAML
engines_ini 0 1
"$ORCHGEN" --distros=alpha >/dev/null
ninja_ok test-alpha/reads
grep -q '"engine": "far"' .orch/results/alpha/reads.json || fail "the job did not run on the far engine"
grep -q '"status": "pass"' .orch/results/alpha/reads.json || fail "the job failed: $(cat .orch/logs/alpha/reads.log)"
[ -z "$(docker2 ps -aq)" ] || fail "containers left on the far engine"
