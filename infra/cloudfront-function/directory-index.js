// CloudFront Function (cloudfront-js-2.0, viewer-request): the site is a folder of
// index.html files in a private S3 bucket, and S3 reached through OAC has no
// "index document", so /logs/x/ and /logs/x must be rewritten to /logs/x/index.html
// here. A rewrite, not a redirect: the pages link with trailing slashes already.
// The URI stays percent-encoded (/tags/%E5%AD%A6%E7%BF%92/): S3 decodes it into the
// object key itself. The query string is a separate field and is left untouched.
// This file is the single source: `npm run infra:sync` copies it into
// infra/nisshi-site.yaml and tests/infra fails while the two differ.
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.charAt(uri.length - 1) === '/') {
    request.uri = uri + 'index.html';
    return request;
  }
  // Only the last segment decides: a dot there means a file (/rss.xml, /_astro/app.abc.js).
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) {
    request.uri = uri + '/index.html';
  }
  return request;
}
