#!/usr/bin/env bash
# Restores a dump made by deploy/backup.sh into a NEW database (never over the live one): the dump's checksum is checked,
# the database is created, everything is restored in one transaction (all or nothing), and statistics are gathered.
#
#   deploy/restore.sh <file.dump> <new-database-name>
#
# Connection: the standard libpq variables (PGHOST, PGPORT, PGUSER, password in ~/.pgpass or PGPASSWORD) of a role
# allowed to create databases. RESTORE_OWNER (optional): the role that will own the database and everything restored
# into it — the app's role, e.g. commendations; without it, the connecting role owns them.
#
# Then: stop both nodes, point ConnectionStrings__Commendations at the new database (with the SAME Audit__HeadKey as
# when the dump was made), start one node, check GET /api/audit/verify as an administrator, start the other node.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 <file.dump> <new-database-name>" >&2
  exit 64
fi
dump="$1"
database="$2"
[ -f "$dump" ] || { echo "no such dump: $dump" >&2; exit 66; }
[[ "$database" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "database name must be lower-case letters, digits and _: $database" >&2; exit 64; }

if [ -f "$dump.sha256" ]; then
  (cd "$(dirname "$dump")" && sha256sum --check --status "$(basename "$dump").sha256") || {
    echo "checksum mismatch: $dump is damaged" >&2; exit 65; }
fi

exists=$(psql --dbname=postgres --no-psqlrc --tuples-only --no-align \
  --command="SELECT 1 FROM pg_database WHERE datname = '$database'")
if [ "$exists" = "1" ]; then
  echo "database $database already exists: restore into a new one, then switch the app to it" >&2
  exit 73
fi

owner_args=()
role_args=()
if [ -n "${RESTORE_OWNER:-}" ]; then
  owner_args=(--owner="$RESTORE_OWNER")
  role_args=(--role="$RESTORE_OWNER")
fi
# template0 and UTF-8: the same encoding whatever the server's default template holds.
createdb --template=template0 --encoding=UTF8 "${owner_args[@]}" "$database"
if ! pg_restore --dbname="$database" --single-transaction --exit-on-error --no-owner --no-privileges \
    "${role_args[@]}" "$dump"; then
  dropdb "$database"
  echo "restore failed; database $database removed" >&2
  exit 1
fi
vacuumdb --analyze-only --quiet --dbname="$database"
echo "restored $dump into $database"
