//! `mdbook-daemonset`, as mdBook calls a preprocessor: `supports RENDERER` (only `html` shows
//! embeds), else `[context, book]` as JSON on stdin and the book on stdout.

use std::io::Read;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("supports") {
        return if args.get(1).map(String::as_str) == Some("html") {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
    }
    let mut input = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("mdbook-daemonset: cannot read mdBook's input: {e}");
        return ExitCode::FAILURE;
    }
    match mdbook_daemonset::run(&input) {
        Ok(book) => {
            println!("{book}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("mdbook-daemonset: {e}");
            ExitCode::FAILURE
        }
    }
}
