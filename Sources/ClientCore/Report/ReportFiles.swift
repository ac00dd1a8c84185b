import Foundation
import Localization
import Reports

/// Writes a report's files (the page, its data, its PDF) and says on stderr what it wrote.
enum ReportFiles {
  static func write(_ report: RenderedReport, kind: String, options: ReportOptions, language: DisplayLanguage) throws {
    let l = language.localizer
    try write(report.html, to: options.to, language: language)
    StandardStreams.writeLine(
      l(
        "report.written",
        ["kind": l("report.kind.\(kind)"), "path": options.to, "size": String(report.html.utf8.count)]))
    if let data = options.data {
      try write(report.dataJSON, to: data, language: language)
      StandardStreams.writeLine(l("report.data.written", ["path": data]))
    }
    if let pdf = options.pdf {
      try ChromiumPrinter.print(html: options.to, to: pdf, language: language)
      StandardStreams.writeLine(l("report.pdf.written", ["path": pdf]))
    }
  }

  static func write(_ text: String, to path: String, language: DisplayLanguage) throws {
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw CommandFailure(.failure, .l("error.report.write", ["path": path, "reason": error.localizedDescription]))
    }
  }
}

/// Prints an HTML file to PDF with a headless Chromium: `$IMPACT_CHROMIUM`, else the first of
/// chromium, chromium-browser, google-chrome on the PATH.
enum ChromiumPrinter {
  static func executable(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
    if let chosen = environment["IMPACT_CHROMIUM"], !chosen.isEmpty {
      return FileManager.default.isExecutableFile(atPath: chosen) ? chosen : nil
    }
    let directories = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
    for name in ["chromium", "chromium-browser", "google-chrome"] {
      for directory in directories where FileManager.default.isExecutableFile(atPath: directory + "/" + name) {
        return directory + "/" + name
      }
    }
    return nil
  }

  static func print(html: String, to pdf: String, language: DisplayLanguage) throws {
    guard let chromium = executable() else {
      throw CommandFailure(.unavailable, .l("error.report.no_chromium"))
    }
    let page = URL(fileURLWithPath: html).standardizedFileURL
    let output = URL(fileURLWithPath: pdf).standardizedFileURL
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent("impact-report-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: profile) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: chromium)
    // Chromium refuses to start as root with its sandbox; the page is ours, with no script.
    let sandbox = getuid() == 0 ? ["--no-sandbox"] : []
    process.arguments =
      sandbox + [
        "--headless", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
        "--no-pdf-header-footer", "--print-to-pdf=\(output.path)", page.absoluteString,
      ]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw CommandFailure(
        .unavailable, .l("error.report.pdf_failed", ["path": pdf, "status": "-", "reason": "\(error)"]))
    }
    // A browser that hangs must not hang the command: two minutes is ample for any report.
    let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(120), execute: watchdog)
    let collected = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    watchdog.cancel()
    if process.terminationStatus != 0 || !FileManager.default.fileExists(atPath: output.path) {
      let reason = String(decoding: collected.suffix(600), as: UTF8.self).trimmingCharacters(
        in: .whitespacesAndNewlines)
      throw CommandFailure(
        .failure,
        .l("error.report.pdf_failed", ["path": pdf, "status": String(process.terminationStatus), "reason": reason]))
    }
  }
}
