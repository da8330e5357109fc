//! Stories written after the rules were tuned on the sample corpus (invented
//! countries, people and quotes), run through extract + analyze: a column
//! setting an insider's account against the public line, and two reports on
//! gas talks and on a reservoir offer from two outlets each, and a bloc
//! member held to the bloc's line.

use backchannel_analyze::{analyze, Analysis, Config};
use backchannel_core::{AnalyzedStatement, Channel, Document};

mod common;

fn run(docs: Vec<Document>) -> Analysis {
    let statements = docs.iter().map(backchannel_extract::extract).collect();
    let a = analyze(&docs, statements, &Config::default());
    common::assert_distinct_topics(&a);
    a
}

/// The shortest statement containing `content` (not one reporting it).
fn statement<'a>(a: &'a Analysis, content: &str) -> &'a AnalyzedStatement {
    a.statements
        .iter()
        .filter(|s| s.text.contains(content))
        .min_by_key(|s| s.text.len())
        .unwrap_or_else(|| panic!("no statement {content:?}"))
}

/// The signal kinds of the divergence of `side` whose private line says
/// `private`.
fn signals(a: &Analysis, side: &str, private: &str) -> Option<String> {
    let id = &statement(a, private).id;
    a.divergences
        .iter()
        .find(|d| d.side == side && d.private.contains(id))
        .map(|d| d.explanation.clone())
}

#[test]
fn a_column_contrasting_an_insider_with_the_public_line() {
    let text = include_str!("data/ostravia-column.txt");
    let a = run(vec![Document::from_text("column", text)]);

    let diplomat = statement(&a, "could live with");
    assert_eq!(diplomat.side.as_deref(), Some("Ostravia"));
    assert_eq!(diplomat.channel, Channel::Private);
    let line = statement(&a, "Belmark alone for the collapse");
    assert_eq!(line.channel, Channel::Public);
    let ferrant = statement(&a, "will not withdraw a single soldier");
    assert_eq!(ferrant.side.as_deref(), Some("Belmark"));

    let valley = signals(&a, "Ostravia", "could live with").expect("the valley");
    assert!(valley.contains("willingness-vs-refusal"), "{valley}");
    let blame =
        signals(&a, "Ostravia", "both governments share the responsibility").expect("blame");
    assert!(blame.contains("admission-vs-denial"), "{blame}");
    assert!(signals(&a, "Ostravia", "have not changed a single decision").is_some());
    assert!(signals(&a, "Ostravia", "that the two sides had met").is_some());
    // Belmark says the same thing in public and in private.
    assert!(a.divergences.iter().all(|d| d.side != "Belmark"));
}

#[test]
fn two_outlets_on_gas_talks_one_denied_in_public() {
    let docs: Vec<Document> = include_str!("data/marovia-gas.jsonl")
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("fixture line");
            let field = |k: &str| v[k].as_str().unwrap_or_default().to_string();
            Document {
                outlet: Some(field("outlet")),
                ..Document::from_text(field("id"), field("text"))
            }
        })
        .collect();
    let a = run(docs);

    let minister = statement(&a, "the current contract is fair");
    assert_eq!(minister.side.as_deref(), Some("Marovia"));
    assert_eq!(minister.channel, Channel::Public);
    let source = statement(&a, "ready to sign a ten-year deal");
    assert_eq!(source.side.as_deref(), Some("Marovia"));
    assert_eq!(source.channel, Channel::Private);
    let position = statement(&a, "no talks on prices are under way");
    assert_eq!(position.channel, Channel::Public);
    let memo = statement(&a, "constructive and advanced");
    assert_eq!(memo.channel, Channel::Private);

    let deal = signals(&a, "Marovia", "ready to sign a ten-year deal").expect("the deal");
    assert!(deal.contains("willingness-vs-refusal"), "{deal}");
    assert!(signals(&a, "Marovia", "constructive and advanced").is_some());
    // The minister's words, rendered two ways by the two outlets.
    assert!(a
        .drift
        .iter()
        .any(|d| d.a.text.contains("honour") != d.b.text.contains("honour")));
}

#[test]
fn a_column_setting_an_admitted_share_of_blame_against_official_claims() {
    let text = include_str!("data/kessarin-column.txt");
    let a = run(vec![Document::from_text("kessarin", text)]);

    let insider = statement(&a, "a Kessarin share in the breakdown");
    assert_eq!(insider.side.as_deref(), Some("Kessarin"));
    assert_eq!(insider.channel, Channel::Private);
    // `the official claims that ...` is a stated line: public, and the line
    // of the side just quoted, which it is set against.
    let claims = statement(&a, "Kessarin bears no responsibility");
    assert_eq!(
        claims.speaker.as_ref().map(|s| s.text.as_str()),
        Some("the official claims")
    );
    assert_eq!(claims.channel, Channel::Public);
    assert_eq!(claims.side.as_deref(), Some("Kessarin"));
    // The participle elaboration shares the admission's topic.
    let elaboration = statement(&a, "both capitals let the truce die");
    assert!(
        insider
            .topics
            .iter()
            .all(|t| elaboration.topics.contains(t)),
        "{:?} vs {:?}",
        insider.topics,
        elaboration.topics
    );

    let blame = signals(&a, "Kessarin", "a Kessarin share in the breakdown").expect("blame");
    assert!(blame.contains("admission-vs-denial"), "{blame}");
    assert!(signals(&a, "Kessarin", "every other week").is_some());
    // `Ousting Orvel` does not make a person of `Ousting`; the closed-door
    // framing three sentences back does not make his own words private.
    let orvel = statement(&a, "We did not start this war");
    assert_eq!(
        orvel.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Orvel")
    );
    assert_eq!(orvel.side.as_deref(), Some("Velmar"));
    assert_eq!(orvel.channel, Channel::Public);
}

#[test]
fn the_west_is_a_bloc_side_but_not_inside_longer_names() {
    let text = "Sanctions on Dorvask\n\n\
Western officials said privately that the sanctions on Dorvask could be eased by the spring. \
The West has insisted in public that no sanctions will be lifted until the troops withdraw.\n\n\
Settlers in the West Bank said the vote was unfair. West Wing officials said the plan was dead.\n";
    let a = run(vec![Document::from_text("bloc", text)]);
    let private = statement(&a, "could be eased by the spring");
    assert_eq!(private.side.as_deref(), Some("the West"));
    assert_eq!(private.channel, Channel::Private);
    let public = statement(&a, "no sanctions will be lifted");
    assert_eq!(public.side.as_deref(), Some("the West"));
    assert_eq!(public.channel, Channel::Public);
    assert!(signals(&a, "the West", "could be eased by the spring").is_some());
    for other in ["the vote was unfair", "the plan was dead"] {
        assert_ne!(
            statement(&a, other).side.as_deref(),
            Some("the West"),
            "{other}"
        );
    }
}

#[test]
fn one_of_an_unnamed_group_speaks_as_the_group() {
    let text = include_str!("data/tessaly-harbour.txt");
    let a = run(vec![Document::from_text("harbour", text)]);
    let one = statement(&a, "on the table until the summer");
    assert_eq!(one.side.as_deref(), Some("Tessaly"));
    assert_eq!(one.channel, Channel::Private);
    assert!(one.speaker.as_ref().is_some_and(|s| s.anonymous));
    let divergence = a
        .divergences
        .iter()
        .find(|d| d.side == "Tessaly" && d.private.contains(&one.id))
        .expect("the group's member in the divergence");
    let denial = statement(&a, "There is no lease");
    assert!(divergence.public.contains(&denial.id), "{divergence:?}");
    // A named speaker quoted last is no group: `Carrow's spokesman` stays
    // Tessaly's public voice.
    assert_eq!(denial.channel, Channel::Public);
}

#[test]
fn a_member_is_held_to_its_blocs_public_line() {
    let text = include_str!("data/salt-road-column.txt");
    let docs = vec![Document::from_text("salt-road", text)];
    let statements: Vec<_> = docs.iter().map(backchannel_extract::extract).collect();
    let mut cfg = Config::default();
    cfg.knowledge
        .add_actors_toml(
            "[[side]]\nname = \"Coastal League\"\naliases = [\"the League\"]\n\
             members = [\"Drevania\", \"Kessalia\"]\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let a = analyze(&docs, statements.clone(), &cfg);
    common::assert_distinct_topics(&a);
    let remark = statement(&a, "more important to us than camel trains");
    assert_eq!(remark.side.as_deref(), Some("Drevania"));
    assert_eq!(remark.channel, Channel::Private);
    // Relayed through the Ledger's report on where the fault lay: the
    // remark shares that topic.
    let report = statement(&a, "the fault was not all with Varnland");
    assert!(
        report.topics.iter().any(|t| remark.topics.contains(t)),
        "{:?} / {:?}",
        report.topics,
        remark.topics
    );
    let blame = statement(&a, "Varnland");
    assert_eq!(blame.side.as_deref(), Some("Coastal League"));
    assert_eq!(blame.channel, Channel::Public);
    let divergence = a
        .divergences
        .iter()
        .find(|d| d.side == "Drevania" && d.private.contains(&remark.id))
        .expect("the member's private line against the bloc's public one");
    assert!(divergence.public.contains(&blame.id), "{divergence:?}");
    assert!(
        divergence.explanation.contains("own-part-vs-blame")
            && divergence
                .explanation
                .contains("a bloc Drevania belongs to"),
        "{}",
        divergence.explanation
    );
    // Without the membership the League's line is only the League's.
    let alone = analyze(&docs, statements, &Config::default());
    assert!(alone.divergences.iter().all(|d| d.side != "Drevania"));
}

#[test]
fn two_outlets_on_a_reservoir_offer_made_behind_closed_doors() {
    let a = run(vec![
        Document::from_text("tribune", include_str!("data/lusmark-dalport-tribune.txt")),
        Document::from_text("herald", include_str!("data/lusmark-kerrin-herald.txt")),
    ]);
    // The minister's words, reported by an anonymous official: his side's
    // private line, his own statement inside the official's account.
    let argan = statement(&a, "something we can live with if the price is right");
    assert_eq!(
        argan.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Piet Argan")
    );
    assert_eq!(argan.side.as_deref(), Some("Lusmark"));
    assert_eq!(argan.channel, Channel::Private);
    // Every private rendering of the offer is set against the public vow
    // in one divergence, not split between `delay` and `delay filling`.
    let vow = statement(&a, "the schedule will not change");
    let offers = [
        "something we can live with",
        "could delay filling the Teska reservoir",
        "something we could accept",
    ];
    let ids: Vec<&String> = offers.iter().map(|o| &statement(&a, o).id).collect();
    let d = a
        .divergences
        .iter()
        .find(|d| d.side == "Lusmark" && d.public.contains(&vow.id))
        .expect("the offer against the vow");
    for (offer, id) in offers.iter().zip(&ids) {
        assert!(d.private.contains(id), "{offer}: {d:?}");
    }
    assert_eq!(
        a.divergences
            .iter()
            .filter(|d| d.side == "Lusmark" && d.public.contains(&vow.id))
            .count(),
        1
    );
    // The Herald's rendering of the prime minister's words drifts.
    assert!(a
        .drift
        .iter()
        .any(|x| x.diff.contains("[-dictate-]") && x.diff.contains("{+set+}")));
}

#[test]
fn a_leaked_cable_against_the_ministers_public_line() {
    let a = run(vec![Document::from_text(
        "cable",
        include_str!("data/veltria-cable.txt"),
    )]);
    // `Horvath's spokesman` names a person's aide, not a side `Horvath`:
    // the minister keeps her full name, and `she` finds her.
    let vow = statement(&a, "Not one soldier will leave the border");
    assert_eq!(
        vow.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Lena Horvath")
    );
    assert_eq!(vow.side.as_deref(), Some("Veltria"));
    assert_eq!(vow.channel, Channel::Public);
    let denial = statement(&a, "There have been no talks with Tarsk");
    assert_eq!(denial.side.as_deref(), Some("Veltria"));
    assert_eq!(denial.channel, Channel::Public);
    // `It also says` is the cable the story introduced, Veltria's own.
    let rounds = statement(&a, "two rounds of talks");
    assert_eq!(rounds.side.as_deref(), Some("Veltria"));
    assert_eq!(rounds.channel, Channel::Private);
    let talks = signals(&a, "Veltria", "two rounds of talks").expect("talks held vs denied");
    assert!(talks.contains("occurrence-vs-denial"), "{talks}");
    let troops =
        signals(&a, "Veltria", "prepared to withdraw two brigades").expect("troops offered");
    assert!(troops.contains("willingness-vs-refusal"), "{troops}");
    // `The cable, dated ..., describes the withdrawal as ...`: the cable
    // describes, the withdrawal is what it describes.
    let gesture = statement(&a, "a gesture we can afford");
    assert!(
        gesture.text.starts_with("the withdrawal"),
        "{}",
        gesture.text
    );
    // The former prime minister now in opposition diverges from nobody.
    let albu = statement(&a, "bluffing its own people");
    assert!(a
        .divergences
        .iter()
        .all(|d| !d.private.contains(&albu.id) && !d.public.contains(&albu.id)));
}
