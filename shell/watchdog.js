// @ts-check
// The page's watchdog (started by guard.js once the app is ready).  A worker has its own thread
// and real timers, so it keeps time while the page's main thread is stuck in one step (and
// whatever the page's own clock says).  Every BEAT_MS it asks the page; the page answers at once
// when it is free.  An answer that took longer than the page's limit means the page was stuck
// that long: the worker says so, once, and the page stops the app.  The worker itself can be
// frozen too (a phone asleep, a frozen background page): its own beats then come late, and
// nothing asked before that counts.
'use strict';
var BEAT_MS = 1000;
var stallMs = 4000;
var epoch = 0;          // bumped whenever earlier questions no longer count
/** @type {Record<string, number[]>} tick -> [epoch, when asked] */
var asked = {};
var tick = 0;
var lastBeat = 0;
var timer = 0;

function beat() {
  var now = performance.now();
  if (lastBeat && now - lastBeat > 3 * BEAT_MS) { epoch++; asked = {}; }  // this worker was frozen
  lastBeat = now;
  tick++;
  asked[tick] = [epoch, now];
  self.postMessage({ tick: tick });
}

function start() {
  if (timer) return;
  epoch++;
  asked = {};
  lastBeat = 0;
  beat();
  timer = setInterval(beat, BEAT_MS);
}

function stop() {
  clearInterval(timer);
  timer = 0;
  epoch++;
  asked = {};
}

self.onmessage = function (e) {
  var m = e.data || {};
  if (typeof m.stallMs === 'number') stallMs = m.stallMs;
  if (m.paused === true) { stop(); return; }
  if (m.paused === false) { start(); return; }
  if (typeof m.ack !== 'number' || !asked[m.ack]) return;
  var question = asked[m.ack];
  delete asked[m.ack];
  // Every earlier question is answered by this one (answers come in order).
  for (var k in asked) if (Number(k) < m.ack) delete asked[k];
  if (question[0] !== epoch) return;
  var waited = performance.now() - question[1];
  if (waited > stallMs) {
    stop();
    self.postMessage({ stalled: waited });
  }
};
