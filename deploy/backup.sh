#!/usr/bin/env bash
# Backs up the Commendations database: one pg_dump in PostgreSQL's custom format (compressed, restorable table by
# table, readable by any newer pg_restore), checked by listing it, with its SHA-256 beside it. Old dumps are pruned.
#
#   deploy/backup.sh [backup-folder]          (default /var/backups/commendations)
#
# Connection: the standard libpq variables — PGHOST, PGPORT, PGUSER, PGDATABASE (default commendations), and the
# password from ~/.pgpass (or PGPASSWORD). Run it as a role that can read every table: the database's owner.
# BACKUP_KEEP_DAYS (default 14) — dumps older than this are deleted after a successful backup.
#
# Everything the app keeps is in this one database: dossier documents and signed decisions (bytea), the audit chain,
# Data Protection keys (cookies and tokens), Quartz's schedule. What is NOT in it, and must be kept by the host's own
# backup of /etc/commendations: the environment file (above all Audit__HeadKey: without it the restored audit heads
# cannot be verified) and the signing certificates (.p12) it points to. See deploy/README.md, "Backups".
set -euo pipefail

folder="${1:-/var/backups/commendations}"
keep_days="${BACKUP_KEEP_DAYS:-14}"
export PGDATABASE="${PGDATABASE:-commendations}"

mkdir -p "$folder"
umask 077 # dumps hold personal data and documents: readable by their owner only
name="commendations-$(date -u +%Y%m%dT%H%M%SZ).dump"
partial="$folder/.$name.partial"
trap 'rm -f "$partial"' EXIT

# --no-owner/--no-privileges are left to restore time, so one dump restores under any role name.
pg_dump --format=custom --compress=6 --file="$partial" "$PGDATABASE"
# A dump pg_restore cannot list is no backup: fail now, not on the day it is needed.
pg_restore --list "$partial" >/dev/null
mv "$partial" "$folder/$name"
(cd "$folder" && sha256sum "$name" > "$name.sha256")

find "$folder" -maxdepth 1 -name 'commendations-*.dump*' -mtime +"$keep_days" -delete
echo "$folder/$name"
