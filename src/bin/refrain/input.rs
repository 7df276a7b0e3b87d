//! Reading the statements: files and directories as given, `.json` sidecars. Messages name
//! files and byte offsets, never the text.

use crate::Failure;
use refrain::Statement;
use std::io;
use std::path::{Path, PathBuf};

/// Reads every statement named on the command line, in order: the files as given, each
/// directory's in sorted order. The files are read in parallel; the error reported is the
/// first in that order, whichever thread met it.
pub fn read_inputs(inputs: &[String]) -> Result<Vec<Statement>, Failure> {
    let mut files = Vec::new();
    for input in inputs {
        let path = Path::new(input);
        let meta =
            std::fs::metadata(path).map_err(|e| Failure::input(format!("cannot read {input}: {}", io_reason(&e))))?;
        if meta.is_dir() {
            let start = files.len();
            walk(path, &mut files)?;
            if files.len() == start {
                return Err(Failure::input(format!("{input} holds no .txt file")));
            }
            files[start..].sort();
        } else {
            files.push(path.to_path_buf());
        }
    }
    // In parallel natively; the command line has no threads to use where the library's tests
    // build it for WebAssembly (rayon is a native dependency only).
    #[cfg(not(target_arch = "wasm32"))]
    let read: Vec<Result<Statement, Failure>> = {
        use rayon::prelude::*;
        files.par_iter().map(|f| read_statement(f)).collect()
    };
    #[cfg(target_arch = "wasm32")]
    let read: Vec<Result<Statement, Failure>> = files.iter().map(|f| read_statement(f)).collect();
    read.into_iter().collect()
}

/// Collects the `.txt` files under `dir`, recursively; hidden entries and symbolic links to
/// directories are skipped (no cycles).
fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), Failure> {
    let unreadable =
        |e: io::Error| Failure::input(format!("cannot read directory {}: {}", dir.display(), io_reason(&e)));
    for entry in std::fs::read_dir(dir).map_err(unreadable)? {
        let entry = entry.map_err(unreadable)?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let kind = entry
            .file_type()
            .map_err(|e| Failure::input(format!("cannot read {}: {}", path.display(), io_reason(&e))))?;
        if kind.is_dir() {
            walk(&path, files)?;
        } else if is_txt(&path) && (kind.is_file() || (kind.is_symlink() && path.is_file())) {
            files.push(path);
        }
    }
    Ok(())
}

fn is_txt(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// One file as a statement (its id the path as given), with its sidecar's metadata if any.
pub fn read_statement(path: &Path) -> Result<Statement, Failure> {
    let id = path.to_string_lossy().into_owned();
    let bytes = std::fs::read(path).map_err(|e| Failure::input(format!("cannot read {id}: {}", io_reason(&e))))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let err = e.utf8_error();
        let offset = err.valid_up_to();
        let what = match err.error_len() {
            Some(n) => format!("an invalid sequence of {n} byte{}", if n == 1 { "" } else { "s" }),
            None => "a sequence cut short at the end of the file".to_string(),
        };
        Failure::input(format!("{id} is not valid UTF-8: {what} at byte offset {offset}"))
    })?;
    let mut statement = Statement::new(id, text);
    if is_txt(path) {
        let sidecar = path.with_extension("json");
        if sidecar.is_file() {
            read_sidecar(&sidecar, &mut statement)?;
        }
    }
    Ok(statement)
}

/// Reads title, speaker, date and language from a sidecar; other keys are ignored.
fn read_sidecar(path: &Path, statement: &mut Statement) -> Result<(), Failure> {
    let name = path.to_string_lossy();
    let bytes =
        std::fs::read(path).map_err(|e| Failure::input(format!("cannot read sidecar {name}: {}", io_reason(&e))))?;
    let value: serde_json::Value = serde_json::from_slice(&bytes)
        .map_err(|e| Failure::input(format!("sidecar {name} is not valid JSON: {}", json_reason(&e))))?;
    let serde_json::Value::Object(map) = value else {
        return Err(Failure::input(format!("sidecar {name} must hold a JSON object")));
    };
    let field = |key: &str| -> Result<Option<String>, Failure> {
        match map.get(key) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
            Some(serde_json::Value::Number(n)) => Ok(Some(n.to_string())),
            Some(_) => Err(Failure::input(format!("sidecar {name}: \"{key}\" must be a string"))),
        }
    };
    statement.title = field("title")?;
    statement.speaker = field("speaker")?;
    statement.date = field("date")?;
    statement.language = field("language")?;
    Ok(())
}

/// serde_json's message names the line and column; syntax messages never quote the input.
fn json_reason(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Syntax | Category::Eof => e.to_string(),
        _ => format!("invalid content at line {} column {}", e.line(), e.column()),
    }
}
