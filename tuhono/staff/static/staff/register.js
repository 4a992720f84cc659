// The partner place chosen from the gazetteer as one types (a combobox). Without JavaScript the officer
// types the name and chooses the country, and the server resolves it or lists the places of that name.
(function () {
  "use strict";
  var input = document.querySelector("[data-place-search]");
  var script = document.getElementById("register-script");
  if (!input || !script) return;
  var list = document.getElementById("place-results");
  var status = document.getElementById("place-status");
  var country = document.getElementById("id_place_country");
  var hidden = document.getElementById("id_place_geonames_id");
  var url = script.getAttribute("data-search-url");
  var options = [];
  var active = -1;
  var timer = null;
  var asked = 0;

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", "place-results");

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function choose(index) {
    var place = options[index];
    if (!place) return;
    input.value = place.name;
    if (hidden) hidden.value = place.id;
    if (country) country.value = place.country;
    status.textContent = place.label + " chosen";
    close();
  }

  function highlight(index) {
    var items = list.querySelectorAll("[role=option]");
    items.forEach(function (item, i) { item.setAttribute("aria-selected", i === index ? "true" : "false"); });
    active = index;
    if (items[index]) input.setAttribute("aria-activedescendant", items[index].id);
  }

  function show(results) {
    options = results;
    list.textContent = "";
    results.forEach(function (place, i) {
      var item = document.createElement("div");
      item.setAttribute("role", "option");
      item.id = "place-option-" + i;
      item.setAttribute("aria-selected", "false");
      item.textContent = place.label;
      item.addEventListener("mousedown", function (event) { event.preventDefault(); choose(i); });
      list.appendChild(item);
    });
    list.hidden = results.length === 0;
    input.setAttribute("aria-expanded", results.length ? "true" : "false");
    status.textContent = results.length ? results.length + " places found" : "No places found";
  }

  function search() {
    var text = input.value.trim();
    if (text.length < 2) { show([]); return; }
    var ticket = ++asked;
    var params = new URLSearchParams({ q: text });
    if (country && country.value && !hidden.value) params.set("country", country.value);
    fetch(url + "?" + params.toString(), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) { if (ticket === asked) show(data.results || []); })
      .catch(function () { show([]); });
  }

  input.addEventListener("input", function () {
    if (hidden) hidden.value = "";
    clearTimeout(timer);
    timer = setTimeout(search, 200);
  });
  input.addEventListener("keydown", function (event) {
    if (list.hidden) return;
    if (event.key === "ArrowDown") { event.preventDefault(); highlight(Math.min(active + 1, options.length - 1)); }
    else if (event.key === "ArrowUp") { event.preventDefault(); highlight(Math.max(active - 1, 0)); }
    else if (event.key === "Enter" && active >= 0) { event.preventDefault(); choose(active); }
    else if (event.key === "Escape") { close(); }
  });
  input.addEventListener("blur", function () { setTimeout(close, 150); });
})();
