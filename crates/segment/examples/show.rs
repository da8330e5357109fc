//! Prints the sentences of stdin, one a line, with their paragraph numbers:
//! `cargo run -p backchannel-segment --example show < article.txt`.

use std::io::Read;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut text = String::new();
    if let Err(error) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("show: cannot read stdin as UTF-8 text: {error}");
        return ExitCode::FAILURE;
    }
    let seg = backchannel_segment::segment(&text);
    for s in &seg.sentences {
        println!("[{}] {:?}", s.paragraph, &text[s.span.range()]);
    }
    ExitCode::SUCCESS
}
