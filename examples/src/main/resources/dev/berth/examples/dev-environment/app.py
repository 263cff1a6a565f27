"""A Flask app under development: edit this file on the host and the server in the container reloads it."""
import datetime
import pathlib

from flask import Flask

app = Flask(__name__)
VERSION = "version 1"


@app.route("/")
def index():
    # Written into the bind-mounted directory: the file appears on the host, owned by the host user.
    with pathlib.Path("requests.log").open("a") as log:
        log.write(f"{datetime.datetime.now():%H:%M:%S} GET / -> {VERSION}\n")
    return f"Hello from the dev container, {VERSION}\n"
