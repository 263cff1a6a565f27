"""An app that connects to its database once, at start-up, and fails if it cannot: it relies on Compose starting it
only after the database is healthy."""
import os

import pymysql
from flask import Flask

db = pymysql.connect(host=os.environ["DB_HOST"], user=os.environ["DB_USER"], password=os.environ["DB_PASSWORD"],
                     database="shop", autocommit=True)
print(f"connected to MariaDB {db.get_server_info().removeprefix('5.5.5-')} at {os.environ['DB_HOST']} on the first try", flush=True)

app = Flask(__name__)


@app.route("/")
def visit():
    with db.cursor() as cursor:
        cursor.execute("INSERT INTO visits () VALUES ()")
        cursor.execute("SELECT COUNT(*) FROM visits")
        (count,) = cursor.fetchone()
    return f"visit {count} recorded in MariaDB\n"
