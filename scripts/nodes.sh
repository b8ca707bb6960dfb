#!/usr/bin/env bash
# Several app nodes behind nginx on this machine (docs/SCALING.md, "Several app nodes"):
#   scripts/nodes.sh start   N app processes on NODE_PORTS, one nginx on PROXY_PORT in front (deploy/nginx/shijian.conf)
#   scripts/nodes.sh stop    stops what start started (by the pids it wrote)
#   scripts/nodes.sh status
# Environment: DATABASE_URL (one PostgreSQL for every node), NODE_PORTS ("3121 3122"), PROXY_PORT (3120),
# RUN_DIR (/tmp/shijian-nodes: pids, logs, nginx files), DATA_DIR, SECRET_KEY / AUDIT_KEY (made once in RUN_DIR).
# DEMO=1 (default): the first node loads the demo into an empty database (--demo); DEMO=0: only the baseline org
# (admin's first password in the first node's log). The other nodes start once the first answers.
set -euo pipefail
cd "$(dirname "$0")/.."

DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/shijian_nodes}
NODE_PORTS=${NODE_PORTS:-3121 3122}
PROXY_PORT=${PROXY_PORT:-3120}
RUN_DIR=${RUN_DIR:-/tmp/shijian-nodes}
DATA_DIR=${DATA_DIR:-$RUN_DIR/data}
DEMO=${DEMO:-1}

wait_for() { # url seconds
  for _ in $(seq "$2"); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 1; done
  echo "no answer from $1 after $2 s" >&2; return 1
}

start() {
  command -v nginx >/dev/null || { echo "nginx is not installed (Debian: apt-get install nginx-light)" >&2; exit 1; }
  mkdir -p "$RUN_DIR/nginx/tmp" "$DATA_DIR"
  chmod 1777 "$RUN_DIR/nginx/tmp"
  # Every node must share the keys: personal data encrypted by one node is read by the others.
  [ -f "$RUN_DIR/keys.env" ] || printf 'SECRET_KEY=%s\nAUDIT_KEY=%s\n' "$(openssl rand -base64 33)" "$(openssl rand -base64 33)" >"$RUN_DIR/keys.env"
  set -a; . "$RUN_DIR/keys.env"; set +a
  local first=1
  for port in $NODE_PORTS; do
    local demo=""; [ $first = 1 ] && [ "$DEMO" = 1 ] && demo="--demo"
    PORT=$port HOST=127.0.0.1 DATABASE_URL=$DATABASE_URL DATA_DIR=$DATA_DIR TRUST_PROXY=1 NODE_ENV=production \
      nohup node --import tsx src/cli/main.ts serve $demo >"$RUN_DIR/node-$port.log" 2>&1 &
    echo $! >"$RUN_DIR/node-$port.pid"
    # The first node migrates (and loads the demo) alone; then the rest start side by side.
    if [ $first = 1 ]; then wait_for "http://127.0.0.1:$port/api/v1/health" 900; first=0; fi
  done
  for port in $NODE_PORTS; do wait_for "http://127.0.0.1:$port/api/v1/health" 120; done

  local servers=""
  for port in $NODE_PORTS; do servers+="    server 127.0.0.1:$port max_fails=3 fail_timeout=10s;\n"; done
  # The deployed file with this machine's ports: its upstream servers replaced, listening on PROXY_PORT.
  awk -v servers="$servers" '
    /^upstream / { print; inup = 1; next }
    inup && /^ *server / { if (!done) { printf "%s", servers; done = 1 } next }
    /^}/ { inup = 0 }
    { print }' deploy/nginx/shijian.conf | sed "s/^    listen 80;/    listen 127.0.0.1:$PROXY_PORT;/" >"$RUN_DIR/nginx/shijian.conf"
  cat >"$RUN_DIR/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $RUN_DIR/nginx/nginx.pid;
error_log $RUN_DIR/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $RUN_DIR/nginx/tmp/body;
  proxy_temp_path $RUN_DIR/nginx/tmp/proxy;
  include $RUN_DIR/nginx/shijian.conf;
}
CONF
  nginx -t -q -c "$RUN_DIR/nginx/nginx.conf" -p "$RUN_DIR/nginx"
  nginx -c "$RUN_DIR/nginx/nginx.conf" -p "$RUN_DIR/nginx"
  wait_for "http://127.0.0.1:$PROXY_PORT/api/v1/health" 20
  echo "nodes on ports $NODE_PORTS, nginx on http://127.0.0.1:$PROXY_PORT (logs in $RUN_DIR)"
}

stop() {
  if [ -f "$RUN_DIR/nginx/nginx.pid" ]; then
    nginx -s quit -c "$RUN_DIR/nginx/nginx.conf" -p "$RUN_DIR/nginx" || true
  fi
  for port in $NODE_PORTS; do
    local f="$RUN_DIR/node-$port.pid"
    if [ -f "$f" ]; then kill "$(cat "$f")" 2>/dev/null || true; rm -f "$f"; fi
  done
}

status() {
  for port in $NODE_PORTS; do
    printf 'node %s: ' "$port"; curl -fsS "http://127.0.0.1:$port/api/v1/health" || printf 'down'; echo
  done
  printf 'nginx %s: ' "$PROXY_PORT"; curl -fsS "http://127.0.0.1:$PROXY_PORT/api/v1/health" || printf 'down'; echo
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
