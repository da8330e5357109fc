//! Prints the statements extracted from the text on standard input, one a
//! line: `form [speaker => name] cue=<cue> content=<content>`.

use std::io::Read;

fn main() -> std::io::Result<()> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let doc = backchannel_core::Document::from_text("stdin", text);
    for st in backchannel_extract::extract(&doc) {
        let t = &doc.text;
        let speaker = st
            .speaker
            .as_ref()
            .map(|s| format!("{} => {}", s.span.slice(t), s.name))
            .unwrap_or_default();
        let frags: Vec<&str> = st.fragments.iter().map(|f| f.slice(t)).collect();
        println!(
            "{} [{}] cue=<{}> content=<{}>",
            st.form.as_str(),
            speaker,
            st.cue.map(|c| c.slice(t)).unwrap_or(""),
            frags.join(" … ")
        );
    }
    Ok(())
}
