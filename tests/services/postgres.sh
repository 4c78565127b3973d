#!/usr/bin/env bash
# A throwaway PostgreSQL for the hub tests: a new cluster in DIR, listening only on 127.0.0.1 on
# a free unprivileged port, password (SCRAM) authentication, stopped by its pid.
#
#   tests/services/postgres.sh start DIR    prints nothing; writes DIR/port and DIR/superuser.pw
#   tests/services/postgres.sh stop DIR
#
# initdb refuses to run as root (CI runs as root), so as root the cluster belongs to the
# unprivileged user `nobody` and every server command runs through `runuser -u nobody`.
# The binaries are found with pg_config --bindir, else in the newest /usr/lib/postgresql/*/bin.
# The superuser is `samla_test` with a random password in DIR/superuser.pw. TLS is on with a
# certificate for 127.0.0.1 from a throwaway CA (DIR/ca.crt); DIR/other-ca.crt is a CA that did
# not sign it, for the tests that a client refuses an unverified server.
set -euo pipefail

action="${1:?usage: postgres.sh start|stop DIR}"
dir="${2:?usage: postgres.sh start|stop DIR}"
data="$dir/data"

bindir=""
if command -v pg_config >/dev/null 2>&1; then bindir="$(pg_config --bindir)"; fi
if [[ -z "$bindir" || ! -x "$bindir/initdb" ]]; then
  bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
fi
if [[ -z "$bindir" || ! -x "$bindir/initdb" ]]; then
  echo "postgres.sh: no PostgreSQL server binaries (install the 'postgresql' package)" >&2
  exit 1
fi

as_owner() {
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u nobody -- "$@"
  else
    "$@"
  fi
}

case "$action" in
  start)
    if [[ -f "$data/postmaster.pid" ]]; then "$0" stop "$dir" || true; fi
    rm -rf "$dir"
    mkdir -p "$dir"
    # A free port: ask the kernel for one, then hand it to the server.
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    ( umask 077; python3 -c "import secrets; print(secrets.token_hex(16))" >"$dir/superuser.pw" )
    if [[ "$(id -u)" == 0 ]]; then chown -R nobody "$dir"; fi
    as_owner "$bindir/initdb" -D "$data" -U samla_test --pwfile="$dir/superuser.pw" \
      --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    # A throwaway CA and a server certificate for 127.0.0.1 (libpq checks IP SANs).
    (
      cd "$dir"
      openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Samla test CA" \
        -keyout ca.key -out ca.crt
      openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Other CA" \
        -keyout other-ca.key -out other-ca.crt
      openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout server.key -out server.csr
      printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >server.ext
      openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 \
        -extfile server.ext -out server.crt
      install -m 600 server.key server.crt "$data/"
      if [[ "$(id -u)" == 0 ]]; then chown nobody "$data/server.key" "$data/server.crt"; fi
    ) >"$dir/openssl.log" 2>&1 || { cat "$dir/openssl.log" >&2; exit 1; }
    cat >>"$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = ''
max_connections = 300
ssl = on
ssl_cert_file = 'server.crt'
ssl_key_file = 'server.key'
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
    as_owner "$bindir/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 start >/dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    echo "$port" >"$dir/port"
    ;;
  stop)
    if [[ -f "$data/postmaster.pid" ]]; then
      pid="$(head -n 1 "$data/postmaster.pid")"
      as_owner "$bindir/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null 2>&1 || kill "$pid"
    fi
    ;;
  *)
    echo "postgres.sh: unknown action '$action' (start or stop)" >&2
    exit 2
    ;;
esac
