/* Comparateur best-price widget: <script src=".../widget.js" data-product="ID" async></script>
   replaces itself with an iframe served by the same site. No cookies, no third party. */
(function () {
  "use strict";
  var tags = document.querySelectorAll("script[data-product]");
  for (var i = 0; i < tags.length; i++) {
    var tag = tags[i];
    if (tag.getAttribute("data-comparateur") === "done") continue;
    var id = parseInt(tag.getAttribute("data-product"), 10);
    if (!(id > 0)) continue;
    tag.setAttribute("data-comparateur", "done");
    var origin = new URL(tag.src, document.baseURI).origin;
    var frame = document.createElement("iframe");
    frame.src = origin + "/widget/product/" + id;
    frame.title = tag.getAttribute("data-title") || "Meilleur prix";
    frame.className = "comparateur-widget";
    frame.width = "100%";
    frame.height = "212";
    frame.loading = "lazy";
    frame.setAttribute("frameborder", "0");
    frame.style.border = "0";
    frame.style.maxWidth = "380px";
    frame.style.display = "block";
    tag.parentNode.insertBefore(frame, tag.nextSibling);
  }
})();
