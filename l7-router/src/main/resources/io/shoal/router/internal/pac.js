// Shoal proxy auto-config: sends each URL straight to the node that owns it.
// Generated from the cluster view; the placement code mirrors io.shoal.hashing.
var SHOAL = /*CONFIG*/null;

function shoalUtf8(s) {
  var t = unescape(encodeURIComponent(s));
  var b = [];
  for (var i = 0; i < t.length; i++) b.push(t.charCodeAt(i));
  return b;
}

// MD5 (RFC 1321) of a byte array; returns 16 bytes.
function shoalMd5(bytes) {
  var K = [], S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
  for (var i = 0; i < 64; i++) K[i] = Math.floor(Math.abs(Math.sin(i + 1)) * 4294967296) | 0;
  var n = bytes.length, words = ((n + 8) >>> 6) + 1, m = [];
  for (i = 0; i < words * 16; i++) m[i] = 0;
  for (i = 0; i < n; i++) m[i >> 2] |= bytes[i] << ((i % 4) * 8);
  m[n >> 2] |= 0x80 << ((n % 4) * 8);
  m[words * 16 - 2] = (n * 8) | 0;
  m[words * 16 - 1] = Math.floor(n / 536870912) | 0;
  var a0 = 0x67452301, b0 = 0xefcdab89 | 0, c0 = 0x98badcfe | 0, d0 = 0x10325476;
  for (var blk = 0; blk < words * 16; blk += 16) {
    var a = a0, b = b0, c = c0, d = d0;
    for (i = 0; i < 64; i++) {
      var f, g, r = i >> 4;
      if (r == 0) { f = (b & c) | (~b & d); g = i; }
      else if (r == 1) { f = (d & b) | (~d & c); g = (5 * i + 1) % 16; }
      else if (r == 2) { f = b ^ c ^ d; g = (3 * i + 5) % 16; }
      else { f = c ^ (b | ~d); g = (7 * i) % 16; }
      var tmp = d; d = c; c = b;
      var x = (a + f + K[i] + m[blk + g]) | 0, s = S[(r << 2) | (i % 4)];
      b = (b + ((x << s) | (x >>> (32 - s)))) | 0;
      a = tmp;
    }
    a0 = (a0 + a) | 0; b0 = (b0 + b) | 0; c0 = (c0 + c) | 0; d0 = (d0 + d) | 0;
  }
  var out = [], st = [a0, b0, c0, d0];
  for (i = 0; i < 4; i++) for (var j = 0; j < 4; j++) out.push((st[i] >>> (8 * j)) & 0xff);
  return out;
}

function shoalLe32(d, at) {
  return (d[at] | (d[at + 1] << 8) | (d[at + 2] << 16) | (d[at + 3] << 24)) >>> 0;
}

// The cache key as the router computes it, for URLs browsers send: lower-case scheme and
// host, default port and fragment dropped.
function shoalKey(url) {
  var h = url.indexOf('#');
  if (h >= 0) url = url.substring(0, h);
  var m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^\/?]*)(.*)$/.exec(url);
  if (!m) return url;
  var scheme = m[1].toLowerCase(), auth = m[2].toLowerCase(), rest = m[3];
  if ((scheme == 'http' && /:80$/.test(auth)) || (scheme == 'https' && /:443$/.test(auth))) {
    auth = auth.substring(0, auth.lastIndexOf(':'));
  }
  return scheme + '://' + auth + (rest == '' ? '/' : rest);
}

function shoalRotation(n, first) {
  var out = [];
  for (var i = 0; i < n; i++) out.push((first + i) % n);
  return out;
}

function shoalMd5Order(key) {
  var n = SHOAL.ids.length;
  return shoalRotation(n, shoalLe32(shoalMd5(shoalUtf8(key)), 0) % n);
}

var shoalRing = null;
function shoalKetamaRing() {
  if (shoalRing) return shoalRing;
  var n = SHOAL.ids.length, total = 0, pts = [];
  for (var i = 0; i < n; i++) total += SHOAL.weights[i];
  for (i = 0; i < n; i++) {
    var pct = Math.fround(Math.fround(SHOAL.weights[i]) / Math.fround(total));
    var count = Math.floor(Math.fround(pct * 40.0 * n));
    for (var k = 0; k < count; k++) {
      var d = shoalMd5(shoalUtf8(SHOAL.ids[i] + '-' + k));
      for (var h = 0; h < 4; h++) pts.push([shoalLe32(d, 4 * h), i]);
    }
  }
  pts.sort(function (x, y) { return x[0] != y[0] ? (x[0] < y[0] ? -1 : 1) : x[1] - y[1]; });
  shoalRing = pts;
  return pts;
}

function shoalKetamaOrder(key) {
  var ring = shoalKetamaRing(), h = shoalLe32(shoalMd5(shoalUtf8(key)), 0);
  var lo = 0, hi = ring.length;
  while (lo < hi) { var mid = (lo + hi) >> 1; if (ring[mid][0] < h) lo = mid + 1; else hi = mid; }
  var start = lo == ring.length ? 0 : lo, seen = {}, out = [];
  for (var s = 0; s < ring.length && out.length < SHOAL.ids.length; s++) {
    var o = ring[(start + s) % ring.length][1];
    if (!seen[o]) { seen[o] = true; out.push(o); }
  }
  return out;
}

function shoalRotl(x, r) { return (x << r) | (x >>> (32 - r)); }

function shoalCarpOrder(key) {
  var b = shoalUtf8(key), u = 0;
  for (var i = 0; i < b.length; i++) u = (u + shoalRotl(u, 19) + (b[i] > 127 ? b[i] - 256 : b[i])) | 0;
  var scores = [];
  for (i = 0; i < SHOAL.ids.length; i++) {
    var c = u ^ SHOAL.carpHashes[i];
    c = (c + Math.imul(c, 0x62531965)) | 0;
    c = shoalRotl(c, 21);
    scores.push([(c >>> 0) * SHOAL.carpMultipliers[i], i]);
  }
  scores.sort(function (x, y) { return x[0] != y[0] ? y[0] - x[0] : x[1] - y[1]; });
  var out = [];
  for (i = 0; i < scores.length; i++) out.push(scores[i][1]);
  return out;
}

function shoalOrder(url) {
  var key = shoalKey(url);
  if (SHOAL.strategy == 'md5') return shoalMd5Order(key);
  if (SHOAL.strategy == 'ketama') return shoalKetamaOrder(key);
  if (SHOAL.strategy == 'carp') return shoalCarpOrder(key);
  return shoalRotation(SHOAL.ids.length, 0);
}

function FindProxyForURL(url, host) {
  if (url.substring(0, 5) != 'http:' && url.substring(0, 6) != 'https:') return 'DIRECT';
  var order = shoalOrder(url), out = [];
  for (var i = 0; i < order.length; i++) {
    if (!SHOAL.draining[order[i]]) out.push('PROXY ' + SHOAL.proxies[order[i]]);
  }
  return out.join('; ');
}
