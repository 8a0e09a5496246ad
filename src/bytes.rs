//! Eight bytes as one word, for the scanners that work a word at a time;
//! and plain substring scans for the places that look for a short
//! string (`str::find` with a string pattern links a two-way searcher, ~1.5
//! KB of wasm, for no gain on short needles).
//!
//! `copy_from_slice` into a `[u8; 8]` is one load natively, but a call to
//! a memcpy routine in the wasm build (`opt-level = "s"`), which profiled at
//! ~5% of `analyse()` there; these helpers are one load on both.

/// The first eight bytes of `b` as a little-endian word (0 if `b` is shorter).
#[inline(always)]
pub(crate) fn le_u64(b: &[u8]) -> u64 {
    match b.first_chunk::<8>() {
        Some(w) => u64::from_le_bytes(*w),
        None => 0,
    }
}

/// `b` (at most eight bytes) as a little-endian word, zero-padded.
#[inline(always)]
pub(crate) fn le_u64_padded(b: &[u8]) -> u64 {
    b.iter()
        .take(8)
        .enumerate()
        .fold(0, |w, (k, &x)| w | u64::from(x) << (8 * k))
}

/// Where `needle` (not empty) last occurs in `hay`.
pub(crate) fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// Where `needle` (not empty) first occurs in `hay`.
pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_match_from_le_bytes() {
        let b = [1u8, 2, 3, 4, 5, 6, 7, 8, 9];
        assert_eq!(le_u64(&b), u64::from_le_bytes([1, 2, 3, 4, 5, 6, 7, 8]));
        assert_eq!(le_u64(&b[..7]), 0);
        for n in 0..=8 {
            let mut w = [0u8; 8];
            w[..n].copy_from_slice(&b[..n]);
            assert_eq!(le_u64_padded(&b[..n]), u64::from_le_bytes(w));
        }
    }

    #[test]
    fn substring_scans_match_str() {
        for (hay, needle) in [
            ("a\n\nb\n\nc", "\n\n"),
            ("x. y. z", ". "),
            ("abc", "d"),
            ("", "ab"),
            ("ab", "ab"),
        ] {
            assert_eq!(rfind(hay.as_bytes(), needle.as_bytes()), hay.rfind(needle));
            assert_eq!(find(hay.as_bytes(), needle.as_bytes()), hay.find(needle));
        }
    }
}
