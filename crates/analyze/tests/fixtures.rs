//! Rules on invented-country fixtures, with statements built by hand so the
//! analysis is tested apart from the extractor.

use backchannel_analyze::{analyze, annotate, pair, Config};
use backchannel_core::{
    Analysis, AnalyzedStatement, Channel, Document, Form, Span, Speaker, Statement,
};

/// A statement whose content and speaker are the first occurrences of the
/// given substrings in `text` (the speaker searched from `from`).
fn stmt(text: &str, content: &str, speaker: Option<&str>) -> Statement {
    stmt_after(text, content, speaker, 0)
}

fn stmt_after(text: &str, content: &str, speaker: Option<&str>, from: usize) -> Statement {
    let s = text[from..]
        .find(content)
        .map(|i| i + from)
        .unwrap_or_else(|| panic!("no {content:?}"));
    let span = Span::new(s, s + content.len());
    let speaker = speaker.map(|sp| {
        let at = text[from..]
            .find(sp)
            .map(|i| i + from)
            .unwrap_or_else(|| panic!("no {sp:?}"));
        Speaker {
            span: Span::new(at, at + sp.len()),
            name: sp.to_string(),
            antecedent: None,
        }
    });
    Statement {
        span,
        fragments: vec![span],
        form: Form::Indirect,
        cue: None,
        speaker,
    }
}

fn doc(id: &str, outlet: &str, text: &str) -> Document {
    Document {
        outlet: Some(outlet.to_string()),
        ..Document::from_text(id, text)
    }
}

fn find<'a>(a: &'a Analysis, content: &str) -> &'a AnalyzedStatement {
    a.statements
        .iter()
        .find(|s| s.text.contains(content))
        .unwrap_or_else(|| panic!("no statement {content:?}"))
}

#[test]
fn sides_from_possessive_demonym_apposition_and_memory() {
    let t = "Drevania's defence ministry said the exercise was routine. \
A Drevanian official said the drills would end soon. \
Ilse Kostany, Kessalia's foreign minister, said the border was calm. \
Later Kostany said talks would resume. \
The Kremlin said it was watching. \
The Velgrad Herald reported that the army had moved.";
    let st = vec![
        stmt(
            t,
            "the exercise was routine",
            Some("Drevania's defence ministry"),
        ),
        stmt(t, "the drills would end soon", Some("A Drevanian official")),
        stmt(t, "the border was calm", Some("Ilse Kostany")),
        stmt_after(
            t,
            "talks would resume",
            Some("Kostany"),
            t.find("Later").unwrap_or(0),
        ),
        stmt(t, "it was watching", Some("The Kremlin")),
        stmt(t, "the army had moved", Some("The Velgrad Herald")),
    ];
    let a = annotate(&doc("d1", "Test Wire", t), &st, &Config::default());
    let sides: Vec<Option<&str>> = a.iter().map(|s| s.side.as_deref()).collect();
    assert_eq!(
        sides,
        [
            Some("Drevania"),
            Some("Drevania"),
            Some("Kessalia"),
            Some("Kessalia"),
            Some("Russia"),
            None
        ]
    );
    let anon = a[1].speaker.as_ref().map(|s| (s.anonymous, s.official));
    assert_eq!(anon, Some((true, true)));
    let kostany = a[2].speaker.as_ref().map(|s| (s.anonymous, s.official));
    assert_eq!(kostany, Some((false, true)));
}

#[test]
fn untitled_leader_takes_the_side_the_text_ties_to_them_but_a_commentator_gets_none() {
    let t = "Talks on the Sarn dam stalled again this week. \
The Drevanian foreign ministry said no date had been set. \
Ousting Malk would not end the dispute, critics in Drevania say. \
Malk has refused to release water from Drevania's reservoirs since March. \
Behind closed doors, the mood was different. \
Negotiators met in a lakeside villa. \
The final word came from elsewhere. \
\"Not one promise made to Drevania has been kept,\" Malk said. \
\"The dam is a symbol,\" said Ona Brell. Brell said Kessalia and Drevania both erred.";
    let st = vec![
        stmt_after(
            t,
            "Not one promise made to Drevania has been kept",
            Some("Malk"),
            t.find("\"Not one").unwrap_or(0),
        ),
        stmt(t, "The dam is a symbol", Some("Ona Brell")),
        stmt_after(
            t,
            "Kessalia and Drevania both erred",
            Some("Brell"),
            t.find("Brell said").unwrap_or(0),
        ),
    ];
    let a = analyze(&[doc("d1", "Test Wire", t)], vec![st], &Config::default()).statements;
    let malk = find_in(&a, "Not one promise");
    assert_eq!(
        malk.side.as_deref(),
        Some("Drevania"),
        "{:?}",
        malk.evidence
    );
    assert!(
        malk.evidence.iter().any(|e| e.rule == "side-from-mentions"),
        "{:?}",
        malk.evidence
    );
    // Three sentences back, the closed-door framing no longer outweighs a
    // named leader's own words.
    assert_eq!(malk.channel, Channel::Public);
    // Only ever quoted, never written about: no side from mentions.
    assert_eq!(find_in(&a, "The dam is a symbol").side, None);
}

fn find_in<'a>(a: &'a [AnalyzedStatement], content: &str) -> &'a AnalyzedStatement {
    a.iter()
        .find(|s| s.text.contains(content))
        .unwrap_or_else(|| panic!("no statement {content:?}"))
}

#[test]
fn demonym_normalises_to_the_country_seen_elsewhere_in_the_corpus() {
    let t1 = "Talks with Ostravia stalled. A senior Ostravian diplomat said the offer stood.";
    let t2 = "Ostravia's cabinet met on Monday and said the offer was withdrawn.";
    let docs = [doc("a", "Wire", t1), doc("b", "Wire", t2)];
    let st = vec![
        vec![stmt(
            t1,
            "the offer stood",
            Some("A senior Ostravian diplomat"),
        )],
        vec![stmt(
            t2,
            "the offer was withdrawn",
            Some("Ostravia's cabinet"),
        )],
    ];
    let a = analyze(&docs, st, &Config::default());
    assert_eq!(
        find(&a, "the offer stood").side.as_deref(),
        Some("Ostravia")
    );
    assert_eq!(
        find(&a, "the offer was withdrawn").side.as_deref(),
        Some("Ostravia")
    );
}

#[test]
fn channel_evidence_points_into_the_text() {
    let t =
        "A Drevanian official, who spoke on condition of anonymity, said the mine deal was close. \
Foreign Minister Anna Drell of Drevania told reporters the mine deal was off. \
Drell told colleagues privately that she regretted it.\n\nThe weather was fine.";
    let st = vec![
        stmt(t, "the mine deal was close", Some("A Drevanian official")),
        stmt(
            t,
            "the mine deal was off",
            Some("Foreign Minister Anna Drell"),
        ),
        stmt(t, "she regretted it", Some("Drell")),
        stmt(t, "The weather was fine", None),
    ];
    let a = annotate(&doc("d", "Wire", t), &st, &Config::default());
    assert_eq!(a[0].channel, Channel::Private);
    let anon = a[0]
        .evidence
        .iter()
        .find(|e| e.rule == "anonymous-source")
        .unwrap_or_else(|| panic!("{:?}", a[0].evidence));
    assert_eq!(
        anon.span.map(|s| s.slice(t)),
        Some("on condition of anonymity")
    );
    assert_eq!(a[1].channel, Channel::Public);
    assert!(
        a[1].evidence.iter().any(|e| e.phrase == "told reporters"),
        "{:?}",
        a[1].evidence
    );
    assert_eq!(a[2].channel, Channel::Private);
    assert!(
        a[2].evidence
            .iter()
            .any(|e| e.rule == "second-hand" || e.rule == "closed-meeting"),
        "{:?}",
        a[2].evidence
    );
    assert_eq!(a[3].channel, Channel::Unknown);
    assert!(a[3].evidence.is_empty());
}

/// A story with one real divergence and the decoys that must not be one.
fn dam_story() -> (Vec<Document>, Vec<Vec<Statement>>) {
    let t1 = "VELGRAD (Test Wire) - Drevania is prepared to share the reservoir water with Kessalia, \
a senior Drevanian official said on condition of anonymity.\n\n\
Drevanian Foreign Minister Anna Drell told reporters that Drevania refused to share the reservoir water.\n\n\
A second Drevanian official, speaking on condition of anonymity, said Drevania would not pay the fishing levy.\n\n\
Drell told parliament that Drevania would not pay the fishing levy.\n\n\
Kessalian Prime Minister Oto Varn told reporters that Kessalia was prepared to pay the fishing levy.\n\n\
Former foreign minister Piet Halm, now an opposition leader, told reporters that Drevania was prepared to share the reservoir water.\n\n\
A third Drevanian official, who asked not to be named, said the new railway tunnel could open next spring.";
    let st1 = vec![
        stmt(
            t1,
            "Drevania is prepared to share the reservoir water with Kessalia",
            Some("a senior Drevanian official"),
        ),
        stmt(
            t1,
            "Drevania refused to share the reservoir water",
            Some("Drevanian Foreign Minister Anna Drell"),
        ),
        stmt(
            t1,
            "Drevania would not pay the fishing levy",
            Some("A second Drevanian official"),
        ),
        stmt_after(
            t1,
            "Drevania would not pay the fishing levy",
            Some("Drell"),
            t1.find("Drell told parliament").unwrap_or(0),
        ),
        stmt(
            t1,
            "Kessalia was prepared to pay the fishing levy",
            Some("Kessalian Prime Minister Oto Varn"),
        ),
        stmt(
            t1,
            "Drevania was prepared to share the reservoir water",
            Some("Former foreign minister Piet Halm"),
        ),
        stmt(
            t1,
            "the new railway tunnel could open next spring",
            Some("A third Drevanian official"),
        ),
    ];
    (vec![doc("dam", "Test Wire", t1)], vec![st1])
}

#[test]
fn divergence_found_and_decoys_rejected() {
    let (docs, st) = dam_story();
    let a = analyze(&docs, st, &Config::default());
    let private_water = find(&a, "Drevania is prepared to share").id.clone();
    let public_water = find(&a, "Drevania refused to share").id.clone();
    assert_eq!(
        find(&a, "Drevania is prepared to share").channel,
        Channel::Private
    );
    assert_eq!(
        find(&a, "Drevania refused to share").channel,
        Channel::Public
    );
    let d = a
        .divergences
        .iter()
        .find(|d| d.private.contains(&private_water))
        .unwrap_or_else(|| panic!("no divergence: {:#?}", a.divergences));
    assert_eq!(d.side, "Drevania");
    assert!(d.public.contains(&public_water));
    assert!(d.signals.iter().any(|s| s.kind == "willingness-vs-refusal"));
    assert!(
        d.explanation.contains("prepared to") && d.explanation.contains("refused"),
        "{}",
        d.explanation
    );
    // Decoys: agreement (levy), another side (Kessalia), a former official on
    // the record (Halm), another topic (tunnel).
    let levy_private = find(&a, "Drevania would not pay the fishing levy")
        .id
        .clone();
    let kessalia = find(&a, "Kessalia was prepared").id.clone();
    let halm = find(&a, "Drevania was prepared to share").id.clone();
    let tunnel = find(&a, "railway tunnel").id.clone();
    for d in &a.divergences {
        assert!(
            !d.private.contains(&levy_private),
            "agreement reported: {d:#?}"
        );
        assert!(
            !d.public.contains(&kessalia) && !d.private.contains(&kessalia),
            "other side: {d:#?}"
        );
        assert!(
            !d.public.contains(&halm) && !d.private.contains(&halm),
            "former official: {d:#?}"
        );
        assert!(!d.private.contains(&tunnel), "other topic: {d:#?}");
    }
    assert!(find(&a, "Drevania was prepared to share")
        .speaker
        .as_ref()
        .is_some_and(|s| s.former));
    // The tunnel is only discussed in private.
    assert!(
        a.private_only
            .iter()
            .any(|p| p.side == "Drevania" && p.private.contains(&tunnel)),
        "{:#?}",
        a.private_only
    );
    // pair() on the annotated statements gives the same result.
    let (again, _) = pair(&a.statements, &Config::default());
    assert_eq!(again, a.divergences);
}

#[test]
fn seeded_topics_take_precedence() {
    let (docs, st) = dam_story();
    let mut cfg = Config::default();
    cfg.add_topics_toml(
        "[[topic]]\nname = \"water sharing\"\nterms = [\"reservoir\", \"water\"]\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let a = analyze(&docs, st, &cfg);
    assert_eq!(
        a.topics.first().map(|t| (t.name.as_str(), t.seeded)),
        Some(("water sharing", true))
    );
    assert_eq!(
        find(&a, "Drevania refused to share")
            .topics
            .first()
            .map(String::as_str),
        Some("water sharing")
    );
    assert!(a.divergences.iter().any(|d| d.topic == "water sharing"));
    assert!(cfg
        .add_topics_toml("[[topic]]\nname = \"x\"\nterms = []\n")
        .is_err());
    assert!(cfg.add_topics_toml("[[topic]]\nname = ").is_err());
}

#[test]
fn drift_across_outlets_and_inside_a_contrast() {
    let t1 = "The ministry said the envoy was \"ready to discuss a phased withdrawal of the border guards\" on Friday.";
    let t2 = "According to the ministry, the envoy was “ready to consider a phased withdrawal of the border guards” on Friday.";
    let t3 = "The Velgrad Herald report replaces the original Test Wire description of \"senior envoys close to the palace\" with \"high-ranking members of the palace.\"";
    let docs = [
        doc("w1", "Test Wire", t1),
        doc("w2", "Velgrad Herald", t2),
        doc("w3", "Column", t3),
    ];
    let a = analyze(
        &docs,
        vec![Vec::new(), Vec::new(), Vec::new()],
        &Config::default(),
    );
    let cross = a
        .drift
        .iter()
        .find(|d| d.a.document != d.b.document)
        .unwrap_or_else(|| panic!("{:#?}", a.drift));
    assert_eq!(
        cross.diff,
        "ready to [-discuss-] {+consider+} a phased withdrawal of the border guards"
    );
    assert!(cross.similarity > 0.8 && cross.similarity < 1.0);
    assert_eq!(
        (cross.a.outlet.as_deref(), cross.b.outlet.as_deref()),
        (Some("Test Wire"), Some("Velgrad Herald"))
    );
    let inner = a
        .drift
        .iter()
        .find(|d| d.a.document == 2 && d.b.document == 2)
        .unwrap_or_else(|| panic!("{:#?}", a.drift));
    assert_eq!(inner.a.text, "senior envoys close to the palace");
    assert_eq!(inner.b.text, "high-ranking members of the palace.");
    assert_eq!(inner.a.outlet.as_deref(), Some("Test Wire"));
    assert_eq!(inner.b.outlet.as_deref(), Some("Velgrad Herald"));
}

#[test]
fn actors_file_sets_sides_and_outlets() {
    let dir = std::env::temp_dir().join(format!("bc-actors-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join("actors.toml");
    std::fs::write(
        &path,
        "[[actor]]\nname = \"Mara Quill\"\naliases = [\"Quill\"]\nside = \"Ostravia\"\nofficial = true\n\n[[actor]]\nname = \"The Lantern\"\noutlet = true\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let cfg = Config::default()
        .with_actors_file(&path)
        .unwrap_or_else(|e| panic!("{e}"));
    let t = "Quill said the port would stay open. The Lantern said the port was closing.";
    let st = [
        stmt(t, "the port would stay open", Some("Quill")),
        stmt(t, "the port was closing", Some("The Lantern")),
    ];
    let a = annotate(&Document::from_text("x", t), &st, &cfg);
    assert_eq!(a[0].side.as_deref(), Some("Ostravia"));
    assert!(a[0].speaker.as_ref().is_some_and(|s| s.official));
    assert_eq!(a[1].side, None);
    assert!(Config::default()
        .with_actors_file(dir.join("missing.toml"))
        .is_err());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_spans_do_not_panic() {
    let t = "Short text é.";
    let bad = Statement {
        span: Span::new(5, 500),
        fragments: vec![],
        form: Form::Direct,
        cue: None,
        speaker: Some(Speaker {
            span: Span::new(11, 12),
            name: "x".into(),
            antecedent: None,
        }),
    };
    let a = analyze(
        &[Document::from_text("b", t)],
        vec![vec![bad]],
        &Config::default(),
    );
    assert_eq!(a.statements.len(), 1);
    assert_eq!(a.statements[0].channel, Channel::Unknown);
}

#[test]
fn a_leading_article_is_not_part_of_a_discovered_organisation() {
    let d = doc(
        "council",
        "Meridian Wire",
        "A Varn Basin Council report said the reservoir was half empty. The Varn Basin Council meets in May.",
    );
    let names: Vec<String> = backchannel_analyze::discover_sides(&d, &Config::default())
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert!(
        names.contains(&"Varn Basin Council".to_string()),
        "{names:?}"
    );
    assert!(!names.iter().any(|n| n.starts_with("A ")), "{names:?}");
}

#[test]
fn a_shared_nationality_names_the_country_it_belongs_to() {
    let text = "An American official said the talks would resume in March.";
    let d = Document::from_text("american", text);
    let st = [stmt(
        text,
        "the talks would resume in March",
        Some("An American official"),
    )];
    let a = annotate(&d, &st, &Config::default());
    assert_eq!(a[0].side.as_deref(), Some("United States"));
}

fn discovered(id: &str, text: &str) -> Vec<backchannel_analyze::DiscoveredSide> {
    backchannel_analyze::discover_sides(&doc(id, "Meridian Wire", text), &Config::default())
}

#[test]
fn a_person_with_a_possessive_is_not_a_side() {
    // `Halloran's team` looks like `Drevania's team`, but the text names
    // him `Senator Halloran` and calls him `he`.
    let found = discovered(
        "halloran",
        "Senator Halloran said he would vote against the bill. Halloran's team said \
         the vote was close. Halloran told reporters he was confident.",
    );
    assert!(
        found.iter().all(|s| s.name != "Halloran" || s.rejected),
        "{found:?}"
    );
    let country = discovered(
        "drevania",
        "Drevania's government said it would pay. Drevania has never missed a payment.",
    );
    assert!(
        country.iter().any(|s| s.name == "Drevania" && !s.rejected),
        "{country:?}"
    );
}

#[test]
fn corpus_sides_keep_a_name_more_documents_read_as_a_side() {
    let side = |name: &str, rejected: bool| backchannel_analyze::DiscoveredSide {
        name: name.into(),
        organisation: false,
        demonyms: Vec::new(),
        rejected,
        documents: 1,
    };
    let sides = backchannel_analyze::corpus_sides(vec![
        side("Halloran", false),
        side("Halloran", true),
        side("Halloran", true),
        side("Drevania", false),
        side("Drevania", false),
        side("Drevania", true),
    ]);
    let names: Vec<(&str, usize)> = sides
        .iter()
        .map(|s| (s.name.as_str(), s.documents))
        .collect();
    assert_eq!(names, vec![("Drevania", 2)]);
}

#[test]
fn it_after_a_sentence_about_a_memo_speaks_as_the_memo() {
    let text = "Drevania's finance ministry has said publicly that it will repay the loan. \
                The ministry memo goes further than any public statement. \
                It proposes selling the state's stake in the national railway.";
    let d = Document::from_text("memo", text);
    let st = [
        stmt(
            text,
            "it will repay the loan",
            Some("Drevania's finance ministry"),
        ),
        stmt(
            text,
            "selling the state's stake in the national railway",
            Some("It"),
        ),
    ];
    let a = annotate(&d, &st, &Config::default());
    assert_eq!(a[0].channel, Channel::Public);
    assert_eq!(a[1].channel, Channel::Private, "{:?}", a[1].evidence);
}

#[test]
fn an_attribution_inside_a_source_phrase_is_not_a_position() {
    // `diplomats briefed on that meeting` is who the source is: its
    // `briefed` is no statement of the diplomats.
    let text = "According to diplomats briefed on that meeting, Kessalia's envoy \
                told ministers that a restructuring might be considered in June.";
    let d = Document::from_text("nested", text);
    let at = |needle: &str| {
        let s = text.find(needle).unwrap_or_else(|| panic!("no {needle:?}"));
        Span::new(s, s + needle.len())
    };
    let outer = Statement {
        cue: Some(at("According to")),
        ..stmt(
            text,
            "a restructuring might be considered in June",
            Some("diplomats briefed on that meeting"),
        )
    };
    let nested = Statement {
        cue: Some(at("briefed on")),
        ..stmt(text, "that meeting", Some("diplomats"))
    };
    let a = annotate(&d, &[outer, nested], &Config::default());
    let texts: Vec<&str> = a.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, ["a restructuring might be considered in June"]);
    assert_eq!(a[0].id, "nested#1");
}

#[test]
fn a_source_described_by_what_it_knows_is_the_whole_phrase() {
    // The extractor may hand over only `the talks` as the source of
    // `a Drevanian official familiar with the talks ... said`.
    let text = "Drevania will not sign the treaty, its president said. \
                But a Drevanian official familiar with the talks, who spoke on \
                condition of anonymity, said the government was ready to sign.";
    let d = Document::from_text("described", text);
    let st = [stmt_after(
        text,
        "the government was ready to sign",
        Some("the talks, who spoke on condition of anonymity,"),
        60,
    )];
    let a = annotate(&d, &st, &Config::default());
    let speaker = a[0]
        .speaker
        .as_ref()
        .unwrap_or_else(|| panic!("no speaker"));
    assert_eq!(speaker.name, "a Drevanian official familiar with the talks");
    assert!(speaker.anonymous);
    assert_eq!(a[0].side.as_deref(), Some("Drevania"));
    assert_eq!(a[0].channel, Channel::Private);
}

#[test]
fn speakers_are_named_as_the_people_the_story_introduced() {
    let text = "Kessalian Defence Minister Mattias Orlen denied the report on Monday. \
                The committee's chair, Marit Enge of the Harbour Party, said she would decide on Thursday. \
                Kessalia's government spokesman, Jurek Hallam, said there were no secret offers. \
                A Tavrenian diplomat who attended the sessions said the talks were technical. \
                Orlen said the report was false. \
                The diplomat said the lease was never discussed.";
    let d = Document::from_text("names", text);
    let st = [
        stmt(
            text,
            "she would decide on Thursday",
            Some("The committee's chair, Marit Enge of the Harbour Party,"),
        ),
        stmt(
            text,
            "there were no secret offers",
            Some("Kessalia's government spokesman"),
        ),
        stmt(text, "the report was false", Some("Orlen")),
        stmt(text, "the lease was never discussed", Some("The diplomat")),
    ];
    let a = annotate(&d, &st, &Config::default());
    let names: Vec<&str> = a
        .iter()
        .map(|s| s.speaker.as_ref().map_or("", |sp| sp.name.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            "Marit Enge",
            "Jurek Hallam",
            "Mattias Orlen",
            "Tavrenian diplomat"
        ]
    );
    // The surname keeps the side its full mention gave.
    assert_eq!(a[2].side.as_deref(), Some("Kessalia"));
}

#[test]
fn a_pronoun_follows_the_person_named_since_the_last_speaker() {
    // The extractor linked `she` to the last speaker (the former diplomat);
    // the foreign minister named in between, who said nothing quotable
    // herself, is nearer.
    let text = "A former Corvanian diplomat said the engineers could read the gauges. \
                Asked in parliament, Corvania's Foreign Minister Talia Brenner was blunt. \
                \"No inspector will set foot in the control room,\" she said. \
                Later Finance Minister Ruben Castell appeared alongside Brenner. \
                He said the budget was ready.";
    let d = Document::from_text("pronoun", text);
    let diplomat = "A former Corvanian diplomat";
    let she_at = text.find("she said").unwrap_or_else(|| panic!("no she"));
    let he_at = text.find("He said").unwrap_or_else(|| panic!("no He"));
    let mut she = stmt(text, "No inspector will set foot in the control room", None);
    she.speaker = Some(Speaker {
        span: Span::new(she_at, she_at + 3),
        name: diplomat.to_string(),
        antecedent: Some(Span::new(0, diplomat.len())),
    });
    let mut he = stmt(text, "the budget was ready", None);
    he.speaker = Some(Speaker {
        span: Span::new(he_at, he_at + 2),
        name: "he".to_string(),
        antecedent: None,
    });
    let st = [
        stmt(text, "the engineers could read the gauges", Some(diplomat)),
        she,
        he,
    ];
    let a = annotate(&d, &st, &Config::default());
    let name = |i: usize| a[i].speaker.as_ref().map_or("", |sp| sp.name.as_str());
    assert_eq!(name(1), "Talia Brenner");
    assert_eq!(a[1].side.as_deref(), Some("Corvania"));
    assert_eq!(a[1].channel, Channel::Public);
    // `Brenner` is a `she` now, so `He` is the man named with her.
    assert_eq!(name(2), "Ruben Castell");
}

#[test]
fn a_leaked_document_speaks_privately_and_a_minister_asked_about_it_publicly() {
    let text = "Sorvaine's finance ministry drafted a memo in January. \
                The memo goes further than any public document on the debt. \
                It proposes selling the state airline. \
                Asked about the leaked memo, Prime Minister Helena Marsk said the sale was not planned.";
    let d = Document::from_text("memo", text);
    let it_at = text.find("It proposes").unwrap_or_else(|| panic!("no It"));
    let mut proposes = stmt(text, "selling the state airline", None);
    proposes.speaker = Some(Speaker {
        span: Span::new(it_at, it_at + 2),
        name: "It".to_string(),
        antecedent: None,
    });
    let st = [
        proposes,
        stmt(
            text,
            "the sale was not planned",
            Some("Prime Minister Helena Marsk"),
        ),
    ];
    let a = annotate(&d, &st, &Config::default());
    let memo = a[0]
        .speaker
        .as_ref()
        .unwrap_or_else(|| panic!("no speaker"));
    assert_eq!(memo.name, "The memo");
    assert_eq!(a[0].channel, Channel::Private);
    assert_eq!(a[1].channel, Channel::Public);
}

#[test]
fn the_commission_and_a_cable_speak_for_who_they_belong_to() {
    let text = "Kessalia asked the Sarn Basin Commission to order a slower timetable. \
                Ines Kaldera, the commission's chair, said she would put a compromise to both governments. \
                A cable, sent from Halvoria's embassy in Dorvask, said the talks had gone well.";
    let d = Document::from_text("bodies", text);
    let st = [
        stmt(
            text,
            "she would put a compromise to both governments",
            Some("Ines Kaldera, the commission's chair,"),
        ),
        stmt(
            text,
            "the talks had gone well",
            Some("A cable, sent from Halvoria's embassy in Dorvask,"),
        ),
    ];
    let a = annotate(&d, &st, &Config::default());
    assert_eq!(a[0].side.as_deref(), Some("Sarn Basin Commission"));
    assert_eq!(a[1].side.as_deref(), Some("Halvoria"));
}

#[test]
fn an_administration_named_after_its_president_speaks_for_the_country() {
    // `Halloran` ends like a demonym, but the text names her as a person.
    let text =
        "Drevania's president, Ilse Halloran, told parliament the border would stay closed. \
                The Halloran administration said it would not reopen talks with Kessalia.";
    let d = Document::from_text("administration", text);
    let st = [stmt(
        text,
        "it would not reopen talks with Kessalia",
        Some("The Halloran administration"),
    )];
    let a = annotate(&d, &st, &Config::default());
    assert_eq!(a[0].side.as_deref(), Some("Drevania"));
}

#[test]
fn a_surname_another_story_made_a_side_is_a_person_where_the_text_introduces_them() {
    // One story reads `Castell's team` as a side; the other introduces
    // Finance Minister Ruben Castell of Sorvaine.
    let a_text = "Castell's team said the budget was balanced.";
    let b_text = "Sorvaine's finance minister, Ruben Castell, spoke on Monday. \
                  The Castell administration said the payment would be made.";
    let docs = [
        doc("a", "Calder Ledger", a_text),
        doc("b", "Calder Ledger", b_text),
    ];
    let statements = vec![
        vec![stmt(
            a_text,
            "the budget was balanced",
            Some("Castell's team"),
        )],
        vec![stmt(
            b_text,
            "the payment would be made",
            Some("The Castell administration"),
        )],
    ];
    let analysis = analyze(&docs, statements, &Config::default());
    assert_eq!(
        find(&analysis, "the payment would be made").side.as_deref(),
        Some("Sorvaine")
    );
}

/// A column setting an insider's private account against the public line.
const COLUMN: &str = "Behind closed doors, Ostravia tells a different story.\n\n\
A retired Ostravian diplomat who took part in the meetings told the Halden Courier that the two sides met every week.\n\n\
The Ostravian foreign ministry insists that it will never negotiate over the Tesk Valley.\n\n\
The retired diplomat went further. He said that Ostravia \"could live with\" a neutral valley if Belmark withdrew its troops.\n\n\
An Ostravian official who spoke on condition of anonymity said the sanctions on Belmark had failed.\n\n\
In public, Finance Minister Tomas Reiner insists that the sanctions are working.\n\n\
Belmark, for its part, has been more consistent. Its president, Aldo Ferrant, said that his country \"will not withdraw a single soldier\" from the ridge.\n\n\
The official Ostravian line blames Belmark alone for the collapse of the ceasefire. \
Yet the retired diplomat acknowledged that \"both governments share the responsibility for what happened in March.\"";

fn column_statements() -> Vec<Statement> {
    let t = COLUMN;
    let with_cue = |mut s: Statement, cue: &str| {
        let at = t.find(cue).unwrap_or_else(|| panic!("no {cue:?}"));
        s.cue = Some(Span::new(at, at + cue.len()));
        s
    };
    vec![
        with_cue(
            stmt(
                t,
                "that it will never negotiate over the Tesk Valley",
                Some("The Ostravian foreign ministry"),
            ),
            "insists",
        ),
        stmt(
            t,
            "that Ostravia \"could live with\" a neutral valley if Belmark withdrew its troops",
            Some("He"),
        ),
        stmt(
            t,
            "the sanctions on Belmark had failed",
            Some("An Ostravian official who spoke on condition of anonymity"),
        ),
        stmt(
            t,
            "that the sanctions are working",
            Some("Finance Minister Tomas Reiner"),
        ),
        stmt(
            t,
            "that his country \"will not withdraw a single soldier\" from the ridge",
            Some("Its president, Aldo Ferrant,"),
        ),
        with_cue(
            stmt(
                t,
                "Belmark alone for the collapse of the ceasefire",
                Some("The official Ostravian line"),
            ),
            "blames",
        ),
        with_cue(
            stmt_after(
                t,
                "that \"both governments share the responsibility for what happened in March.\"",
                Some("the retired diplomat"),
                t.find("Yet").unwrap_or(0),
            ),
            "acknowledged",
        ),
    ]
}

#[test]
fn a_pronoun_after_a_sentence_about_a_described_person_is_that_person() {
    let d = Document::from_text("column", COLUMN);
    let a = annotate(&d, &column_statements(), &Config::default());
    // `The retired diplomat went further. He said ...`: the diplomat, an
    // unnamed Ostravian insider, not the ministry quoted before.
    assert_eq!(a[1].channel, Channel::Private);
    assert_eq!(a[1].side.as_deref(), Some("Ostravia"));
    // `Its president` after `Belmark, for its part,`: Belmark's, known only
    // from the demonym-free text and `Belmark withdrew its troops`.
    assert_eq!(a[4].side.as_deref(), Some("Belmark"));
    // The official line is on the record.
    assert_eq!(a[5].channel, Channel::Public);
    assert!(a[5].evidence.iter().any(|e| e.rule == "stated-line"));
}

#[test]
fn a_column_pairs_each_private_account_with_the_public_line_it_contradicts() {
    let docs = [doc("column", "Halden Courier", COLUMN)];
    let analysis = analyze(&docs, vec![column_statements()], &Config::default());
    let topic_of = |side: &str, private: &str| {
        analysis
            .divergences
            .iter()
            .find(|d| {
                d.side == side
                    && d.private
                        .iter()
                        .any(|id| find(&analysis, private).id == *id)
            })
            .map(|d| d.topic.clone())
    };
    // `blames` and `responsibility` meet in one topic through the concept
    // they share.
    assert_eq!(
        topic_of("Ostravia", "both governments share").as_deref(),
        Some("blame")
    );
    assert_eq!(
        topic_of("Ostravia", "the sanctions on Belmark had failed").as_deref(),
        Some("sanctions")
    );
    assert!(topic_of("Ostravia", "could live with").is_some());
    // Belmark says the same in public throughout: nothing to report.
    assert!(analysis.divergences.iter().all(|d| d.side != "Belmark"));
    // A word said only as a modifier (`a single soldier`) names no topic.
    assert!(analysis.topics.iter().all(|t| t.name != "single"));
}

#[test]
fn another_statements_sourcing_does_not_decide_this_ones_channel() {
    let t = "The Marovian government has said little in public. \
             Marovia has privately asked Delsk to cut the price of its gas, according to three \
             people familiar with the negotiations, even as its energy minister insists the \
             current contract is fair. Another person briefed on the talks said Marovia was ready \
             to sign a ten-year deal.";
    let d = Document::from_text("gas", t);
    let mut reported = stmt(
        t,
        "Marovia has privately asked Delsk to cut the price of its gas",
        Some("three people familiar with the negotiations"),
    );
    let at = t.find("according to").unwrap_or(0);
    reported.cue = Some(Span::new(at, at + "according to".len()));
    let st = [
        reported,
        stmt(
            t,
            "the current contract is fair",
            Some("its energy minister"),
        ),
        stmt(
            t,
            "Marovia was ready to sign a ten-year deal",
            Some("Another person briefed on the talks"),
        ),
    ];
    let a = annotate(&d, &st, &Config::default());
    assert_eq!(a[0].channel, Channel::Private);
    // `its` is the subject's, Marovia's, not the object's; the anonymous
    // sourcing and `privately` belong to the other statement.
    assert_eq!(a[1].side.as_deref(), Some("Marovia"));
    assert_eq!(a[1].channel, Channel::Public);
    // An unnamed source with no side of its own reports Marovia's position.
    assert_eq!(a[2].side.as_deref(), Some("Marovia"));
    assert_eq!(a[2].channel, Channel::Private);
}
