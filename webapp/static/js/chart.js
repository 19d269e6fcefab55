// Draws the price-history chart from the JSON block the page carries (no inline script).
(function () {
  "use strict";
  var holder = document.getElementById("price-chart");
  var source = document.getElementById("chart-data");
  if (!holder || !source || typeof uPlot === "undefined") return;
  var data = JSON.parse(source.textContent);
  var toNumber = function (v) { return v === null ? null : Number(v); };
  var xs = data.days.map(function (d) { return Date.parse(d + "T12:00:00Z") / 1000; });
  var palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];
  var series = [{}, { label: holder.dataset.marketLabel || "Market low", stroke: "#d6002a", width: 3, spanGaps: true }];
  var columns = [xs, data.market.map(toNumber)];
  data.shops.forEach(function (shop, i) {
    series.push({ label: shop.name, stroke: palette[i % palette.length], width: 1, spanGaps: true });
    columns.push(shop.values.map(toNumber));
  });
  var lang = document.documentElement.lang === "en" ? "en-GB" : "fr-FR";
  var euro = new Intl.NumberFormat(lang, { style: "currency", currency: "EUR" });
  var day = new Intl.DateTimeFormat(lang, { day: "numeric", month: "short", timeZone: "UTC" });
  var width = function () { return Math.max(280, holder.clientWidth); };
  var chart = new uPlot({
    width: width(),
    height: 320,
    series: series.map(function (s, i) {
      if (i === 0) return s;
      s.value = function (u, v) { return v === null ? "—" : euro.format(v); };
      return s;
    }),
    axes: [{ values: function (u, vals) { return vals.map(function (v) { return day.format(new Date(v * 1000)); }); } }, { size: 80, values: function (u, vals) { return vals.map(function (v) { return euro.format(v); }); } }],
  }, columns, holder);
  holder.dataset.drawn = "true";
  window.addEventListener("resize", function () { chart.setSize({ width: width(), height: 320 }); });
})();
