#!/usr/bin/env bash
# A local streaming replica of the main PostgreSQL cluster, made with PostgreSQL's own tools (docs/SCALING.md).
#   scripts/replica.sh start   pg_createcluster + pg_basebackup -R on REPLICA_PORT (5433); does nothing if running
#   scripts/replica.sh stop    stops and removes the replica cluster (the primary is left as it is)
#   scripts/replica.sh status  whether it runs, and how far its replay is behind the primary
# Runs as root (the PostgreSQL commands then run as the postgres OS user) or as postgres.
# The primary only gets a `host replication all 127.0.0.1/32 trust` line in pg_hba.conf and a reload, never a restart.
# A physical replication slot (shijian_<name>) keeps the WAL the replica still needs even while the primary is busy;
# `stop` drops it, so the primary never keeps WAL for a replica that is gone.
set -euo pipefail

VERSION="${PG_VERSION:-$(ls /etc/postgresql | sort -V | tail -n1)}"
PRIMARY="${PRIMARY_CLUSTER:-main}"
PRIMARY_PORT="${PRIMARY_PORT:-5432}"
NAME="${REPLICA_CLUSTER:-replica}"
PORT="${REPLICA_PORT:-5433}"
SLOT="shijian_${NAME//[^a-z0-9_]/_}"

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}
primary_sql() { as_postgres psql -X -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d postgres -Atc "$1"; }
replica_sql() { as_postgres psql -X -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -Atc "$1"; }
cluster_status() { pg_lsclusters -h "$VERSION" "$NAME" 2>/dev/null | awk '{print $4}'; }
ctl() { pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$@"; }

wait_ready() {
  for _ in $(seq 1 60); do
    pg_isready -h 127.0.0.1 -p "$PORT" -q && return 0
    sleep 0.5
  done
  echo "replica on port $PORT did not become ready; see /var/log/postgresql/postgresql-$VERSION-$NAME.log" >&2
  return 1
}

allow_replication() {
  if [ "$(primary_sql 'SHOW wal_level')" = minimal ] || [ "$(primary_sql 'SHOW max_wal_senders')" = 0 ]; then
    echo "the primary has wal_level=minimal or max_wal_senders=0: streaming needs a restart with other settings" >&2
    exit 1
  fi
  local hba
  hba="$(primary_sql 'SHOW hba_file')"
  if ! grep -Eq '^[[:space:]]*host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32' "$hba"; then
    echo "--- allowing local replication connections in $hba (reload, no restart)"
    printf '\n# scripts/replica.sh: local streaming replica\nhost replication all 127.0.0.1/32 trust\n' >>"$hba"
    ctl "$PRIMARY" reload
  fi
}

start() {
  case "$(cluster_status)" in
    online*)
      echo "replica $VERSION/$NAME already running on port $PORT"
      return 0
      ;;
    down*)
      ctl "$NAME" start || {
        echo "replica $VERSION/$NAME does not start (an interrupted start?): run '$0 stop', then '$0 start'" >&2
        exit 1
      }
      wait_ready
      echo "replica $VERSION/$NAME started on port $PORT"
      return 0
      ;;
  esac
  allow_replication
  local data="/var/lib/postgresql/$VERSION/$NAME"
  echo "--- creating cluster $VERSION/$NAME on port $PORT from a base backup of port $PRIMARY_PORT"
  pg_createcluster "$VERSION" "$NAME" -p "$PORT" -- --no-sync >/dev/null
  # The cluster's own files are replaced by the primary's; the Debian config under /etc stays (port, paths).
  as_postgres find "$data" -mindepth 1 -delete
  drop_slot # a leftover of a replica removed by hand
  as_postgres pg_basebackup -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$data" -R -X stream -c fast -C -S "$SLOT"
  # Readers connect to the replica as they do to the primary.
  install -o postgres -g postgres -m 640 "$(primary_sql 'SHOW hba_file')" "/etc/postgresql/$VERSION/$NAME/pg_hba.conf"
  ctl "$NAME" start
  wait_ready
  if [ "$(replica_sql 'SELECT pg_is_in_recovery()')" != t ]; then
    echo "the cluster on port $PORT is not in recovery: not a replica" >&2
    exit 1
  fi
  echo "replica $VERSION/$NAME streaming from port $PRIMARY_PORT, read-only on port $PORT"
}

drop_slot() {
  primary_sql "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '$SLOT' AND NOT active" >/dev/null
}

stop() {
  if [ -n "$(cluster_status)" ]; then
    pg_dropcluster --stop "$VERSION" "$NAME"
    echo "replica $VERSION/$NAME stopped and removed"
  else
    echo "no replica cluster $VERSION/$NAME"
  fi
  drop_slot
}

status() {
  local state
  state="$(cluster_status)"
  if [[ "$state" != online* ]]; then
    echo "replica $VERSION/$NAME: ${state:-absent}"
    return 1
  fi
  replica_sql "SELECT 'replica $VERSION/$NAME on port $PORT: replayed ' || pg_last_wal_replay_lsn()
    || ', last replayed commit ' || coalesce(round(extract(epoch FROM now() - pg_last_xact_replay_timestamp()) * 1000)::text || ' ms ago', 'none yet')"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
