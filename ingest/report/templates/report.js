// Draws the Gantt charts (Vega-Lite specs in <script type="application/json">) and
// filters rows and bars by organisation, all in the page: no server, no network.
(function () {
  "use strict";
  const views = [];
  const specs = typeof vegaEmbed === "function" ? document.querySelectorAll("script.chart-spec") : [];
  const drawn = Array.from(specs).map(function (node) {
    const target = document.getElementById(node.dataset.target);
    // A filter may leave a chart empty on purpose: its "infinite extent" warning is noise.
    return vegaEmbed(target, JSON.parse(node.textContent), {renderer: "svg", actions: false, logLevel: 1 /* vega Error */})
      .then(function (result) { views.push(result.view); });
  });
  Promise.all(drawn).then(function () { document.body.dataset.chartsReady = String(views.length); })
    .catch(function (error) { console.error(error); });
  const select = document.getElementById("org-filter");
  if (!select) { return; }
  select.addEventListener("change", function () {
    const org = select.value;
    document.querySelectorAll("[data-orgs]").forEach(function (row) {
      row.hidden = org !== "" && row.dataset.orgs.indexOf("|" + org + "|") < 0;
    });
    Promise.all(views.map(function (view) { return view.signal("org", org).runAsync(); }))
      .then(function () { document.body.dataset.filtered = org; });
  });
}());
