/* Export pages: follow the progress of queued and running exports by polling their JSON status
   every two seconds; when one ends, reload the page (it shows the download link or the error).
   Without this script the page's "refresh" link does the same by hand. */
(function () {
  "use strict";
  var busy = function (state) { return state === "queued" || state === "running"; };

  function show(item, status) {
    item.querySelector(".job-state").textContent = status.state_text;
    var bar = item.querySelector(".job-progress");
    if (status.rows_total) { bar.max = status.rows_total; bar.value = status.rows_done; }
    item.querySelector(".job-rows").textContent = status.rows_total
      ? status.rows_done + " / " + status.rows_total : String(status.rows_done);
  }

  function poll() {
    var items = Array.prototype.filter.call(document.querySelectorAll("[data-status]"),
      function (item) { return busy(item.getAttribute("data-state")); });
    if (!items.length) { return; }
    Promise.all(items.map(function (item) {
      return fetch(item.getAttribute("data-status"), {credentials: "same-origin", headers: {Accept: "application/json"}})
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (status) {
          if (!status) { return false; }
          show(item, status);
          return !busy(status.state);
        });
    })).then(function (ended) {
      if (ended.indexOf(true) >= 0) { window.location.reload(); } else { window.setTimeout(poll, 2000); }
    }, function () { window.setTimeout(poll, 5000); });
  }

  document.addEventListener("DOMContentLoaded", function () { window.setTimeout(poll, 1000); });
}());
