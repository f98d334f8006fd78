/* Service worker of the paper-entry pages (served as /nhap-phieu/sw.js, scope /nhap-phieu/).
   Entry pages: the network first, the last copy kept on the device when the network is down.
   Static files (their URLs carry a hash of their content): the device's copy first.
   Everything else, posts and JSON above all, goes to the network untouched: keyed forms are
   queued by offline.js in IndexedDB, never by this worker. */
"use strict";
var CACHE = "survey-entry-v1";

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) {
  // A new version of this file may rename CACHE: the copies kept under an older name go.
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name.indexOf("survey-entry-") === 0 && name !== CACHE; })
      .map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) { return; }
  if (request.mode === "navigate") {
    event.respondWith(page(request, url));
  } else if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(asset(request));
  }
});

/* A page from the network (its plain URL kept for later), else the kept copy of that URL. */
function page(request, url) {
  return fetch(request).then(function (response) {
    // Only a clean page: not a confirmation (?luu=...), not the sign-in page we were sent to.
    if (response.ok && !url.search && !response.redirected) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { return cache.put(url.pathname, copy); });
    }
    return response;
  }, function () {
    return caches.match(url.pathname).then(function (kept) { return kept || Response.error(); });
  });
}

function asset(request) {
  return caches.match(request).then(function (kept) {
    return kept || fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { return cache.put(request, copy); });
      }
      return response;
    });
  });
}
