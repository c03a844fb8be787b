#!/usr/bin/env bash
# Stands the deployment of deploy/README.md up on ONE machine, then runs a smoke scenario through nginx:
#   a PostgreSQL cluster of its own (initdb in a temporary folder, deploy/postgresql/commendations.conf included,
#   role and database from deploy/postgresql/create-database.sql), the app published once and run as two nodes on two
#   ports with the settings of deploy/commendations.env.example, nginx with deploy/nginx/commendations.conf and a
#   self-signed certificate in front of them. Prints one PASS or FAIL line per check and exits non-zero on any FAIL.
#   Everything it started is stopped and its folder deleted on exit, however it ends.
#
#   deploy/try-two-nodes.sh                      publish the app (Release, ReadyToRun) into artifacts/deploy/app first
#   deploy/try-two-nodes.sh --app <dll>          use an app already built (e.g. .../Commendations.Web.dll)
#
# Needs: the .NET SDK (or only the runtime with --app), PostgreSQL's server binaries, nginx (Debian: apt-get install
# nginx-light; nginx need not run as a service), openssl, curl, python3. Runs without root; as root, PostgreSQL runs
# as the postgres account (initdb refuses root).
#
# It differs from production in what a single machine forces: the nodes run as "Staging" with the demo data, because
# a production database has no account to sign in with and Production refuses demo accounts; the ports are free ones
# instead of 80/443/5001/5002; the certificate is self-signed.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
export PATH="$PATH:/usr/sbin:/sbin" # nginx lives in /usr/sbin, often not on a user's PATH
app_dll=""
while [ $# -gt 0 ]; do
  case "$1" in
    --app) app_dll="$(realpath "$2")"; shift 2 ;;
    *) echo "usage: $0 [--app <Commendations.Web.dll>]" >&2; exit 64 ;;
  esac
done

failures=0
passes=0
pass() { echo "PASS $*"; passes=$((passes + 1)); }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
step() { echo "::: [${SECONDS}s] $*"; }
die() { echo "FAIL $*"; exit 1; }

for tool in openssl curl python3 nginx; do
  command -v "$tool" >/dev/null || die "$tool is missing (Debian: apt-get install ${tool/nginx/nginx-light})"
done
pg_bin="$(dirname "$(realpath "$(command -v initdb 2>/dev/null || ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1)")")"
[ -x "$pg_bin/pg_ctl" ] || die "PostgreSQL's server binaries are missing (Debian: apt-get install postgresql)"

work="$(mktemp -d /tmp/commendations-try.XXXXXX)"
chmod 755 "$work" # nginx's workers and (as root) PostgreSQL's account read below it
declare -A node_pid=()

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
  local status=$?
  # Nodes first, while the database still answers: a node whose database is gone does not finish its shutdown
  # (Quartz keeps retrying), so, like systemd's TimeoutStopSec, a node still running after its grace is killed.
  for n in "${!node_pid[@]}"; do stop_node "$n"; done
  [ -f "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true
  [ -f "$work/pg/data/postmaster.pid" ] && as_pg "$pg_bin/pg_ctl" stop -D "$work/pg/data" -m immediate -w >/dev/null 2>&1 || true
  wait 2>/dev/null || true
  rm -rf "$work"
  echo "::: [${SECONDS}s] cleaned up"
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
secret() { openssl rand -hex 24; }

pg_port=$(free_port); node_port=([1]=$(free_port) [2]=$(free_port)); http_port=$(free_port); https_port=$(free_port)
public="https://localhost:$https_port"

# ------------------------------------------------------------------------------------------------------ PostgreSQL
step "PostgreSQL on port $pg_port"
mkdir -p "$work/pg"
superuser_password=$(secret)
app_password=$(secret)
echo "$superuser_password" > "$work/pg/superuser.password"
cp "$repo/deploy/postgresql/commendations.conf" "$work/pg/commendations.conf"
[ "$(id -u)" = 0 ] && chown -R postgres: "$work/pg"
as_pg "$pg_bin/initdb" -D "$work/pg/data" -U postgres -E UTF8 --locale=C.UTF-8 --auth-local=trust \
  --auth-host=scram-sha-256 --pwfile="$work/pg/superuser.password" >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log"; die "initdb"; }
cat >> "$work/pg/data/postgresql.conf" <<EOF
include '$work/pg/commendations.conf'
# One machine, a trial: loopback, this port, and memory for a small machine instead of a 16 GB database server.
listen_addresses = '127.0.0.1'
port = $pg_port
unix_socket_directories = '$work/pg/data'
shared_buffers = 128MB
effective_cache_size = 1GB
maintenance_work_mem = 64MB
max_wal_size = 1GB
EOF
as_pg "$pg_bin/pg_ctl" start -D "$work/pg/data" -l "$work/pg/data/server.log" -w -t 60 >/dev/null \
  || { tail "$work/pg/data/server.log"; die "PostgreSQL did not start with deploy/postgresql/commendations.conf"; }
pass "PostgreSQL starts with deploy/postgresql/commendations.conf included"
export PGHOST=127.0.0.1 PGPORT=$pg_port
PGUSER=postgres PGPASSWORD=$superuser_password "$pg_bin/psql" -q -X -v password="'$app_password'" \
  -f "$repo/deploy/postgresql/create-database.sql" >"$work/create-database.log" 2>&1 \
  || { cat "$work/create-database.log"; die "deploy/postgresql/create-database.sql"; }
pass "deploy/postgresql/create-database.sql creates the role and the database"
app_sql() { PGUSER=commendations PGPASSWORD=$app_password PGDATABASE=commendations "$pg_bin/psql" -X -A -t -q -c "$1"; }

# ------------------------------------------------------------------------------------------------------------- App
if [ -z "$app_dll" ]; then
  step "dotnet publish (Release, ReadyToRun) into artifacts/deploy/app"
  dotnet publish "$repo/src/Commendations.Web" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$repo/artifacts/deploy/app" -v q -nologo >"$work/publish.log" 2>&1 || { tail -20 "$work/publish.log"; die "dotnet publish"; }
  app_dll="$repo/artifacts/deploy/app/Commendations.Web.dll"
fi

# The nodes' settings: the example file as an operator would fill it in, then what this one machine needs.
{
  cat "$repo/deploy/commendations.env.example"
  cat <<EOF
ASPNETCORE_ENVIRONMENT=Staging
AllowedHosts=localhost;127.0.0.1
ConnectionStrings__Commendations=Host=127.0.0.1;Port=$pg_port;Database=commendations;Username=commendations;Password=$app_password;Maximum Pool Size=30
Audit__HeadKey=$(openssl rand -base64 32)
Web__HttpsPort=$https_port
Passwords__ForbiddenWords__0=lamgiang
Workflows__Scopes__appraisal=LG-SNV-TDKT
Workflows__Scopes__province=LG
Workflows__Scopes__inspection=LG-TTT
Database__SeedDemoRoutes=false
Scheduling__ReminderCatchUpInterval=00:00:05
Scheduling__SlotPlanningInterval=00:00:05
EOF
} > "$work/commendations.env"

# Reads KEY=VALUE lines as systemd's EnvironmentFile does (no shell: values hold ';'); later lines win.
node_env() {
  local line
  while IFS= read -r line; do
    [[ -z "$line" || "$line" == \#* ]] && continue
    printf '%s\0' "$line"
  done < "$work/commendations.env"
}

# "dotnet app --migrate-only", as deploy/README.md's upgrade does before any node starts.
step "migrations (--migrate-only)"
( cd "$(dirname "$app_dll")" && mapfile -d '' vars < <(node_env) && exec env -i PATH="$PATH" HOME="$work" "${vars[@]}" dotnet "$app_dll" --migrate-only ) >"$work/migrate.log" 2>&1 \
  || { tail -20 "$work/migrate.log"; die "--migrate-only"; }
pass "the published app applies its migrations with --migrate-only as the database's owner (no superuser)"

start_node() {
  local n=$1 seed=$2
  ( cd "$(dirname "$app_dll")" && mapfile -d '' vars < <(node_env) \
    && exec env -i PATH="$PATH" HOME="$work" "${vars[@]}" Database__SeedDemoData="$seed" \
       dotnet "$app_dll" --urls "http://127.0.0.1:${node_port[$n]}" ) >>"$work/node$n.log" 2>&1 &
  node_pid[$n]=$!
  for _ in $(seq 1 180); do
    curl -fsS -o /dev/null "http://127.0.0.1:${node_port[$n]}/health/ready" 2>/dev/null && return 0
    kill -0 "${node_pid[$n]}" 2>/dev/null || { tail -20 "$work/node$n.log"; die "node $n exited at start-up"; }
    sleep 1
  done
  tail -20 "$work/node$n.log"; die "node $n not ready within 3 minutes"
}
# SIGTERM as systemd sends it, then SIGKILL after the unit's TimeoutStopSec (45 s) if the node has not ended.
stop_node() {
  local pid="${node_pid[$1]}"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 90); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  unset "node_pid[$1]"
}

step "node 1 on port ${node_port[1]} (seeds the demo data), node 2 on port ${node_port[2]}"
start_node 1 true
start_node 2 false
pass "two nodes share one database: both ready"

# ----------------------------------------------------------------------------------------------------------- nginx
step "nginx on ports $http_port (HTTP) and $https_port (HTTPS)"
mkdir -p "$work/nginx/tmp" "$work/tls"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost" \
  -keyout "$work/tls/privkey.pem" -out "$work/tls/fullchain.pem" >/dev/null 2>&1
# The shipped site, with this machine's ports, name and certificate (IPv6 listeners dropped: a sandbox may lack it).
sed -e "s|127.0.0.1:5001|127.0.0.1:${node_port[1]}|; s|127.0.0.1:5002|127.0.0.1:${node_port[2]}|" \
    -e "/listen \[::\]/d" -e "s|listen 80;|listen 127.0.0.1:$http_port;|" -e "s|listen 443 ssl|listen 127.0.0.1:$https_port ssl|" \
    -e "s|server_name thiduakhenthuong.example.gov.vn;|server_name localhost;|" \
    -e "s|https://\$host\$request_uri|https://\$host:$https_port\$request_uri|" \
    -e "s|/etc/ssl/commendations/|$work/tls/|" \
    "$repo/deploy/nginx/commendations.conf" > "$work/nginx/site.conf"
cat > "$work/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 256; }
http {
    access_log $work/nginx/access.log;
    client_body_temp_path $work/nginx/tmp/body;
    proxy_temp_path $work/nginx/tmp/proxy;
    fastcgi_temp_path $work/nginx/tmp/fastcgi;
    uwsgi_temp_path $work/nginx/tmp/uwsgi;
    scgi_temp_path $work/nginx/tmp/scgi;
    include $work/nginx/site.conf;
}
EOF
chmod -R a+rX "$work/nginx"
if nginx -t -q -e "$work/nginx/error.log" -p "$work/nginx" -c "$work/nginx/nginx.conf" 2>"$work/nginx-t.log"; then
  pass "nginx accepts deploy/nginx/commendations.conf"
else
  cat "$work/nginx-t.log"; die "nginx -t"
fi
nginx -e "$work/nginx/error.log" -p "$work/nginx" -c "$work/nginx/nginx.conf"
for _ in $(seq 1 20); do [ -f "$work/nginx/nginx.pid" ] && break; sleep 0.2; done

# ------------------------------------------------------------------------------------------------------ The checks
tls=(--silent --show-error --cacert "$work/tls/fullchain.pem" --resolve "localhost:$https_port:127.0.0.1")
jar="$work/cookies.txt"
origin=(-H "Origin: $public")

step "smoke scenario through nginx"
redirect=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "http://localhost:$http_port/so-khen-thuong" || true)
[ "$redirect" = "301 $public/so-khen-thuong" ] && pass "HTTP is redirected to HTTPS ($redirect)" || fail "HTTP → HTTPS redirect: got '$redirect'"

code=$(curl "${tls[@]}" -o /dev/null -w '%{http_code}' "$public/health/ready" || true)
[ "$code" = 200 ] && pass "/health/ready answers 200 through nginx over TLS" || fail "/health/ready through nginx: $code"

# Without believing nginx's X-Forwarded-Proto the nodes would redirect every request to HTTPS (308) again.
code=$(curl "${tls[@]}" -o /dev/null -w '%{http_code}' "$public/api/campaigns" || true)
[ "$code" = 401 ] && pass "the nodes believe nginx's forwarded scheme (an anonymous API call is 401, not redirected)" || fail "forwarded headers: got $code"

big="$work/too-big.pdf"
head -c $((12 * 1024 * 1024)) /dev/zero > "$big"
code=$(curl "${tls[@]}" -o /dev/null -w '%{http_code}' -F "kind=SubmissionLetter" -F "file=@$big;type=application/pdf" \
  "$public/api/nominations/00000000-0000-0000-0000-000000000000/documents" || true)
[ "$code" = 413 ] && pass "a 12 MiB upload is refused by nginx (client_max_body_size) with 413" || fail "upload limit: got $code"

step "node 2 stopped: signing in can only reach node 1"
stop_node 2
code=$(curl "${tls[@]}" -c "$jar" "${origin[@]}" -o "$work/login.out" -w '%{http_code}' -H 'Content-Type: application/json' \
  -d '{"userName":"canbo.tanhoa","password":"Ruong-Lua-Xanh-2026","useCookie":true}' "$public/api/auth/login" || true)
if [[ "$code" = 20? ]] && grep -q 'Commendations.Auth' "$jar"; then
  pass "signed in through nginx on node 1 (cookie; node 2 was stopped)"
else
  fail "sign-in on node 1: $code $(cat "$work/login.out")"
fi
grep 'Commendations.Auth' "$jar" | awk '{print $4}' | grep -q TRUE && pass "the sign-in cookie is marked Secure behind the proxy" || fail "the sign-in cookie is not Secure"

step "node 2 started, node 1 stopped: the same cookie acts through node 2"
start_node 2 false
stop_node 1
campaigns=$(curl "${tls[@]}" -b "$jar" -f "$public/api/campaigns" || true)
campaign=$(echo "$campaigns" | json '[c["id"] for c in d if c["code"] == "PT-2026-QCDC"][0]' 2>/dev/null || true)
[ -n "$campaign" ] && pass "node 2 accepts node 1's cookie (Data Protection keys shared through the database)" || fail "node 2 refused node 1's cookie: $campaigns"

nomination=""
created=$(curl "${tls[@]}" -b "$jar" "${origin[@]}" -H 'Content-Type: application/json' -w '\n%{http_code}' -d "{\"campaignId\":\"$campaign\",\"awardFormCode\":\"bang-khen-tinh\",\"kind\":\"Individual\",\"person\":{\"fullName\":\"Phạm Quốc Bảo\",\"gender\":\"Male\",\"birthYear\":1990,\"position\":\"Chuyên viên\"},\"achievementSummary\":\"Số hóa hồ sơ một cửa.\"}" \
  "$public/api/nominations" || true)
if [ "$(echo "$created" | tail -1)" = 201 ]; then
  nomination=$(echo "$created" | head -n -1 | json 'd["id"]')
  pass "a nomination is created through node 2 with node 1's sign-in"
else
  fail "create a nomination through node 2: $created"
fi
printf '%%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%%%EOF\n' > "$work/letter.pdf"
uploads=0
for kind in SubmissionLetter AchievementReport; do
  code=$(curl "${tls[@]}" -b "$jar" "${origin[@]}" -o /dev/null -w '%{http_code}' -F "kind=$kind" \
    -F "file=@$work/letter.pdf;type=application/pdf;filename=$kind.pdf" "$public/api/nominations/$nomination/documents" || true)
  [ "$code" = 201 ] && uploads=$((uploads + 1))
done
[ "$uploads" = 2 ] && pass "documents are uploaded through nginx (multipart)" || fail "document uploads through nginx: $uploads of 2"
code=$(curl "${tls[@]}" -b "$jar" "${origin[@]}" -o "$work/submit.out" -w '%{http_code}' -H 'Content-Type: application/json' \
  -d '{"comment":"Kính trình."}' "$public/api/nominations/$nomination/submit" || true)
[ "$code" = 200 ] && pass "the nomination is submitted: a task opens at the steering committee" || fail "submit: $code $(cat "$work/submit.out")"

step "both nodes up: a reminder due in 20 seconds fires once in the cluster"
start_node 1 false
open_tasks=$(app_sql "SELECT count(*) FROM workflow_tasks WHERE nomination_id = '$nomination' AND status = 'Open'" 2>&1 || true)
app_sql "INSERT INTO task_reminders (instance_id, task_key, nomination_id, remind_at, due_at)
         SELECT instance_id, task_key, nomination_id, now() + interval '20 seconds', due_at
         FROM workflow_tasks WHERE nomination_id = '$nomination' AND status = 'Open'" >/dev/null 2>&1 || true
reminders() { app_sql "SELECT count(*) FROM notifications WHERE nomination_id = '$nomination' AND kind = 'task-reminder'" 2>/dev/null || echo 0; }
sent=0
for _ in $(seq 1 90); do
  sent=$(reminders)
  [ "$sent" -ge 1 ] && break
  sleep 1
done
sleep 15 # long enough for both nodes' sweeps to run again
sent=$(reminders)
# The engine's own reminders of the task (days ahead) stay; the one due now must be gone.
left=$(app_sql "SELECT count(*) FROM task_reminders WHERE nomination_id = '$nomination' AND remind_at <= now()" 2>/dev/null || echo '?')
if [ "$open_tasks" = 1 ] && [ "$sent" = 1 ] && [ "$left" = 0 ]; then
  pass "the reminder was sent exactly once by the two nodes (1 notification, row consumed)"
else
  fail "reminder: open tasks $open_tasks, notifications $sent, rows left $left"
fi

echo "two-node deployment: $passes checks passed, $failures failed"
[ "$failures" -eq 0 ]
