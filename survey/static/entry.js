/* Paper entry, keyboard only (CSPro-like): Enter moves to the next question the routing asks (not
   past a code that is none of the question's), the chosen option's label shows next to its code,
   skipped questions are disabled (so they are not sent), the form's keying time is measured, and
   the day's list shows where each form saved in the background stands (offline.js tells). The page works without this file; the
   server checks everything again with the same rules (the expression trees in #entry-rules, XLSForm's
   value functions from expression-functions.js, the calculates computed from their trees). */
(function () {
  "use strict";
  var form = document.getElementById("entry-form");
  var rulesNode = document.getElementById("entry-rules");
  if (!form || !rulesNode) { return; }
  var rules = JSON.parse(rulesNode.textContent), questions = rules.questions;
  var expressions = window.SurveyExpressions;
  var byKey = {};
  questions.forEach(function (q) { byKey[q.key] = q; q.input = document.getElementById("q-" + q.key); });
  var NUMBER = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*$/;
  var INTEGER = /^[-+]?\d{1,30}$/;

  function codeList(q) { return Object.keys(q.codes); }

  /* What the keyer typed as a stored answer: {value: string|null, bad: bool} (see entries/codes.py). */
  function toStored(q, typed) {
    var text = typed.trim();
    if (!text) { return {value: null, bad: false}; }
    var codes = codeList(q);
    if (codes.length) {
      var parts = text.split(/[\s,;]+/).filter(Boolean);
      var bad = parts.some(function (c) { return !(c in q.codes); }) ||
        (q.type !== "select_multiple" && q.type !== "rank" && parts.length > 1);
      if (bad) { return {value: null, bad: true}; }
      var order = codes.map(function (c) { return q.codes[c][0]; });
      var values = parts.map(function (c) { return q.codes[c][0]; });
      if (q.type === "rank") { return {value: values.join(" "), bad: false}; }  /* the typed order is the rank */
      values = values.filter(function (v, i, all) { return all.indexOf(v) === i; })
        .sort(function (a, b) { return order.indexOf(a) - order.indexOf(b); });
      return {value: values.join(" "), bad: false};
    }
    if (q.type === "integer" && INTEGER.test(text) && text.length < 16) {
      return {value: String(parseInt(text, 10)), bad: false};
    }
    if (q.type === "decimal" && text.indexOf(".") < 0) { text = text.replace(",", "."); }
    return {value: text, bad: false};
  }

  /* The value expressions see (forms/types.py to_value): numbers for the scale and numbers. */
  function typedValue(q, stored) {
    if (stored === null || stored === undefined) { return null; }
    if (q.type === "satisfaction") { return /^[1-5]$/.test(stored) ? Number(stored) : null; }
    if (q.type === "integer" || q.type === "decimal" || q.type === "range") {
      return NUMBER.test(stored) ? Number(stored) : null;
    }
    return stored;
  }

  var truthy = expressions.truthy;
  function asNumber(v) {
    if (typeof v === "number") { return v; }
    return typeof v === "string" && NUMBER.test(v) ? Number(v) : null;
  }
  function comparable(l, r) {
    if (typeof l === "boolean" || typeof r === "boolean") { return typeof l === typeof r ? [l, r] : null; }
    if (typeof l === "string" && typeof r === "string") { return [l, r]; }
    var a = asNumber(l), b = asNumber(r);
    return a === null || b === null ? null : [a, b];
  }
  var COMPARE = {
    "=": function (a, b) { return a === b; }, "==": function (a, b) { return a === b; },
    "!=": function (a, b) { return a !== b; }, "<": function (a, b) { return a < b; },
    "<=": function (a, b) { return a <= b; }, ">": function (a, b) { return a > b; },
    ">=": function (a, b) { return a >= b; }
  };
  var ARITHMETIC = {
    "+": function (a, b) { return a + b; }, "-": function (a, b) { return a - b; },
    "*": function (a, b) { return a * b; }, "/": function (a, b) { return a / b; },
    "mod": function (a, b) { return a % b; }
  };

  function binary(node, look) {
    var op = node[1];
    if (op === "and" || op === "or") {
      var left = truthy(evaluate(node[2], look));
      return left === (op === "or") ? left : truthy(evaluate(node[3], look));
    }
    var l = evaluate(node[2], look), r = evaluate(node[3], look);
    if (op in COMPARE) {
      if (l === null || r === null) { return false; }
      var pair = comparable(l, r);
      return pair === null ? op === "!=" : COMPARE[op](pair[0], pair[1]);
    }
    var a = asNumber(l), b = asNumber(r);
    if (a === null || b === null || ((op === "/" || op === "mod") && b === 0)) { return null; }
    return ARITHMETIC[op](a, b);
  }

  function call(node, look) {
    var stored = look.stored(node[2]);
    var chosen = stored === null ? [] : stored.split(" ");
    if (node[1] === "selected") { return chosen.indexOf(node[3]) >= 0; }
    if (node[1] === "count_selected") { return chosen.length; }
    return stored !== null;
  }

  /* An expression tree of forms/browser_rules.py's tree(): [kind, ...operands]. */
  function evaluate(node, look) {
    switch (node[0]) {
      case "lit": return node[1];
      case "num": return Number(node[1]);
      case "name": return look.value(node[1]);
      case "not": return !truthy(evaluate(node[1], look));
      case "neg": var n = asNumber(evaluate(node[1], look)); return n === null ? null : -n;
      case "bin": return binary(node, look);
      case "fn": return expressions.call(node[1], node[2].map(function (arg) { return evaluate(arg, look); }), rules.today);
      default: return call(node, look);
    }
  }

  /* Relevance in form order, reading only effective answers of earlier questions (forms/checking.py);
     a calculate computed where it stands, stored as text ('' none) like the server's. */
  function refresh() {
    var effective = {};
    var look = {
      stored: function (key) { return effective[key] === undefined ? null : effective[key]; },
      value: function (key) { return typedValue(byKey[key] || {type: "calculate"}, look.stored(key)); }
    };
    function holds(when) { return when.every(function (tree) { return truthy(evaluate(tree, look)); }); }
    rules.order.forEach(function (key) {
      var q = byKey[key], calc = rules.calculates[key];
      if (calc) { effective[key] = holds(calc.when) ? expressions.text(evaluate(calc.tree, look)) || null : null; }
      if (!q) { return; }
      var asked = holds(q.when);
      var answer = narrowed(q, toStored(q, q.input.value), effective);
      effective[q.key] = asked ? answer.value : null;
      show(q, asked, answer);
    });
  }

  /* A cascading select's codes for the answer it depends on (entry.py's cascade): the others are
     hidden from its list and refused, as the server's check refuses them on save. */
  function narrowed(q, answer, effective) {
    if (!q.cascade) { return answer; }
    var parent = effective[q.cascade.reads];
    var kept = parent === undefined || parent === null ? null : (q.cascade.codes[parent] || []);
    document.querySelectorAll("#codes-" + q.key + " [data-code]").forEach(function (span) {
      span.hidden = kept !== null && kept.indexOf(span.getAttribute("data-code")) < 0;
    });
    var parts = q.input.value.trim().split(/[\s,;]+/).filter(Boolean);
    var outside = kept !== null && parts.some(function (c) { return kept.indexOf(c) < 0; });
    return outside ? {value: null, bad: true} : answer;
  }

  function show(q, asked, answer) {
    var row = document.getElementById("row-" + q.key);
    var out = document.getElementById("chosen-" + q.key);
    row.classList.toggle("skipped", !asked);
    q.input.disabled = !asked;
    out.classList.toggle("bad", answer.bad);
    q.input.classList.toggle("bad", answer.bad);
    if (!asked || !codeList(q).length) { out.textContent = ""; return; }
    var parts = q.input.value.trim().split(/[\s,;]+/).filter(Boolean);
    out.textContent = answer.bad ? form.dataset.badCode : parts.map(function (c) { return q.codes[c][1]; }).join("; ");
  }

  function fields() {
    return [document.getElementById("serial")].concat(questions.map(function (q) { return q.input; }))
      .filter(function (input) { return !input.disabled; });
  }

  /* The first asked input holding a code that is none of its question's (null when none). */
  function badInput(among) {
    var bad = questions.filter(function (q) { return !q.input.disabled && toStored(q, q.input.value).bad; });
    var inputs = bad.map(function (q) { return q.input; }).filter(function (input) { return among.indexOf(input) >= 0; });
    return inputs[0] || null;
  }

  /* Focus on a field with its value selected: what is typed next replaces it. */
  function pick(input) { input.focus(); input.select(); }

  var started = null;
  var spent = form.elements.seconds;
  form.addEventListener("keydown", function (event) {
    if (started === null) { started = Date.now() - (Number(spent.value) || 0) * 1000; }
    if (event.key !== "Enter" || event.target.tagName !== "INPUT") { return; }
    event.preventDefault();
    refresh();
    if (badInput([event.target])) { pick(event.target); return; }
    var list = fields();
    var next = list[list.indexOf(event.target) + 1];
    if (next) { pick(next); } else { form.requestSubmit(); }
  });
  form.addEventListener("input", refresh);
  form.addEventListener("entry:blank", function () { started = null; });
  form.addEventListener("submit", function (event) {
    refresh();
    var bad = badInput(fields());
    if (bad) {  // the server would refuse it: corrected here first, and offline.js never sees it
      event.preventDefault();
      event.stopImmediatePropagation();
      pick(bad);
      return;
    }
    if (started !== null) { spent.value = ((Date.now() - started) / 1000).toFixed(1); }
  });

  /* --- the day's list: a row per form, updated as offline.js saves it --- */
  var today = document.getElementById("entry-today");
  var count = document.getElementById("keyed-count");

  function rowOf(uuid) {
    var row = today.querySelector("tr[data-uuid='" + uuid + "']");
    if (!row) {
      row = document.createElement("tr");
      row.dataset.uuid = uuid;
      today.tBodies[0].insertBefore(row, today.tBodies[0].firstChild);
    }
    return row;
  }

  form.addEventListener("entry:state", function (event) {
    var told = event.detail, body = told.body || {};
    var row = rowOf(told.uuid);
    row.textContent = "";
    [told.serial, body.unit || today.dataset.unit, body.time || "–", told.state].forEach(function (value) {
      row.appendChild(document.createElement("td")).textContent = value;
    });
    if (told.control) { row.lastChild.appendChild(document.createTextNode(" ")); row.lastChild.appendChild(told.control); }
    row.toggleAttribute("data-saved", Boolean(body.time));
    today.hidden = false;
    count.textContent = count.dataset.text.replace("{count}", today.querySelectorAll("tr[data-saved]").length);
  });

  refresh();
  var invalid = form.querySelector("[aria-invalid=true]");
  if (invalid) { pick(invalid); }
}());
