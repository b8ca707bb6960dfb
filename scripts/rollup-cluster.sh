#!/usr/bin/env bash
# A second local PostgreSQL 15 cluster for the provincial roll-up (issue 15 point 6): logical replication needs
# wal_level=logical, which needs a server restart, so the main cluster (5432, wal_level=replica) is left alone.
# Idempotent: `start` creates the cluster once (pg_createcluster) and starts it; `stop` stops it; `drop` removes it.
# Port: ROLLUP_PORT (default 5434). Run as root (commands run as the postgres OS user) or as postgres.
set -euo pipefail
PORT="${ROLLUP_PORT:-5434}"
NAME="${ROLLUP_CLUSTER:-rollup}"
VERSION="${ROLLUP_PG_VERSION:-$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -n1)}"

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

exists() { pg_lsclusters -h 2>/dev/null | awk -v v="$VERSION" -v n="$NAME" '$1 == v && $2 == n' | grep -q .; }

case "${1:-}" in
  start)
    if [ -z "$VERSION" ] || ! command -v pg_createcluster >/dev/null; then
      echo "rollup-cluster: PostgreSQL server packages (pg_createcluster) are not installed" >&2
      exit 1
    fi
    if ! exists; then
      # pg_createcluster itself runs as root (it makes the data and config directories) and initdb as postgres.
      pg_createcluster -u postgres "$VERSION" "$NAME" --port "$PORT" -- --auth-local=trust --auth-host=trust >/dev/null
      conf="/etc/postgresql/$VERSION/$NAME/postgresql.conf"
      # Cities publish (wal_level=logical); each subscription holds a slot and, while copying, one per table sync.
      cat >>"$conf" <<CONF
# shijian roll-up test cluster
listen_addresses = '127.0.0.1'
wal_level = logical
max_replication_slots = 40
max_wal_senders = 40
max_logical_replication_workers = 16
max_worker_processes = 24
shared_buffers = 64MB
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
    fi
    if ! pg_isready -h 127.0.0.1 -p "$PORT" -q 2>/dev/null; then
      as_postgres pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$NAME" start
    fi
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p "$PORT" -q && break; sleep 0.5; done
    level=$(psql -h 127.0.0.1 -p "$PORT" -U postgres -Atc 'SHOW wal_level')
    echo "rollup-cluster: $VERSION/$NAME on 127.0.0.1:$PORT (wal_level=$level)"
    ;;
  stop)
    if exists && pg_isready -h 127.0.0.1 -p "$PORT" -q 2>/dev/null; then
      as_postgres pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$NAME" stop -m fast
    fi
    echo "rollup-cluster: stopped"
    ;;
  drop)
    if exists; then pg_dropcluster --stop "$VERSION" "$NAME"; fi
    echo "rollup-cluster: dropped"
    ;;
  *)
    echo "usage: $0 start|stop|drop" >&2
    exit 2
    ;;
esac
