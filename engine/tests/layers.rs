//! The engine's modules form layers with no import cycle (issue 17): each top-level module may
//! import only the modules below it. The order is the README's ("Repository layout", the
//! `engine/src/` block), so this test also keeps that block true.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Bottom layer first. Modules on one line are one layer (they may not import each other either).
const LAYERS: &[&[&str]] = &[
    &["gofmt", "sort", "float_text", "float_parse"],
    &["api"],
    &["validation"],
    &["manifest"],
    &["placement"],
    &["state"],
    &["controller"],
    &["cluster"],
    &["query"],
    &["script"],
    &["kubectl"],
    &["sim"],
    &["expect"],
    &["command"],
    &["runner"],
    &["lesson"],
    &["suite"],
    &["fuzzing", "bench"],
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The top-level module a file belongs to (`None` for lib.rs and the binaries).
fn module_of(rel: &Path) -> Option<String> {
    let first = rel.components().next()?.as_os_str().to_str()?.to_string();
    let name = first.strip_suffix(".rs").unwrap_or(&first).to_string();
    (name != "lib" && name != "bin").then_some(name)
}

/// Files compiled only for tests: those declared `#[cfg(test)] mod x;` by their parent.
fn test_only_files(root: &Path) -> BTreeSet<PathBuf> {
    let mut out = BTreeSet::new();
    for file in rust_files(root) {
        let text = fs::read_to_string(&file).unwrap();
        let dir = if file.ends_with("mod.rs") || file.ends_with("lib.rs") {
            file.parent().unwrap().to_path_buf()
        } else {
            file.with_extension("")
        };
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for pair in lines.windows(2) {
            if pair[0] == "#[cfg(test)]"
                && let Some(name) = pair[1]
                    .strip_prefix("mod ")
                    .or_else(|| pair[1].strip_prefix("pub(crate) mod "))
                    .and_then(|r| r.strip_suffix(';'))
            {
                out.insert(dir.join(format!("{name}.rs")));
                out.insert(dir.join(name).join("mod.rs"));
            }
        }
    }
    out
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// The `crate::X` modules a file's non-test code names (comments and the trailing
/// `#[cfg(test)]` module left out).
fn imports(text: &str) -> BTreeSet<String> {
    let code = match text.find("#[cfg(test)]\nmod tests {") {
        Some(i) => &text[..i],
        None => text,
    };
    let mut out = BTreeSet::new();
    for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
        let mut rest = line;
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

#[test]
fn every_module_imports_only_lower_layers() {
    let layer: BTreeMap<&str, usize> = LAYERS
        .iter()
        .enumerate()
        .flat_map(|(i, mods)| mods.iter().map(move |m| (*m, i)))
        .collect();
    let root = src();
    let skip = test_only_files(&root);
    let mut wrong = Vec::new();
    for file in rust_files(&root) {
        let rel = file.strip_prefix(&root).unwrap().to_path_buf();
        let Some(module) = module_of(&rel) else {
            continue;
        };
        if skip.contains(&file) || module == "testutil" {
            continue;
        }
        let Some(&mine) = layer.get(module.as_str()) else {
            wrong.push(format!("{}: module {module} is in no layer", rel.display()));
            continue;
        };
        for used in imports(&fs::read_to_string(&file).unwrap()) {
            if used == module {
                continue;
            }
            match layer.get(used.as_str()) {
                Some(&theirs) if theirs < mine => {}
                Some(_) => wrong.push(format!("{}: {module} imports {used}", rel.display())),
                None => wrong.push(format!("{}: crate::{used} is in no layer", rel.display())),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

/// The README's `engine/src/` block lists the modules in the same order.
#[test]
fn the_readme_lists_the_layers_in_order() {
    let readme =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md")).unwrap();
    let start = readme
        .find("\nengine/src/")
        .expect("the README's engine/src/ block");
    let block = &readme[start..start + readme[start..].find("```").unwrap()];
    let listed: Vec<String> = block
        .lines()
        .filter_map(|l| l.strip_prefix("  ")) // entries are indented two spaces
        .filter(|l| !l.starts_with(' '))
        .flat_map(|l| {
            let names = l.split("  ").next().unwrap_or("");
            names
                .split(", ")
                .map(|n| {
                    n.trim()
                        .trim_end_matches(".rs")
                        .trim_end_matches('/')
                        .to_string()
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let expected: Vec<String> = LAYERS
        .iter()
        .flat_map(|l| l.iter().map(|m| m.to_string()))
        .collect();
    let listed: Vec<String> = listed
        .into_iter()
        .filter(|n| expected.contains(n))
        .collect();
    assert_eq!(listed, expected, "README order");
}
