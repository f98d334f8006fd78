/* XLSForm's value functions for the pages' scripts (relevance.js on the citizen's pages, entry.js
   on the keyer's): if, coalesce, concat, round, int, string_length, regex, today, date and the
   ODK spec's arithmetic (abs, pow, sqrt, exp, exp10, log, log10, pi, sin … atan2), computed
   as forms/expression_functions.py computes them on the server, which checks every save anyway.
   Missing is null; numbers are JavaScript numbers where the server has decimals, so a sum like
   0.1 + 0.2 may differ in its last digit: the server's check is the one that counts.
   `today` is the province's day the server sent with the page (survey/clock.py), never the
   device's. */
(function () {
  "use strict";
  var NUMBER = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*$/;
  var ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

  function truthy(value) { return typeof value === "number" ? value !== 0 : Boolean(value); }

  function number(value) {
    if (typeof value === "number") { return value; }
    return typeof value === "string" && NUMBER.test(value) ? Number(value) : null;
  }

  /* XPath's string(): missing is '', numbers without exponent or trailing zeros. */
  function text(value) {
    if (value === null || value === undefined) { return ""; }
    if (typeof value === "boolean") { return value ? "true" : "false"; }
    if (typeof value === "number") { return value === 0 ? "0" : String(value); }
    return value;
  }

  /* Half away from zero, as Python's ROUND_HALF_UP; shifting by the exponent avoids 2.675 * 100. */
  function round(value, places) {
    var x = number(value), p = places === undefined ? 0 : number(places);
    if (x === null || p === null || p < 0 || p > 10) { return null; }
    p = Math.trunc(p);
    var shifted = Math.round(shift(Math.abs(x), p));
    return Math.sign(x) * shift(shifted, -p) + 0;
  }

  /* x times 10 to the p, by the decimal exponent where the number is written without one. */
  function shift(x, p) {
    var written = String(x);
    return written.indexOf("e") < 0 ? Number(written + "e" + p) : x * Math.pow(10, p);
  }

  function date(value) {
    var written = text(value).trim().slice(0, 10), parts = ISO_DAY.exec(written);
    if (!parts) { return null; }
    var day = new Date(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])));
    return day.getUTCDate() === Number(parts[3]) && day.getUTCMonth() === Number(parts[2]) - 1 ? written : null;
  }

  function regex(value, pattern) {
    return new RegExp(String(pattern)).test(text(value));
  }

  /* A function of numbers: missing for an argument that is none, or a result that is no finite number. */
  function arithmetic(compute) {
    return function (args) {
      var numbers = args.map(number);
      if (numbers.some(function (n) { return n === null; })) { return null; }
      var result = compute.apply(null, numbers);
      return isFinite(result) ? result : null;
    };
  }

  var FUNCTIONS = {
    "if": function (args) { return truthy(args[0]) ? args[1] : args[2]; },
    "coalesce": function (args) {
      var found = args.filter(function (arg) { return arg !== null && arg !== ""; });
      return found.length ? found[0] : null;
    },
    "concat": function (args) { return args.map(text).join(""); },
    "round": function (args) { return round(args[0], args[1]); },
    "int": function (args) { var x = number(args[0]); return x === null ? null : Math.trunc(x) + 0; },
    "string_length": function (args) { return Array.from(text(args[0])).length; },
    "regex": function (args) { return regex(args[0], args[1]); },
    "today": function (args, today) { return today || null; },
    "date": function (args) { return date(args[0]); },
    "abs": arithmetic(Math.abs), "sqrt": arithmetic(Math.sqrt), "exp": arithmetic(Math.exp),
    "exp10": arithmetic(function (x) { return Math.pow(10, x); }), "log": arithmetic(Math.log),
    "log10": arithmetic(Math.log10), "sin": arithmetic(Math.sin), "cos": arithmetic(Math.cos),
    "tan": arithmetic(Math.tan), "asin": arithmetic(Math.asin), "acos": arithmetic(Math.acos),
    "atan": arithmetic(Math.atan), "pow": arithmetic(Math.pow), "atan2": arithmetic(Math.atan2),
    "pi": arithmetic(function () { return Math.PI; })
  };

  /* The value of function `name` over the evaluated `args`; `today` the province's ISO day. */
  function call(name, args, today) { return FUNCTIONS[name](args, today); }

  window.SurveyExpressions = {call: call, text: text, truthy: truthy};
}());
