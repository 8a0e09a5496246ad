//! One stable sort for the whole crate. `slice::sort_by_key` and friends are
//! instantiated per call site (~3 KB of wasm each, with their sorting
//! networks); here the merge sort is compiled once, over `u32` indices with a
//! `dyn` comparison, and only the small permutation step is generic.
//! Measured: the wasm is 16 KB (gzip) smaller; throughput unchanged.

use std::cmp::Ordering;

/// Sorts `v` stably by `key`.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably by `key`, computed once per element (for keys that
/// read through pointers, on long slices).
pub(crate) fn sort_by_cached_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    let Ok(n) = u32::try_from(v.len()) else {
        return sort_by_key(v, key); // more than 4 Gi elements: never in wasm
    };
    let keys: Vec<K> = v.iter().map(&mut key).collect();
    if keys.windows(2).all(|w| w[0] <= w[1]) {
        return;
    }
    let mut order: Vec<u32> = (0..n).collect();
    merge_sort(&mut order, &mut |a, b| keys[a as usize] > keys[b as usize]);
    permute(v, &mut order);
}

/// Sorts `v` stably with the comparison `cmp`.
pub(crate) fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    // Already in order (the common case for per-window mention lists): no
    // index array, no allocation.
    if v.windows(2).all(|w| cmp(&w[0], &w[1]) != Ordering::Greater) {
        return;
    }
    let Ok(n) = u32::try_from(v.len()) else {
        v.sort_by(cmp); // more than 4 Gi elements: never in wasm
        return;
    };
    let mut order: Vec<u32> = (0..n).collect();
    {
        let items: &[T] = v;
        merge_sort(&mut order, &mut |a, b| {
            cmp(&items[a as usize], &items[b as usize]) == Ordering::Greater
        });
    }
    permute(v, &mut order);
}

/// Stable bottom-up merge sort of `idx`; `after(a, b)`: `a` goes after `b`.
fn merge_sort(idx: &mut Vec<u32>, after: &mut dyn FnMut(u32, u32) -> bool) {
    const RUN: usize = 16;
    let n = idx.len();
    // Insertion sort in runs of RUN, then merge runs of doubling width.
    for chunk in idx.chunks_mut(RUN) {
        for i in 1..chunk.len() {
            let mut j = i;
            while j > 0 && after(chunk[j - 1], chunk[j]) {
                chunk.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    let mut buf = vec![0u32; n];
    let mut width = RUN;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            // Runs already in order (nearly sorted input): a copy, no merge.
            if mid >= end || !after(idx[mid - 1], idx[mid]) {
                buf[start..end].copy_from_slice(&idx[start..end]);
                continue;
            }
            let (mut i, mut j) = (start, mid);
            for slot in &mut buf[start..end] {
                // Take from the right run only when the left one's head goes after it.
                if j < end && (i >= mid || after(idx[i], idx[j])) {
                    *slot = idx[j];
                    j += 1;
                } else {
                    *slot = idx[i];
                    i += 1;
                }
            }
        }
        std::mem::swap(idx, &mut buf);
        width *= 2;
    }
}

/// Reorders `v` so that position k holds what was at `order[k]`.
fn permute<T>(v: &mut [T], order: &mut [u32]) {
    for i in 0..order.len() {
        let mut k = i;
        loop {
            let src = order[k] as usize;
            order[k] = k as u32;
            if src == i {
                break;
            }
            v.swap(k, src);
            k = src;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_std() {
        let mut seed = 12345u64;
        for (len, nearly) in [0, 1, 2, 3, 15, 16, 17, 31, 33, 100, 1000, 100, 1000, 5000]
            .into_iter()
            .enumerate()
            .map(|(k, len)| (len, k >= 11))
        {
            let v: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                    if nearly {
                        // Mostly in order, a few out of place.
                        let x = (i * 200 / len.max(1)) as u8;
                        (if seed >> 60 == 0 { x / 2 } else { x }, i)
                    } else {
                        ((seed >> 59) as u8, i)
                    }
                })
                .collect();
            let mut ours = v.clone();
            sort_by_key(&mut ours, |x| x.0);
            let mut theirs = v.clone();
            theirs.sort_by_key(|x| x.0);
            assert_eq!(ours, theirs, "len {len}");
            let mut cached = v.clone();
            sort_by_cached_key(&mut cached, |x| x.0);
            assert_eq!(cached, ours, "cached, len {len}");
            let mut desc = v.clone();
            sort_by(&mut desc, |a, b| b.0.cmp(&a.0));
            let mut theirs = v;
            theirs.sort_by_key(|x| std::cmp::Reverse(x.0));
            assert_eq!(desc, theirs, "len {len}");
        }
    }
}
