// Questions revealed or hidden by an answer, in place, without a reload (the citizen's pages).
// Each question's `relevant` expression comes as a tree (survey/public/relevance.py) and is
// evaluated here as forms/expression_tree.py does on the server, which checks every save anyway;
// XLSForm's value functions (if, coalesce, concat, round, int, string-length, regex, today, date,
// the ODK spec's arithmetic) are expression-functions.js's, and the page's calculates are computed from their trees in form
// order. A condition the script cannot follow (forms/browser_rules.py) comes as the server's
// decision so far, a literal: saving the page asks the server again.
// A hidden question's fieldset is disabled, so what it holds is not sent.
(function () {
  "use strict";
  var form = document.querySelector("form[data-rules]");
  if (!form) { return; }
  var page = JSON.parse(form.getAttribute("data-rules"));
  var NUMBER = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*$/;

  // The answer of a question of this page in stored form: null when empty.
  function storedHere(name) {
    var fields = form.querySelectorAll('[name="' + name + '"]');
    var values = [];
    fields.forEach(function (field) {
      if (field.disabled) { return; }
      if ((field.type === "radio" || field.type === "checkbox") && !field.checked) { return; }
      if (field.value.trim() !== "") { values.push(field.value.trim()); }
    });
    return values.length ? values.join(" ") : null;
  }

  // The answer as expressions see it (forms/types.py to_value).
  function typed(type, stored) {
    if (stored === null) { return null; }
    if (type === "satisfaction") { return /^[1-5]$/.test(stored) ? Number(stored) : null; }
    if (type === "integer") { return /^[-+]?\d+$/.test(stored) ? Number(stored) : null; }
    if (type === "decimal") {
      var text = stored.indexOf(".") < 0 ? stored.replace(",", ".") : stored;
      return NUMBER.test(text) ? Number(text) : null;
    }
    return stored;
  }

  var truthy = window.SurveyExpressions.truthy;
  function asNumber(value) {
    if (typeof value === "number") { return value; }
    return typeof value === "string" && NUMBER.test(value) ? Number(value) : null;
  }

  function comparable(left, right) {
    if (typeof left === "boolean" || typeof right === "boolean") {
      return typeof left === typeof right ? [left, right] : null;
    }
    if (typeof left === "string" && typeof right === "string") { return [left, right]; }
    var a = asNumber(left), b = asNumber(right);
    return a === null || b === null ? null : [a, b];
  }

  function compare(op, left, right) {
    if (left === null || right === null) { return false; }
    var pair = comparable(left, right);
    if (pair === null) { return op === "!="; }
    var a = pair[0], b = pair[1];
    return {"=": a === b, "==": a === b, "!=": a !== b, "<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op];
  }

  function arithmetic(op, left, right) {
    var a = asNumber(left), b = asNumber(right);
    if (a === null || b === null || ((op === "/" || op === "mod") && b === 0)) { return null; }
    return {"+": a + b, "-": a - b, "*": a * b, "/": a / b, "mod": a % b}[op];
  }

  function call(node, stored) {
    var answer = stored(node[2]);
    var chosen = answer === null ? [] : answer.split(" ");
    if (node[1] === "selected") { return chosen.indexOf(node[3]) >= 0; }
    if (node[1] === "count_selected") { return chosen.length; }
    return answer !== null;
  }

  function evaluate(node, stored, value) {
    var kind = node[0];
    if (kind === "lit") { return node[1]; }
    if (kind === "num") { return Number(node[1]); }
    if (kind === "name") { return value(node[1]); }
    if (kind === "not") { return !truthy(evaluate(node[1], stored, value)); }
    if (kind === "neg") { var n = asNumber(evaluate(node[1], stored, value)); return n === null ? null : -n; }
    if (kind === "call") { return call(node, stored); }
    if (kind === "fn") {
      var args = node[2].map(function (arg) { return evaluate(arg, stored, value); });
      return window.SurveyExpressions.call(node[1], args, page.today);
    }
    var op = node[1];
    if (op === "and" || op === "or") {
      var left = truthy(evaluate(node[2], stored, value));
      return left === (op === "or") ? left : truthy(evaluate(node[3], stored, value));
    }
    var l = evaluate(node[2], stored, value), r = evaluate(node[3], stored, value);
    return op in {"=": 1, "==": 1, "!=": 1, "<": 1, "<=": 1, ">": 1, ">=": 1} ? compare(op, l, r) : arithmetic(op, l, r);
  }

  // One pass in form order, as forms/checking.py: a hidden question's answer counts as missing.
  function update() {
    var effective = Object.assign({}, page.answers), shown = [];
    function stored(name) { return effective[name] === undefined ? null : effective[name]; }
    function value(name) { return typed(page.types[name], stored(name)); }
    page.order.forEach(function (name) {
      var rule = page.rules[name];
      var asked = rule === undefined || truthy(evaluate(rule, stored, value));
      var block = form.querySelector('[data-q="' + name + '"]');
      if (block && block.hidden === asked) { reveal(block, asked); }
      effective[name] = asked ? answerHere(name, stored, value) : null;
      if (asked) { shown.push(name); }
    });
    form.querySelector('input[name="_shown"]').value = shown.sort().join(" ");
  }

  // What the page holds for `name`: a calculate's value as the server stores it (text, '' none).
  function answerHere(name, stored, value) {
    var calc = page.calcs[name];
    if (calc === undefined) { return storedHere(name); }
    return window.SurveyExpressions.text(evaluate(calc, stored, value)) || null;
  }

  function reveal(block, asked) {
    block.hidden = !asked;
    if (block.tagName === "FIELDSET") { block.disabled = !asked; }
    block.classList.toggle("revealed", asked);
  }

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  update();
}());
