# Sourced by .ci/run after .ci/daemon.sh: a newer Docker Engine beside Debian 12's 20.10, which is what users run
# (GitHub's runners, Docker Desktop): Debian 13's docker.io and containerd, unpacked (not installed) from the
# archive's current packages. Debian 12's runc serves it (Debian 13's needs a newer glibc).
# start_newer_dockerd <name> <storage-driver> [containerd-snapshotter]: sets newer_host to the new daemon's DOCKER_HOST.

newer_docker_root=""
newer_pids=()
newer_host=""

fetch_newer_docker() {
  local mirror=http://deb.debian.org/debian suite=trixie
  newer_docker_root="$run_dir/newer-docker"
  mkdir -p "$newer_docker_root/debs"
  curl -sSf --retry 3 "$mirror/dists/$suite/main/binary-amd64/Packages.xz" | xz -dc > "$newer_docker_root/Packages"
  local package file
  for package in docker.io containerd; do
    file=$(awk -v p="$package" '$1 == "Package:" { hit = ($2 == p) } hit && $1 == "Filename:" { print $2; exit }' \
      "$newer_docker_root/Packages")
    [ -n "$file" ] || { echo "no $package in Debian $suite's index"; return 1; }
    curl -sSf --retry 3 -o "$newer_docker_root/debs/${file##*/}" "$mirror/$file"
    dpkg-deb -x "$newer_docker_root/debs/${file##*/}" "$newer_docker_root/root"
  done
  rm -f "$newer_docker_root/root/usr/sbin/runc"
}

start_newer_dockerd() {
  local name=$1 driver=$2 snapshotter=${3:-false} dir="$run_dir/$1"
  mkdir -p "$dir"
  printf '{"features":{"containerd-snapshotter":%s}}\n' "$snapshotter" > "$dir/daemon.json"
  PATH="$newer_docker_root/root/usr/sbin:$newer_docker_root/root/usr/bin:$PATH" \
    "$newer_docker_root/root/usr/sbin/dockerd" --config-file "$dir/daemon.json" --data-root "$dir/data" \
    --exec-root "$dir/exec" -H "unix://$dir/docker.sock" --pidfile "$dir/docker.pid" --iptables=false \
    --ip6tables=false --bridge=none --storage-driver="$driver" >"$dir/dockerd.log" 2>&1 &
  newer_pids+=($!)
  for _ in $(seq 1 60); do
    curl -sf --unix-socket "$dir/docker.sock" http://localhost/_ping >/dev/null 2>&1 && break
    sleep 1
  done
  if ! curl -sf --unix-socket "$dir/docker.sock" http://localhost/_ping >/dev/null 2>&1; then
    echo "the newer dockerd ($name) did not start:" >&2; tail -20 "$dir/dockerd.log" >&2; return 1
  fi
  newer_host="unix://$dir/docker.sock"
  echo "== $name: $("$newer_docker_root/root/usr/sbin/dockerd" --version), $driver storage, containerd image store $snapshotter"
}

stop_newer_dockerds() {
  local pid
  for pid in "${newer_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  newer_pids=()
}
