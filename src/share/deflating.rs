//! A link's raw deflate made as its JSON is written, level 9: the same bytes as
//! `miniz_oxide::deflate::compress_to_vec(&json, 9)` (the compressor reads its input as one
//! stream whatever the pieces), without the whole JSON in memory. A pasted NodeList of 10,000
//! nodes is 2.4 MB of JSON (the script's here-document and the editor's text); packing it whole
//! took its JSON (grown by doubling), an output buffer half its size and the compressor at once:
//! the worker's largest transient, 9 MB, which its WebAssembly memory then kept.

use miniz_oxide::deflate::core::{
    CompressorOxide, TDEFLFlush, TDEFLStatus, compress, create_comp_flags_from_zip_params,
};

/// Deflates what is written to it ([`std::io::Write`]); [`Deflating::finish`] gives the bytes.
pub struct Deflating {
    compressor: Box<CompressorOxide>,
    out: Vec<u8>,
}

impl Deflating {
    pub fn new() -> Deflating {
        // Raw deflate (window bits 0), default strategy: `compress_to_vec`'s parameters.
        let flags = create_comp_flags_from_zip_params(9, 0, 0);
        Deflating {
            compressor: Box::new(CompressorOxide::new(flags)),
            out: Vec::new(),
        }
    }

    /// Gives `input` to the compressor; with `Finish`, until the stream is complete.
    fn feed(&mut self, mut input: &[u8], flush: TDEFLFlush) {
        loop {
            if self.out.capacity() - self.out.len() < 64 {
                self.out.reserve(self.out.len().max(1 << 12));
            }
            let written = self.out.len();
            self.out.resize(self.out.capacity(), 0);
            let (status, read, wrote) =
                compress(&mut self.compressor, input, &mut self.out[written..], flush);
            self.out.truncate(written + wrote);
            input = input.get(read..).unwrap_or_default();
            match status {
                TDEFLStatus::Done => return,
                TDEFLStatus::Okay if input.is_empty() && flush == TDEFLFlush::None => return,
                TDEFLStatus::Okay => {}
                // Only a bad parameter or a call after `Done`, which this type never makes.
                _ => return,
            }
        }
    }

    /// The deflated bytes of everything written.
    pub fn finish(mut self) -> Vec<u8> {
        self.feed(&[], TDEFLFlush::Finish);
        self.out
    }
}

impl std::io::Write for Deflating {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.feed(buf, TDEFLFlush::None);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Deflating;
    use std::io::Write;

    /// Written in pieces of any size, the bytes are `compress_to_vec`'s for the whole input.
    #[test]
    fn the_same_bytes_as_deflating_the_whole_input() {
        let mut nodes = String::new();
        for i in 0..3000 {
            nodes.push_str(&format!(
                "- apiVersion: v1\n  kind: Node\n  metadata:\n    name: node-{i:05}\n"
            ));
        }
        let noise: Vec<u8> = (0u32..200_000)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        for input in [Vec::new(), b"a".to_vec(), nodes.into_bytes(), noise] {
            let whole = miniz_oxide::deflate::compress_to_vec(&input, 9);
            for piece in [1, 7, 1000, 1 << 16, input.len().max(1)] {
                let mut d = Deflating::new();
                for chunk in input.chunks(piece) {
                    d.write_all(chunk).unwrap();
                }
                assert!(
                    d.finish() == whole,
                    "{} bytes in pieces of {piece}",
                    input.len()
                );
            }
        }
    }
}
