#!/usr/bin/env python3
"""Makes the hand-made files of the interoperability corpus in OUT_DIR from files already
there: ARC files (plain and gzip per record), a WARC file with a damaged record in the middle,
the same WARC gzipped as one member, and a record that lacks its closing CRLF CRLF.
Usage: handmade.py OUT_DIR"""
import gzip
import os
import sys
import zlib


def members(data):
    """Splits a gzip-per-record file into (offset, raw member bytes, inflated bytes)."""
    out, pos = [], 0
    while pos < len(data):
        d = zlib.decompressobj(31)
        inflated = d.decompress(data[pos:])
        end = len(data) - len(d.unused_data)
        out.append((pos, data[pos:end], inflated))
        pos = end
    return out


def gz(data):
    return gzip.compress(data, mtime=0)


def arc_records():
    page = (b"<!DOCTYPE html><html lang=\"en\"><head><title>Old harbour wall repaired</title>"
            b"</head><body><article><h1>Old harbour wall repaired</h1>"
            + b"".join(b"<p>Part %d. Masons from the town rebuilt the harbour wall stone by stone"
                       b" after the winter storms, and the work came in under budget.</p>" % i
                       for i in range(1, 7))
            + b"</article></body></html>")
    html = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
            + str(len(page)).encode() + b"\r\n\r\n" + page)
    png = bytes(range(256))
    image = (b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 256\r\n\r\n" + png)
    missing = b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>gone</p>"
    return [("http://127.0.0.1/arc-article.html", "text/html", html),
            ("http://127.0.0.1/arc-logo.png", "image/png", image),
            ("http://127.0.0.1/arc-missing.html", "text/html", missing)]


def arc(name):
    body = b"1 0 newsarc-test\nURL IP-address Archive-date Content-type Archive-length\n"
    recs = [b"filedesc://%s 127.0.0.1 20240502080000 text/plain %d\n%s\n"
            % (name.encode(), len(body), body)]
    for url, ctype, content in arc_records():
        recs.append(b"%s 127.0.0.1 20240502080000 %s %d\n%s\n"
                    % (url.encode(), ctype.encode(), len(content), content))
    return recs


def arc_expected(name, recs):
    """Rows of expected.tsv for an ARC file: offset, length, type, URL, status, body digest."""
    import hashlib
    rows, pos = [], 0
    for i, rec in enumerate(recs):
        if i > 0:
            url, _, content = arc_records()[i - 1]
            head, _, body = content.partition(b"\r\n\r\n")
            status = head.split(b" ")[1].decode()
            rows.append(f"{name}\t{pos}\t{len(rec)}\tresponse\t{url}\t{status}\t"
                        f"{hashlib.sha256(body).hexdigest()}")
        pos += len(rec)
    return rows


def main(out):
    plain = arc("handmade.arc")
    zipped = [gz(r) for r in arc("handmade.arc.gz")]
    with open(os.path.join(out, "handmade.arc"), "wb") as f:
        f.write(b"".join(plain))
    with open(os.path.join(out, "handmade.arc.gz"), "wb") as f:
        f.write(b"".join(zipped))
    with open(os.path.join(out, "arc-expected.tsv"), "w") as f:
        f.write("\n".join(arc_expected("handmade.arc", plain)
                          + arc_expected("handmade.arc.gz", zipped)) + "\n")

    src = open(os.path.join(out, "z-wget-first.warc.gz"), "rb").read()
    parts = members(src)
    # Damage the deflate data of the response for /chunked.html (the seventh record): the
    # member keeps its length, so every other record stays where it was.
    bad = bytearray(src)
    off, raw, _ = parts[6]
    for i in range(off + 40, off + 60):
        bad[i] ^= 0x5A
    with open(os.path.join(out, "bad-middle.warc.gz"), "wb") as f:
        f.write(bytes(bad))
    with open(os.path.join(out, "one-member.warc.gz"), "wb") as f:
        f.write(gz(b"".join(p[2] for p in parts)))

    odd = members(open(os.path.join(out, "warcio-odd.warc.gz"), "rb").read())
    records = [p[2] for p in odd]
    assert records[2].endswith(b"\r\n\r\n")
    records[2] = records[2][:-4]  # /liar.html loses its closing CRLF CRLF
    with open(os.path.join(out, "bad-ending.warc.gz"), "wb") as f:
        f.write(b"".join(gz(r) for r in records))


if __name__ == "__main__":
    main(sys.argv[1])
