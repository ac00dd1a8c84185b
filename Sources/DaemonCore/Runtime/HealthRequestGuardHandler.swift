import Foundation
import GRPCCore
import ImpactRPC
import Localization
import NIOCore
import NIOHPACK
import NIOHTTP2

/// Refuses a `grpc.health.v1.Health` request whose message is longer than a health request can
/// be (``TransportLimits/maxHealthRequestBytes``) as soon as its 5-byte gRPC length prefix
/// arrives, before the message is buffered.
///
/// Health RPCs are open to everyone, with or without a token, so their requests must cost
/// little: a health request's only field is a service name of a few hundred bytes at most.
/// The handler sits first in each HTTP/2 stream's pipeline. For a health method it holds the
/// request's HEADERS until the length prefix is read; a message within the bound passes on
/// unchanged, a longer one gets a trailers-only INVALID_ARGUMENT in the caller's language
/// (`accept-language`) and the stream is closed: the gRPC server never sees the call.
final class HealthRequestGuardHandler: ChannelInboundHandler {
  typealias InboundIn = HTTP2Frame.FramePayload
  typealias InboundOut = HTTP2Frame.FramePayload
  typealias OutboundOut = HTTP2Frame.FramePayload

  /// The path prefix of the health methods.
  static let pathPrefix = "/\(HealthService.serviceName)/"

  private enum State {
    case waitingForHeaders
    case holding(frames: [HTTP2Frame.FramePayload], prefix: [UInt8], language: Language)
    case passing
    case refused
  }

  private var state = State.waitingForHeaders
  private let maximumMessageBytes: Int
  private let maximumNameBytes: Int

  init(maximumMessageBytes: Int, maximumNameBytes: Int) {
    self.maximumMessageBytes = maximumMessageBytes
    self.maximumNameBytes = maximumNameBytes
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let payload = unwrapInboundIn(data)
    switch state {
    case .passing:
      context.fireChannelRead(data)
    case .refused:
      break
    case .waitingForHeaders:
      guard case .headers(let headers) = payload, !headers.endStream,
        headers.headers.first(name: ":path")?.hasPrefix(Self.pathPrefix) == true
      else {
        state = .passing
        context.fireChannelRead(data)
        return
      }
      let language =
        headers.headers[canonicalForm: RequestLanguage.metadataKey].lazy
        .compactMap { RequestLanguage.parse(String($0)) }.first ?? .en
      state = .holding(frames: [payload], prefix: [], language: language)
    case .holding(var frames, var prefix, let language):
      frames.append(payload)
      guard case .data(let body) = payload, case .byteBuffer(let buffer) = body.data else {
        release(frames, context: context)
        return
      }
      prefix.append(contentsOf: buffer.readableBytesView.prefix(5 - prefix.count))
      if prefix.count == 5 {
        let length = prefix[1...4].reduce(0) { $0 << 8 | Int($1) }
        if length > maximumMessageBytes {
          refuse(length: length, language: language, context: context)
        } else {
          release(frames, context: context)
        }
      } else if body.endStream {
        release(frames, context: context)
      } else {
        state = .holding(frames: frames, prefix: prefix, language: language)
      }
    }
  }

  func channelReadComplete(context: ChannelHandlerContext) {
    if case .refused = state { return }
    context.fireChannelReadComplete()
  }

  private func release(_ frames: [HTTP2Frame.FramePayload], context: ChannelHandlerContext) {
    state = .passing
    for frame in frames { context.fireChannelRead(wrapInboundOut(frame)) }
  }

  private func refuse(length: Int, language: Language, context: ChannelHandlerContext) {
    state = .refused
    let error = HealthService.nameTooLong(bytes: length, limit: maximumNameBytes)
      .explanation.rpcError(language)
    let trailers = HTTP2Frame.FramePayload.headers(.init(headers: Self.trailersOnly(error), endStream: true))
    let channel = context.channel
    context.writeAndFlush(wrapOutboundOut(trailers)).whenComplete { _ in
      channel.close(promise: nil)
    }
  }

  /// A trailers-only gRPC response carrying `error`.
  static func trailersOnly(_ error: RPCError) -> HPACKHeaders {
    var headers: HPACKHeaders = [":status": "200", "content-type": "application/grpc"]
    headers.add(name: "grpc-status", value: "\(Status.Code(error.code).rawValue)")
    headers.add(name: "grpc-message", value: percentEncoded(error.message))
    for (key, value) in error.metadata {
      switch value {
      case .string(let text): headers.add(name: key, value: text)
      case .binary(let bytes): headers.add(name: key, value: Data(bytes).base64EncodedString())
      }
    }
    return headers
  }

  /// `text` as `grpc-message` carries it: bytes outside printable ASCII, and `%`, as `%XX`.
  static func percentEncoded(_ text: String) -> String {
    var encoded = ""
    for byte in text.utf8 {
      if (0x20...0x7E).contains(byte), byte != UInt8(ascii: "%") {
        encoded.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
      }
    }
    return encoded
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
