// Generates es6-numbers.txt: the external oracle for Es6NumberFormatterTest.
//
//   cd core/src/test/resources && node gen-es6-numbers.js > es6-numbers.txt
//
// Each line is "<16 lowercase hex digits of the IEEE-754 bits> <String(x)>", where
// String(x) is the JavaScript engine's Number.prototype.toString(10) of x. The
// output is deterministic for a fixed seed (a splitmix64 PRNG, not Math.random), so
// re-running it reproduces the committed file byte for byte. Lines are unique by
// bits and in generation order. NaN and the infinities are never written.
// Written and last run with Node.js v20.20.2 (V8 11.3).
'use strict';

const SEED = 0x8785n; // RFC number, nothing more
const MASK64 = (1n << 64n) - 1n;
let state = SEED;
function next64() {
  // splitmix64
  state = (state + 0x9e3779b97f4a7c15n) & MASK64;
  let z = state;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return z ^ (z >> 31n);
}
/** Uniform double in [0, 1) with 53 random bits. */
function rand() {
  return Number(next64() >> 11n) / 2 ** 53;
}
/** Uniform integer in [0, n) for n <= 2^32. */
function randInt(n) {
  return Number(next64() >> 32n) % n;
}

const buf = new DataView(new ArrayBuffer(8));
function bitsOf(x) {
  buf.setFloat64(0, x);
  return buf.getBigUint64(0);
}
function fromBits(b) {
  buf.setBigUint64(0, b & MASK64);
  return buf.getFloat64(0);
}
/** Next double towards +infinity (finite input, not NaN). */
function nextUp(x) {
  if (x === 0) return Number.MIN_VALUE;
  const b = bitsOf(x);
  return fromBits(x > 0 ? b + 1n : b - 1n);
}
/** Next double towards -infinity. */
function nextDown(x) {
  return -nextUp(-x);
}

const seen = new Set();
const lines = [];
function emit(x) {
  if (!Number.isFinite(x)) return;
  const b = bitsOf(x);
  if (seen.has(b)) return;
  seen.add(b);
  lines.push(b.toString(16).padStart(16, '0') + ' ' + String(x));
}
function emitWithNeighbours(x) {
  emit(x);
  emit(nextUp(x));
  emit(nextDown(x));
}
function maybeNegate(x) {
  return randInt(4) === 0 ? -x : x;
}

// 1. Special values and layout boundaries.
[0, -0, 1, -1, 0.1, 0.2, 0.3, 0.5, 4.5, 333333333.33333329, 123e-20, 9007199254740991,
 9007199254740992, 9007199254740993, 9007199254740994, 9007199254740995, 2 ** 63, 2 ** 64,
 Number.MIN_VALUE, Number.MAX_VALUE, 2.2250738585072014e-308, 2.225073858507201e-308,
 1e21, 1e-7, 1e-6, 1e20, 999999999999999999999, 0.000001, 0.0000001, 1.5e-7, 1.5e-6,
 123456789012345680000, 1.2345678901234568e21, 5e-324, 1e23, 8.41e21, 5e-310]
  .forEach(x => { emitWithNeighbours(x); emitWithNeighbours(-x); });

// 2. Every power of ten that is a finite non-zero double, and both neighbours.
for (let k = -323; k <= 308; k++) {
  emitWithNeighbours(Number('1e' + k));
}

// 3. Every power of two (the round-trip interval is asymmetric there), plus nextDown.
for (let e = -1074; e <= 1023; e++) {
  const x = e < -1022
    ? fromBits(1n << BigInt(e + 1074))           // subnormal: a single mantissa bit
    : fromBits(BigInt(e + 1023) << 52n);         // normal: biased exponent, zero mantissa
  emit(x);
  emit(nextDown(x));
}

// 4. Random bit patterns: every exponent, random sign and mantissa.
for (let i = 0; i < 6000; i++) {
  emit(fromBits(next64()));
}

// 5. Random subnormals (and a few just above the normal threshold).
for (let i = 0; i < 1200; i++) {
  const mant = next64() & ((1n << 52n) - 1n);
  emit(maybeNegate(fromBits(mant)));
}
for (let i = 0; i < 200; i++) {
  emit(fromBits((1n << 52n) + (next64() & ((1n << 52n) - 1n))));
}

// 6. Random integers: small, around 2^53, and up to ~1e25.
for (let i = 0; i < 1000; i++) emit(maybeNegate(randInt(1000000)));
for (let i = 0; i < 1000; i++) emit(maybeNegate(Math.floor(rand() * 2 ** 53)));
for (let i = 0; i < 1000; i++) emit(maybeNegate(Math.floor(rand() * 10 ** (15 + randInt(11)))));

// 7. Random decimals rand() * 10^k (rand() is the seeded Math.random stand-in), k in -30..30.
for (let k = -30; k <= 30; k++) {
  for (let i = 0; i < 50; i++) emit(maybeNegate(rand() * 10 ** k));
}

// 8. Short decimals as configs write them ("0.01", "123.45"): n / 10^j, parsed from text.
for (let i = 0; i < 2000; i++) {
  const digits = String(1 + randInt(999999999)).slice(0, 1 + randInt(9));
  const j = randInt(12);
  emit(maybeNegate(Number(digits + 'e-' + j)));
}

process.stdout.write(lines.join('\n') + '\n');
process.stderr.write(`${lines.length} lines\n`);
