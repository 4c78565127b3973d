#!/usr/bin/env python3
"""A contract fake of an SMS gateway for the SMS connector's tests, on a loopback port.

Two dialects share one store of messages:

* Twilio's Programmable Messaging REST API (2010-04-01), as its public documentation describes
  it: POST /2010-04-01/Accounts/{AccountSid}/Messages.json (form-encoded To, From, Body; HTTP
  Basic auth with the account SID and auth token; 201 with the Message resource, status
  "queued"), GET .../Messages/{Sid}.json, GET .../Messages.json filtered by To, From and
  DateSent>= (a GMT day), newest first, paged with next_page_uri. Errors are JSON objects
  {code, message, more_info, status}: 20003 (401, authenticate), 20404 (404), 20429 (429 with
  Retry-After), 21211 (invalid 'To' number), 21602 (body required), 21610 (unsubscribed
  recipient), 21617 (body too long). Dates are RFC 2822 in GMT.
* "rest": a small generic JSON API (bearer token) that the configurable adapter is tested
  against: POST /rest/v1/sms {recipient, sender, message} -> 202 {"data": {"id"}},
  GET /rest/v1/sms/{id} -> {"data": {"id", "state", "reason"}},
  GET /rest/v1/inbox?after=N -> {"messages": [...], "cursor": "M"}; errors
  {"error": {"code", "text"}}.

The test drives it through /_fake/...: set the clock, add inbound messages, change a message's
status, block a number, and inject faults (rate limiting, 5xx, dropped connections before or
after a message is created). GET /_fake/state shows every message and how many API requests
came in.

Started as `fake_sms_gateway.py ACCOUNT_SID AUTH_TOKEN REST_TOKEN`; it binds 127.0.0.1 on a free
port and prints "PORT <n>" on its first line of standard output.
"""
import base64
import email.utils
import json
import re
import secrets
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlparse

ACCOUNT_SID, AUTH_TOKEN, REST_TOKEN = sys.argv[1], sys.argv[2], sys.argv[3]
E164 = re.compile(r"^\+[1-9][0-9]{6,14}$")
LOCK = threading.Lock()
STATE = {
    "now": None,  # epoch seconds set by the test; None: the real clock
    "messages": [],  # oldest first
    "blocked": set(),
    "faults": {"rate_limit": 0, "retry_after": 30, "fail": 0, "fail_status": 503,
               "drop_before": 0, "drop_after": 0},
    "api_requests": 0,
}


def now():
    return STATE["now"] if STATE["now"] is not None else time.time()


def rfc2822(epoch):
    return email.utils.formatdate(epoch, usegmt=False).replace("-0000", "+0000")


def iso(epoch):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))


def gmt_day(epoch):
    return time.strftime("%Y-%m-%d", time.gmtime(epoch))


def twilio_resource(m):
    return {
        "sid": m["sid"], "account_sid": ACCOUNT_SID, "api_version": "2010-04-01",
        "to": m["to"], "from": m["from"], "body": m["body"], "status": m["status"],
        "direction": m["direction"], "num_segments": "1",
        "date_created": rfc2822(m["created"]),
        "date_updated": rfc2822(m["updated"]),
        "date_sent": rfc2822(m["sent"]) if m["sent"] is not None else None,
        "error_code": m["error_code"], "error_message": m["error_message"],
        "uri": f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages/{m['sid']}.json",
    }


def new_message(to, frm, body, direction, status):
    t = now()
    m = {"sid": "SM" + secrets.token_hex(16), "to": to, "from": frm, "body": body,
         "direction": direction, "status": status, "created": t, "updated": t,
         "sent": t if direction == "inbound" else None, "error_code": None,
         "error_message": None}
    STATE["messages"].append(m)
    return m


REST_STATES = {"queued": "ACCEPTED", "sending": "ACCEPTED", "sent": "SENT",
               "delivered": "DELIVERED", "undelivered": "FAILED", "failed": "FAILED"}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet: the test's output is what matters
        pass

    # --- plumbing ---------------------------------------------------------------------------
    def body_bytes(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def send_json(self, status, obj, headers=None):
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def twilio_error(self, status, code, message, headers=None):
        self.send_json(status, {"code": code, "message": message,
                                "more_info": f"https://www.twilio.com/docs/errors/{code}",
                                "status": status}, headers)

    def rest_error(self, status, code, text, headers=None):
        self.send_json(status, {"error": {"code": code, "text": text}}, headers)

    def drop(self):
        # The connection closes without an answer, as a crashed proxy or a cut line would.
        self.close_connection = True
        try:
            self.connection.shutdown(2)
        except OSError:
            pass

    # A fault injected by the test, applied to the next API requests; True when answered.
    def fault(self, rest):
        f = STATE["faults"]
        if f["rate_limit"] > 0:
            f["rate_limit"] -= 1
            headers = {"Retry-After": str(f["retry_after"])}
            if rest:
                self.rest_error(429, "RATE_LIMITED", "Too many requests", headers)
            else:
                self.twilio_error(429, 20429, "Too Many Requests", headers)
            return True
        if f["fail"] > 0:
            f["fail"] -= 1
            data = b"<html><body>Service Unavailable</body></html>"
            self.send_response(f["fail_status"])
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return True
        return False

    # Faults of message creation: the connection closes before or after the message is made.
    def drop_before_create(self):
        f = STATE["faults"]
        if f["drop_before"] > 0:
            f["drop_before"] -= 1
            self.drop()
            return True
        return False

    def drop_after_create(self):
        f = STATE["faults"]
        if f["drop_after"] > 0:
            f["drop_after"] -= 1
            self.drop()
            return True
        return False

    # --- routing ----------------------------------------------------------------------------
    def do_GET(self):
        with LOCK:
            self.route("GET")

    def do_POST(self):
        with LOCK:
            self.route("POST")

    def route(self, method):
        url = urlparse(self.path)
        path = url.path
        body = self.body_bytes() if method == "POST" else b""
        if path.startswith("/_fake/"):
            return self.control(method, path, body)
        STATE["api_requests"] += 1
        if path.startswith("/rest/v1/"):
            return self.rest(method, path, parse_qs(url.query), body)
        prefix = f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages"
        if not path.startswith("/2010-04-01/Accounts/"):
            return self.twilio_error(404, 20404, "The requested resource was not found")
        if not self.twilio_authorised():
            return self.twilio_error(401, 20003, "Authenticate")
        if self.fault(rest=False):
            return None
        query = parse_qs(url.query)
        if method == "POST" and path == prefix + ".json":
            return self.twilio_create(parse_qs(body.decode()))
        if method == "GET" and path == prefix + ".json":
            return self.twilio_list(query)
        match = re.fullmatch(re.escape(prefix) + r"/(SM[0-9a-f]{32})\.json", path)
        if method == "GET" and match:
            for m in STATE["messages"]:
                if m["sid"] == match.group(1):
                    return self.send_json(200, twilio_resource(m))
        return self.twilio_error(404, 20404,
                                 f"The requested resource {path} was not found")

    def twilio_authorised(self):
        header = self.headers.get("Authorization", "")
        if not header.startswith("Basic "):
            return False
        try:
            user, _, password = base64.b64decode(header[6:]).decode().partition(":")
        except ValueError:
            return False
        return user == ACCOUNT_SID and password == AUTH_TOKEN

    def twilio_create(self, form):
        to = (form.get("To") or [""])[0]
        frm = (form.get("From") or [""])[0]
        text = (form.get("Body") or [""])[0]
        if not E164.match(to):
            return self.twilio_error(400, 21211, f"The 'To' number {to} is not a valid phone number.")
        if not text:
            return self.twilio_error(400, 21602, "Message body is required.")
        if len(text) > 1600:
            return self.twilio_error(400, 21617, "The concatenated message body exceeds the 1600 character limit.")
        if to in STATE["blocked"]:
            return self.twilio_error(400, 21610, "Attempt to send to unsubscribed recipient")
        if self.drop_before_create():
            return None
        m = new_message(to, frm, text, "outbound-api", "queued")
        if self.drop_after_create():
            return None
        return self.send_json(201, twilio_resource(m))

    def twilio_list(self, query):
        def first(name):
            return (query.get(name) or [None])[0]
        rows = list(reversed(STATE["messages"]))  # newest first
        if first("To"):
            rows = [m for m in rows if m["to"] == first("To")]
        if first("From"):
            rows = [m for m in rows if m["from"] == first("From")]
        if first("DateSent>"):
            rows = [m for m in rows if m["sent"] is not None and gmt_day(m["sent"]) >= first("DateSent>")]
        size = int(first("PageSize") or 50)
        page = int(first("Page") or 0)
        chunk = rows[page * size:(page + 1) * size]
        next_uri = None
        if (page + 1) * size < len(rows):
            params = {k: v[0] for k, v in query.items()}
            params.update({"Page": str(page + 1), "PageToken": f"PA{page + 1}"})
            next_uri = (f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json?" + urlencode(params))
        return self.send_json(200, {"messages": [twilio_resource(m) for m in chunk],
                                    "page": page, "page_size": size,
                                    "next_page_uri": next_uri,
                                    "uri": self.path})

    # --- the generic dialect ----------------------------------------------------------------
    def rest(self, method, path, query, body):
        if self.headers.get("Authorization", "") != f"Bearer {REST_TOKEN}":
            return self.rest_error(401, "UNAUTHORIZED", "Invalid token")
        if self.fault(rest=True):
            return None
        if method == "POST" and path == "/rest/v1/sms":
            try:
                req = json.loads(body)
            except ValueError:
                return self.rest_error(400, "BAD_JSON", "The body is not JSON")
            to, text = req.get("recipient", ""), req.get("message", "")
            if not E164.match(to):
                return self.rest_error(400, "INVALID_RECIPIENT", f"{to} is not a valid number")
            if to in STATE["blocked"]:
                return self.rest_error(400, "BLOCKED", "The recipient has opted out")
            if self.drop_before_create():
                return None
            m = new_message(to, req.get("sender", ""), text, "outbound-api", "queued")
            if self.drop_after_create():
                return None
            return self.send_json(202, {"data": {"id": m["sid"]}})
        match = re.fullmatch(r"/rest/v1/sms/(SM[0-9a-f]{32})", path)
        if method == "GET" and match:
            for m in STATE["messages"]:
                if m["sid"] == match.group(1):
                    return self.send_json(200, {"data": {
                        "id": m["sid"], "state": REST_STATES.get(m["status"], "ACCEPTED"),
                        "reason": m["error_message"]}})
            return self.rest_error(404, "NOT_FOUND", "No such message")
        if method == "GET" and path == "/rest/v1/inbox":
            after = int((query.get("after") or ["0"])[0] or 0)
            inbound = [(i + 1, m) for i, m in enumerate(STATE["messages"])
                       if m["direction"] == "inbound" and i + 1 > after]
            cursor = str(inbound[-1][0]) if inbound else str(after)
            return self.send_json(200, {"messages": [
                {"id": m["sid"], "msisdn": m["from"], "recipient": m["to"], "text": m["body"],
                 "received": iso(m["created"])} for _, m in inbound], "cursor": cursor})
        return self.rest_error(404, "NOT_FOUND", "No such resource")

    # --- control --------------------------------------------------------------------------
    def control(self, method, path, body):
        req = json.loads(body) if body else {}
        if path == "/_fake/clock":
            STATE["now"] = req["now"]
            return self.send_json(200, {})
        if path == "/_fake/inbound":
            m = new_message(req["to"], req["from"], req["body"], "inbound", "received")
            return self.send_json(200, {"sid": m["sid"]})
        if path == "/_fake/status":
            for m in STATE["messages"]:
                if m["sid"] == req["sid"]:
                    m["status"] = req["status"]
                    m["updated"] = now()
                    if req["status"] in ("sent", "delivered", "undelivered") and m["sent"] is None:
                        m["sent"] = now()
                    m["error_code"] = req.get("error_code")
                    m["error_message"] = req.get("error_message")
                    return self.send_json(200, {})
            return self.send_json(404, {})
        if path == "/_fake/block":
            STATE["blocked"].add(req["number"])
            return self.send_json(200, {})
        if path == "/_fake/faults":
            STATE["faults"].update(req)
            return self.send_json(200, {})
        if path == "/_fake/state":
            return self.send_json(200, {"api_requests": STATE["api_requests"],
                                        "messages": [twilio_resource(m) for m in STATE["messages"]]})
        return self.send_json(404, {})


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a dropped connection is a fault the test asked for


def main():
    server = Server(("127.0.0.1", 0), Handler)
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
