"""The classic Compose getting-started app: a Flask page that counts its hits in Redis."""
import socket

from flask import Flask
from redis import Redis

app = Flask(__name__)
# "redis" is the name the Redis container has on the shared user-defined network; Docker's DNS resolves it.
cache = Redis(host="redis", port=6379)


@app.route("/")
def hello():
    count = cache.incr("hits")
    return f"Hello World! I have been seen {count} times. (served by {socket.gethostname()})\n"
