//! Shared links: anything that is not a link this site made is an error
//! with a message, never a panic and never a different result.
#![cfg(not(target_arch = "wasm32"))]

use cert_diagnostic::core::library;
use cert_diagnostic::core::link::{parse_challenge, LinkError, SharedResult};
use proptest::prelude::*;

fn id() -> impl Strategy<Value = String> {
    "[a-z]{2,4}-[1-5]\\.[1-9]-[0-9]{3}"
}

fn result() -> impl Strategy<Value = SharedResult> {
    (
        "[a-z]{3}-[a-z][0-9]{2}",
        any::<u64>(),
        prop::collection::btree_map(id(), prop::collection::btree_set(0u8..6, 0..4), 1..20),
    )
        .prop_map(|(exam, seed, items)| SharedResult {
            exam,
            seed,
            items: items
                .into_iter()
                .map(|(q, c)| (q, c.into_iter().collect()))
                .collect(),
        })
}

#[derive(Debug, Clone)]
enum Damage {
    Cut(usize),
    Replace(usize, char),
    Insert(usize, char),
    Delete(usize),
}

fn damage() -> impl Strategy<Value = Damage> {
    let c = prop::sample::select(vec![
        'a', 'z', '0', '9', '.', '~', '_', '-', '%', ' ', 'é', '#',
    ]);
    prop_oneof![
        any::<usize>().prop_map(Damage::Cut),
        (any::<usize>(), c.clone()).prop_map(|(i, c)| Damage::Replace(i, c)),
        (any::<usize>(), c).prop_map(|(i, c)| Damage::Insert(i, c)),
        any::<usize>().prop_map(Damage::Delete),
    ]
}

fn apply(link: &str, d: &Damage) -> String {
    let mut chars: Vec<char> = link.chars().collect();
    let n = chars.len();
    match *d {
        Damage::Cut(i) => chars.truncate(i % n),
        Damage::Replace(i, c) => chars[i % n] = c,
        Damage::Insert(i, c) => chars.insert(i % (n + 1), c),
        Damage::Delete(i) => {
            chars.remove(i % n);
        }
    }
    chars.into_iter().collect()
}

proptest! {
    // 300 cases a property; failures are reported, not written to disk.
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn links_round_trip(r in result()) {
        prop_assert_eq!(r.to_string().parse::<SharedResult>(), Ok(r));
    }

    /// A damaged link is an error with a message, or (a harmless change
    /// such as a leading '#' or surrounding space) the very same result:
    /// never a different one.
    #[test]
    fn damaged_links_are_errors(r in result(), d in damage()) {
        let link = r.to_string();
        let bad = apply(&link, &d);
        prop_assume!(bad != link);
        match bad.parse::<SharedResult>() {
            Ok(same) => prop_assert_eq!(same, r, "{:?} made {} parse as another result", d, bad),
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn junk_never_panics(s in "\\PC{0,200}") {
        let _ = s.parse::<SharedResult>();
        let _ = parse_challenge(&s);
    }

    #[test]
    fn near_links_never_panic(s in "r1\\.[a-z0-9.~_-]{0,120}") {
        if let Ok(r) = s.parse::<SharedResult>() {
            prop_assert_eq!(r.to_string(), s);
        }
    }
}

#[test]
fn an_older_bank_is_named_not_shown_wrong() {
    let catalog = library::catalog().unwrap();
    let real = library::bank("clf-c02").unwrap();
    let bank = |id: &str| (id == "clf-c02").then_some(&*real);
    let mut r = SharedResult {
        exam: "clf-c02".into(),
        seed: 7,
        items: real
            .questions
            .iter()
            .take(10)
            .map(|q| (q.id.clone(), vec![0]))
            .collect(),
    };
    assert_eq!(r.check(catalog, bank), Ok(()));
    r.items[3].0 = "clf-9.9-999".into();
    assert_eq!(
        r.check(catalog, bank),
        Err(LinkError::UnknownQuestion("clf-9.9-999".into()))
    );
    r.items[3].0 = real.questions[3].id.clone();
    r.items[5].1 = vec![9];
    assert!(matches!(
        r.check(catalog, bank),
        Err(LinkError::BadOption { .. })
    ));
    r.exam = "xyz-c01".into();
    assert_eq!(
        r.check(catalog, bank),
        Err(LinkError::UnknownExam("xyz-c01".into()))
    );
}
