#!/bin/sh
# The enterprise-policy e2e test writes a real Chromium policy file under /etc/chromium. It runs in a private mount
# namespace so the machine's own /etc is never touched; without root (or unshare) the test skips and says why.
set -e
export FLOORWALKER_OUTER_MNT_NS="$(readlink /proc/self/ns/mnt)"
if [ "$(id -u)" = "0" ] && command -v unshare >/dev/null 2>&1; then
  exec unshare -m --propagation private npx vitest run --project e2e test/e2e/policy.test.ts
fi
exec npx vitest run --project e2e test/e2e/policy.test.ts
