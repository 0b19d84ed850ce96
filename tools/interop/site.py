#!/usr/bin/env python3
"""A small loopback site for the interoperability corpus: HTML articles sent plain, chunked
and gzip-encoded, a redirect, a 404 and a binary file. Usage: site.py PORT_FILE (writes the port
it listens on to PORT_FILE and serves until killed)."""
import gzip
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def article(title, words):
    paras = "".join(
        f"<p>{title} paragraph {i}: {words} The harbour committee met on Tuesday to discuss the"
        f" ferry timetable, the new pier and the cost of dredging the channel.</p>"
        for i in range(1, 7))
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}"
            f"</title><meta property=\"article:published_time\" content=\"2024-05-02T08:00:00Z\">"
            f"</head><body><nav><a href=\"/\">Home</a></nav><article><h1>{title}</h1>"
            f"<p class=\"byline\">By Ada Example</p>{paras}</article></body></html>").encode()


PAGES = {
    "/article.html": article("Harbour committee backs new pier", "Plain."),
    "/chunked.html": article("Ferry timetable changes in June", "Chunked."),
    "/gzip.html": article("Dredging costs rise again", "Gzip."),
    "/moved.html": article("Pier opening delayed by storm", "Moved."),
}
INDEX = ("<!DOCTYPE html><html><head><title>Harbour News</title></head><body><ul>"
         + "".join(f"<li><a href=\"{p}\">{p}</a></li>" for p in
                   ["/article.html", "/chunked.html", "/gzip.html", "/old", "/missing.html",
                    "/logo.png"])
         + "</ul></body></html>").encode()
PNG = bytes(range(256)) * 4


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, ctype, body, extra=()):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for k, v in extra:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        p = self.path
        if p == "/":
            self.send(200, "text/html; charset=utf-8", INDEX)
        elif p == "/robots.txt":
            self.send(200, "text/plain", b"User-agent: *\nAllow: /\n")
        elif p == "/chunked.html":
            body = PAGES[p]
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for i in range(0, len(body), 300):
                part = body[i:i + 300]
                self.wfile.write(b"%x\r\n" % len(part) + part + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
        elif p == "/gzip.html":
            self.send(200, "text/html; charset=utf-8", gzip.compress(PAGES[p], mtime=0),
                      [("Content-Encoding", "gzip")])
        elif p == "/old":
            self.send(301, "text/html", b"<a href=\"/moved.html\">moved</a>",
                      [("Location", "/moved.html")])
        elif p in PAGES:
            self.send(200, "text/html; charset=utf-8", PAGES[p])
        elif p == "/logo.png":
            self.send(200, "image/png", PNG)
        else:
            self.send(404, "text/html", b"<html><body>Not found</body></html>")


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(sys.argv[1], "w") as f:
        f.write(str(server.server_address[1]))
    server.serve_forever()
