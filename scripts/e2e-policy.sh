#!/bin/sh
# The enterprise-policy e2e test writes a real Chromium policy file under /etc/chromium. It runs in a private mount
# namespace so the machine's own /etc is never touched. Without root (or unshare) the test cannot run: it is skipped
# and says why, except when CI is set, where it fails with the reason.
set -e
export FLOORWALKER_OUTER_MNT_NS="$(readlink /proc/self/ns/mnt)"
if [ "$(id -u)" = "0" ] && command -v unshare >/dev/null 2>&1; then
  exec unshare -m --propagation private npx vitest run --project e2e-policy
fi
exec npx vitest run --project e2e-policy
