#!/bin/sh
# Checks that the Debian packages dnawijk needs are installed. Missing ones are
# installed with apt-get when running as root; otherwise the exact command is
# printed and the script fails.
missing=""
for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0
echo "dnawijk: missing Debian packages:$missing"
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing \
        || { echo "dnawijk: apt-get install failed"; exit 1; }
else
    echo "dnawijk: install them with:"
    echo "    sudo apt-get install$missing"
    exit 1
fi
