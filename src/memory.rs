//! The memory a widget may use, and the check that keeps it there.
//!
//! The WebAssembly modules declare a maximum memory, [`MAXIMUM`] (the linker's `--max-memory`,
//! passed by `scripts/wasm-module.sh` and `.cargo/config.toml`): WebKit copies the whole memory
//! on every `memory.grow` of a module that declares none, and its WebAssembly faulted now and
//! then here without one (docs/browsers.md has the counts). An allocation past the maximum would
//! be a trap, which breaks every widget of the module's instance; so the bytes allocated are
//! counted (by the `cap` crate's allocator, around the standard one), and the readers stop, with
//! [`Error::OutOfMemory`], once more than [`limit`] is in use: checked after the article and
//! after every related entry, each of which is bounded in size (see `web/page.rs`), so the
//! headroom between the limit and the maximum is never used up between two checks. The reading
//! that stopped frees what it made; the other widgets keep working.
//!
//! Only the WebAssembly build counts (natively the operating system's memory is the limit, and
//! [`check`] always passes).

use std::alloc::System;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::error::Error;

/// The most memory the WebAssembly modules declare: 256 MiB (4,096 pages). The 100,000 related
/// entries of `tests/e2e/bad-input.test.mjs` grew the memory to 101 MiB (measured in Chromium,
/// by `memory.buffer.byteLength`).
pub const MAXIMUM: usize = 256 << 20;

/// The default [`limit`]: 160 MiB, which leaves 96 MiB of the maximum for what one step
/// allocates before the next check (an entry's strings, at most a few megabytes, and a table
/// that doubles) and for the allocator's own free space between allocations.
pub const LIMIT: usize = 160 << 20;

#[cfg_attr(target_arch = "wasm32", global_allocator)]
static ALLOCATOR: cap::Cap<System> = cap::Cap::new(System, usize::MAX);

static CURRENT_LIMIT: AtomicUsize = AtomicUsize::new(LIMIT);

/// The bytes allocated now (0 in a native build, which does not count them).
pub fn in_use() -> usize {
    ALLOCATOR.allocated()
}

/// The most bytes the readers may hold allocated: [`LIMIT`] unless [`set_limit`] changed it.
pub fn limit() -> usize {
    CURRENT_LIMIT.load(Ordering::Relaxed)
}

/// Sets [`limit`] (at most [`LIMIT`]): the browser tests lower it to see a page that needs more
/// end in a clear error; returns the limit it replaced.
pub fn set_limit(bytes: usize) -> usize {
    CURRENT_LIMIT.swap(bytes.min(LIMIT), Ordering::Relaxed)
}

/// Where related entry `i` is, for [`check`]'s message: `related[i]`.
pub fn entry(i: usize) -> String {
    crate::extract::island::index("related", i)
}

/// An [`Error::OutOfMemory`] naming `at` (what was being read) once more than [`limit`] is in
/// use.
pub fn check(at: impl FnOnce() -> String) -> Result<(), Error> {
    if in_use() > limit() {
        return Err(Error::OutOfMemory {
            at: at(),
            limit: limit(),
        });
    }
    Ok(())
}
