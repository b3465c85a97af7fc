//! Keeping the service's resident memory near the scan's on the same images.
//!
//! glibc's malloc gives a thread that finds the arenas busy an arena of its own, up to eight per
//! core, and keeps what is freed in each for later. A scan has a few long-lived threads; the
//! service adds HTTP threads, blocking-pool threads that check uploads, and bodies of every size
//! passing through them, so freed memory piles up in arenas the workers never reuse. Two measures:
//! a cap on the number of arenas (one per worker and one for everything else), and handing free
//! memory back to the system after each scan. Elsewhere than Linux with glibc both do nothing.

/// Caps glibc's malloc arenas at `jobs + 1`. Call before the service starts its threads.
pub fn limit_arenas(jobs: usize) {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        let arenas = libc::c_int::try_from(jobs + 1).unwrap_or(libc::c_int::MAX);
        // SAFETY: mallopt only sets an allocator parameter; any value is valid.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, arenas);
        }
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    let _ = jobs;
}

/// Returns free memory at the top of malloc's heaps to the system (after a scan has dropped its
/// images and tensors), so the next scan's peak does not come on top of it.
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases memory malloc does not hand out.
    unsafe {
        libc::malloc_trim(0);
    }
}
