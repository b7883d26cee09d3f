#!/usr/bin/env bash
# Builds the classroom image and tests it, with podman and no Docker engine:
#   docker/test.sh                  (as root; takes minutes: base image, image build, browser)
# 1. base: debian:trixie-slim made with debootstrap and imported (once; cached as an image)
# 2. build docker/Dockerfile; print the image size and what dominates it
# 3. static checks: kernelspec pinned to the image's JDK 25 and its src.zip readable; no solutions, hidden
#    checks or grader; no apt caches in any layer
# 4. run on loopback only; time podman run -> /api; token required; everything runs as uid 1000;
#    HEALTHCHECK healthy; an empty token is refused; only the netlab kernelspec is served
# 5. a netlab kernel started through the REST API runs a cell over its WebSocket and prints Chinese;
#    Shift-Tab (inspect_request) on a JDK method shows the JDK's javadoc
# 6. README's grading command: `netlab grade` in the image as uid 1000, the grader jar mounted; the teacher's
#    notebook as a submission gets full marks, the released one does not; the agents' sandbox under
#    podman's defaults (grade must say why it runs without) and with --security-opt unmask=/proc/* (README's
#    option), which must be the whole sandbox: nothing lacking, loopback-only network, a process limit
# 7. headless Chromium opens a chapter, runs its first cells and a Chinese probe cell; screenshot; a new
#    Launcher and File > New offer the Java kernel only
# 8. JupyterHub (Debian's, in a second container) spawns the image as a single-user server; a netlab
#    cell runs through the hub's proxy
# It stops and removes every container it started. Not part of CI (see README, "Classroom").
#
# env: NETLAB_IMAGE (tag, default localhost/netlab-classroom:test), NETLAB_SCREENSHOT (png path,
#      default /tmp/netlab-classroom.png), NETLAB_SKIP_BROWSER=1, NETLAB_SKIP_HUB=1, NETLAB_BUILD_ARGS (extra podman build args)
set -euo pipefail
{ # the whole script is read before it runs, so editing it during a run cannot break the run
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
image=${NETLAB_IMAGE:-localhost/netlab-classroom:test}
base=docker.io/library/debian:trixie-slim
shot=${NETLAB_SCREENSHOT:-/tmp/netlab-classroom.png}
cache=$here/.cache
name=netlab-test-$$
hub_name=netlab-test-hub-$$
single_name=netlab-test-alice-$$
gen_name=netlab-test-gen-$$
run_flags=(--runtime runc --ulimit nofile=20000:20000 --ulimit nproc=32768:32768)
tmp=$(mktemp -d /tmp/netlab-test.XXXXXX)
summary=()
failures=0

say() { printf '\n== %s\n' "$*"; }
note() { summary+=("$*"); echo "   $*"; }
check() {  # check "what" command...: records PASS/FAIL, goes on after a failure
  local what=$1; shift
  if "$@"; then note "PASS $what"; else note "FAIL $what"; failures=$((failures + 1)); fi
}
remove_containers() { local c; for c in "$@"; do podman rm -f -i --time 5 "$c" >/dev/null 2>&1 || true; done; }
cleanup() {
  remove_containers "$name" "$hub_name" "$single_name" "$gen_name"
  rm -rf "$tmp"
}
trap cleanup EXIT
# podman logs to stderr about systemd timers for HEALTHCHECK (no systemd here); we run the check by hand.
quiet() { grep -v 'level=error msg=".*healthcheck' >&2 || true; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

say "tools"
need=()
for p in podman debootstrap runc fuse-overlayfs uidmap chromium fonts-noto-cjk curl; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "   installing ${need[*]} (fonts-noto-cjk: the host's Chromium draws the Chinese in the screenshot)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" >"$tmp/apt.log" 2>&1 \
    || { tail -20 "$tmp/apt.log"; exit 1; }
fi
command -v node >/dev/null || { echo "node (Node.js 18+) is needed for the browser step"; exit 1; }
podman --version

say "1. base image $base"
if podman image exists "$base"; then
  echo "   cached ($(podman image inspect --format '{{.Created}}' "$base" | cut -c1-19))"
else
  t=$(now)
  rootfs=$(mktemp -d /var/tmp/netlab-rootfs.XXXXXX)
  debootstrap --variant=minbase trixie "$rootfs" http://deb.debian.org/debian >"$tmp/debootstrap.log" 2>&1 \
    || { tail -20 "$tmp/debootstrap.log"; exit 1; }
  # Make it look like the official slim image: its apt sources, its dpkg excludes, no caches.
  rm -f "$rootfs/etc/apt/sources.list"
  cat >"$rootfs/etc/apt/sources.list.d/debian.sources" <<'EOF'
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie trixie-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://deb.debian.org/debian-security
Suites: trixie-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  printf '%s\n' 'path-exclude /usr/share/doc/*' 'path-include /usr/share/doc/*/copyright' \
    'path-exclude /usr/share/man/*' 'path-exclude /usr/share/groff/*' 'path-exclude /usr/share/info/*' \
    'path-exclude /usr/share/lintian/*' 'path-exclude /usr/share/linda/*' >"$rootfs/etc/dpkg/dpkg.cfg.d/docker"
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/cache/apt/*.bin \
    "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/*
  find "$rootfs/usr/share/doc" -mindepth 2 ! -name copyright ! -type d -delete
  : >"$rootfs/etc/resolv.conf"
  tar -C "$rootfs" -c . | podman import -q --change 'CMD=["bash"]' \
    --change 'ENV=PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$base" >/dev/null
  rm -rf "$rootfs"
  note "base: debootstrap + import in $(since "$t") s"
fi

say "2. build $image"
# Networks whose egress proxy re-signs TLS: the build stage (Maven) trusts this host's extra CAs.
cat /usr/local/share/ca-certificates/*.crt >"$tmp/build-ca.pem" 2>/dev/null || : >"$tmp/build-ca.pem"
t=$(now)
# shellcheck disable=SC2086
podman build --isolation chroot --network host --runtime runc --format docker --pull=never \
  --secret id=build-ca,src="$tmp/build-ca.pem" ${NETLAB_BUILD_ARGS:-} \
  -f "$here/Dockerfile" --ignorefile "$here/Dockerfile.dockerignore" -t "$image" "$repo" >"$tmp/build.log" 2>&1 \
  || { tail -40 "$tmp/build.log"; exit 1; }
note "build: $(since "$t") s ($(grep -c 'Using cache' "$tmp/build.log") steps from cache)"
size=$(podman image inspect --format '{{.Size}}' "$image")
# Issue 19: at most 0.95 GB on debian:trixie-slim (the size is the same from run to run, not a timing)
check "image size: $((size / 1000000)) MB ($size bytes), at most 950 MB" test "$size" -le 950000000
echo "   largest layers:"
# (in bytes from JSON: the template's {{.Size}} is "544 kB"/"367 MB", which sort -h ranks wrongly)
podman history --format json "$image" | python3 -c 'import json, sys
for layer in sorted(json.load(sys.stdin), key=lambda layer: -layer["size"])[:4]:
    print("     %7.1f MB  %s" % (layer["size"] / 1e6, " ".join(layer["CreatedBy"].split())[:90]))'
echo "   largest directories (MB):"
podman run --rm "${run_flags[@]}" --user 0 --entrypoint du "$image" -xsm /usr/lib/jvm /usr/lib/python3 \
  /usr/share/jupyter /usr/share/javascript /usr/lib/x86_64-linux-gnu /usr/share/locale /opt/netlab 2>/dev/null \
  | sort -rn | sed 's/^/     /'

say "3. what the image holds"
in_image() { podman run --rm "${run_flags[@]}" --entrypoint sh "$image" -c "$1" 2>&1 | quiet_lines; }
quiet_lines() { grep -v 'level=error msg=".*healthcheck' || true; }
spec=$(in_image 'cat /usr/local/share/jupyter/kernels/netlab/kernel.json')
java_path=$(printf '%s' "$spec" | python3 -c 'import json,sys; print(json.load(sys.stdin)["argv"][0])')
java_version=$(in_image "$java_path -version 2>&1 | head -1")
echo "   kernel.json runs $java_path: $java_version"
check "kernelspec pinned to the image's JDK 25 ($java_path)" \
  test "$(in_image "readlink -f /usr/lib/jvm/netlab-jdk/bin/java")" = "$java_path" -a -n "$(printf '%s' "$java_version" | grep '"25')"
# JShell reads the JDK's javadoc from java.home/lib/src.zip (a chain of links on Debian)
src_zip=$(in_image "z=\$(dirname \$(dirname $java_path))/lib/src.zip; test -r \$z && echo \$(readlink -f \$z) \$(( \$(stat -L -c %s \$z) / 1000000 )) MB")
check "the JDK's sources for Shift-Tab javadoc: lib/src.zip -> ${src_zip:-missing}" test -n "$src_zip"
# Solutions and hidden tests must not reach students: no marker left in the released course, no grader
# jar, and no jar that registers hidden cases (netlab-grader.jar alone has that service file).
leaks=$(in_image 'grep -rlE "BEGIN SOLUTION|END SOLUTION|BEGIN HIDDEN" /opt/netlab/course 2>/dev/null;
  find / -xdev -iname "*grader*.jar" ! -path "/proc/*" 2>/dev/null;
  for j in $(find /opt/netlab /usr/local/share/jupyter -name "*.jar"); do
    jar tf "$j" | grep -x "META-INF/services/netlab.exercise.HiddenCaseSet" | sed "s|^|$j: |"; done')
[ -z "$leaks" ] || printf '   found:\n%s\n' "$leaks" | head -20
check "no solutions, hidden tests or grader in the image (course markers, grader jar, HiddenCaseSet service)" test -z "$leaks"
# Issue 19: no apt caches in any layer (a file a layer commits stays in the image even if a later layer
# deletes it): the .debs, pkgcache.bin/srcpkgcache.bin and the package lists, looked for in every layer's
# own files (overlay storage: the image's lower and upper directories are its layers).
if [ "$(podman image inspect --format '{{.GraphDriver.Name}}' "$image")" = overlay ]; then
  layers=$(podman image inspect --format '{{.GraphDriver.Data.LowerDir}}:{{.GraphDriver.Data.UpperDir}}' "$image")
  apt_files=$(for l in ${layers//:/ }; do
    find "$l/var/cache/apt" "$l/var/lib/apt/lists" -type f ! -name lock 2>/dev/null | sed "s|^$l||" || true
  done | sort | uniq -c)  # (most layers have neither directory: find fails there)
  [ -z "$apt_files" ] || printf '%s\n' "$apt_files" | head -10 | sed 's/^/     /'
  check "no apt caches or package lists in any of the image's $(echo "${layers//:/ }" | wc -w) layers" test -z "$apt_files"
else
  note "apt caches per layer not checked (storage driver is not overlay)"
fi
chapters=$(in_image 'cd /opt/netlab/course && find . -name "*.ipynb" | sort')
note "chapters in the image: $(printf '%s\n' "$chapters" | grep -c ipynb || true) ($(printf '%s' "$chapters" | head -3 | tr '\n' ' '))"

say "4. run on loopback"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
token=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
url=http://127.0.0.1:$port
t=$(now)
podman run -d --name "$name" "${run_flags[@]}" --network host \
  -e NETLAB_TOKEN="$token" -e NETLAB_IP=127.0.0.1 -e NETLAB_PORT="$port" "$image" 2>&1 >/dev/null | quiet
up=""
for _ in $(seq 1 240); do  # at most 60 s
  if curl -sf -o /dev/null "$url/api"; then up=$(since "$t"); break; fi
  sleep 0.25
done
if [ -z "$up" ]; then podman logs "$name" 2>&1 | tail -30; echo "JupyterLab did not answer $url/api in 60 s"; exit 1; fi
note "podman run -> /api answering: $up s ($(curl -s "$url/api"))"
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
check "GET /api/kernels without token -> 403 (got $(code "$url/api/kernels"))" test "$(code "$url/api/kernels")" = 403
check "GET /api/kernels with a wrong token -> 403" test "$(code -H 'Authorization: token wrong' "$url/api/kernels")" = 403
check "GET /api/kernels with the token -> 200" test "$(code -H "Authorization: token $token" "$url/api/kernels")" = 200
specs=$(curl -s -H "Authorization: token $token" "$url/api/kernelspecs" \
  | python3 -c 'import json, sys; d = json.load(sys.stdin); print(d["default"], *sorted(d["kernelspecs"]))')
check "kernelspecs served: netlab only, and the default ($specs)" test "$specs" = "netlab netlab"
uid=$(podman exec "$name" id -u 2>&1 | quiet_lines)
check "podman exec $name id -u -> $uid" test "$uid" = 1000
uids=$(podman exec "$name" ps -eo uid=,args= 2>&1 | quiet_lines)
echo "$uids" | sed 's/^/     /'
check "every process in the container runs as uid 1000" test -z "$(echo "$uids" | awk '$1 != 1000')"
check "HEALTHCHECK: podman healthcheck run exits 0 (healthy)" podman healthcheck run "$name"
enc=$(podman exec "$name" sh -c 'echo "$LANG"; java -XshowSettings:properties -version 2>&1 | grep -E "stdout.encoding|native.encoding"' 2>&1 | quiet_lines | tr -s ' \n' ' ')
check "UTF-8 locale ($enc)" sh -c "echo '$enc' | grep -q 'C.UTF-8' && echo '$enc' | grep -q 'stdout.encoding = UTF-8'"
empty=$(podman run --rm "${run_flags[@]}" --network none -e NETLAB_TOKEN= "$image" 2>&1 | quiet_lines | head -1; echo "exit=${PIPESTATUS[0]}")
check "an empty NETLAB_TOKEN is refused (${empty//$'\n'/ })" sh -c "echo '$empty' | grep -q 'exit=2'"
podman run -d --name "$gen_name" "${run_flags[@]}" --network none "$image" 2>&1 >/dev/null | quiet
printed=""
for _ in $(seq 1 60); do  # at most 30 s
  printed=$(podman logs "$gen_name" 2>&1 | grep -oE 'http://127\.0\.0\.1:8888/lab\?token=[0-9a-f]{32,}' | head -1) || true
  [ -n "$printed" ] && break; sleep 0.5
done
remove_containers "$gen_name"
check "without NETLAB_TOKEN a random token is made and printed (${printed:0:50}...)" test -n "$printed"
home=$(podman exec "$name" sh -c 'cd && find course -name "*.ipynb" | sort' 2>&1 | quiet_lines)

say "5. netlab kernel over the REST API and its WebSocket"
podman cp "$here/test/KernelCellCheck.java" "$name:/tmp/KernelCellCheck.java"
probe='System.out.println("你好，网络 " + Runtime.version().feature());'
# Shift-Tab on a JDK method: its javadoc comes from the JDK's lib/src.zip (without it, only the signature)
inspect_code='new java.net.DatagramSocket().receive'
inspect_expect='Receives a datagram packet'
if podman exec "$name" java /tmp/KernelCellCheck.java "$url" "$token" netlab "$probe" "你好，网络 25" \
    "$inspect_code" "$inspect_expect" 2>&1 \
    | quiet_lines | tee "$tmp/kernel.log" | sed 's/^/   /'; [ "${PIPESTATUS[0]}" = 0 ]; then
  note "PASS kernel cell: $(grep -o 'cell .*' "$tmp/kernel.log" | head -1)"
  note "PASS Shift-Tab on '$inspect_code' shows the JDK's javadoc ('$inspect_expect', $(grep -o 'found=true in [0-9]* ms' "$tmp/kernel.log"))"
else
  note "FAIL kernel cell or Shift-Tab javadoc ($(grep -o 'FAIL.*' "$tmp/kernel.log" | head -1))"
  failures=$((failures + 1))
  podman logs "$name" 2>&1 | grep -iE 'netlab|exception|error' | grep -v healthcheck | tail -5 | sed 's/^/     log: /'
fi

say "6. grading with the image (README, Classroom: Grading)"
# The grader jar of the same Maven build as the image (the build stage builds every module, as ./netlab build
# does; the classroom stage never copies it): cached layers, so seconds.
t=$(now)
podman build --isolation chroot --network host --runtime runc --format docker --pull=never \
  --secret id=build-ca,src="$tmp/build-ca.pem" ${NETLAB_BUILD_ARGS:-} --target build \
  -f "$here/Dockerfile" --ignorefile "$here/Dockerfile.dockerignore" -t "$image-build" "$repo" >"$tmp/build-stage.log" 2>&1 \
  || { tail -20 "$tmp/build-stage.log"; exit 1; }
build_box=$(podman create "${run_flags[@]}" "$image-build" true 2>/dev/null)
podman cp "$build_box:/src/grader/target/netlab-grader.jar" "$tmp/netlab-grader.jar"
podman rm -f "$build_box" >/dev/null
echo "   netlab-grader.jar from the build stage in $(since "$t") s"
lesson=01-network-and-udp.ipynb
# grade RUN_NAME [podman options...]: README's docker run (submissions and results in one volume, the
# teacher's notebooks read-only, the grader jar beside netlab.jar), as the image's user (uid 1000), with
# loopback only. Two students: "teacher" hands in the teacher's notebook (every answer), "unanswered" the
# released one (TODO stubs).
grade() {
  local run=$1; shift
  local subs=$tmp/grading-$run/submissions
  mkdir -p "$subs/teacher" "$subs/unanswered"
  cp "$repo/notebooks/teacher/en/$lesson" "$subs/teacher/"
  cp "$repo/notebooks/en/$lesson" "$subs/unanswered/"
  chown -R 1000:100 "$subs"
  t=$(now)
  podman run --rm "${run_flags[@]}" --network none "$@" -v "$subs:/submissions" \
    -v "$repo/notebooks/teacher:/teacher:ro" -v "$tmp/netlab-grader.jar:/opt/netlab/netlab-grader.jar:ro" \
    "$image" netlab grade /submissions --source "/teacher/en/$lesson" \
    --grader-jar /opt/netlab/netlab-grader.jar --out /submissions/graded >"$tmp/grade-$run.log" 2>&1
  local rc=$?
  quiet_lines <"$tmp/grade-$run.log" | sed 's/^/   /'
  echo "   exit $rc in $(since "$t") s"
  return $rc
}
points() { grep -oE "$1/$lesson [0-9.]+/[0-9.]+ points" "$2" | grep -oE '[0-9.]+/[0-9.]+' ; }
# grade's sandbox line: "agents run sandboxed, ..." (with "; warning: WHAT IT LACKS" when it had to do without
# part of it), or "netlab grade: warning: agents run without a sandbox (WHY): an answer can ...".
sandbox_mode() {
  local line why
  line=$(grep -m1 -E 'agents run (sandboxed|without a sandbox)' "$1") || { echo "no sandbox line"; return; }
  case $line in
    *'agents run sandboxed'*'; warning: '*) echo "sandboxed, but: ${line#*; warning: }" ;;
    *'agents run sandboxed'*) echo sandboxed ;;
    *) why=${line#*without a sandbox (}; echo "NOT sandboxed: ${why%%): an answer*}" ;;
  esac
}
grade defaults && graded_ok=1 || graded_ok=0
csv=$tmp/grading-defaults/submissions/graded/grades.csv
teacher=$(points teacher "$tmp/grade-defaults.log"); unanswered=$(points unanswered "$tmp/grade-defaults.log")
check "grade exits 0 and writes grades.csv" test "$graded_ok" = 1 -a -f "$csv"
check "grades.csv: one row per student, teacher and unanswered (no row for the results directory)" \
  test "$(cut -d, -f1 "$csv" 2>/dev/null | tail -n +2 | sort | tr '\n' ' ')" = "teacher unanswered "
teacher_csv=$(awk -F, '$1 == "teacher" { print $NF }' "$csv" 2>/dev/null)
full_marks() { [ -n "$teacher" ] && [ "${teacher%/*}" = "${teacher#*/}" ] && [ "${teacher#*/}" != 0 ] && [ "$teacher_csv" = "${teacher%/*}" ]; }
check "the teacher's notebook gets full marks (${teacher:-none}; grades.csv total ${teacher_csv:-none})" full_marks
check "the released (unanswered) notebook does not (${unanswered:-none})" \
  awk -v p="$unanswered" 'BEGIN { split(p, a, "/"); exit !(p != "" && a[1] + 0 < a[2] + 0) }'
# podman masks parts of /proc, so unshare cannot mount a /proc of its own: grade must say so, and why
defaults_mode=$(sandbox_mode "$tmp/grade-defaults.log")
check "grading sandbox under podman's defaults: $defaults_mode" \
  sh -c 'case $1 in sandboxed|"NOT sandboxed: "?*) exit 0 ;; *) exit 1 ;; esac' - "$defaults_mode"
# README's option for the sandbox: /proc without podman's masks, so unshare may mount a /proc of its own. The
# whole sandbox, with nothing it had to do without (no "warning:" after the line; the image's iproute2 brings
# up loopback in each agent's network namespace), and the agents' process limit.
grade unmasked --security-opt 'unmask=/proc/*' && unmasked_ok=1 || unmasked_ok=0
check "with --security-opt unmask=/proc/*: $(sandbox_mode "$tmp/grade-unmasked.log"), teacher $(points teacher "$tmp/grade-unmasked.log")" \
  test "$unmasked_ok" = 1 -a "$(sandbox_mode "$tmp/grade-unmasked.log")" = sandboxed \
    -a "$(points teacher "$tmp/grade-unmasked.log")" = "$teacher"
check "with --security-opt unmask=/proc/*: loopback-only network and a process limit per agent" \
  grep -qE 'agents run sandboxed.*loopback-only network.*[0-9]+ processes each' "$tmp/grade-unmasked.log"

say "7. JupyterLab in headless Chromium"
if [ "${NETLAB_SKIP_BROWSER:-0}" = 1 ]; then
  note "browser step skipped (NETLAB_SKIP_BROWSER=1)"
else
  if [ ! -f "$cache/npm/node_modules/playwright-core/package.json" ]; then
    mkdir -p "$cache/npm" && echo '{"private":true}' >"$cache/npm/package.json"
    (cd "$cache/npm" && npm install --no-audit --no-fund --silent playwright-core >/dev/null)
  fi
  # A Chinese chapter if there is one, else any chapter, else a one-cell notebook made for the test.
  notebook=$( (echo "$home" | grep '/zh/' || echo "$home" | grep . || true) | head -1)
  if [ -z "$notebook" ]; then
    notebook=netlab-smoke.ipynb
    curl -sf -o /dev/null -X PUT -H "Authorization: token $token" -H 'Content-Type: application/json' \
      "$url/api/contents/$notebook" -d '{"type":"notebook","content":{"nbformat":4,"nbformat_minor":5,
      "metadata":{"kernelspec":{"name":"netlab","display_name":"Java (netlab)","language":"java"}},
      "cells":[{"cell_type":"markdown","id":"t1","metadata":{},"source":"# 冒烟测试 (no chapters in the image yet)"},
      {"cell_type":"code","id":"t2","metadata":{},"execution_count":null,"outputs":[],"source":"int answer = 6 * 7;\nanswer"}]}}'
    echo "   no chapter in ~/course: made $notebook"
  fi
  rm -f "$shot" "${shot%.png}-failed.png"
  if NETLAB_URL=$url NETLAB_TOKEN=$token NOTEBOOK=$notebook RUN_CELLS=${NETLAB_RUN_CELLS:-3} \
      PROBE_CODE='System.out.println("你好，网络！Hello from netlab");' EXPECT='你好，网络！Hello from netlab' \
      SCREENSHOT=$shot PW=$cache/npm node "$here/test/browser-check.mjs" 2>&1 | tee "$tmp/browser.log" \
      | sed 's/^/   /'; [ "${PIPESTATUS[0]}" = 0 ]; then
    note "PASS browser: $notebook, $(grep -o 'probe cell printed.*' "$tmp/browser.log")"
    note "screenshot: $shot ($(( $(stat -c %s "$shot") / 1024 )) KB)"
  else
    note "FAIL browser ($(grep -o 'FAIL.*' "$tmp/browser.log" | head -1)); picture: ${shot%.png}-failed.png"
    failures=$((failures + 1))
  fi
fi

say "8. the same image as JupyterHub's single-user server"
if [ "${NETLAB_SKIP_HUB:-0}" = 1 ]; then
  note "JupyterHub step skipped (NETLAB_SKIP_HUB=1)"
else
  hub_image=localhost/netlab-test-hub:latest
  t=$(now)
  podman build --isolation chroot --network host --runtime runc --format docker --pull=never \
    -f "$here/test/hub.Containerfile" -t "$hub_image" "$here/test" >"$tmp/hub-build.log" 2>&1 \
    || { tail -20 "$tmp/hub-build.log"; exit 1; }
  echo "   hub image (Debian's jupyterhub) ready in $(since "$t") s"
  free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
  hub_port=$(free_port); hub=http://127.0.0.1:$hub_port
  hub_token=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
  mkdir -m 777 "$tmp/handoff"
  podman run -d --name "$hub_name" "${run_flags[@]}" --network host --user 0 -w /tmp \
    -v "$tmp/handoff:/handoff" -v "$here/test/hub_test_config.py:/srv/hub_test_config.py:ro" \
    -e HUB_PROXY_PORT="$hub_port" -e HUB_API_PORT="$(free_port)" -e HUB_PROXY_API_PORT="$(free_port)" \
    -e HUB_SINGLEUSER_PORT="$(free_port)" -e HUB_TEST_TOKEN="$hub_token" \
    "$hub_image" jupyterhub -f /srv/hub_test_config.py 2>&1 >/dev/null | quiet
  hub_api() { curl -s -H "Authorization: token $hub_token" "$@"; }
  for _ in $(seq 1 120); do curl -sf -o /dev/null "$hub/hub/api" && break; sleep 0.5; done
  hub_api -o /dev/null -X POST "$hub/hub/api/users/alice"
  t=$(now)
  hub_api -o /dev/null -X POST "$hub/hub/api/users/alice/server"
  for _ in $(seq 1 60); do [ -f "$tmp/handoff/alice.json" ] && break; sleep 0.5; done
  if [ ! -f "$tmp/handoff/alice.json" ]; then
    podman logs "$hub_name" 2>&1 | tail -20; note "FAIL the hub did not spawn"; failures=$((failures + 1))
  else
    # What DockerSpawner/KubeSpawner would do: the image, the hub's environment, the hub's command.
    python3 -c 'import json, sys; spec = json.load(open(sys.argv[1]))
for k, v in spec["env"].items(): print(f"{k}={v}")' "$tmp/handoff/alice.json" >"$tmp/alice.env"
    mapfile -t hub_cmd < <(python3 -c 'import json, sys; print("\n".join(json.load(open(sys.argv[1]))["cmd"]))' "$tmp/handoff/alice.json")
    podman run -d --name "$single_name" "${run_flags[@]}" --network host --env-file "$tmp/alice.env" \
      "$image" "${hub_cmd[@]}" 2>&1 >/dev/null | quiet
    ready=""
    for _ in $(seq 1 180); do  # at most 90 s
      if hub_api "$hub/hub/api/users/alice" | python3 -c 'import json, sys; sys.exit(0 if json.load(sys.stdin)["servers"].get("", {}).get("ready") else 1)' 2>/dev/null; then
        ready=$(since "$t"); break
      fi
      sleep 0.5
    done
    if [ -z "$ready" ]; then
      podman logs "$single_name" 2>&1 | tail -15; podman logs "$hub_name" 2>&1 | tail -10
      note "FAIL the single-user server did not become ready"; failures=$((failures + 1))
    else
      note "hub: spawn request -> single-user server ready: $ready s (command: ${hub_cmd[*]})"
      user_url=$hub/user/alice
      check "hub: $user_url/api/kernels without a token is refused ($(code "$user_url/api/kernels"))" \
        test "$(code "$user_url/api/kernels")" != 200
      check "hub: the netlab kernelspec is served through the hub's proxy" \
        sh -c "curl -s -H 'Authorization: token $hub_token' '$user_url/api/kernelspecs' | grep -q '\"netlab\"'"
      check "hub: the single-user server runs as uid 1000" \
        test "$(podman exec "$single_name" id -u 2>&1 | quiet_lines)" = 1000
      check "hub: chapters seeded into the home (~/course exists)" podman exec "$single_name" test -d /home/student/course
      check "hub: HEALTHCHECK passes for the single-user server" podman healthcheck run "$single_name"
      podman cp "$here/test/KernelCellCheck.java" "$single_name:/tmp/KernelCellCheck.java"
      if podman exec "$single_name" java /tmp/KernelCellCheck.java "$user_url" "$hub_token" netlab "$probe" \
          "你好，网络 25" 2>&1 | quiet_lines | tee "$tmp/hub-kernel.log" | sed 's/^/   /'; [ "${PIPESTATUS[0]}" = 0 ]; then
        note "PASS hub: kernel cell through the hub's proxy: $(grep -o 'cell .*' "$tmp/hub-kernel.log" | head -1)"
      else
        note "FAIL hub: kernel cell through the hub's proxy ($(grep -o 'FAIL.*' "$tmp/hub-kernel.log" | head -1))"
        failures=$((failures + 1))
      fi
    fi
    hub_api -o /dev/null -X DELETE "$hub/hub/api/users/alice/server" || true
  fi
  remove_containers "$single_name" "$hub_name"
fi

say "summary"
printf '   %s\n' "${summary[@]}"
remove_containers "$name" "$hub_name" "$single_name"
if podman ps -a --format '{{.Names}}' | grep -qxE "$name|$hub_name|$single_name"; then
  echo "   a test container is still there"; exit 1
fi
echo "   test containers removed"
if [ "$failures" -gt 0 ]; then echo "   $failures check(s) FAILED"; exit 1; fi
echo "   all checks passed"
exit 0
}
