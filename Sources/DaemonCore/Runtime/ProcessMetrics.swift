import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The standard `process_*` metrics of Prometheus client libraries (CPU time, memory, file
/// descriptors, start time), read from `/proc/self` at each scrape.
///
/// Read at scrape time rather than recorded, because they are the kernel's counters: the
/// daemon has nothing to add to them. Where `/proc` is missing (macOS), only the descriptor
/// limit is known and the other families are left out rather than reported as 0.
struct ProcessMetrics: Sendable {
  var cpuSeconds: Double?
  var residentBytes: Int64?
  var virtualBytes: Int64?
  var openFileDescriptors: Int?
  var maxFileDescriptors: Int?
  var startTimeSeconds: Double?

  /// The metrics of this process now.
  static func current() -> ProcessMetrics {
    var metrics = ProcessMetrics()
    var limit = rlimit()
    if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max {
      metrics.maxFileDescriptors = Int(limit.rlim_cur)
    }
    if let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") {
      // The directory listing itself holds one descriptor while it is read.
      metrics.openFileDescriptors = max(0, entries.count - 1)
    }
    guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return metrics }
    // Fields after the command name, which may hold spaces; field 3 (state) comes first.
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    func field(_ number: Int) -> Double? {
      let index = number - 3
      return fields.indices.contains(index) ? Double(fields[index]) : nil
    }
    let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
    let pageSize = Double(sysconf(Int32(_SC_PAGESIZE)))
    if let user = field(14), let system = field(15), ticks > 0 { metrics.cpuSeconds = (user + system) / ticks }
    if let virtual = field(23) { metrics.virtualBytes = Int64(virtual) }
    if let pages = field(24) { metrics.residentBytes = Int64(pages * pageSize) }
    if let start = field(22), ticks > 0, let boot = bootTime() { metrics.startTimeSeconds = boot + start / ticks }
    return metrics
  }

  /// The families in Prometheus text format.
  var exposition: String {
    var text = ""
    func family(_ name: String, _ type: String, _ help: String, _ value: String?) {
      guard let value else { return }
      text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n\(name) \(value)\n"
    }
    family(
      "process_cpu_seconds_total", "counter", "Total user and system CPU time spent in seconds.",
      cpuSeconds.map { "\($0)" })
    family("process_resident_memory_bytes", "gauge", "Resident memory size in bytes.", residentBytes.map { "\($0)" })
    family("process_virtual_memory_bytes", "gauge", "Virtual memory size in bytes.", virtualBytes.map { "\($0)" })
    family("process_open_fds", "gauge", "Number of open file descriptors.", openFileDescriptors.map { "\($0)" })
    family("process_max_fds", "gauge", "Maximum number of open file descriptors.", maxFileDescriptors.map { "\($0)" })
    family(
      "process_start_time_seconds", "gauge", "Start time of the process since unix epoch in seconds.",
      startTimeSeconds.map { "\($0)" })
    return text
  }

  /// When the machine booted, in seconds since the epoch (`btime` of `/proc/stat`).
  private static func bootTime() -> Double? {
    guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8) else { return nil }
    for line in stat.split(separator: "\n") where line.hasPrefix("btime ") {
      return Double(line.dropFirst("btime ".count).trimmingCharacters(in: .whitespaces))
    }
    return nil
  }
}
