# Distros whose names differ only where orchgen keys' variable names have
# '_' would share a variable: such a matrix is refused, naming both.
. "$TOP/tests/lib.sh"
project
printf '\n[distro deb-12]\nbase = %s\n\n[distro deb_12]\nbase = %s\n' "$BASE_IMAGE" "$BASE_IMAGE" >>orchgen.ini
expect_exit 2 "$ORCHGEN" keys
expect_output '\[distro deb-12\] and \[distro deb_12\] (orchgen.ini:[0-9]*) would share the variable name ..._DEB_12 in orchgen keys'
expect_exit 2 "$ORCHGEN"
