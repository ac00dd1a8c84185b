import ImpactAPI

/// Every page of a ListProjects call, as one answer: the projects of all pages in order, with
/// the last page's revision, total and unmatched filter values.
enum ProjectListing {
  static func all(
    _ request: Impact_V1_ListProjectsRequest, client: ImpactConnection.Client, connection: ImpactConnection
  ) async throws -> Impact_V1_ListProjectsResponse {
    let projects = Impact_V1_ProjectService.Client(wrapping: client)
    var request = request
    if request.pageSize == 0 { request.pageSize = 1000 }
    var all = Impact_V1_ListProjectsResponse()
    while true {
      let page = try await projects.listProjects(
        request, metadata: connection.metadata, options: connection.callOptions)
      all.projects += page.projects
      all.totalSize = page.totalSize
      all.revision = page.revision
      all.unmatched = page.unmatched
      if page.nextPageToken.isEmpty { return all }
      request.pageToken = page.nextPageToken
    }
  }
}
