"""A tiny local stand-in for AWS and the presigned ResponseURL, for the cold-start benchmark only.

Answers every PUT (the CloudFormation response) with 200 and every DELETE (MediaPackage DeleteOriginEndpoint)
with 202 and an empty JSON object. Binds 127.0.0.1 on a free port and writes the port to the file it is given.
"""
import http.server
import sys


class Handler(http.server.BaseHTTPRequestHandler):
    def _answer(self, status):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        body = b"{}"
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_PUT(self):
        self._answer(200)

    def do_DELETE(self):
        self._answer(202)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(sys.argv[1], "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
