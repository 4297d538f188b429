// CloudFront Function, viewer request (runtime cloudfront-js-2.0). Permalinks are folders
// (articles/<slug>/ holds index.html) and S3 has no directory index: map "/dir/" to
// "/dir/index.html", and redirect "/dir" (no extension in the last segment) to "/dir/" so
// relative links in the page resolve. The query string is dropped on redirect: the site uses none.
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.endsWith('/')) {
    request.uri = uri + 'index.html';
    return request;
  }
  var name = uri.substring(uri.lastIndexOf('/') + 1);
  if (name.indexOf('.') === -1) {
    return {
      statusCode: 301,
      statusDescription: 'Moved Permanently',
      headers: { location: { value: uri + '/' }, 'cache-control': { value: 'public, max-age=3600' } },
    };
  }
  return request;
}
