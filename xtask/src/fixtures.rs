//! Vendor data the tests read but the repository does not hold.
//!
//! - tccli metadata: `../shared/reference/tccli` when present, else the pinned `tccli` wheel
//!   from PyPI, unpacked once into `.cache/tccli/<service>-<version>/` (the same layout).
//! - Alibaba API meta and the signing vectors: from `../shared` when present (the repository
//!   carries its own small Alibaba fixture and a copy of `signing.json`).

use std::path::PathBuf;
use std::process::Command;

use crate::cmd::{self, root};

pub const TCCLI_VERSION: &str = "3.1.189.1";
/// `(service, API version)` pairs the importer tests cover.
pub const TCCLI_SERVICES: [(&str, &str); 4] =
    [("ms", "2018-04-08"), ("hai", "2023-08-12"), ("postgres", "2017-03-12"), ("cvm", "2017-03-12")];

pub struct Fixtures {
    pub tccli_dir: PathBuf,
    pub alibaba_meta_dir: Option<PathBuf>,
    pub extra_vectors: Option<PathBuf>,
}

impl Fixtures {
    /// The environment the Rust and Node tests read.
    pub fn env(&self) -> Vec<(&'static str, String)> {
        let mut env = vec![("CLOUDPLAY_TCCLI_DIR", self.tccli_dir.display().to_string())];
        if let Some(d) = &self.alibaba_meta_dir {
            env.push(("CLOUDPLAY_ALIBABA_META_DIR", d.display().to_string()));
        }
        if let Some(v) = &self.extra_vectors {
            env.push(("CLOUDPLAY_EXTRA_VECTORS", v.display().to_string()));
        }
        env
    }

    pub fn print(&self) {
        for (k, v) in self.env() {
            println!("{k}={v}");
        }
    }
}

pub fn locate() -> Result<Fixtures, String> {
    let shared = root().join("../shared");
    let existing = |p: PathBuf| p.exists().then(|| p.canonicalize().unwrap_or(p));
    let tccli_dir = match std::env::var_os("CLOUDPLAY_TCCLI_DIR") {
        Some(d) => PathBuf::from(d),
        None => match existing(shared.join("reference/tccli")) {
            Some(d) => d,
            None => fetch_tccli()?,
        },
    };
    Ok(Fixtures {
        tccli_dir,
        alibaba_meta_dir: std::env::var_os("CLOUDPLAY_ALIBABA_META_DIR")
            .map(PathBuf::from)
            .or_else(|| existing(shared.join("reference/alibaba/aliyun-openapi-meta"))),
        extra_vectors: existing(shared.join("vectors/signing.json")),
    })
}

fn fetch_tccli() -> Result<PathBuf, String> {
    let dir = root().join(".cache/tccli");
    let done = dir.join(format!(".complete-{TCCLI_VERSION}"));
    if done.exists() {
        return Ok(dir);
    }
    let wheels = root().join(".cache/wheels");
    let spec = format!("tccli=={TCCLI_VERSION}");
    cmd::run(
        Command::new("python3")
            .args(["-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--dest"])
            .arg(&wheels)
            .arg(&spec),
    )?;
    // Unpack only the four services' metadata, renaming v20230812 → <service>-2023-08-12.
    let script = r#"
import sys, zipfile, pathlib, glob
wheel = sorted(glob.glob(sys.argv[1] + "/tccli-" + sys.argv[2] + "-*.whl"))[-1]
out = pathlib.Path(sys.argv[3])
with zipfile.ZipFile(wheel) as z:
    for pair in sys.argv[4:]:
        svc, ver = pair.split("=")
        for name in ("api.json", "examples.json"):
            src = "tccli/services/%s/v%s/%s" % (svc, ver.replace("-", ""), name)
            dst = out / ("%s-%s" % (svc, ver)) / name
            dst.parent.mkdir(parents=True, exist_ok=True)
            dst.write_bytes(z.read(src))
"#;
    let mut c = Command::new("python3");
    c.arg("-c").arg(script).arg(&wheels).arg(TCCLI_VERSION).arg(&dir);
    for (svc, ver) in TCCLI_SERVICES {
        c.arg(format!("{svc}={ver}"));
    }
    cmd::run(&mut c)?;
    std::fs::write(&done, TCCLI_VERSION).map_err(|e| e.to_string())?;
    Ok(dir)
}
