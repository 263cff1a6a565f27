"""One replica of the web service: says which replica answered and counts every hit in the shared Redis."""
import socket

from flask import Flask
from redis import Redis

app = Flask(__name__)
cache = Redis(host="redis", port=6379)
# A container's hostname is its short id, which `docker compose ps` maps to the replica's name.
REPLICA = socket.gethostname()


@app.route("/")
def hello():
    hits = cache.incr("hits")
    return f"Hello from {REPLICA}: {hits} hits\n"
