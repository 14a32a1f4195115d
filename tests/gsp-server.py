#!/usr/bin/env python3
"""A Graph Store HTTP Protocol endpoint for tests/gsp.sh, with failures to order.

    gsp-server.py DIR [--fail-first N] [--fail GRAPH]... [--refuse GRAPH]...
                      [--forbid] [--long GRAPH]... [--auth USER:PASSWORD]

Listens on 127.0.0.1, on a free port that it writes to DIR/port.  Each PUT
?graph=IRI is logged to DIR/log ("PUT IRI STATUS") and answered:
503 to the first N requests (--fail-first) and to every request for a
--fail graph; 400 for a --refuse graph, and for a --long graph with a
message of 400 bytes of two-byte characters; 401 without the --auth
credentials (HTTP basic); 403 with an HTML page, as servlet containers
write one, to every request (--forbid); else 201, its body kept as DIR/graphs.nq, each line
of N-Triples given the graph as its fourth term (the last PUT of a graph
replaces the earlier ones).  Stops on SIGTERM.
"""
import argparse
import base64
import os
import signal
import sys
import urllib.parse
from http.server import BaseHTTPRequestHandler, HTTPServer


# A 403 page as a servlet container writes it: the message is the text of
# its body, not its first line.
FORBIDDEN_PAGE = """<!doctype html>
<html lang="en"><head><title>HTTP Status 403 – Forbidden</title>
<style type="text/css">body {font-family:Tahoma,Arial,sans-serif;}
h1 {font-size:22px;}</style></head>
<body><h1>HTTP Status 403 – Forbidden</h1><hr class="line" />
<p><b>Message</b> User &quot;newskg&quot; may not update
  this dataset &amp; its graphs</p></body></html>
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--fail-first", type=int, default=0)
    ap.add_argument("--fail", action="append", default=[])
    ap.add_argument("--refuse", action="append", default=[])
    ap.add_argument("--forbid", action="store_true")
    ap.add_argument("--long", action="append", default=[])
    ap.add_argument("--auth")
    args = ap.parse_args()
    graphs = {}
    state = {"requests": 0}
    log = open(os.path.join(args.dir, "log"), "a", buffering=1)

    def write_graphs():
        with open(os.path.join(args.dir, "graphs.nq"), "w") as f:
            for g, body in graphs.items():
                for line in body.decode("utf-8").splitlines():
                    f.write("%s <%s> .\n" % (line[:-2], g))

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as newskg expects

        def log_message(self, *a):
            pass

        def answer(self, status, text, graph, extra=(), type="text/plain"):
            log.write("%s %s %d\n" % (self.command, graph, status))
            body = text.encode()
            self.send_response(status)
            for k, v in extra:
                self.send_header(k, v)
            self.send_header("Content-Type", type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_PUT(self):
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
            graph = query.get("graph", [""])[0]
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            state["requests"] += 1
            if args.auth:
                want = "Basic " + base64.b64encode(args.auth.encode()).decode()
                if self.headers.get("Authorization") != want:
                    return self.answer(401, "who are you?\n", graph,
                                       [("WWW-Authenticate", 'Basic realm="t"')])
            if args.forbid:
                return self.answer(403, FORBIDDEN_PAGE, graph,
                                   type="text/html;charset=utf-8")
            if state["requests"] <= args.fail_first or graph in args.fail:
                return self.answer(503, "busy, try later\n", graph)
            if graph in args.long:
                return self.answer(400, "Déjà chargé " * 29 + "\n", graph)
            if graph in args.refuse:
                return self.answer(400, "bad graph\nsecond line\n", graph)
            if self.headers.get("Content-Type") != "application/n-triples":
                return self.answer(415, "want application/n-triples\n", graph)
            graphs[graph] = body
            write_graphs()
            self.answer(201, "", graph)

    server = HTTPServer(("127.0.0.1", 0), Handler)
    signal.signal(signal.SIGTERM, lambda *a: sys.exit(0))
    with open(os.path.join(args.dir, "port.tmp"), "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(os.path.join(args.dir, "port.tmp"), os.path.join(args.dir, "port"))
    server.serve_forever()


if __name__ == "__main__":
    main()
