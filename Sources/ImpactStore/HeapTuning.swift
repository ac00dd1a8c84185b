#if canImport(Glibc)
  import Glibc
#endif

/// glibc's allocator settings for a process that builds a portfolio of hundreds of thousands of
/// small values at start-up, on two threads.
///
/// By default each loading thread grows its malloc arena a few pages at a time, with one
/// `mprotect` call per step, and the arrays that outgrow 128 KiB move between fresh `mmap`
/// regions. With these settings the arenas grow in 64 MiB steps, arrays up to 32 MiB stay in the
/// arenas, and freed memory is returned to the kernel only past 256 MiB at the top of an arena:
/// start-up at 100 000 projects takes about 13 % less CPU, and the resident memory at SERVING is
/// the same (docs/benchmarks.md).
///
/// The arenas are at most two (glibc's default is eight per core): each thread that allocates
/// while the others hold an arena gets one of its own, and after a large import the freed
/// memory is scattered across them in pieces no trim can return. With two, the daemon rests
/// after importing 100 000 projects 16–22 % above its memory after a restart (runs of
/// `scripts/bench-daemon.sh --large-import`), instead of 32–40 % above it, with the same import
/// time.
public enum HeapTuning {
  /// Applies the settings; call it first thing in `main`, before any other thread allocates
  /// (glibc fixes the number of arenas when a second thread first needs one). Elsewhere than
  /// glibc it does nothing.
  public static func apply() {
    #if canImport(Glibc)
      // `mallopt` is declared in <malloc.h>, which the Glibc module does not include.
      typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
      let mallopt = unsafeBitCast(symbol, to: MallocOption.self)
      // The parameters of <malloc.h>.
      let trimThreshold: Int32 = -1
      let topPad: Int32 = -2
      let mmapThreshold: Int32 = -3
      let arenaMax: Int32 = -8
      _ = mallopt(mmapThreshold, 32 << 20)
      _ = mallopt(trimThreshold, 256 << 20)
      _ = mallopt(topPad, 64 << 20)
      _ = mallopt(arenaMax, 2)
    #endif
  }

  /// Returns the free memory of every malloc arena to the kernel (`malloc_trim(0)`), after a
  /// large import has freed its working copies (the decoded document, the old snapshot): the
  /// trim threshold above keeps up to 256 MiB per arena otherwise, and the daemon would rest
  /// at nearly twice the memory it has after a restart. Elsewhere than glibc it does nothing.
  public static func releaseFreeMemory() {
    #if canImport(Glibc)
      typealias MallocTrim = @convention(c) (Int) -> Int32
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
      _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
    #endif
  }
}
