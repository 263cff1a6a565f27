#!/bin/sh
# On the first start with an empty data directory (a new volume) create the system tables; then run the server in the
# foreground as the mysql user, listening on all addresses. Other commands (e.g. mariadb) run as given.
set -e
if [ "$1" = mariadbd ]; then
    shift
    if [ ! -d /var/lib/mysql/mysql ]; then
        echo "entrypoint: empty data directory, creating the system tables"
        mariadb-install-db --user=mysql --datadir=/var/lib/mysql --skip-test-db >/dev/null
    fi
    exec mariadbd --user=mysql --datadir=/var/lib/mysql --bind-address=0.0.0.0 "$@"
fi
exec "$@"
