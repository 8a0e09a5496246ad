//! Byte scans that skip plain ASCII eight bytes at a time (SWAR), so the
//! cleaning stages only look closely at the few bytes that need work.

/// `0x0101…01`: one in every byte.
const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
/// `0x8080…80`: the high bit of every byte.
const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);

/// The eight bytes at `i` as a word (`i + 8 <= bytes.len()`).
#[inline]
fn word(bytes: &[u8], i: usize) -> u64 {
    crate::bytes::le_u64(&bytes[i..i + 8]).to_le()
}

/// The eight bytes at `i` as a little-endian word (`i + 8 <= bytes.len()`):
/// byte `i + k` is lane `k` (bits `8k..8k+8`).
#[inline]
pub(super) fn word_le(bytes: &[u8], i: usize) -> u64 {
    crate::bytes::le_u64(&bytes[i..i + 8])
}

/// The high bit of each lane of `w` that equals `b`, exactly (no carries
/// between lanes).
#[inline]
pub(super) fn lanes_eq(w: u64, b: u8) -> u64 {
    const LOWS: u64 = u64::from_ne_bytes([0x7F; 8]);
    let t = w ^ (ONES * u64::from(b));
    !(((t & LOWS) + LOWS) | t) & HIGHS
}

/// Whether some lane of `w` equals `b` (only presence is exact).
#[inline]
pub(super) fn has_eq(w: u64, b: u8) -> bool {
    let t = w ^ (ONES * u64::from(b));
    t.wrapping_sub(ONES) & !t & HIGHS != 0
}

/// Whether some lane of `w` is below 0x20 or at least 0x80.
#[inline]
pub(super) fn has_control_or_non_ascii(w: u64) -> bool {
    (w.wrapping_sub(ONES * 0x20) | w) & HIGHS != 0
}

/// Sums the lanes of `x` (each lane holding 0..=31).
#[inline]
pub(super) fn sum_lanes(x: u64) -> usize {
    (x.wrapping_mul(ONES) >> 56) as usize
}

/// Position of the first `"  "` (two spaces) in `bytes[from..to]`, or `to`.
pub(super) fn double_space(bytes: &[u8], from: usize, to: usize) -> usize {
    let mut i = from;
    while i + 8 <= to {
        let sp = lanes_eq(word_le(bytes, i), b' ');
        // A space whose next lane is a space too (lanes 0..7 of this word;
        // the pair across the word end is seen by the next, overlapping one).
        let pairs = sp & (sp >> 8);
        if pairs != 0 {
            return i + pairs.trailing_zeros() as usize / 8;
        }
        i += 7;
    }
    while i + 1 < to {
        if bytes[i] == b' ' && bytes[i + 1] == b' ' {
            return i;
        }
        i += 1;
    }
    to
}

/// Position of the first byte in `bytes[from..to]` for which `hit` holds,
/// or `to`. `maybe(word)` must be non-zero for every word holding such a
/// byte (it may be non-zero for others: those are then checked byte by byte).
#[inline]
fn find(
    bytes: &[u8],
    from: usize,
    to: usize,
    maybe: impl Fn(u64) -> u64,
    hit: impl Fn(u8) -> bool,
) -> usize {
    let mut i = from;
    while i + 8 <= to {
        if maybe(word(bytes, i)) != 0 {
            if let Some(k) = bytes[i..i + 8].iter().position(|&b| hit(b)) {
                return i + k;
            }
        }
        i += 8;
    }
    bytes[i..to]
        .iter()
        .position(|&b| hit(b))
        .map_or(to, |k| i + k)
}

/// Position of the first non-ASCII byte in `bytes[from..to]`, or `to`.
pub(super) fn non_ascii(bytes: &[u8], from: usize, to: usize) -> usize {
    find(bytes, from, to, |w| w & HIGHS, |b| b >= 0x80)
}

/// Whether a byte needs character-level repair: non-ASCII, a control
/// character other than `'\n'` (`'\r'`, tab, …) or DEL.
#[inline]
pub(super) fn is_special(b: u8) -> bool {
    b >= 0x7F || (b < 0x20 && b != b'\n')
}

/// Position of the first [`is_special`] byte in `bytes[from..to]`, or `to`.
pub(super) fn special(bytes: &[u8], from: usize, to: usize) -> usize {
    find(
        bytes,
        from,
        to,
        |w| {
            // Some byte < 0x20, or some byte ≥ 0x7F (exact as to whether any is).
            let below = w.wrapping_sub(ONES * 0x20) & !w & HIGHS;
            let above = (w.wrapping_add(ONES) | w) & HIGHS;
            below | above
        },
        is_special,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_match_naive() {
        let text =
            "plain text here, then\n\tand é and \u{7f} and \r\n and more ascii text at the end";
        let bytes = text.as_bytes();
        for from in 0..bytes.len() {
            for to in from..=bytes.len() {
                let naive = |f: fn(u8) -> bool| {
                    bytes[from..to]
                        .iter()
                        .position(|&b| f(b))
                        .map_or(to, |k| from + k)
                };
                assert_eq!(special(bytes, from, to), naive(is_special));
                assert_eq!(non_ascii(bytes, from, to), naive(|b| b >= 0x80));
                let pair = (from..to.saturating_sub(1))
                    .find(|&k| bytes[k] == b' ' && bytes[k + 1] == b' ')
                    .unwrap_or(to);
                assert_eq!(double_space(bytes, from, to), pair, "{from}..{to}");
            }
        }
    }
}
