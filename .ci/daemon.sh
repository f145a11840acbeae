# Sourced by .ci/run and bench/run: installs Debian's docker.io and docker-registry (and what the tests need),
# starts a Docker daemon of its own and stops it on exit. Sets DOCKER_HOST, ODA_TEST_DOCKER_TCP and run_dir.

install_tools() {
  export DEBIAN_FRONTEND=noninteractive
  local need=()
  command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
  command -v docker-registry >/dev/null 2>&1 || need+=(docker-registry)
  command -v htpasswd >/dev/null 2>&1 || need+=(apache2-utils)
  command -v gcc >/dev/null 2>&1 || need+=(gcc libc6-dev)
  command -v openssl >/dev/null 2>&1 || need+=(openssl)   # certificates of the TLS daemon test
  command -v git >/dev/null 2>&1 || need+=(git)
  command -v curl >/dev/null 2>&1 || need+=(curl)
  command -v xz >/dev/null 2>&1 || need+=(xz-utils)   # the index of the newer Docker's packages (.ci/newer-docker.sh)
  [ -x /usr/bin/time ] || need+=(time)   # peak memory in bench/run
  if [ ${#need[@]} -gt 0 ]; then
    echo "== installing ${need[*]}"
    apt-get update -qq
    apt-get install -y -qq "${need[@]}" >/dev/null
  fi
}

# A daemon of our own: vfs storage, no iptables, no bridge (tests run containers with network none).
run_dir=$(mktemp -d /tmp/oda-ci.XXXXXX)
dockerd_pid=""
stop_dockerd() {
  if [ -n "$dockerd_pid" ] && kill -0 "$dockerd_pid" 2>/dev/null; then
    kill "$dockerd_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$dockerd_pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$dockerd_pid" 2>/dev/null || true
  fi
  pkill -f "containerd --config $run_dir" 2>/dev/null || true
  rm -rf "$run_dir" 2>/dev/null || true
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}

start_dockerd() {
  # the same daemon also on a loopback TCP port, for the tcp:// DOCKER_HOST test
  local tcp_port
  tcp_port=$(free_port)
  dockerd --data-root "$run_dir/data" --exec-root "$run_dir/exec" -H "unix://$run_dir/docker.sock" \
    -H "tcp://127.0.0.1:$tcp_port" \
    --pidfile "$run_dir/docker.pid" --iptables=false --ip6tables=false --bridge=none --storage-driver=vfs \
    >"$run_dir/dockerd.log" 2>&1 &
  dockerd_pid=$!
  for _ in $(seq 1 60); do
    ping_daemon && break
    sleep 1
  done
  if ! ping_daemon; then
    echo "dockerd did not start:"; tail -20 "$run_dir/dockerd.log"; exit 1
  fi
  export DOCKER_HOST="unix://$run_dir/docker.sock"
  export ODA_TEST_DOCKER_TCP="tcp://127.0.0.1:$tcp_port"
  echo "== dockerd $(dockerd --version) at $DOCKER_HOST; $(docker-registry --version)"
}

ping_daemon() {
  [ -S "$run_dir/docker.sock" ] || return 1
  if command -v curl >/dev/null 2>&1; then
    curl -sf --unix-socket "$run_dir/docker.sock" http://localhost/_ping >/dev/null
  else
    DOCKER_HOST="unix://$run_dir/docker.sock" docker version >/dev/null 2>&1
  fi
}
