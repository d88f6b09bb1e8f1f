#!/bin/sh
# Syntax-checks the expected snippets in tests/snippets with whatever interpreters are here:
# python3 (py_compile), node (--check), sh (-n), gofmt (-e). A missing tool is skipped, not a
# failure: cargo test does not depend on any of them.
set -eu
dir="$(dirname "$0")/snippets"
status=0
check() { # tool, label, command...
    if command -v "$1" >/dev/null 2>&1; then
        shift
        label="$1"
        shift
        if "$@"; then echo "ok   $label"; else echo "FAIL $label"; status=1; fi
    else
        echo "skip $2 ($1 not installed)"
    fi
}
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for f in "$dir"/*.py; do check python3 "$f" python3 -c "import py_compile,sys; py_compile.compile(sys.argv[1], cfile='$tmp/x.pyc', doraise=True)" "$f"; done
for f in "$dir"/*.js; do check node "$f" node --check "$f"; done
for f in "$dir"/*.sh; do check sh "$f" sh -n "$f"; done
for f in "$dir"/*.go; do check gofmt "$f" sh -c 'gofmt -e "$1" >/dev/null' _ "$f"; done
exit $status
