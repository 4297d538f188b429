// CloudFront Function, viewer request (runtime cloudfront-js-2.0). Permalinks are folders
// (articles/<slug>/ holds index.html) and S3 has no directory index: map "/dir/" to
// "/dir/index.html", and redirect "/dir" (no extension in the last segment) to "/dir/" so
// relative links in the page resolve. The query string is dropped on redirect: the site uses none.
// The Location is always a path on this site: the leading run of slashes and backslashes is
// collapsed to one "/", since "//evil.example/x/" (and "/\evil.example/x/", which browsers read
// alike) is a protocol-relative URL, i.e. another site: an open redirect. Tab, CR and LF go too:
// browsers delete them from a URL, so "/<tab>/evil.example" would also become "//evil.example".
//
// A person opening an RSS or Atom feed, head or monthly archive, in a browser (Accept asks for
// text/html, names no feed type) is sent to /subscribe/ with a 302 that no cache stores; feed readers
// get the feed. Same rule and paths as isBrowserNavigation and BROWSER_REDIRECTED_FEED_PATH in
// functions/core/render/subscribe.ts (a test runs both on one table).
var BROWSER_REDIRECTED_FEED_PATH = FEEDPUB_BROWSER_REDIRECTED_FEED_PATH;
// A domain move: requests for a previous domain that still points at this distribution get a 301 to
// the same path on the current one (both filled in per deployment: infra/viewer-request-code.ts).
var CANONICAL_HOST = FEEDPUB_CANONICAL_HOST;
var MOVED_HOSTS = FEEDPUB_MOVED_HOSTS;

function isBrowserNavigation(headers) {
  var accept = headers && headers.accept && headers.accept.value;
  if (!accept) return false;
  var value = accept.toLowerCase();
  return value.indexOf('text/html') !== -1 && !FEEDPUB_NAMES_A_FEED_TYPE.test(value);
}

function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var host = request.headers && request.headers.host && request.headers.host.value;
  if (CANONICAL_HOST && host && MOVED_HOSTS.indexOf(host.toLowerCase()) !== -1) {
    // Same path, no query (the site uses none); the leading run of slashes collapsed as below.
    var target = '/' + uri.replace(/^[\/\\\t\r\n]+/, '');
    return {
      statusCode: 301,
      statusDescription: 'Moved Permanently',
      headers: { location: { value: 'https://' + CANONICAL_HOST + target }, 'cache-control': { value: FEEDPUB_DOMAIN_REDIRECT_CACHE_CONTROL } },
    };
  }
  if (BROWSER_REDIRECTED_FEED_PATH.test(uri) && isBrowserNavigation(request.headers)) {
    return {
      statusCode: 302,
      statusDescription: 'Found',
      headers: { location: { value: FEEDPUB_SUBSCRIBE_LOCATION }, 'cache-control': { value: 'no-store' } },
    };
  }
  if (uri.endsWith('/')) {
    request.uri = uri + 'index.html';
    return request;
  }
  var name = uri.substring(uri.lastIndexOf('/') + 1);
  if (name.indexOf('.') === -1) {
    var path = uri.replace(/^[\/\\\t\r\n]+/, '');
    return {
      statusCode: 301,
      statusDescription: 'Moved Permanently',
      headers: { location: { value: path ? '/' + path + '/' : '/' }, 'cache-control': { value: FEEDPUB_FOLDER_REDIRECT_CACHE_CONTROL } },
    };
  }
  return request;
}
