# An environment value ending in a backslash, or holding quotes, stays a
# value: it cannot end its quotes and let the next variable run as code.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main/vars
cat >suites/main/hello/task.yaml <<'YAML'
environment:
  WIN: 'C:\'
  NEXT: ' touch /tmp/ran; echo '
  QUOTES: 'say "hi" `no`'
  HOME_LITERAL: '\$HOME'
execute: |
  [ "$WIN" = 'C:\' ] || { echo "WIN=$WIN"; exit 1; }
  [ "$NEXT" = ' touch /tmp/ran; echo ' ] || { echo "NEXT=$NEXT"; exit 1; }
  [ ! -e /tmp/ran ] || { echo "a value ran as code"; exit 1; }
  [ "$QUOTES" = 'say "hi" `no`' ] || { echo "QUOTES=$QUOTES"; exit 1; }
  [ "$HOME_LITERAL" = '$HOME' ] || { echo "HOME_LITERAL=$HOME_LITERAL"; exit 1; }
YAML
"$ORCHGEN" --distros=alpha
ninja_ok test-alpha/main/hello
