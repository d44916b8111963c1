#!/usr/bin/env bash
# The container, proven without a Docker engine: the Dockerfile's build stage replayed on a
# clean copy of the build context (its WORKDIR, COPY and RUN lines, read from the Dockerfile
# itself, in order, with the image's root folder mapped to a temp folder), then the published app
# started the way the image starts it (same environment, a temp folder for /data, a loopback
# port), waited for with the app's own healthcheck verb, fed one interaction, stopped with
# SIGTERM. Exits 0 only if all of it works.
#   usage: deploy/publish-check.sh [--dockerfile PATH]   (default: the repository's Dockerfile)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
dockerfile="$repo/Dockerfile"
if [ "${1:-}" = "--dockerfile" ] && [ -n "${2:-}" ]; then dockerfile=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); fi
work=$(mktemp -d)
context="$work/context" root="$work/root" data="$work/data" log="$work/service.log"
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "publish-check: FAILED: $*" >&2
  if [ -f "$log" ]; then sed 's/^/  service: /' "$log" >&2; fi
  exit 1
}

# The build context as .dockerignore leaves it (its patterns, read from the file): no host
# build output, databases or history.
mkdir -p "$context" "$data" "$root"
excludes=(--exclude=./.git)
while IFS= read -r pattern || [ -n "$pattern" ]; do
  pattern=$(echo "$pattern" | sed 's/[[:space:]]*$//')
  case "$pattern" in ''|'#'*) continue ;; '**/'*) excludes+=("--exclude=${pattern#\*\*/}") ;; *) excludes+=("--exclude=./$pattern") ;; esac
done <"$repo/.dockerignore"
tar -C "$repo" "${excludes[@]}" -cf - . | tar -C "$context" -xf -

# An image path (/src, /app) as a folder under $root.
on_host() { case "$1" in /*) echo "$root$1" ;; *) echo "$workdir/$1" ;; esac; }

# The Dockerfile's instructions: continuation lines joined, comments and blank lines dropped.
instructions() {
  local pending="" line
  while IFS= read -r line || [ -n "$line" ]; do
    line=$(echo "$line" | sed 's/^[[:space:]]*//;s/[[:space:]]*$//')
    if [ -z "$pending" ] && { [ -z "$line" ] || [ "${line:0:1}" = "#" ]; }; then continue; fi
    if [ "${line: -1}" = "\\" ]; then pending+="${line%\\} "; continue; fi
    echo "$pending$line"
    pending=""
  done <"$dockerfile"
}

# Replay the build stage: WORKDIR, COPY (from the context) and RUN, in the Dockerfile's order.
stage="" workdir="$root" replayed=0
while IFS= read -r instruction; do
  keyword=$(echo "${instruction%% *}" | tr '[:lower:]' '[:upper:]')
  args=${instruction#* }
  if [ "$keyword" = "FROM" ]; then
    stage=$(echo "$args" | sed -n 's/.*[[:space:]][Aa][Ss][[:space:]]\+\([^[:space:]]*\)$/\1/p'); continue
  fi
  [ "$stage" = "build" ] || continue
  case "$keyword" in
    WORKDIR) workdir=$(on_host "$args"); mkdir -p "$workdir" ;;
    COPY)
      read -r -a words <<<"$args"
      [ "${words[0]:0:2}" != "--" ] || fail "COPY option not supported by the replay: $instruction"
      dest=$(on_host "${words[-1]}")
      sources=("${words[@]:0:${#words[@]}-1}")
      if [ ${#sources[@]} -gt 1 ] || [ "${words[-1]: -1}" = "/" ] || [ "${words[-1]}" = "." ]; then
        mkdir -p "$dest"
        for source in "${sources[@]}"; do
          if [ "$source" = "." ]; then cp -a "$context/." "$dest/"; else cp -a "$context/$source" "$dest/"; fi
        done
      else
        mkdir -p "$(dirname "$dest")"; cp -a "$context/${sources[0]}" "$dest"
      fi ;;
    RUN)
      # Absolute image paths in the command (e.g. -o /app) point into $root.
      command=$(echo "$args" | sed -E "s#(^|[[:space:]])/#\1$root/#g")
      echo "publish-check: RUN $args"
      (cd "$workdir" && bash -c "$command") || fail "build stage: RUN $args" ;;
    ENV|ARG|LABEL) ;;
    *) fail "instruction not supported by the replay in the build stage: $keyword" ;;
  esac
  replayed=$((replayed + 1))
done < <(instructions)
[ "$replayed" -gt 0 ] || fail "no build stage in $dockerfile"
app="$root/app"
[ -f "$app/QualityWatch.dll" ] || fail "the build stage published nothing to /app"

# The runtime stage's environment and nothing else from this shell (no QW_ or ASPNETCORE_
# leftovers). A container listens on 0.0.0.0:8080; here a free loopback port, found below.
# The API key is set as the README tells container users to; the judge key points at a closed
# port, so the judge check has a configured judge and nothing leaves the machine.
container_env=(
  "PATH=$PATH" "HOME=$work"
  "ASPNETCORE_URLS=http://127.0.0.1:0"
  "Storage__DatabasePath=$data/qualitywatch.db"
  "Auth__Keys__0__Name=publish-check" "Auth__Keys__0__Key=publish-check-ingest-key-0123" "Auth__Keys__0__Roles__0=ingest"
  "GEMINI_API_KEY=publish-check-judge-key" "Judge__BaseUrl=http://127.0.0.1:9/"
)
if [ -n "${DOTNET_ROOT:-}" ]; then container_env+=("DOTNET_ROOT=$DOTNET_ROOT"); fi

# ENTRYPOINT, from the app folder (the image's WORKDIR).
cd "$app"
env -i "${container_env[@]}" dotnet "$app/QualityWatch.dll" >"$log" 2>&1 &
pid=$!

port=
for _ in $(seq 1 300); do
  port=$(sed -n 's|.*Now listening on: http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$log" | head -n 1)
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || fail "the service exited before listening"
  sleep 0.2
done
[ -n "$port" ] || fail "the service did not listen within 60 s"
url="http://127.0.0.1:$port"

# HEALTHCHECK's command, against readiness this time: database migrated and writable, ingest commits going through.
ready=
for _ in $(seq 1 60); do
  if env -i "${container_env[@]}" "ASPNETCORE_URLS=$url" dotnet "$app/QualityWatch.dll" healthcheck --ready; then
    ready=yes
    break
  fi
  sleep 0.5
done
[ -n "$ready" ] || fail "/readyz never answered 200"
env -i "${container_env[@]}" "ASPNETCORE_URLS=$url" dotnet "$app/QualityWatch.dll" healthcheck || fail "the liveness healthcheck failed"

# One interaction through bash's own TCP (no curl needed), answered only after its commit.
body=$(printf '{"id":"publish-check-1","timestamp":"%s","prompt":"Where is my order?","response":"It shipped yesterday.","model":"m","prompt_version":"v1"}' "$(date -u +%Y-%m-%dT%H:%M:%SZ)")
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'POST /v1/interactions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer publish-check-ingest-key-0123\r\nContent-Type: application/json\r\nContent-Length: %s\r\nConnection: close\r\n\r\n%s' "${#body}" "$body" >&3
answer=$(cat <&3)
exec 3<&-
case "$answer" in
  "HTTP/1.1 200"*'"accepted":1'*) echo "publish-check: interaction accepted" ;;
  *) fail "ingest answered: $answer" ;;
esac

# docker stop: SIGTERM, then a clean exit with the database closed.
kill -TERM "$pid"
status=0
wait "$pid" || status=$?
pid=
[ "$status" -eq 0 ] || fail "exit code $status after SIGTERM"
grep -q "WAL checkpointed" "$log" || fail "no final WAL checkpoint in the log"
if [ -s "$data/qualitywatch.db-wal" ]; then fail "WAL left behind"; fi
echo "publish-check: OK (published, ready, ingested, stopped cleanly)"
