//! Headless Chromium end to end: overview → divergence → statement in its
//! article, driven through chromedriver's WebDriver HTTP protocol with a
//! small client written here. Runs when chromedriver is installed
//! (`/usr/bin/chromedriver`, or the path in `BACKCHANNEL_CHROMEDRIVER`),
//! skips with a message otherwise.

mod common;

use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// One HTTP/1.1 request to chromedriver; returns the parsed JSON body.
fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(Duration::from_secs(90)))
        .map_err(|e| e.to_string())?;
    let payload = body.map(|b| b.to_string()).unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json; charset=utf-8\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{payload}",
        payload.len()
    );
    stream
        .write_all(request.as_bytes())
        .map_err(|e| e.to_string())?;
    // chromedriver keeps the connection open: read the head, then exactly the body.
    let mut raw = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    let split = loop {
        if let Some(at) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break at;
        }
        let n = stream.read(&mut buf).map_err(|e| e.to_string())?;
        if n == 0 {
            return Err("connection closed before the HTTP head ended".into());
        }
        raw.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&raw[..split]).to_lowercase();
    let mut body = raw[split + 4..].to_vec();
    let length = head.lines().find_map(|l| {
        let (name, value) = l.split_once(':')?;
        (name.trim() == "content-length").then(|| value.trim().parse::<usize>().ok())?
    });
    if let Some(length) = length {
        while body.len() < length {
            let n = stream.read(&mut buf).map_err(|e| e.to_string())?;
            if n == 0 {
                return Err("connection closed mid-body".into());
            }
            body.extend_from_slice(&buf[..n]);
        }
        body.truncate(length);
    } else if head.contains("transfer-encoding: chunked") {
        while !body.ends_with(b"0\r\n\r\n") {
            let n = stream.read(&mut buf).map_err(|e| e.to_string())?;
            if n == 0 {
                break;
            }
            body.extend_from_slice(&buf[..n]);
        }
        body = dechunk(&body)?;
    } else {
        stream.read_to_end(&mut body).map_err(|e| e.to_string())?;
    }
    serde_json::from_slice(&body).map_err(|e| format!("{e}: {}", String::from_utf8_lossy(&body)))
}

fn dechunk(mut data: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    loop {
        let line_end = data
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or("bad chunk")?;
        let size_text = String::from_utf8_lossy(&data[..line_end]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
            .map_err(|e| e.to_string())?;
        data = &data[line_end + 2..];
        if size == 0 {
            return Ok(out);
        }
        out.extend_from_slice(data.get(..size).ok_or("short chunk")?);
        data = data.get(size + 2..).ok_or("short chunk")?;
    }
}

fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for v in text.bytes().filter_map(value) {
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

/// A chromedriver process and one browser session, both ended on drop.
struct Browser {
    driver: Child,
    port: u16,
    session: String,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn start(chromedriver: &str) -> Browser {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let profile = tempfile::tempdir().unwrap();
        let mut browser = Browser {
            driver,
            port,
            session: String::new(),
            _profile: profile,
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while http(port, "GET", "/status", None)
            .map(|s| s["value"]["ready"] != true)
            .unwrap_or(true)
        {
            assert!(
                Instant::now() < deadline,
                "chromedriver did not become ready"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let mut args = vec![
            "--headless".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--disable-dev-shm-usage".into(),
            "--window-size=1400,1000".into(),
        ];
        args.push(format!(
            "--user-data-dir={}",
            browser._profile.path().display()
        ));
        let mut options = json!({ "args": args });
        if let Some(binary) = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
            .into_iter()
            .find(|p| std::path::Path::new(p).exists())
        {
            options["binary"] = json!(binary);
        }
        let caps = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome", "goog:chromeOptions": options } } });
        let reply = http(port, "POST", "/session", Some(&caps)).expect("new session");
        browser.session = reply["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {reply}"))
            .to_string();
        browser
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("/session/{}{path}", self.session);
        let reply =
            http(self.port, method, &url, body.as_ref()).unwrap_or_else(|e| panic!("{path}: {e}"));
        if reply["value"].get("error").is_some() {
            panic!("{method} {path}: {}", reply["value"]);
        }
        reply["value"].clone()
    }

    fn goto(&self, url: &str) {
        self.call("POST", "/url", Some(json!({ "url": url })));
    }

    fn url(&self) -> String {
        self.call("GET", "/url", None)
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    fn find(&self, css: &str) -> String {
        let el = self.call(
            "POST",
            "/element",
            Some(json!({ "using": "css selector", "value": css })),
        );
        el[ELEMENT_KEY]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}: {el}"))
            .to_string()
    }

    fn text(&self, element: &str) -> String {
        self.call("GET", &format!("/element/{element}/text"), None)
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    fn click(&self, element: &str) {
        self.call(
            "POST",
            &format!("/element/{element}/click"),
            Some(json!({})),
        );
    }

    fn script(&self, script: &str) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": [] })),
        )
    }

    fn screenshot(&self, path: &PathBuf) {
        let data = self.call("GET", "/screenshot", None);
        let png = base64_decode(data.as_str().unwrap_or(""));
        assert!(png.starts_with(b"\x89PNG"), "screenshot is not a PNG");
        std::fs::write(path, png).expect("write screenshot");
    }

    /// `[tag, id, text]` of the element the URL fragment targets.
    fn target(&self) -> Value {
        self.script(
            "const t = document.querySelector(':target');\
             return t ? [t.tagName, t.id, t.textContent, getComputedStyle(t).outlineStyle] : null;",
        )
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = http(
                self.port,
                "DELETE",
                &format!("/session/{}", self.session),
                None,
            );
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Serves the fixture database on 127.0.0.1:0 from a background thread.
fn start_server(db: PathBuf) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let port = listener.local_addr().unwrap().port();
    let state = backchannel_web::AppState::open(&db).expect("open db");
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            axum::serve(listener, backchannel_web::router(state))
                .await
                .unwrap();
        });
    });
    port
}

#[test]
fn browser_follows_divergence_to_highlighted_statement() {
    let chromedriver = std::env::var("BACKCHANNEL_CHROMEDRIVER")
        .unwrap_or_else(|_| "/usr/bin/chromedriver".into());
    if !std::path::Path::new(&chromedriver).exists() {
        eprintln!("skipping browser test: {chromedriver} not found (apt-get install chromium chromium-driver)");
        return;
    }
    let (_dir, db) = common::database();
    let port = start_server(db);
    let base = format!("http://127.0.0.1:{port}");
    let target_dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../target"));
    std::fs::create_dir_all(&target_dir).unwrap();
    let browser = Browser::start(&chromedriver);

    browser.goto(&format!("{base}/"));
    browser.screenshot(&target_dir.join("e2e-overview.png"));
    let link = browser.find("a.divergence");
    browser.click(&link);
    assert!(
        browser.url().ends_with("/divergence/1"),
        "{}",
        browser.url()
    );
    browser.screenshot(&target_dir.join("e2e-divergence.png"));

    // The private statement's card: its quote, then its link into the article.
    let quote = browser.text(&browser.find(".column.private .stmt blockquote"));
    assert_eq!(
        quote,
        "the government was quietly preparing to reopen the port within weeks"
    );
    let ctx = browser.find(".column.private .stmt a.ctx");
    browser.click(&ctx);
    assert!(
        browser.url().contains("/doc/ledger-101#s-ledger-101%232"),
        "{}",
        browser.url()
    );
    let target = browser.target();
    assert_eq!(target[0], "MARK", "{target}");
    assert_eq!(target[1], "s-ledger-101#2");
    assert_eq!(target[2].as_str().unwrap_or(""), quote);
    assert_eq!(target[3], "solid", "the targeted statement is emphasised");
    browser.screenshot(&target_dir.join("e2e-screenshot.png"));

    // An id with a slash, a space and the statement's '#' lands the same way.
    browser.goto(&format!("{base}/divergence/2"));
    browser.click(&browser.find(".column.private .stmt a.ctx"));
    let target = browser.target();
    assert_eq!(target[1], format!("s-{}#2", common::SPECIAL_ID), "{target}");
    assert!(target[2]
        .as_str()
        .unwrap_or("")
        .contains("accept a smaller quota"));

    // The other views render (screenshots for a reviewer's eye).
    for (path, name) in [
        ("/timeline", "e2e-timeline.png"),
        ("/search?q=port+OR+quota", "e2e-search.png"),
        ("/side/Meridia", "e2e-side.png"),
        ("/drift", "e2e-drift.png"),
    ] {
        browser.goto(&format!("{base}{path}"));
        let heading = browser.text(&browser.find("main h1"));
        assert!(
            !heading.is_empty() && !heading.contains("404"),
            "{path}: {heading}"
        );
        browser.screenshot(&target_dir.join(name));
    }

    // Markup in the data stays text: no script ran, no image element was made.
    browser.goto(&format!("{base}/doc/xss-1"));
    let injected =
        browser.script("return [document.querySelectorAll('script, img').length, document.title];");
    assert_eq!(injected[0], 0);
    assert!(injected[1]
        .as_str()
        .unwrap_or("")
        .starts_with("<script>alert('title')</script>"));
}
