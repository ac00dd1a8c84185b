public import Analytics
public import Foundation
public import SwiftProtobuf

extension Impact_V1_Rating {
  /// The message of `rating`; `ratedAt` is known to the store's journal, not to the model.
  public init(_ rating: Rating, ratedAt: Date? = nil) {
    self.init()
    criterion = rating.criterion
    rater = rating.rater
    value = rating.value
    if let comment = rating.comment { self.comment = comment }
    if let ratedAt { self.ratedAt = Google_Protobuf_Timestamp(date: ratedAt) }
  }
}

extension Rating {
  /// The rating `proto` describes; `rated_at` is output only and not part of the model.
  public init(proto: Impact_V1_Rating) {
    self.init(
      criterion: proto.criterion,
      rater: proto.rater,
      value: proto.value,
      comment: proto.hasComment ? proto.comment : nil
    )
  }
}
