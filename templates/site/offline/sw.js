/*
 * Pustaka Polmas service worker: after one visit the whole site (pages, assets, search index, map data)
 * opens with no signal. Part of Pustaka Polmas (MIT licence, see the project's README). No dependencies.
 *
 * The site generator (generator/outputs/offline.py) writes `self.POLMAS_BUILD` above this file:
 *   version   a hash of the build's content: the precache is named after it, so each build has its own;
 *   precache  {path: revision} of every file fetched on install;
 *   later     {path: revision} of the files cached only when first opened (the PDFs, the printable maps).
 *
 * Install fills the new build's cache, taking each file whose revision is unchanged from the previous
 * build's cache instead of the network: on a weak signal an update downloads only what changed. The new
 * worker then waits until the page says "muat ulang" (message SKIP_WAITING, sent by workbox-window), so a
 * page never mixes files of two builds; on activation it deletes the previous build's cache.
 */
"use strict"

var BUILD = self.POLMAS_BUILD
var SITE_CACHE = "polmas-site-"
var CURRENT = SITE_CACHE + BUILD.version
var LATER = "polmas-later"
var ROOT = new URL(self.registration.scope)
var PARALLEL = 6  /* a phone on a weak signal does better with a few requests at a time than with hundreds */

/* The cache key of a file carries its revision, so a key is reused only for the very same bytes. */
function keyOf(path, revision) {
  return new URL(path, ROOT).href + "?rev=" + revision
}

function fetchFresh(path) {
  /* no-cache: revalidate with the server, so the HTTP cache never puts an older build's file in this one */
  return fetch(new Request(new URL(path, ROOT).href, { cache: "no-cache", credentials: "same-origin" }))
    .then(function (response) {
      if (!response.ok) throw new Error("could not fetch " + path + ": " + response.status)
      return response
    })
}

function precacheOne(cache, path) {
  var key = keyOf(path, BUILD.precache[path])
  return caches.match(key).then(function (previous) {
    return previous ? cache.put(key, previous) : fetchFresh(path).then(function (r) { return cache.put(key, r) })
  })
}

function precacheAll(cache) {
  var paths = Object.keys(BUILD.precache)
  var next = 0
  function worker() {
    if (next >= paths.length) return Promise.resolve()
    var path = paths[next++]
    return precacheOne(cache, path).then(worker)
  }
  var workers = []
  for (var i = 0; i < PARALLEL; i++) workers.push(worker())
  return Promise.all(workers)
}

self.addEventListener("install", function (event) {
  /* A failed download fails the install: the previous build stays in charge, whole. */
  event.waitUntil(caches.open(CURRENT).then(precacheAll).catch(function (error) {
    return caches.delete(CURRENT).then(function () { throw error })
  }))
})

self.addEventListener("message", function (event) {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting()
})

function dropOtherBuilds() {
  return caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.startsWith(SITE_CACHE) && name !== CURRENT
    }).map(function (name) { return caches.delete(name) }))
  })
}

/* PDFs opened under an earlier build stay only while this build has the same file. */
function pruneLater() {
  var wanted = new Set(Object.keys(BUILD.later).map(function (path) { return keyOf(path, BUILD.later[path]) }))
  return caches.open(LATER).then(function (cache) {
    return cache.keys().then(function (requests) {
      return Promise.all(requests.filter(function (request) { return !wanted.has(request.url) })
        .map(function (request) { return cache.delete(request) }))
    })
  })
}

self.addEventListener("activate", function (event) {
  event.waitUntil(Promise.all([dropOtherBuilds(), pruneLater()]).then(function () {
    return self.clients.claim()
  }))
})

/* The file a request asks for, as a path relative to the site's root ("" and folders mean index.html). */
function pathOf(url) {
  if (url.origin !== ROOT.origin || !url.pathname.startsWith(ROOT.pathname)) return null
  var path = decodeURIComponent(url.pathname.slice(ROOT.pathname.length))
  return path === "" || path.endsWith("/") ? path + "index.html" : path
}

function fromPrecache(path, request) {
  return caches.open(CURRENT).then(function (cache) {
    return cache.match(keyOf(path, BUILD.precache[path]))
  }).then(function (cached) { return cached || fetch(request) })
}

function cachedWhenOpened(path, request) {
  var key = keyOf(path, BUILD.later[path])
  return caches.open(LATER).then(function (cache) {
    return cache.match(key).then(function (cached) {
      return cached || fetch(request).then(function (response) {
        if (response.status === 200) cache.put(key, response.clone())
        return response
      })
    })
  })
}

self.addEventListener("fetch", function (event) {
  var request = event.request
  if (request.method !== "GET") return
  var path = pathOf(new URL(request.url))
  if (path === null) return  /* other sites (map tiles) go to the network as usual */
  if (Object.prototype.hasOwnProperty.call(BUILD.precache, path)) {
    event.respondWith(fromPrecache(path, request))
  } else if (Object.prototype.hasOwnProperty.call(BUILD.later, path) && !request.headers.has("range")) {
    event.respondWith(cachedWhenOpened(path, request))
  }
})
