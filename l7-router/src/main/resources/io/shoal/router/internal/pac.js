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

// 64-bit arithmetic for FarmHash Fingerprint64, MurmurHash3's fmix64 and jump hash: BigInt,
// every value kept unsigned in [0, 2^64). Created on first use, without BigInt literals, so an
// engine without BigInt still parses this script (and lists the nodes for these strategies).
var shoal64 = null;
function shoalBig() {
  if (shoal64 == null) {
    var B = BigInt;
    shoal64 = {
      K0: B('0xc3a5c85c97cb3127'), K1: B('0xb492b66fbe98f273'), K2: B('0x9ae16a3b2f90404f'),
      M1: B('0xff51afd7ed558ccd'), M2: B('0xc4ceb9fe1a85ec53'), JUMP: B('2862933555777941757'),
      n0: B(0), n1: B(1), n3: B(3), n8: B(8), n9: B(9), n11: B(11), n32: B(32), n33: B(33),
      n47: B(47), n64: B(64), n81: B(81), n113: B(113), n255: B(255)
    };
  }
  return shoal64;
}
function shoalU(x) { return BigInt.asUintN(64, x); }
function shoalRotr(v, s) { return shoalU((v >> BigInt(s)) | (v << BigInt(64 - s))); }
function shoalLoad32(b, at) { return BigInt(shoalLe32(b, at)); }
function shoalLoad64(b, at) { return (BigInt(shoalLe32(b, at + 4)) << shoal64.n32) | BigInt(shoalLe32(b, at)); }
function shoalShiftMix(v) { return v ^ (v >> shoal64.n47); }

function shoalHashLength16(u, v, mul) {
  var a = shoalShiftMix(shoalU((u ^ v) * mul));
  var b = shoalShiftMix(shoalU((v ^ a) * mul));
  return shoalU(b * mul);
}

// FarmHash Fingerprint64 (farmhashna), as Guava's Hashing.farmHashFingerprint64(): bytes -> BigInt.
function shoalFingerprint64(b) {
  var C = shoalBig(), n = b.length;
  if (n <= 16) {
    if (n >= 8) {
      var mul = shoalU(C.K2 + BigInt(n * 2));
      var a = shoalU(shoalLoad64(b, 0) + C.K2), bb = shoalLoad64(b, n - 8);
      var c = shoalU(shoalRotr(bb, 37) * mul + a), d = shoalU((shoalRotr(a, 25) + bb) * mul);
      return shoalHashLength16(c, d, mul);
    }
    if (n >= 4) {
      return shoalHashLength16(BigInt(n) + (shoalLoad32(b, 0) << C.n3), shoalLoad32(b, n - 4),
          shoalU(C.K2 + BigInt(n * 2)));
    }
    if (n > 0) {
      var y = BigInt(b[0] + (b[n >> 1] << 8)), z = BigInt(n + (b[n - 1] << 2));
      return shoalU(shoalShiftMix(shoalU(y * C.K2) ^ shoalU(z * C.K0)) * C.K2);
    }
    return C.K2;
  }
  if (n <= 64) return shoalHashLength17to64(b, n, C);
  return shoalHashLength65Plus(b, n, C);
}

function shoalHashLength17to64(b, n, C) {
  var mul = shoalU(C.K2 + BigInt(n * 2));
  var a = shoalU(shoalLoad64(b, 0) * (n <= 32 ? C.K1 : C.K2)), bb = shoalLoad64(b, 8);
  var c = shoalU(shoalLoad64(b, n - 8) * mul), d = shoalU(shoalLoad64(b, n - 16) * C.K2);
  var y = shoalU(shoalRotr(shoalU(a + bb), 43) + shoalRotr(c, 30) + d);
  var z = shoalHashLength16(y, shoalU(a + shoalRotr(shoalU(bb + C.K2), 18) + c), mul);
  if (n <= 32) return z;
  var e = shoalU(shoalLoad64(b, 16) * mul), f = shoalLoad64(b, 24);
  var g = shoalU((y + shoalLoad64(b, n - 32)) * mul), h = shoalU((z + shoalLoad64(b, n - 24)) * mul);
  return shoalHashLength16(shoalU(shoalRotr(shoalU(e + f), 43) + shoalRotr(g, 30) + h),
      shoalU(e + shoalRotr(shoalU(f + a), 18) + g), mul);
}

// Returns [seedA + part4, seedB + c] for the 32 bytes at b[at].
function shoalWeak32(b, at, seedA, seedB) {
  var p1 = shoalLoad64(b, at), p2 = shoalLoad64(b, at + 8), p3 = shoalLoad64(b, at + 16), p4 = shoalLoad64(b, at + 24);
  seedA = shoalU(seedA + p1);
  seedB = shoalRotr(shoalU(seedB + seedA + p4), 21);
  var c = seedA;
  seedA = shoalU(seedA + p2 + p3);
  seedB = shoalU(seedB + shoalRotr(seedA, 44));
  return [shoalU(seedA + p4), shoalU(seedB + c)];
}

function shoalHashLength65Plus(b, n, C) {
  var x = C.n81, y = shoalU(C.n81 * C.K1 + C.n113);
  var z = shoalU(shoalShiftMix(shoalU(y * C.K2 + C.n113)) * C.K2);
  var v = [C.n0, C.n0], w = [C.n0, C.n0], at = 0, tmp;
  x = shoalU(x * C.K2 + shoalLoad64(b, 0));
  var end = Math.floor((n - 1) / 64) * 64, last64 = end + ((n - 1) & 63) - 63;
  do {
    x = shoalU(shoalRotr(shoalU(x + y + v[0] + shoalLoad64(b, at + 8)), 37) * C.K1);
    y = shoalU(shoalRotr(shoalU(y + v[1] + shoalLoad64(b, at + 48)), 42) * C.K1);
    x = x ^ w[1];
    y = shoalU(y + v[0] + shoalLoad64(b, at + 40));
    z = shoalU(shoalRotr(shoalU(z + w[0]), 33) * C.K1);
    v = shoalWeak32(b, at, shoalU(v[1] * C.K1), shoalU(x + w[0]));
    w = shoalWeak32(b, at + 32, shoalU(z + w[1]), shoalU(y + shoalLoad64(b, at + 16)));
    tmp = x; x = z; z = tmp;
    at += 64;
  } while (at != end);
  var mul = shoalU(C.K1 + ((z & C.n255) << C.n1));
  at = last64;
  w[0] = shoalU(w[0] + BigInt((n - 1) & 63));
  v[0] = shoalU(v[0] + w[0]);
  w[0] = shoalU(w[0] + v[0]);
  x = shoalU(shoalRotr(shoalU(x + y + v[0] + shoalLoad64(b, at + 8)), 37) * mul);
  y = shoalU(shoalRotr(shoalU(y + v[1] + shoalLoad64(b, at + 48)), 42) * mul);
  x = x ^ shoalU(w[1] * C.n9);
  y = shoalU(y + v[0] * C.n9 + shoalLoad64(b, at + 40));
  z = shoalU(shoalRotr(shoalU(z + w[0]), 33) * mul);
  v = shoalWeak32(b, at, shoalU(v[1] * mul), shoalU(x + w[0]));
  w = shoalWeak32(b, at + 32, shoalU(z + w[1]), shoalU(y + shoalLoad64(b, at + 16)));
  return shoalHashLength16(
      shoalU(shoalHashLength16(v[0], w[0], mul) + shoalShiftMix(y) * C.K0 + x),
      shoalU(shoalHashLength16(v[1], w[1], mul) + z), mul);
}

// MurmurHash3's 64-bit finalizer (fmix64).
function shoalMix64(k) {
  var C = shoalBig();
  k = shoalU((k ^ (k >> C.n33)) * C.M1);
  k = shoalU((k ^ (k >> C.n33)) * C.M2);
  return k ^ (k >> C.n33);
}

function shoalByScore(scores) {
  var s = [];
  for (var i = 0; i < scores.length; i++) s.push([scores[i], i]);
  s.sort(function (x, y) { return x[0] != y[0] ? (x[0] > y[0] ? -1 : 1) : x[1] - y[1]; });
  var out = [];
  for (i = 0; i < s.length; i++) out.push(s[i][1]);
  return out;
}

function shoalUniform() {
  for (var i = 1; i < SHOAL.weights.length; i++) if (SHOAL.weights[i] != SHOAL.weights[0]) return false;
  return true;
}

// Rendezvous: mix64(hash64(key) ^ hash64(id)) -> top 53 bits; equal weights compare them, else
// -w / ln(u) with u = (top + 0.5) * 2^-53. hash64(id) comes precomputed in SHOAL.seeds.
function shoalRendezvousOrder(key) {
  var C = shoalBig(), kh = shoalFingerprint64(shoalUtf8(key)), uniform = shoalUniform(), scores = [];
  for (var i = 0; i < SHOAL.ids.length; i++) {
    var top = Number(shoalMix64(kh ^ BigInt(SHOAL.seeds[i])) >> C.n11);
    scores.push(uniform ? top : -SHOAL.weights[i] / Math.log((top + 0.5) / 9007199254740992));
  }
  return shoalByScore(scores);
}

function shoalJumpBucket(key, buckets) {
  var C = shoalBig(), b = -1, j = 0;
  while (j < buckets) {
    b = j;
    key = shoalU(key * C.JUMP + C.n1);
    j = Math.floor((b + 1) * (2147483648 / (Number(key >> C.n33) + 1)));
  }
  return b;
}

// Jump: the owner, then re-jump among the rest with mix64(hash + i) (equal weights only).
function shoalJumpOrder(key) {
  var h = shoalFingerprint64(shoalUtf8(key)), rest = [], out = [];
  for (var i = 0; i < SHOAL.ids.length; i++) rest.push(i);
  for (i = 0; rest.length > 0; i++) {
    var k = i == 0 ? h : shoalMix64(shoalU(h + BigInt(i)));
    out.push(rest.splice(shoalJumpBucket(k, rest.length), 1)[0]);
  }
  return out;
}

// Maglev: the population loop over the per-member offsets and skips (SHOAL.maglev), weights
// giving turns in proportion; a key owns entry hash64(key) mod size, failover walks onward.
var shoalTable = null;
function shoalMaglevTable() {
  if (shoalTable) return shoalTable;
  var g = SHOAL.maglev, size = g.size, n = SHOAL.ids.length, max = 0, entry = [], next = [], credit = [];
  for (var i = 0; i < n; i++) { max = Math.max(max, SHOAL.weights[i]); next.push(0); credit.push(0); }
  for (i = 0; i < size; i++) entry.push(-1);
  for (var filled = 0; filled < size;) {
    for (i = 0; i < n && filled < size; i++) {
      credit[i] += SHOAL.weights[i] / max;
      if (credit[i] < 1) continue;
      credit[i] -= 1;
      var c = (g.offsets[i] + next[i] * g.skips[i]) % size;
      while (entry[c] >= 0) { next[i]++; c = (g.offsets[i] + next[i] * g.skips[i]) % size; }
      entry[c] = i;
      next[i]++;
      filled++;
    }
  }
  shoalTable = entry;
  return entry;
}

function shoalMaglevOrder(key) {
  var table = shoalMaglevTable(), size = table.length, n = SHOAL.ids.length;
  var start = Number(shoalFingerprint64(shoalUtf8(key)) % BigInt(size)), seen = {}, out = [];
  for (var s = 0; s < size && out.length < n; s++) {
    var o = table[(start + s) % size];
    if (!seen[o]) { seen[o] = true; out.push(o); }
  }
  return out;
}

function shoalOrder(url) {
  var key = shoalKey(url);
  if (SHOAL.strategy == 'md5') return shoalMd5Order(key);
  if (SHOAL.strategy == 'ketama') return shoalKetamaOrder(key);
  if (SHOAL.strategy == 'carp') return shoalCarpOrder(key);
  if (typeof BigInt == 'function') {
    if (SHOAL.strategy == 'rendezvous') return shoalRendezvousOrder(key);
    if (SHOAL.strategy == 'jump') return shoalJumpOrder(key);
    if (SHOAL.strategy == 'maglev') return shoalMaglevOrder(key);
  }
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
