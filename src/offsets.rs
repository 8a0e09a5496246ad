//! Offset bookkeeping: mapping derived text back to its source, and byte
//! offsets to UTF-16 code units.

use std::ops::Range;

/// One run of derived text and where it came from.
#[derive(Clone, Debug)]
struct Piece {
    /// Start of the run in the derived text.
    out: usize,
    /// The source range it came from.
    src: Range<usize>,
    /// A verbatim copy maps byte for byte; a replacement maps as a whole.
    verbatim: bool,
}

/// Maps byte offsets in a derived text back to byte offsets in its source.
///
/// Built with [`MapBuilder`] while the derived text is written.
#[derive(Clone, Debug, Default)]
pub(crate) struct OffsetMap {
    pieces: Vec<Piece>,
    out_len: usize,
    src_len: usize,
}

impl OffsetMap {
    /// The identity map over a text of `len` bytes.
    pub(crate) fn identity(len: usize) -> OffsetMap {
        let pieces = if len == 0 {
            Vec::new()
        } else {
            vec![Piece {
                out: 0,
                src: 0..len,
                verbatim: true,
            }]
        };
        OffsetMap {
            pieces,
            out_len: len,
            src_len: len,
        }
    }

    /// Index of the piece holding derived byte `o` (`o < out_len`).
    fn piece_at(&self, o: usize) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| p.out <= o);
        i.checked_sub(1).map(|i| &self.pieces[i])
    }

    /// The source offset where a span starting at derived byte `o` starts.
    pub(crate) fn start(&self, o: usize) -> usize {
        if o >= self.out_len {
            return self.pieces.last().map_or(self.src_len, |p| p.src.end);
        }
        match self.piece_at(o) {
            Some(p) if p.verbatim => p.src.start + (o - p.out),
            Some(p) => p.src.start,
            None => 0,
        }
    }

    /// The source offset where a span ending (exclusive) at derived byte `o` ends.
    pub(crate) fn end(&self, o: usize) -> usize {
        if o == 0 {
            return self.pieces.first().map_or(0, |p| p.src.start);
        }
        match self.piece_at(o - 1) {
            Some(p) if p.verbatim => p.src.start + (o - p.out),
            Some(p) => p.src.end,
            None => 0,
        }
    }

    /// Maps a derived range to the source range it covers.
    pub(crate) fn range(&self, r: Range<usize>) -> Range<usize> {
        let start = self.start(r.start);
        let end = self.end(r.end).max(start);
        start..end
    }
}

/// Writes a derived text piece by piece, recording where each piece came from.
///
/// Source ranges must be passed in increasing, non-overlapping order.
#[derive(Debug)]
pub(crate) struct MapBuilder<'a> {
    src: &'a str,
    out: String,
    pieces: Vec<Piece>,
}

impl<'a> MapBuilder<'a> {
    /// Starts deriving a text from `src`.
    pub(crate) fn new(src: &'a str) -> MapBuilder<'a> {
        MapBuilder {
            src,
            out: String::with_capacity(src.len()),
            pieces: Vec::new(),
        }
    }

    /// The derived text written so far.
    #[allow(dead_code)]
    pub(crate) fn out(&self) -> &str {
        &self.out
    }

    /// Copies `src[range]` unchanged.
    pub(crate) fn copy(&mut self, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        let out = self.out.len();
        self.out.push_str(&self.src[range.clone()]);
        if let Some(last) = self.pieces.last_mut() {
            if last.verbatim && last.src.end == range.start && last.out + last.src.len() == out {
                last.src.end = range.end;
                return;
            }
        }
        self.pieces.push(Piece {
            out,
            src: range,
            verbatim: true,
        });
    }

    /// Writes `with` in place of `src[range]` (`range` may be empty for an
    /// insertion; `with` may be empty for a deletion).
    ///
    /// Text that `with` shares with the source at its start or end is
    /// recorded as copied, so only the part that really changed maps as a
    /// whole (a repaired "Ã©. " keeps exact offsets for its ". ").
    pub(crate) fn replace(&mut self, range: Range<usize>, with: &str) {
        if with.is_empty() {
            return;
        }
        let old = &self.src[range.clone()];
        let prefix = common_prefix(old, with);
        let suffix = common_suffix(&old[prefix..], &with[prefix..]);
        self.copy(range.start..range.start + prefix);
        let middle = &with[prefix..with.len() - suffix];
        if !middle.is_empty() {
            let out = self.out.len();
            self.out.push_str(middle);
            let src = range.start + prefix..range.end - suffix;
            self.pieces.push(Piece {
                out,
                src,
                verbatim: false,
            });
        }
        self.copy(range.end - suffix..range.end);
    }

    /// Finishes: the derived text and its map.
    pub(crate) fn finish(self) -> (String, OffsetMap) {
        let map = OffsetMap {
            pieces: self.pieces,
            out_len: self.out.len(),
            src_len: self.src.len(),
        };
        (self.out, map)
    }
}

/// Bytes of the longest common prefix of `a` and `b`, on a char boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|&((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i)
}

/// Bytes of the longest common suffix of `a` and `b`, on a char boundary.
fn common_suffix(a: &str, b: &str) -> usize {
    let mut n = 0;
    for (x, y) in a.chars().rev().zip(b.chars().rev()) {
        if x != y {
            break;
        }
        n += x.len_utf8();
    }
    n
}

/// A chain of maps, applied from the last stage back to the first.
#[derive(Clone, Debug, Default)]
pub(crate) struct MapChain {
    maps: Vec<OffsetMap>,
}

impl MapChain {
    /// Adds a stage whose source is the previous stage's output.
    pub(crate) fn push(&mut self, map: OffsetMap) {
        self.maps.push(map);
    }

    /// Maps a range in the final text to the original input.
    pub(crate) fn range(&self, mut r: Range<usize>) -> Range<usize> {
        for map in self.maps.iter().rev() {
            r = map.range(r);
        }
        r
    }

    /// Maps a range of stage `stage`'s output back to the original input.
    #[allow(dead_code)]
    pub(crate) fn range_from(&self, stage: usize, mut r: Range<usize>) -> Range<usize> {
        for map in self.maps[..stage].iter().rev() {
            r = map.range(r);
        }
        r
    }

    /// How many stages there are.
    #[allow(dead_code)]
    pub(crate) fn len(&self) -> usize {
        self.maps.len()
    }
}

/// Bytes per checkpoint in [`Utf16Index`].
const BLOCK: usize = 64;

/// Converts byte offsets of a text into UTF-16 code-unit offsets in O(1).
#[derive(Debug)]
pub(crate) struct Utf16Index<'a> {
    bytes: &'a [u8],
    /// UTF-16 units before the char boundary at or below each block start;
    /// empty when the text is ASCII (offsets are then equal).
    blocks: Vec<u32>,
    /// UTF-16 units of the whole text.
    len: usize,
    /// Characters outside the BMP (4-byte leads): two units each.
    astral: usize,
}

/// The continuation bytes (10xxxxxx) of the little-endian word `w`: one
/// in the lowest bit of each such lane.
#[inline(always)]
fn continuations(w: u64) -> u64 {
    (w & !(w << 1) & u64::from_ne_bytes([0x80; 8])) >> 7
}

/// The 4-byte leads (11110xxx) of `w`, as [`continuations`].
#[inline(always)]
fn four_byte_leads(w: u64) -> u64 {
    (w & (w << 1) & (w << 2) & (w << 3) & u64::from_ne_bytes([0x80; 8])) >> 7
}

/// The sum of the lanes of `x`, each at most 31.
#[inline(always)]
fn lanes(x: u64) -> usize {
    (x.wrapping_mul(u64::from_ne_bytes([1; 8])) >> 56) as usize
}

/// UTF-16 units contributed by the characters starting in `bytes`: one per
/// byte that is not a continuation byte, two for a 4-byte lead.
pub(crate) fn units(bytes: &[u8]) -> usize {
    // Eight bytes at a time: a lane per byte counts its continuation bytes
    // (10xxxxxx) and 4-byte leads (11110xxx), summed across lanes every 31
    // words (before a lane could overflow).
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0usize;
    let (mut cont, mut four, mut k) = (0u64, 0u64, 0);
    for c in &mut chunks {
        let w = crate::bytes::le_u64(c);
        cont += continuations(w);
        four += four_byte_leads(w);
        n += 8;
        k += 1;
        if k == 31 {
            n = n + lanes(four) - lanes(cont);
            (cont, four, k) = (0, 0, 0);
        }
    }
    n = n + lanes(four) - lanes(cont);
    n + chunks
        .remainder()
        .iter()
        .map(|&b| usize::from((b & 0xC0) != 0x80) + usize::from(b >= 0xF0))
        .sum::<usize>()
}

/// Characters (Unicode scalar values) starting in `bytes`: the bytes that
/// are not continuation bytes, counted eight at a time as in [`units`].
pub(crate) fn chars(bytes: &[u8]) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let (mut n, mut cont, mut k) = (0usize, 0u64, 0);
    for c in &mut chunks {
        let w = crate::bytes::le_u64(c);
        cont += continuations(w);
        n += 8;
        k += 1;
        if k == 31 {
            n -= lanes(cont);
            (cont, k) = (0, 0);
        }
    }
    n -= lanes(cont);
    n + chunks
        .remainder()
        .iter()
        .filter(|&&b| (b & 0xC0) != 0x80)
        .count()
}

impl<'a> Utf16Index<'a> {
    /// Indexes `text`.
    pub(crate) fn new(text: &'a str) -> Utf16Index<'a> {
        let bytes = text.as_bytes();
        if bytes.is_ascii() {
            return Utf16Index {
                bytes,
                blocks: Vec::new(),
                len: bytes.len(),
                astral: 0,
            };
        }
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let (mut total, mut astral) = (0usize, 0);
        let mut chunks = bytes.chunks_exact(BLOCK);
        for chunk in &mut chunks {
            blocks.push(total as u32);
            let (mut cont, mut four) = (0, 0);
            for w in chunk.chunks_exact(8) {
                let w = crate::bytes::le_u64(w);
                cont += continuations(w);
                four += four_byte_leads(w);
            }
            astral += lanes(four);
            total += BLOCK - lanes(cont) + lanes(four);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            blocks.push(total as u32);
            astral += rest.iter().filter(|&&b| b >= 0xF0).count();
            total += units(rest);
        }
        Utf16Index {
            bytes,
            blocks,
            len: total,
            astral,
        }
    }

    /// The UTF-16 offset of byte offset `byte` (a char boundary, ≤ len):
    /// its block's count, then the bytes before it in the block eight at a
    /// time, the last word masked.
    pub(crate) fn utf16(&self, byte: usize) -> usize {
        self.utf16_from(usize::MAX, 0, byte)
    }

    /// [`Utf16Index::utf16`] of `byte`, given `from16`, that of an offset
    /// `from`: counted on from `from` when `byte` is in the same block and
    /// not before it (fewer bytes to count than from the block's start), as
    /// for a span's end after its start.
    pub(crate) fn utf16_from(&self, from: usize, from16: usize, byte: usize) -> usize {
        if self.blocks.is_empty() {
            return byte;
        }
        let block = byte / BLOCK;
        let (from, base) = if from <= byte && from / BLOCK == block {
            (from, from16)
        } else {
            match self.blocks.get(block) {
                Some(&base) => (block * BLOCK, base as usize),
                None => return self.len,
            }
        };
        // The units of the bytes `from..byte`, eight at a time, the last
        // word masked.
        let bytes = self.bytes;
        let (mut at, mut cont, mut four) = (from, 0, 0);
        while at + 8 <= byte {
            let w = crate::bytes::le_u64(&bytes[at..]);
            cont += continuations(w);
            if self.astral != 0 {
                four += four_byte_leads(w);
            }
            at += 8;
        }
        let rest = byte - at;
        if rest > 0 {
            let w = match bytes.get(at..at + 8) {
                Some(w) => crate::bytes::le_u64(w),
                None => crate::bytes::le_u64_padded(&bytes[at..]),
            };
            // Only the lanes before `byte`; the others count as zero bytes.
            let w = w & ((1u64 << (8 * rest)) - 1);
            cont += continuations(w);
            four += four_byte_leads(w);
        }
        base + (byte - from) - lanes(cont) + lanes(four)
    }

    /// The UTF-16 length of the whole text.
    pub(crate) fn len_utf16(&self) -> usize {
        self.len
    }

    /// The characters (Unicode scalar values) of the whole text.
    pub(crate) fn chars(&self) -> usize {
        self.len - self.astral
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_match_naive() {
        let text = "aé😀b\u{2009}x€ÿ\u{10FFFF}".repeat(50);
        let bytes = text.as_bytes();
        for from in 0..40 {
            for to in (from..bytes.len()).step_by(7) {
                let naive: usize = bytes[from..to]
                    .iter()
                    .map(|&b| usize::from((b & 0xC0) != 0x80) + usize::from(b >= 0xF0))
                    .sum();
                assert_eq!(units(&bytes[from..to]), naive);
            }
        }
    }

    #[test]
    fn chars_match_std() {
        let text = "aé😀b\u{2009}x€ÿ\u{10FFFF}".repeat(60);
        for from in (0..text.len())
            .filter(|&i| text.is_char_boundary(i))
            .take(12)
        {
            for to in (from..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .step_by(5)
            {
                assert_eq!(
                    chars(&text.as_bytes()[from..to]),
                    text[from..to].chars().count()
                );
            }
        }
    }

    #[test]
    fn utf16_offsets_match_std() {
        // 480 bytes, 192 (whole blocks only), and no astral characters.
        for (unit, n) in [("aé😀b\u{2009}x", 40), ("aé😀b\u{2009}x", 16), ("aé€b", 50)] {
            let text = unit.repeat(n);
            let idx = Utf16Index::new(&text);
            for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
                assert_eq!(idx.utf16(i), text[..i].encode_utf16().count(), "at {i}");
            }
            assert_eq!(idx.len_utf16(), text.encode_utf16().count());
            assert_eq!(idx.chars(), text.chars().count());
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for (k, &from) in bounds.iter().enumerate().step_by(3) {
                for &to in bounds[k.saturating_sub(2)..].iter().take(90) {
                    let want = text[..to].encode_utf16().count();
                    assert_eq!(idx.utf16_from(from, idx.utf16(from), to), want);
                }
            }
        }
    }

    #[test]
    fn builder_maps_copies_and_replacements() {
        let src = "ab\u{a0}cd XYZ ef";
        let mut b = MapBuilder::new(src);
        b.copy(0..2); // "ab"
        b.replace(2..4, " "); // nbsp -> space
        b.copy(4..6); // "cd"
                      // drop " XYZ"
        b.copy(10..13); // " ef"
        let (out, map) = b.finish();
        assert_eq!(out, "ab cd ef");
        assert_eq!(map.range(0..2), 0..2);
        assert_eq!(map.range(2..3), 2..4);
        assert_eq!(map.range(3..5), 4..6);
        assert_eq!(map.range(6..8), 11..13);
        assert_eq!(map.range(0..8), 0..13);
        assert_eq!(map.range(8..8), 13..13);
    }

    #[test]
    fn replacements_keep_shared_ends_exact() {
        let src = "x Ã©. Ã© y";
        let mut b = MapBuilder::new(src);
        b.copy(0..2);
        b.replace(2..src.len() - 2, "é. é");
        b.copy(src.len() - 2..src.len());
        let (out, map) = b.finish();
        assert_eq!(out, "x é. é y");
        // Nothing is shared at the ends, so the change maps as a whole.
        assert_eq!(&src[map.range(2..8)], "Ã©. Ã©");
        assert_eq!(&src[map.range(0..2)], "x ");
        // Shared ends stay exact.
        let src = "Ã©. ";
        let mut b = MapBuilder::new(src);
        b.replace(0..src.len(), "é. ");
        let (out, map) = b.finish();
        assert_eq!(out, "é. ");
        assert_eq!(&src[map.range(0..2)], "Ã©");
        assert_eq!(&src[map.range(2..4)], ". ");
        // An equal replacement is a plain copy.
        let mut b = MapBuilder::new("abc");
        b.replace(0..3, "abc");
        assert_eq!(b.finish().1.range(1..2), 1..2);
    }

    #[test]
    fn chain_composes_stages() {
        let src = "<p>Hi&amp;yo</p>";
        let mut b = MapBuilder::new(src);
        b.copy(3..5);
        b.replace(5..10, "&");
        b.copy(10..12);
        let (s1, m1) = b.finish();
        assert_eq!(s1, "Hi&yo");
        let mut b = MapBuilder::new(&s1);
        b.copy(3..5);
        let (s2, m2) = b.finish();
        assert_eq!(s2, "yo");
        let mut chain = MapChain::default();
        chain.push(m1);
        chain.push(m2);
        assert_eq!(chain.range(0..2), 10..12);
    }
}
