/* Saving paper entry in the background, offline too, on top of entry.js. A keyed form is kept in
   IndexedDB with its uuid and the page is blanked at once for the next paper (a new uuid made here,
   the focus in the serial), so typing never waits for the network; the form is then sent, and its
   fate (sending, stored, kept, refused) is told to entry.js, which shows it in the day's list. A
   form that cannot reach the server (no network, a failed connection, an ended session, a server
   error) stays kept. Kept forms are sent when the
   network is back (the online event, every 30 s, every page load) with a fresh CSRF token, and
   removed from the device only once the server answered stored (201) or duplicate (200): the
   uuid makes a repeated sending harmless. A form the server refuses (a 4xx: 422 for its answers,
   400 for characters no text may hold) stays, marked, with its problems, until the keyer corrects
   it; a form the server failed on (5xx) waits for the next round. Neither stops the forms after
   it: only the network, an ended session or a token refused as a whole (a 400 naming no problem)
   end a round. The service worker (sw.js) keeps the page itself. */
(function () {
  "use strict";
  var box = document.getElementById("offline-queue");
  var form = document.getElementById("entry-form");
  if (!box || !form || !window.indexedDB || !window.fetch || !window.crypto) { return; }
  var text = box.dataset;
  var states = document.getElementById("entry-today").dataset;  // what the day's list says of a form
  var countNode = document.getElementById("offline-count");
  var noteNode = document.getElementById("offline-note");
  var refusedNode = document.getElementById("offline-refused");
  var CACHE = "survey-entry-v1";  // shared with sw.js
  var RETRY_MS = 30000;
  var syncing = false;
  var sending = {};  // uuids of forms being saved in the background: neither counted as waiting nor sent twice
  var editing = null;  // the uuid of a refused form loaded back into the page for correction

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }

  /* --- the queue in IndexedDB: one record per keyed form, keyed by its uuid --- */
  var opened = null;
  function database() {
    opened = opened || new Promise(function (resolve, reject) {
      var request = indexedDB.open("survey-offline", 1);
      request.onupgradeneeded = function () { request.result.createObjectStore("entries", {keyPath: "uuid"}); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
    return opened;
  }

  /* Runs `work(store)` in one transaction; resolves, once it is committed, to the result of the request it returned. */
  function withStore(mode, work) {
    return database().then(function (db) {
      return new Promise(function (resolve, reject) {
        var transaction = db.transaction("entries", mode);
        var request = work(transaction.objectStore("entries"));
        transaction.oncomplete = function () { resolve(request ? request.result : undefined); };
        transaction.onerror = transaction.onabort = function () { reject(transaction.error); };
      });
    });
  }
  function allKept() {
    return withStore("readonly", function (store) { return store.getAll(); }).then(function (entries) {
      return entries.sort(function (a, b) { return a.created < b.created ? -1 : a.created > b.created ? 1 : 0; });
    });
  }
  function findKept(uuid) { return withStore("readonly", function (store) { return store.get(uuid); }); }
  function putKept(entry) { return withStore("readwrite", function (store) { store.put(entry); }); }
  function removeKept(uuid) { return withStore("readwrite", function (store) { store.delete(uuid); }); }

  function newUuid() {
    if (crypto.randomUUID) { return crypto.randomUUID(); }
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;  // version 4
    bytes[8] = (bytes[8] & 0x3f) | 0x80;  // RFC 4122 variant
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  /* --- the form --- */
  function entryOfForm() {
    var fields = [];
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrf_token" && name !== "uuid") { fields.push([name, String(value)]); }
    });
    var heading = document.querySelector("h1");
    return {uuid: form.elements.uuid.value, url: location.pathname, place: heading ? heading.textContent : "", keyer: text.keyer,
            serial: form.elements.serial.value, created: new Date().toISOString(), fields: fields,
            state: "waiting", problems: []};
  }

  function typedInputs() {
    return Array.prototype.filter.call(form.querySelectorAll("input"), function (input) { return input.type !== "hidden"; });
  }

  /* Anything typed in the page (a blank page is neither sent nor replaced by a form to correct). */
  function typed() { return typedInputs().some(function (input) { return input.value.trim() !== ""; }); }

  /* Empties the inputs the keyer types in and clears their problem marks (the server's too). */
  function clearInputs() {
    typedInputs().forEach(function (input) { input.value = ""; input.removeAttribute("aria-invalid"); });
    Array.prototype.forEach.call(document.querySelectorAll("#problems, #entry-form .error"), function (node) { node.remove(); });
    Array.prototype.forEach.call(form.querySelectorAll(".invalid"), function (row) { row.classList.remove("invalid"); });
  }

  /* A blank form for the next paper, with a uuid no kept or stored form has. */
  function blankForm() {
    clearInputs();
    form.elements.seconds.value = "";
    form.elements.uuid.value = newUuid();
    editing = null;
    form.dispatchEvent(new Event("input"));  // entry.js asks the routing again
    form.dispatchEvent(new Event("entry:blank"));  // and times the next paper from its first key
    form.elements.serial.focus();
  }

  /* A refused form back in the page, its problem fields marked, to be corrected and saved again. */
  function correct(entry) {
    clearInputs();
    entry.fields.forEach(function (pair) {
      var field = form.elements[pair[0]];
      if (field && field.type !== "hidden") { field.value = pair[1]; }
    });
    form.elements.uuid.value = entry.uuid;
    editing = entry.uuid;
    form.dispatchEvent(new Event("input"));
    var marked = entry.problems.map(function (problem) { return fieldOf(problem.field); }).filter(Boolean);
    marked.forEach(function (input) { input.setAttribute("aria-invalid", "true"); });
    note(fill(text.editing, {serial: entry.serial}));
    var first = marked[0] || form.elements.serial;
    first.focus();
    first.select();  // typing replaces the faulty value
  }

  /* The id of the input of a field the server names ("serial" or a question's key). */
  function fieldId(name) { return name === "serial" ? "serial" : "q-" + name; }

  function fieldOf(name) { return name ? document.getElementById(fieldId(name)) : null; }

  /* --- what the keyer sees --- */
  function note(message, link) {
    noteNode.textContent = message;
    if (link) {
      var anchor = document.createElement("a");
      anchor.href = link;
      anchor.textContent = link;
      noteNode.appendChild(document.createTextNode(" "));
      noteNode.appendChild(anchor);
    }
    noteNode.hidden = false;
  }

  /* Forms are sent, shown and corrected only by the account that keyed them (devices are shared). */
  function mine(entry) { return entry.keyer === text.keyer; }

  function render() {
    return allKept().then(function (entries) {
      var own = entries.filter(function (entry) { return mine(entry) && !sending[entry.uuid]; });
      var others = entries.length - own.length;
      countNode.textContent = fill(text.waiting, {count: own.length}) + (others ? " · " + fill(text.others, {count: others}) : "");
      showRefused(own.filter(function (entry) { return entry.state === "refused"; }));
    }, function () { countNode.textContent = text.noStorage; });
  }

  function showRefused(entries) {
    var list = refusedNode.querySelector("ul");
    list.textContent = "";
    refusedNode.hidden = entries.length === 0;
    entries.forEach(function (entry) {
      var item = document.createElement("li");
      item.appendChild(document.createTextNode(fill(text.refusedItem, {serial: entry.serial, place: entry.place})));
      var problems = document.createElement("ul");
      entry.problems.forEach(function (problem) {
        var line = document.createElement("li");
        line.textContent = (problem.field ? fieldName(problem.field) + ": " : "") + problem.message;
        problems.appendChild(line);
      });
      item.appendChild(problems);
      item.appendChild(correctControl(entry));
      list.appendChild(item);
    });
  }

  /* The question number (or the serial's label) of a field, as the keyer knows it. */
  function fieldName(name) {
    var label = document.querySelector("label[for='" + fieldId(name) + "']");
    var number = label && label.querySelector(".number");
    return number ? number.textContent.replace(/\.$/, "") : label ? label.textContent : name;
  }

  function correctControl(entry) {
    if (entry.url !== location.pathname) {
      var link = document.createElement("a");
      link.href = entry.url;
      link.textContent = text.correctElsewhere;
      return link;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = text.correct;
    button.addEventListener("click", function () {
      if (typed() && editing !== entry.uuid) { note(text.finishFirst); form.elements.serial.focus(); } else { correct(entry); }
    });
    return button;
  }

  /* --- talking to the server --- */
  function freshToken() {
    return fetch(text.token, {credentials: "same-origin", headers: {"Accept": "application/json"}}).then(function (response) {
      if (response.status === 401) { note(text.signInAgain, text.signIn); }
      return response.ok ? response.json().then(function (body) { return body.csrf_token; }) : null;
    }, function () { return null; });
  }

  function send(entry, token) {
    var body = new URLSearchParams();
    entry.fields.forEach(function (pair) { body.append(pair[0], pair[1]); });
    body.set("csrf_token", token);
    body.set("uuid", entry.uuid);
    return fetch(entry.url, {method: "POST", body: body, credentials: "same-origin",
                             headers: {"Accept": "application/json"}});
  }

  function confirmed(response) { return response.status === 201 || response.status === 200; }

  /* Resolves to the problems of a refusal (4xx), or to null for one that is no verdict on the form:
     a 400 naming no problem (a stale CSRF token) or 429 (too many sends): the form is sent again later. */
  function problemsOf(response) {
    return response.json().then(function (body) { return body.problems || []; }, function () { return []; })
      .then(function (problems) {
        if (problems.length) { return problems; }
        if (response.status === 400 || response.status === 429) { return null; }
        return [{field: "", message: fill(text.refusedStatus, {status: response.status})}];
      });
  }

  function refused(response) { return response.status >= 400 && response.status < 500 && response.status !== 401; }

  function refuse(entry, problems) {
    entry.state = "refused";
    entry.problems = problems;
    return putKept(entry);
  }

  /* Tells entry.js where a form stands, for the day's list (body: the server's reply, if any). */
  function told(entry, state, body, control) {
    form.dispatchEvent(new CustomEvent("entry:state", {detail: {
      uuid: entry.uuid, serial: entry.serial, state: state, body: body || null, control: control || null}}));
  }

  /* On the device first (never overwriting another kept form but the one being corrected). */
  function keep(entry, reopened) {
    return findKept(entry.uuid).then(function (kept) {
      if (kept && !reopened) { entry.uuid = newUuid(); }
      return putKept(entry);
    });
  }

  function refuseHere(entry, problems) {
    return refuse(entry, problems).then(function () { told(entry, states.refused, null, correctControl(entry)); });
  }

  function waitHere(entry) {
    told(entry, states.kept);
    note(fill(text.savedHere, {serial: entry.serial}));
  }

  function submitted(event) {
    event.preventDefault();
    if (!typed()) { form.elements.serial.focus(); return; }  // a second tap on a page already blanked
    var entry = entryOfForm();
    var reopened = editing === entry.uuid;
    blankForm();
    sending[entry.uuid] = true;
    told(entry, states.sending);
    var saving = keep(entry, reopened).then(function () { return navigator.onLine ? freshToken() : null; }, function () {
      note(text.noStorage);
      return freshToken();  // not kept: sent at once all the same
    });
    saving.then(function (token) {
      if (token === null) { return waitHere(entry); }
      return send(entry, token).then(function (response) { return answered(entry, response); },
                                     function () { return waitHere(entry); });
    }).catch(function () { return waitHere(entry); }).then(function () {
      delete sending[entry.uuid];
      return render();
    });
  }

  function stored(entry, response) {
    return response.json().catch(function () { return {}; }).then(function (body) {
      return removeKept(entry.uuid).then(function () {
        told(entry, body.state || "", body);
        if (body.message) { note(body.message); }
      });
    });
  }

  function answered(entry, response) {
    if (confirmed(response)) { return stored(entry, response); }
    if (response.status === 401) { note(text.signInAgain, text.signIn); return told(entry, states.kept); }
    if (!refused(response)) { return waitHere(entry); }
    return problemsOf(response).then(function (problems) {
      if (problems === null) { return waitHere(entry); }
      return refuseHere(entry, problems);
    });
  }

  /* Send every waiting form, oldest first; a refused or failed form does not hold back the next one,
     but the first sign of a network or session problem ends the round. */
  function sync() {
    if (syncing || !navigator.onLine) { return Promise.resolve(); }
    syncing = true;
    return allKept().then(function (entries) {
      var waiting = entries.filter(function (entry) {
        return mine(entry) && entry.state === "waiting" && !sending[entry.uuid];
      });
      return waiting.length ? freshToken().then(function (token) { return token && sendEach(waiting, token, 0); }) : null;
    }).catch(function () { return null; }).then(function () { syncing = false; return render(); });
  }

  function sendEach(entries, token, sent) {
    if (!entries.length) {
      if (sent) { note(fill(text.sent, {count: sent})); }
      return null;
    }
    var entry = entries[0];
    var rest = function () { return sendEach(entries.slice(1), token, sent); };
    return send(entry, token).then(function (response) {
      if (confirmed(response)) {
        return stored(entry, response).then(function () { return sendEach(entries.slice(1), token, sent + 1); });
      }
      if (response.status === 401) { note(text.signInAgain, text.signIn); return null; }
      if (!refused(response)) { return rest(); }  // the server failed on this one: it waits for the next round
      return problemsOf(response).then(function (problems) {
        return problems === null ? null : refuseHere(entry, problems).then(rest);
      });
    }, function () { return null; });  // the network is down again: later
  }

  /* --- start --- */
  function keepThisPage() {
    if (!window.caches || !navigator.onLine) { return; }
    var files = Array.prototype.map.call(document.querySelectorAll("link[rel=stylesheet], script[src]"),
                                         function (node) { return node.href || node.src; });
    caches.open(CACHE).then(function (cache) {
      // The page as fetched now, unless the session ended and the sign-in page came instead.
      fetch(location.pathname, {credentials: "same-origin"}).then(function (response) {
        if (response.ok && !response.redirected) { cache.put(location.pathname, response); }
      }).catch(function () { return null; });
      return cache.addAll(files);
    }).catch(function () { return null; });
  }

  if (navigator.serviceWorker) {
    navigator.serviceWorker.register(text.worker, {scope: text.scope}).catch(function () { return null; });
  }
  form.elements.uuid.value = newUuid();  // a page kept on the device carries an old uuid
  form.addEventListener("submit", submitted);
  window.addEventListener("online", sync);
  setInterval(sync, RETRY_MS);
  keepThisPage();
  render().then(sync);
}());
