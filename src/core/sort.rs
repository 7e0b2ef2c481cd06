//! One sort for every list the app orders.
//!
//! std's `sort*` is generic over the element and the comparator, so every
//! call site compiles its own copy of driftsort or ipnsort, 1.5–3 KB of wasm
//! each: the app's call sites and their helpers were about 58 KB of the
//! 1.1 MB release wasm (twiggy, 2026-12-01). Every function here shares one
//! copy instead: it sorts positions (`usize`) through a `&dyn Fn`
//! comparator, then moves the elements into that order. The lists sorted
//! here hold at most a few hundred items, so the indirection costs nothing
//! anyone could measure.
//!
//! All three sorts are stable, as std's `sort_by` is.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, keeping equal elements in their order.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = positions(v.len(), &|a, b| cmp(&v[a], &v[b]));
    permute(v, &order);
}

/// Sorts `v` by the key `key` gives each element, keeping equal keys in
/// their order.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// `0..len` in the order `cmp` puts those positions: the one place std's
/// sort is instantiated.
#[inline(never)]
fn positions(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Rearranges `v` so that its `i`th element is the one that was at
/// `order[i]`, in place: position `i` takes the element it is owed from
/// wherever earlier swaps have moved it, found by following `order` from
/// `order[i]` past the positions already filled.
fn permute<T>(v: &mut [T], order: &[usize]) {
    for i in 0..v.len() {
        let mut from = order[i];
        while from < i {
            from = order[from];
        }
        v.swap(i, from);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rng::Rng;

    #[test]
    fn agrees_with_std_stable_sort_on_random_lists() {
        let mut rng = Rng::new(7);
        for len in 0..60 {
            for _ in 0..20 {
                // Few distinct keys, so stability is exercised.
                let items: Vec<(u8, usize)> = (0..len)
                    .map(|i| (u8::try_from(rng.below(5)).unwrap(), i))
                    .collect();
                let mut ours = items.clone();
                let mut theirs = items.clone();
                sort_by_key(&mut ours, |&(k, _)| k);
                theirs.sort_by_key(|&(k, _)| k);
                assert_eq!(ours, theirs, "len {len}");
            }
        }
    }

    #[test]
    fn sorts_descending_and_by_comparator() {
        let mut v = vec!["b", "c", "a", "c"];
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, ["c", "c", "b", "a"]);
        let mut n = vec![3, 1, 2];
        sort(&mut n);
        assert_eq!(n, [1, 2, 3]);
    }

    #[test]
    fn moves_owned_values_without_loss() {
        let mut v: Vec<String> = ["q3", "q1", "q2", "q1"]
            .iter()
            .map(ToString::to_string)
            .collect();
        sort(&mut v);
        assert_eq!(v, ["q1", "q1", "q2", "q3"]);
    }
}
