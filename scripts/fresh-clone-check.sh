#!/usr/bin/env bash
# The README's front door on a fresh checkout: `git clone` of this repository's HEAD, then the
# README's first command exactly as written (plus `--headless`, since there may be no display,
# and a data dir of its own) with no environment variable set for it. Passes when the station
# prints its ready line and true device lines, serves the page, takes `npm run sim -- tap`, and
# stops on Ctrl-C (SIGINT to the group). Needs only bash, git and node: it runs before any
# `npm ci`.
#
#   bash scripts/fresh-clone-check.sh [CLONE_DIR]
#
# With CLONE_DIR the clone is kept there (.ci/run then runs `npm test` in it, so CI installs
# once); without, it goes in a temporary folder that is removed afterwards.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
READY_TIMEOUT_S=900   # npm ci builds native modules: minutes on a busy two-core machine
STOP_TIMEOUT_S=20

fail() { echo "fresh clone: FAIL: $*" >&2; [ -f "${log:-}" ] && sed 's/^/  | /' "$log" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/station-fresh-clone.XXXXXX")"
chmod 755 "$work" # the suite drops to an unprivileged user that must read the clone
clone="${1:-$work/rest-station-kiosk}"
data="$work/data"
log="$work/start.log"
pgid=""
cleanup() {
  if [ -n "$pgid" ]; then kill -KILL -- "-$pgid" 2>/dev/null || true; fi
  rm -rf "$work" # a CLONE_DIR given as argument lives elsewhere and stays
}
trap cleanup EXIT

# The first line of the README's first sh block, without its comment.
command="$(awk '/^```sh$/ { inblock = 1; next } inblock { sub(/[[:space:]]+#.*$/, ""); print; exit }' "$repo/README.md")"
[ "$command" = "npm ci && npm start" ] || fail "README's first command is \"$command\", not \"npm ci && npm start\""

head="$(git -C "$repo" rev-parse HEAD)"
git clone --quiet "$repo" "$clone"
git -C "$clone" checkout --quiet --detach "$head"

# Whatever an outer npm run or a developer's shell set for npm, Electron or the station stays out.
unset_args=()
while IFS= read -r name; do unset_args+=(-u "$name"); done < <(compgen -e | grep -E '^(npm_|ELECTRON_|STATION_|DISPLAY$|WAYLAND_DISPLAY$)' || true)
plain_env() { env "${unset_args[@]}" "$@"; }

started=$(date +%s)
# Its own session and process group, as a terminal gives a command, so Ctrl-C can be played
# to all of it: npm, sh, tsx, socat. The session leader writes its pid, which is the group id.
plain_env setsid --fork sh -c "echo \$\$ > '$work/pgid'; cd '$clone' && $command -- --headless --port 0 --data-dir '$data'" >"$log" 2>&1 </dev/null
for _ in $(seq 1 50); do [ -s "$work/pgid" ] && break; sleep 0.1; done
pgid="$(cat "$work/pgid" 2>/dev/null)" || fail "the start command did not come up"

url=""
while [ -z "$url" ]; do
  url="$(sed -n 's#^Station ready at \(http://127\.0\.0\.1:[0-9]*/\)$#\1#p' "$log" | head -n 1)"
  [ -n "$url" ] && break
  kill -0 "$pgid" 2>/dev/null || fail "npm ci && npm start exited before the ready line"
  [ $(( $(date +%s) - started )) -lt $READY_TIMEOUT_S ] || fail "no ready line in ${READY_TIMEOUT_S}s"
  sleep 1
done
ready_s=$(( $(date +%s) - started ))

! grep -Eq 'EBADENGINE|npm error|npm ERR!' "$log" || fail "npm printed an engine warning or an error"
! grep -Eq 'electron/install\.js|ENOTFOUND' "$log" || fail "npm ci tried to download Electron"
for line in \
  'Host: browser (Electron runtime not available)' \
  "Card reader: simulated on pty $data/sim/reader-host (tap a card: npm run sim -- tap 0040856634)" \
  "Lockers: simulated wall of 12 on pty $data/sim/lockers-host (shut a door: npm run sim -- locker close 1)"; do
  grep -qxF "$line" "$log" || fail "missing line: $line"
done

status="$(node -e 'fetch(process.argv[1]).then((r) => console.log(r.status), (e) => console.log(e.cause?.code ?? e.message))' "$url")"
[ "$status" = "200" ] || fail "GET $url answered $status, not 200"

# The README's second terminal, pointed at this station's data dir.
tap="$(cd "$clone" && plain_env STATION_DATA_DIR="$data" npm run --silent sim -- tap 0040856634 2>&1)" || fail "npm run sim -- tap failed: $tap"
case "$tap" in
  'Tapped card U026F6C3A on "Simulated reader": EM4100 frame 02 '*) ;;
  *) fail "npm run sim -- tap printed: $tap" ;;
esac

kill -INT -- "-$pgid"
for _ in $(seq 1 $STOP_TIMEOUT_S); do kill -0 -- "-$pgid" 2>/dev/null || break; sleep 1; done
! kill -0 -- "-$pgid" 2>/dev/null || fail "still running ${STOP_TIMEOUT_S}s after Ctrl-C"
pgid=""
after="$(node -e 'fetch(process.argv[1]).then((r) => console.log(r.status), (e) => console.log(e.cause?.code ?? e.message))' "$url")"
[ "$after" = "ECONNREFUSED" ] || fail "after Ctrl-C $url answered $after"

echo "fresh clone: OK: $command ready in ${ready_s}s at $url, page 200, tap accepted, stopped by Ctrl-C (clone of $head)"
