//! Words that depend on a number: "1 attempt", "3 attempts".

/// `n` with its noun in the singular or plural ("1 question", "2 questions").
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singular_and_plural() {
        assert_eq!(count(0, "attempt", "attempts"), "0 attempts");
        assert_eq!(count(1, "attempt", "attempts"), "1 attempt");
        assert_eq!(count(2, "lucky guess", "lucky guesses"), "2 lucky guesses");
    }
}
