#!/usr/bin/env bash
# Real mail servers for the email tests, on loopback ports in a temp dir: Dovecot (IMAP with
# STARTTLS, IMAPS with a certificate from a CA made here, LMTP) and Postfix (SMTP, delivering
# every mail through LMTP into Dovecot). Stopped by pid.
#
#   tests/services/mail.sh start DIR BASEPORT   IMAP BASEPORT, IMAPS +1, LMTP +2, SMTP +3
#   tests/services/mail.sh stop DIR
#
# Users (password "secret"): post, byggesak, alfa, beta, plan (functional mailboxes of
# kommune.test) and innbyggar (a citizen at citizen.test). Writes DIR/env with the ports and
# paths for the tests.
set -euo pipefail

cmd="${1:?usage: mail.sh start|stop DIR [BASEPORT]}"
dir="${2:?usage: mail.sh start|stop DIR [BASEPORT]}"

stop() {
  for pidfile in "$dir/dovecot/run/master.pid" "$dir/postfix/queue/pid/master.pid"; do
    if [[ -f "$pidfile" ]]; then
      pid="$(tr -d ' \n' <"$pidfile")"
      if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      fi
    fi
  done
}

if [[ "$cmd" == stop ]]; then
  stop
  exit 0
fi
[[ "$cmd" == start ]] || { echo "mail.sh: unknown command $cmd" >&2; exit 2; }
base="${3:?usage: mail.sh start DIR BASEPORT}"
imap=$base imaps=$((base + 1)) lmtp=$((base + 2)) smtp=$((base + 3))

stop
rm -rf "$dir"
mkdir -p "$dir"/{dovecot/run,mail,tls,postfix}
dir="$(cd "$dir" && pwd)"
chmod 755 "$dir"

if [[ "$(id -u)" == 0 ]]; then
  mail_user=nobody mail_group=nogroup login_user=dovenull internal_user=dovecot
else
  mail_user="$(id -un)" mail_group="$(id -gn)" login_user="$mail_user" internal_user="$mail_user"
fi

# A CA of our own and a server certificate it signs (localhost and 127.0.0.1).
(
  cd "$dir/tls"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Samla test CA" \
    -keyout ca.key -out ca.pem 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout server.key \
    -out server.csr 2>/dev/null
  printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' >san.ext
  openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
    -extfile san.ext -out server.pem 2>/dev/null
  chmod 644 ./*.pem server.key
)

for user in post byggesak innbyggar alfa beta plan; do
  echo "$user:{PLAIN}secret::::::" >>"$dir/dovecot/users"
done
chown -R "$mail_user:$mail_group" "$dir/mail"

cat >"$dir/dovecot/dovecot.conf" <<CONF
base_dir = $dir/dovecot/run
state_dir = $dir/dovecot/state
instance_name = samla-test-$base
protocols = imap lmtp
listen = 127.0.0.1
log_path = $dir/dovecot/log
default_login_user = $login_user
default_internal_user = $internal_user
first_valid_uid = 1
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:$dir/mail/%u/Maildir
mail_plugins = \$mail_plugins
ssl = yes
ssl_cert = <$dir/tls/server.pem
ssl_key = <$dir/tls/server.key
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%n $dir/dovecot/users
}
userdb {
  driver = static
  args = uid=$mail_user gid=$mail_group home=$dir/mail/%n
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $imap
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $imaps
    ssl = yes
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $lmtp
  }
}
protocol lmtp {
  auth_username_format = %n
}
namespace inbox {
  inbox = yes
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
}
CONF
mkdir -p "$dir/dovecot/state"
dovecot -c "$dir/dovecot/dovecot.conf" </dev/null >/dev/null 2>&1

# Postfix needs root (its daemons drop to the postfix user); CI and the test machine are root.
pf="$dir/postfix"
mkdir -p "$pf/queue" "$pf/data"
chown postfix "$pf/data"
cat >"$pf/main.cf" <<CONF
compatibility_level = 3.6
queue_directory = $pf/queue
data_directory = $pf/data
mail_owner = postfix
setgid_group = postdrop
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
myhostname = mx.kommune.test
mydomain = kommune.test
myorigin = kommune.test
mydestination =
local_recipient_maps =
alias_maps =
alias_database =
virtual_mailbox_domains = kommune.test, citizen.test
virtual_mailbox_maps =
virtual_transport = lmtp:inet:127.0.0.1:$lmtp
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
smtpd_tls_cert_file = $dir/tls/server.pem
smtpd_tls_key_file = $dir/tls/server.key
smtpd_tls_security_level = may
smtpd_sasl_auth_enable = no
message_size_limit = 104857600
maillog_file = $pf/maillog
maillog_file_prefixes = $pf
smtp_dns_support_level = disabled
disable_dns_lookups = yes
biff = no
queue_run_delay = 5s
minimal_backoff_time = 5s
maximal_backoff_time = 10s
CONF
# Debian's master.cf with the smtp listener moved to our loopback port, nothing chrooted.
sed -e "s/^smtp      inet  n       -       y       -       -       smtpd/127.0.0.1:$smtp inet n - n - - smtpd/" \
  -e 's/^\([a-z]* *[a-z-]* *[-ny] *[-ny] *\)y /\1n /' /etc/postfix/master.cf >"$pf/master.cf"
# One Postfix start at a time on this machine: two instances starting at once were seen to hang.
exec 9>"${TMPDIR:-/tmp}/samla-postfix-start.lock"
flock -w 60 9 || true
postfix -c "$pf" start 9>&- </dev/null >/dev/null 2>&1 || {
  echo "mail.sh: Postfix did not start (it needs root); see $pf/maillog" >&2
  exit 1
}
exec 9>&-

# Wait (at most 10 s) until every port answers.
for port in $imap $imaps $lmtp $smtp; do
  for _ in $(seq 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
    sleep 0.1
  done
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || {
    echo "mail.sh: nothing listens on port $port" >&2
    cat "$dir/dovecot/log" "$pf/maillog" 2>/dev/null | tail -20 >&2
    exit 1
  }
done
cat >"$dir/env" <<ENV
imap=$imap
imaps=$imaps
lmtp=$lmtp
smtp=$smtp
ca=$dir/tls/ca.pem
maildir=$dir/mail
dovecot_conf=$dir/dovecot/dovecot.conf
ENV
echo "mail.sh: Dovecot and Postfix on 127.0.0.1:$imap-$smtp ($dir)"
