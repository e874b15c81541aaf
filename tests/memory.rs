//! The memory dedupe holds: the most bytes allocated at once while 1,000 and 10,000 related
//! entries (the scale test's candidates, 30% duplicates of every kind) are read into one story,
//! with every story held whole and with only the 20 a widget shows held whole (`Deduper::hold`),
//! counted by this test's own allocator. WebAssembly memory never shrinks, so what a widget
//! holds at its peak it keeps for the page's life; the benchmark reports that memory in the
//! browser (`npm run bench`, "heap + wasm"), this test keeps the native peak from creeping back
//! (counted here on a 64-bit machine: the WebAssembly module's pointers are half as wide).
#![cfg(not(target_arch = "wasm32"))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

#[path = "common/scale.rs"]
mod scale;

use storycard::dedupe::{Deduper, Rules};
use storycard::extract::Extracted;

/// The standard allocator, counting the bytes in use and the most at once.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let now = IN_USE.fetch_add(bytes, Relaxed) + bytes;
    PEAK.fetch_max(now, Relaxed);
}

// SAFETY: every call is passed on to the system allocator unchanged; only counters are kept.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, size: usize) -> *mut u8 {
        if size > layout.size() {
            grew(size - layout.size());
        } else {
            IN_USE.fetch_sub(layout.size() - size, Relaxed);
        }
        unsafe { System.realloc(ptr, layout, size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The most bytes in use at once while `n` candidates are deduped an entry at a time, as the
/// widget does: each entry copied as it is pushed (the widget reads each from its list in
/// JavaScript), the list itself not counted; and the stories kept. With `hold`, only that many stories are held
/// whole ([`Deduper::hold`]: the widget's way, which shows at most `max`).
fn peak(n: usize, hold: Option<usize>) -> (usize, usize) {
    let candidates = scale::candidates(n);
    let before = IN_USE.load(Relaxed);
    PEAK.store(before, Relaxed);
    let mut deduper = Deduper::new(Extracted::default(), &Rules::default());
    if let Some(hold) = hold {
        deduper.hold(hold);
    }
    deduper.reserve(n);
    for entry in &candidates {
        deduper.push(entry.clone());
    }
    let mut story = deduper.take_story();
    let kept = story.related.len() + story.omitted;
    story.omitted = 0;
    (PEAK.load(Relaxed) - before, kept)
}

#[test]
fn dedupe_holds_a_bounded_number_of_bytes_per_entry() {
    // (one test in this binary, so that no other thread allocates while it counts)
    for (n, hold) in [
        (1_000, None),
        (10_000, None),
        (1_000, Some(20)),
        (10_000, Some(20)),
    ] {
        let (bytes, kept) = peak(n, hold);
        let per_entry = bytes / n;
        let held = hold.map_or(String::new(), |h| format!(", {h} held whole"));
        println!(
            "{n} entries ({kept} stories kept{held}): {bytes} bytes at the peak, {per_entry} an entry"
        );
        assert_eq!(kept, n * 7 / 10, "every duplicate found");
        // (each story's words are kept once: with a set of them and a list of index keys
        // beside them, and the summary's reading unboxed, this was 1,831 bytes at 1,000 and
        // 1,726 at 10,000; 1,208 and 1,103 then; each reading's lists without the room they
        // grew into and do not use, 1,039 and 935; the indexes' keys as fingerprints, 899 and
        // 804; the hash tables grown as stories are kept rather than reserved for every entry,
        // 816 and 738; short words kept in the string and the stories of a word in the list,
        // 778 and 699: natively the allocator is asked for fewer bytes, and in the module each
        // allocation it no longer makes also had a header and a minimum size. Those figures left
        // out the kept entries' own strings, which the test's list had allocated; each entry is
        // now copied as it is pushed, and counted: 897 and 818 held whole; with only the 20
        // stories a widget shows held whole, 706 and 661)
        let bound = if hold.is_some() { 750 } else { 950 };
        assert!(per_entry <= bound, "{per_entry} bytes an entry at {n}");
    }
}
