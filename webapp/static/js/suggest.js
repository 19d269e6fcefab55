// Suggestions as you type: progressive enhancement of the search form (works without it).
(function () {
  "use strict";
  var input = document.getElementById("q");
  var list = document.getElementById("suggestions");
  if (!input || !list || !window.fetch) return;
  var timer = null;
  var last = "";
  function clear() { list.hidden = true; while (list.firstChild) list.removeChild(list.firstChild); }
  function show(items) {
    clear();
    items.forEach(function (item) {
      var li = document.createElement("li");
      li.setAttribute("role", "option");
      var a = document.createElement("a");
      a.href = item.url;
      var name = document.createElement("span");
      name.textContent = item.name;  // text only: names come from shops
      a.appendChild(name);
      if (item.best_total_price) {
        var price = document.createElement("span");
        price.className = "muted";
        price.textContent = item.best_total_price + " €";
        a.appendChild(price);
      }
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = items.length === 0;
  }
  input.addEventListener("input", function () {
    var q = input.value.trim();
    if (timer) clearTimeout(timer);
    if (q.length < 2) { clear(); return; }
    timer = setTimeout(function () {
      if (q === last) return;
      last = q;
      fetch(input.dataset.suggest + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (items) { if (input.value.trim() === q) show(items); })
        .catch(clear);
    }, 150);
  });
  input.addEventListener("keydown", function (e) { if (e.key === "Escape") clear(); });
  document.addEventListener("click", function (e) { if (!list.contains(e.target) && e.target !== input) clear(); });
})();
