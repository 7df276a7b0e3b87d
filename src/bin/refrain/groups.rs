//! The two groups of `refrain contrast`: from files (`--a`, `--b`, the rest) or from metadata
//! (`--by`), with the corpus they are groups of.

use crate::args::{By, ContrastArgs};
use crate::input::read_inputs;
use crate::Failure;
use refrain::{Corpus, Options, Statement};
use std::collections::HashMap;
use std::path::PathBuf;

/// A corpus and two groups of its statements, by id, with their labels.
pub struct Groups {
    pub corpus: Corpus,
    pub a: Vec<String>,
    pub b: Vec<String>,
    pub label_a: String,
    pub label_b: String,
}

/// The label of the rest of the statements.
const REST: &str = "the rest";

/// The groups the command line asks for.
pub fn groups(options: Options, args: &ContrastArgs) -> Result<Groups, Failure> {
    match &args.by {
        Some(by) => from_metadata(options, by, &args.inputs),
        None => from_files(options, args),
    }
}

/// A: the statements of `--a`; B: those of `--b`, or else the rest of the inputs. A file named
/// twice (by the same path or another) is one statement, in the group that names it.
fn from_files(options: Options, args: &ContrastArgs) -> Result<Groups, Failure> {
    let mut corpus = Corpus::new(options);
    // Which group each file is in, by its canonical path: 1 for A, 2 for B, 0 for neither.
    let mut seen: HashMap<PathBuf, u8> = HashMap::new();
    let (mut a, mut b) = (Vec::new(), Vec::new());
    let b_is_rest = args.b.is_empty();
    for (inputs, mark) in [(&args.a, 1u8), (&args.b, 2), (&args.inputs, 0)] {
        for statement in read_inputs(inputs)? {
            let key = std::fs::canonicalize(&statement.id).unwrap_or_else(|_| PathBuf::from(&statement.id));
            match seen.get(&key) {
                Some(&other) if mark == 2 && other == 1 => {
                    return Err(Failure::usage(format!("{} is given both in --a and in --b", statement.id)));
                }
                Some(_) => continue,
                None => {}
            }
            seen.insert(key, mark);
            match mark {
                1 => a.push(statement.id.clone()),
                2 => b.push(statement.id.clone()),
                _ if b_is_rest => b.push(statement.id.clone()),
                _ => {}
            }
            add(&mut corpus, statement)?;
        }
    }
    if b.is_empty() {
        return Err(Failure::input("group B is empty: every statement given is in group A (--a)"));
    }
    let label_b = if b_is_rest { REST.to_string() } else { label_of_inputs(&args.b) };
    Ok(Groups { corpus, a, b, label_a: label_of_inputs(&args.a), label_b })
}

/// A: the statements `by.a` selects; B: those `by.b` selects, or else the rest.
fn from_metadata(options: Options, by: &By, inputs: &[String]) -> Result<Groups, Failure> {
    let mut corpus = Corpus::new(options);
    for statement in read_inputs(inputs)? {
        add(&mut corpus, statement)?;
    }
    let none = |selector: &dyn std::fmt::Display| {
        Failure::input(format!("no statement matches {selector} (of {} statements read)", corpus.len()))
    };
    let a = corpus.select(Some(&by.a), &[]);
    if a.is_empty() {
        return Err(none(&by.a));
    }
    let (b, label_b) = match &by.b {
        Some(selector) => {
            let b = corpus.select(Some(selector), &[]);
            if b.is_empty() {
                return Err(none(selector));
            }
            (b, selector.to_string())
        }
        None => {
            let rest = corpus.select(None, &[&by.a]);
            if rest.is_empty() {
                return Err(Failure::input(format!(
                    "every statement matches {}: no statement is left for group B",
                    by.a
                )));
            }
            (rest, REST.to_string())
        }
    };
    Ok(Groups { a, b, label_a: by.a.to_string(), label_b, corpus })
}

fn add(corpus: &mut Corpus, statement: Statement) -> Result<(), Failure> {
    corpus.add(statement).map_err(|e| Failure::engine(&e))
}

/// A group's label from the files and folders that make it: up to three, then how many more.
fn label_of_inputs(inputs: &[String]) -> String {
    if inputs.len() <= 3 {
        inputs.join(", ")
    } else {
        format!("{}, {}, {} and {} more", inputs[0], inputs[1], inputs[2], inputs.len() - 3)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_name_up_to_three_inputs() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(label_of_inputs(&s(&["a.txt"])), "a.txt");
        assert_eq!(label_of_inputs(&s(&["a", "b", "c"])), "a, b, c");
        assert_eq!(label_of_inputs(&s(&["a", "b", "c", "d", "e"])), "a, b, c and 2 more");
    }
}
