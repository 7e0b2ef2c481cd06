//! "Report a problem with this question": what a report says, as text and
//! as an issue tracker's pre-filled link. It carries only the question and
//! what was chosen, never anything about the person.

use super::content::Site;
use super::review::ReviewItem;

/// Everything a report says about one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemReport {
    pub exam_code: String,
    pub question: String,
    pub revision: usize,
    /// The bank as shipped (its index's content hash).
    pub bank_version: String,
    pub app_version: String,
    /// The options chosen and the key, as their texts.
    pub chosen: Vec<String>,
    pub key: Vec<String>,
}

impl ProblemReport {
    /// The report on a reviewed question.
    pub fn of(item: &ReviewItem, exam_code: &str, bank_version: &str, app_version: &str) -> Self {
        let texts = |pick: fn(&crate::core::review::ReviewOption) -> bool| {
            let mut options: Vec<&crate::core::review::ReviewOption> =
                item.options.iter().filter(|o| pick(o)).collect();
            // In the question's own order, whatever order they were shown in.
            super::sort::sort_by_key(&mut options, |o| o.index);
            options.iter().map(|o| o.text.clone()).collect()
        };
        ProblemReport {
            exam_code: exam_code.to_owned(),
            question: item.question.clone(),
            revision: item.revision,
            bank_version: bank_version.to_owned(),
            app_version: app_version.to_owned(),
            chosen: texts(|o| o.chosen),
            key: texts(|o| o.correct),
        }
    }

    /// The tracker issue's title.
    pub fn title(&self) -> String {
        format!(
            "Question {} ({}): problem report",
            self.question, self.exam_code
        )
    }

    /// The report as text: the same in a link and on the clipboard.
    pub fn body(&self) -> String {
        let list = |texts: &[String]| {
            if texts.is_empty() {
                "(nothing)".to_owned()
            } else {
                texts.join(" | ")
            }
        };
        format!(
            "Exam: {}\nQuestion: {} (revision {})\nBank version: {}\nApp version: {}\nChosen: {}\nKey says: {}\nWhat is wrong: ",
            self.exam_code,
            self.question,
            self.revision,
            self.bank_version,
            self.app_version,
            list(&self.chosen),
            list(&self.key),
        )
    }

    /// The tracker link, when the site has one.
    pub fn url(&self, site: &Site) -> Option<String> {
        let template = site.report_url.as_deref()?;
        Some(
            template
                .replace("{title}", &encode(&self.title()))
                .replace("{body}", &encode(&self.body())),
        )
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::Difficulty;
    use crate::core::review::ReviewOption;

    fn item(correct: &[u8], chosen: &[u8]) -> ReviewItem {
        ReviewItem {
            position: 0,
            exam: "clf-c02".into(),
            question: "clf-1.1-001-r2".into(),
            domain: 1,
            domain_name: "Cloud Concepts".into(),
            task: "1.1".into(),
            task_title: "Define the benefits of the AWS Cloud.".into(),
            difficulty: Difficulty::Easy,
            stem: "Which?".into(),
            choose: (correct.len() > 1).then_some(correct.len()),
            // Shown in reverse order: the report lists the question's own.
            options: (0..5u8)
                .rev()
                .map(|i| ReviewOption {
                    index: i,
                    text: format!("Option {i} & more"),
                    correct: correct.contains(&i),
                    chosen: chosen.contains(&i),
                    why: String::new(),
                })
                .collect(),
            answered: !chosen.is_empty(),
            correct: correct == chosen,
            flagged: false,
            scored: true,
            unsure: false,
            references: vec![],
            revision: 2,
            checked: None,
            revised: None,
        }
    }

    #[test]
    fn a_multiple_response_report_lists_both_sides_in_the_questions_order() {
        let r = ProblemReport::of(&item(&[1, 3], &[3, 4]), "CLF-C02", "0123abcd", "0.1.0");
        assert_eq!(
            r.body(),
            "Exam: CLF-C02\nQuestion: clf-1.1-001-r2 (revision 2)\nBank version: 0123abcd\nApp version: 0.1.0\n\
             Chosen: Option 3 & more | Option 4 & more\nKey says: Option 1 & more | Option 3 & more\nWhat is wrong: "
        );
        assert_eq!(
            r.title(),
            "Question clf-1.1-001-r2 (CLF-C02): problem report"
        );
    }

    #[test]
    fn the_link_fills_the_template_url_encoded_and_only_when_set() {
        let r = ProblemReport::of(&item(&[2], &[]), "CLF-C02", "v", "1");
        assert!(r
            .body()
            .contains("Chosen: (nothing)\nKey says: Option 2 & more"));
        assert_eq!(r.url(&Site::default()), None);
        let site = Site {
            report_url: Some("https://example.org/new?title={title}&body={body}".into()),
        };
        let url = r.url(&site).unwrap();
        assert!(url.starts_with(
            "https://example.org/new?title=Question%20clf-1.1-001-r2%20%28CLF-C02%29"
        ));
        assert!(url.contains("&body=Exam%3A%20CLF-C02%0AQuestion"));
        assert!(url.contains("Option%202%20%26%20more"), "{url}");
        assert!(
            !url[url.find("body=").unwrap()..].contains('&'),
            "the body's & is encoded"
        );
    }
}
