/* Reorder a list by dragging its items (HTML5 drag events), then post the new order with htmx.
 *
 * A list marked data-reorder-url="…" data-opened="12,7,9" has items with
 * data-item="<id>" draggable="true". When an item is dropped in a new place,
 * the list's section is replaced by the server's answer to a POST of
 * opened (the order the page showed: the version check) and order (the new one).
 * Without JavaScript, or without a mouse, the items' Move up / Move down buttons
 * do the same. No inline script: the Content Security Policy forbids it.
 */
(function () {
  "use strict";
  var dragged = null;

  function ids(list) {
    return Array.prototype.map.call(list.querySelectorAll(":scope > li[data-item]"), function (li) {
      return li.getAttribute("data-item");
    }).join(",");
  }

  function itemOf(target, list) {
    var li = target && target.closest ? target.closest("li[data-item]") : null;
    return li && li.parentElement === list ? li : null;
  }

  function enable(list) {
    if (list.getAttribute("data-reorder-ready")) return;
    list.setAttribute("data-reorder-ready", "1");
    var help = list.parentElement.querySelector(".drag-help");
    if (help) help.hidden = false;

    list.addEventListener("dragstart", function (event) {
      dragged = itemOf(event.target, list);
      if (!dragged) return;
      dragged.classList.add("dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", dragged.getAttribute("data-item"));
    });
    list.addEventListener("dragover", function (event) {
      var over = itemOf(event.target, list);
      if (!dragged || !over || over === dragged) return;
      event.preventDefault();
      var box = over.getBoundingClientRect();
      var after = event.clientY > box.top + box.height / 2;
      list.insertBefore(dragged, after ? over.nextSibling : over);
    });
    list.addEventListener("drop", function (event) {
      if (dragged) event.preventDefault();
    });
    list.addEventListener("dragend", function () {
      if (!dragged) return;
      dragged.classList.remove("dragging");
      dragged = null;
      var opened = list.getAttribute("data-opened");
      var order = ids(list);
      if (order === opened || !window.htmx) return;
      var section = list.closest("section");
      window.htmx.ajax("POST", list.getAttribute("data-reorder-url"), {
        target: section,
        swap: "outerHTML",
        values: { opened: opened, order: order },
      });
    });
  }

  function enableAll(root) {
    (root || document).querySelectorAll("[data-reorder-url]").forEach(enable);
  }

  document.addEventListener("DOMContentLoaded", function () { enableAll(document); });
  document.addEventListener("htmx:load", function (event) { enableAll(event.target.parentElement || document); });
})();
