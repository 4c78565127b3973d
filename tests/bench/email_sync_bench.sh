#!/usr/bin/env bash
# Email sync benchmark against a real Dovecot on loopback: the initial sync of a mailbox of
# SAMLA_BENCH_EMAILS (20 000) messages into Samla's store (parsed, indexed, searchable) beside
# mbsync (isync) copying the same mailbox raw into a Maildir, then an incremental pass of 100 new
# messages for both. Prints wall time, CPU and peak RSS of each and Samla/mbsync ratios (JSON).
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${SAMLA_BENCH_EMAILS:-20000}"
bench=build/release/tests/bench/samla_email_sync_bench
work="$(mktemp -d)"
chmod 755 "$work" # the servers drop to their own users and must reach their folders
cleanup() {
  bash tests/services/mail.sh stop "$work/mail" || true
  rm -rf "$work"
}
trap cleanup EXIT
bash tests/services/mail.sh start "$work/mail" "${SAMLA_BENCH_PORT:-22960}" >/dev/null
# shellcheck disable=SC1091
source "$work/mail/env"
folder="$maildir/post/Maildir/.bench"

# Messages straight into the Maildir (Dovecot indexes them on the first SELECT).
fill() { # FROM TO
  python3 - "$folder" "$1" "$2" <<'PY'
import os, sys
folder, start, end = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for sub in ("cur", "new", "tmp"):
    os.makedirs(os.path.join(folder, sub), exist_ok=True)
open(os.path.join(folder, "maildirfolder"), "a").close()
for i in range(start, end):
    body = ("Hei,\r\n\r\neg lurer på korleis det går med saka mi om byggeløyve nr. %d. "
            "Kan de svare meg snart?\r\n\r\nHelsing\r\nInnbyggar %d\r\n" % (i, i)) * 3
    text = ("From: Innbyggar %d <c%d@citizen.test>\r\nTo: post@kommune.test\r\n"
            "Subject: =?utf-8?Q?Sp=C3=B8rsm=C3=A5l?= %d\r\nDate: Mon, 23 Nov 2026 10:00:00 +0100\r\n"
            "Message-ID: <bench-%d@citizen.test>\r\nMIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            % (i, i, i, i)) + body
    with open(os.path.join(folder, "new", "1700000000.M%dP1.bench" % i), "wb") as f:
        f.write(text.encode("utf-8"))
PY
  chown -R --reference="$maildir" "$maildir/post"
}

measure() { # NAME COMMAND… -> JSON fields from GNU time
  local name="$1"
  shift
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >"$work/$name.out" 2>"$work/$name.err" || {
    cat "$work/$name.err" >&2
    exit 1
  }
  read -r wall user sys rss <"$work/time"
  echo "\"$name\": {\"wall_s\": $wall, \"cpu_s\": $(awk "BEGIN { print $user + $sys }"), \"peak_rss_kb\": $rss}"
}

cat >"$work/mbsyncrc" <<CONF
IMAPAccount bench
Host localhost
Port $imap
User post
Pass secret
SSLType STARTTLS
CertificateFile $ca

IMAPStore remote
Account bench

MaildirStore local
Path $work/mbsync/
Inbox $work/mbsync/INBOX

Channel bench
Far :remote:
Near :local:
Patterns bench
Create Near
Sync Pull
SyncState *
CONF
mkdir -p "$work/mbsync"

samla=("$bench" --url "imap://127.0.0.1:$imap/" --user post --password secret --ca "$ca"
  --folder bench --profile "$work/profile")
fill 0 "$n"
# Warm Dovecot's index once so that neither side pays for it.
doveadm -c "$dovecot_conf" mailbox status -u post messages bench >/dev/null
echo "{"
echo "\"messages\": $n,"
measure samla_initial "${samla[@]}"
echo ","
measure mbsync_initial mbsync -c "$work/mbsyncrc" bench
echo ","
fill "$n" "$((n + 100))"
doveadm -c "$dovecot_conf" mailbox status -u post messages bench >/dev/null
measure samla_incremental_100 "${samla[@]}"
echo ","
measure mbsync_incremental_100 mbsync -c "$work/mbsyncrc" bench
echo ","
echo "\"samla_result\": $(cat "$work/samla_initial.out"),"
echo "\"samla_incremental_result\": $(cat "$work/samla_incremental_100.out"),"
echo "\"mbsync_messages\": $(find "$work/mbsync" -type f -path '*/cur/*' -o -type f -path '*/new/*' | wc -l)"
echo "}"
