# environment values are shell text, expanded in the job like spread's; \$ is a literal $.
. "$TOP/tests/lib.sh"
built_project
cat >suites/main/hello/task.yaml <<'YAML'
summary: s
environment:
  BASE: /opt
  DIR: $BASE/tool
  PRICE: \$5 "each"
execute: |
  echo "DIR=$DIR PRICE=$PRICE"
YAML
ninja_ok test-alpha/main/hello
grep -q '^DIR=/opt/tool PRICE=\$5 "each"$' .orch/logs/alpha/main/hello.log || { cat .orch/logs/alpha/main/hello.log; fail "values were not expanded as shell text"; }
