#!/usr/bin/env python3
"""Loads a page in headless Chromium through the DevTools protocol (over a pipe: no
WebSocket library needed) and reports what a person's browser would show:

  report_browser.py CHROMIUM PAGE OUT_PREFIX

- every console error, uncaught exception, log error ("Failed to load resource") and failed
  request, printed on stderr; the exit status is 1 when there is any;
- OUT_PREFIX-1280.png: a screenshot of the whole page at 1280 px wide;
- OUT_PREFIX.pdf: the page printed as the print CSS says (A4);
- OUT_PREFIX.txt: the page's text as the browser lays it out (document.body.innerText).

Every host resolves to nothing, so a page that fetches anything from the network fails.
"""
import base64, json, os, subprocess, sys, tempfile, time

chromium, page, prefix = sys.argv[1], sys.argv[2], sys.argv[3]
profile = tempfile.mkdtemp(prefix="impact-report-browser.")
to_browser_read, to_browser_write = os.pipe()
from_browser_read, from_browser_write = os.pipe()

def child_setup():
    # The browser reads commands on fd 3 and writes on fd 4; os.pipe() descriptors close on
    # exec, so they are copied out of the way first, then into place, inheritable.
    read_copy = os.dup(to_browser_read)
    write_copy = os.dup(from_browser_write)
    os.dup2(read_copy, 3, inheritable=True)
    os.dup2(write_copy, 4, inheritable=True)

process = subprocess.Popen(
    [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
     f"--user-data-dir={profile}", "--remote-debugging-pipe", "--host-resolver-rules=MAP * ~NOTFOUND",
     "about:blank"],
    preexec_fn=child_setup, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    close_fds=False)
os.close(to_browser_read)
os.close(from_browser_write)
writer = os.fdopen(to_browser_write, "wb", buffering=0)
reader = os.fdopen(from_browser_read, "rb", buffering=0)
buffer = b""
next_id = 0
events = []
deadline = time.monotonic() + 90

def read_message():
    global buffer
    while b"\0" not in buffer:
        if time.monotonic() > deadline:
            raise TimeoutError("the browser did not answer within 90 s")
        chunk = reader.read(65536)
        if not chunk:
            raise EOFError("the browser closed its pipe")
        buffer += chunk
    message, buffer = buffer.split(b"\0", 1)
    return json.loads(message)

def call(method, params=None, session=None):
    global next_id
    next_id += 1
    message = {"id": next_id, "method": method, "params": params or {}}
    if session:
        message["sessionId"] = session
    writer.write(json.dumps(message).encode() + b"\0")
    while True:
        answer = read_message()
        if answer.get("id") == next_id:
            if "error" in answer:
                raise RuntimeError(f"{method}: {answer['error']}")
            return answer.get("result", {})
        events.append(answer)

def wait_for(method, session, seconds=30):
    end = time.monotonic() + seconds
    for event in events:
        if event.get("method") == method and event.get("sessionId") == session:
            return
    while time.monotonic() < end:
        event = read_message()
        events.append(event)
        if event.get("method") == method and event.get("sessionId") == session:
            return
    raise TimeoutError(f"no {method} within {seconds} s")

problems = []
try:
    target = call("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for domain in ["Page", "Runtime", "Log", "Network"]:
        call(f"{domain}.enable", session=session)
    call("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session)
    url = "file://" + os.path.abspath(page)
    call("Page.navigate", {"url": url}, session)
    wait_for("Page.loadEventFired", session)
    text = call("Runtime.evaluate", {"expression": "document.body.innerText", "returnByValue": True}, session)["result"]["value"]
    open(prefix + ".txt", "w", encoding="utf-8").write(text)
    metrics = call("Page.getLayoutMetrics", session=session)
    height = int(metrics["cssContentSize"]["height"])
    shot = call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": 1280, "height": min(height, 16000), "scale": 1}}, session)
    open(prefix + "-1280.png", "wb").write(base64.b64decode(shot["data"]))
    pdf = call("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True, "displayHeaderFooter": False}, session)
    open(prefix + ".pdf", "wb").write(base64.b64decode(pdf["data"]))
    # Drain what arrived while printing.
    call("Runtime.evaluate", {"expression": "1"}, session)
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert", "warning"):
            problems.append("console " + params["type"] + ": " + " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            problems.append("exception: " + params["exceptionDetails"].get("text", "") + " " + str(params["exceptionDetails"].get("exception", {}).get("description", "")))
        elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
            problems.append("log " + params["entry"]["level"] + ": " + params["entry"]["text"] + " " + params["entry"].get("url", ""))
        elif method == "Network.loadingFailed":
            problems.append("failed request: " + params.get("errorText", "") + " " + params.get("requestId", ""))
finally:
    try:
        call("Browser.close")
    except Exception:
        pass
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    subprocess.run(["rm", "-rf", profile])

for problem in problems:
    print(f"{os.path.basename(page)}: {problem}", file=sys.stderr)
sys.exit(1 if problems else 0)
